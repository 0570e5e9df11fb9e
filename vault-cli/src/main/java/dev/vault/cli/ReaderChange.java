package dev.vault.cli;

import dev.vault.core.IdentitySource;
import dev.vault.core.RekeyResult;
import dev.vault.core.SecretName;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;

import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * What grant and revoke share: a secret and a reader, a change to the manifest, then a report of how the
 * secret's file followed it.
 */
abstract class ReaderChange implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name.")
    String name;

    @Parameters(index = "1", paramLabel = "READER", description = "An identity or group of the manifest.")
    String reader;

    /** Changes the readers of {@code secret} and rekeys it. */
    abstract RekeyResult change(Vault vault, SecretName secret, IdentitySource identities) throws VaultException;

    /** What was done, such as "granted db/password to bob". */
    abstract String done(SecretName secret);

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        return report(root.io, done(secret), change(root.openVault(), secret, root.identity()));
    }

    private static int report(Io io, String done, RekeyResult result) {
        switch (result.status()) {
            case REKEYED:
                io.out.println(done + "; rekeyed it (" + result.change() + ")");
                break;
            case UNCHANGED:
                io.out.println(done);
                break;
            default:
                io.out.println(done + " in the manifest");
                io.err.print(Colour.of(io, Colour.STDERR).lines("vault: error: \"" + result.secret()
                        + "\" was not encrypted again: " + result.problem() + "\n"
                        + "vault: hint: until a reader runs `vault rekey " + result.secret()
                        + "`, its file keeps its earlier recipients\n"));
                return ExitCodes.NO_ACCESS;
        }
        warnRotation(io, result);
        return ExitCodes.OK;
    }

    /** Whoever lost access to a rekeyed secret may have seen its value: say it should be rotated. */
    static void warnRotation(Io io, RekeyResult result) {
        if (result.shouldRotate()) {
            io.err.print(Colour.of(io, Colour.STDERR).lines("vault: warning: " + String.join(", ", result.removed())
                    + " could read \"" + result.secret() + "\" and may have seen its value; rotate it: vault rotate "
                    + result.secret() + "\n"));
        }
    }
}
