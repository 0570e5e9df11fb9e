package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.audit.Actor;
import dev.vault.core.audit.Checkpoint;
import dev.vault.core.audit.CheckpointKey;
import dev.vault.core.audit.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "checkpoint", description = {
        "Verify the log, then print a signed checkpoint of its head.",
        "The checkpoint is a C2SP signed note: origin, size, hash, Ed25519 signature.",
        "Keep it somewhere else; `vault audit verify --checkpoint FILE` later proves the",
        "log still extends it. The signing key is made on first use: checkpoint.key",
        "(mode 0600) in the config folder, with its verifier key checkpoint.key.pub",
        "beside it."})
final class AuditCheckpointCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand audit;

    @Override
    public Integer call() throws VaultException {
        VaultCommand root = audit.root;
        VaultPaths paths = audit.paths();
        VerifyReport report;
        try (Progress progress = Progress.bytes(root.io, "audit checkpoint")) {
            report = AuditCommand.verify(paths, null, null, progress);
        }
        if (!report.ok()) {
            throw AuditCommand.broken(paths, report);
        }
        Path keyFile = keyFile(root);
        if (realPath(keyFile).startsWith(realPath(paths.root()))) {
            throw VaultException.failed("the checkpoint key \"" + keyFile + "\" would be inside the vault folder, "
                    + "where whoever can rewrite the log could also re-sign it",
                    "point XDG_CONFIG_HOME to a folder outside " + paths.root());
        }
        Actor actor = Actor.current(root.io.env);
        CheckpointKey key = CheckpointKey.signer(keyFile, keyName(actor.user(), actor.host()));
        root.io.out.print(Checkpoint.signed(origin(actor.host(), paths), report, key).text());
        root.io.out.flush();
        return ExitCodes.OK;
    }

    /** The path with symbolic links resolved as far as it exists (the rest need not exist yet). */
    static Path realPath(Path path) throws VaultException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw VaultException.failed("cannot resolve \"" + path + "\": " + e.getMessage());
        }
    }

    static Path keyFile(VaultCommand root) {
        return root.configFolder().resolve("checkpoint.key");
    }

    /** The checkpoint's origin line: this host and the vault's folder, without spaces or '+'. */
    static String origin(String host, VaultPaths paths) {
        return clean(host + paths.root());
    }

    private static String keyName(String user, String host) {
        return clean("vault-audit-" + user + "@" + host);
    }

    private static String clean(String text) {
        StringBuilder clean = new StringBuilder();
        text.codePoints().forEach(c -> clean.appendCodePoint(c <= ' ' || c == '+' || c > '~' ? '_' : c));
        return clean.toString();
    }
}
