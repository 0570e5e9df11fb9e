package dev.vault.cli;

import dev.vault.core.IdentitySource;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.audit.Actor;
import dev.vault.core.audit.ChainedAuditLog;
import dev.vault.core.crypto.IdentityFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The top command: global options, and where a vault and an identity are found. */
@Command(name = "vault", mixinStandardHelpOptions = true, version = "vault 0.1.0",
        description = "A secrets vault for people and AI agents: age-encrypted, every access recorded.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:failed: bad input, no such secret or vault, unreadable file, audit chain broken",
                "2:usage error (unknown command or option); guard check: the command is denied",
                "3:no access: not a reader of the secret, the identity does not open it, or the identity file is refused",
                "4:the audit log could not be written: nothing was released or changed",
                "126:exec: the command could not be run",
                "127:exec: the command was not found"},
        footerHeading = "%nFiles:%n",
        footer = {"  vault:    --vault DIR, else $VAULT_DIR, else the nearest .vault/ from here upward",
                "  identity: -i FILE, else $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt",
                "  an encrypted identity's passphrase: $VAULT_PASSPHRASE_FILE, else typed"})
final class VaultCommand implements Callable<Integer> {
    final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--vault", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).")
    String vaultDir;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).")
    String identityFile;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    VaultCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(io.err);
        return ExitCodes.USAGE;
    }

    /** The vault's paths, found as the footer says; its folder need not exist yet. */
    VaultPaths vaultPaths(boolean mustExist) throws VaultException {
        VaultPaths explicit = explicitVaultPaths();
        if (explicit != null) {
            return explicit;
        }
        VaultPaths found = VaultPaths.findFrom(io.cwd);
        if (found == null && mustExist) {
            throw VaultException.failed("no vault here: no .vault/ in \"" + io.cwd + "\" or any folder above it",
                    "create one with `vault init`, or name one with --vault DIR or VAULT_DIR");
        }
        return found != null ? found : VaultPaths.of(io.cwd.resolve(VaultPaths.DEFAULT_FOLDER));
    }

    /** The vault named by --vault, else $VAULT_DIR, or null when neither names one. */
    VaultPaths explicitVaultPaths() {
        String explicit = vaultDir != null ? vaultDir : io.env.get("VAULT_DIR");
        return explicit != null && !explicit.isEmpty() ? VaultPaths.of(io.resolve(explicit)) : null;
    }

    /** The purpose for the audit log: --purpose, else $VAULT_PURPOSE, else null (the manifest's); empty is none. */
    String statedPurpose(String purpose) {
        String stated = purpose != null ? purpose : io.env.get("VAULT_PURPOSE");
        return stated == null || stated.isEmpty() ? null : stated;
    }

    Vault openVault() throws VaultException {
        VaultPaths paths = vaultPaths(true);
        return Vault.open(paths, auditLog(paths), io.clock);
    }

    /**
     * The vault's audit log, acting as this process. {@code VAULT_AUDIT_SEGMENT_BYTES} sets the size at
     * which the active segment is sealed (for tests and benchmarks; the default is 32 MiB), and
     * {@code VAULT_AUDIT_LOCK_WAIT_MS} how long an access waits for another process's write (default 10 s).
     */
    ChainedAuditLog auditLog(VaultPaths paths) throws VaultException {
        return auditLog(paths, Actor.current(io.env));
    }

    /** The vault's audit log, with entries made by {@code actor}. */
    ChainedAuditLog auditLog(VaultPaths paths, Actor actor) throws VaultException {
        return auditLog(paths, actor, Long.MAX_VALUE);
    }

    /** The same, waiting at most {@code maxLockWaitMillis} for the lock whatever VAULT_AUDIT_LOCK_WAIT_MS says. */
    ChainedAuditLog auditLog(VaultPaths paths, Actor actor, long maxLockWaitMillis) throws VaultException {
        long segmentBytes = positive("VAULT_AUDIT_SEGMENT_BYTES", ChainedAuditLog.DEFAULT_SEGMENT_BYTES,
                "bytes", "32 MiB");
        long lockWaitMillis = positive("VAULT_AUDIT_LOCK_WAIT_MS", ChainedAuditLog.DEFAULT_LOCK_WAIT_MILLIS,
                "milliseconds", "10 seconds");
        return new ChainedAuditLog(paths.auditFolder(), actor, io.clock, segmentBytes,
                Math.min(lockWaitMillis, maxLockWaitMillis));
    }

    /** The positive number the variable {@code name} holds, or {@code otherwise} when it is unset or empty. */
    private long positive(String name, long otherwise, String unit, String defaultText) throws VaultException {
        String stated = io.env.get(name);
        if (stated == null || stated.isEmpty()) {
            return otherwise;
        }
        long value;
        try {
            value = Long.parseLong(stated);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1) {
            throw VaultException.failed(name + " must be a positive number of " + unit + ", not \"" + stated + "\"",
                    "unset it to use the default of " + defaultText);
        }
        return value;
    }

    Path configFolder() {
        String xdg = io.env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return io.resolve(xdg).resolve("vault");
        }
        String home = io.env.getOrDefault("HOME", System.getProperty("user.home"));
        return io.resolve(home).resolve(".config").resolve("vault");
    }

    Path identityPath() {
        if (identityFile != null) {
            return io.resolve(identityFile);
        }
        String fromEnv = io.env.get("VAULT_IDENTITY");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return io.resolve(fromEnv);
        }
        return configFolder().resolve("identity.txt");
    }

    /** The identity file, read when an operation needs it; a passphrase is asked for as {@link Passphrases} says. */
    IdentitySource identity() {
        return () -> IdentityFile.read(identityPath(), new Passphrases(io).prompt());
    }
}
