package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.audit.AuditFiles;
import dev.vault.core.audit.ChainVerifier;
import dev.vault.core.audit.Checkpoint;
import dev.vault.core.audit.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "audit", description = "Verify, read, checkpoint and repair the hash-chained audit log.",
        subcommands = {AuditVerifyCommand.class, AuditLogCommand.class, AuditCheckpointCommand.class,
                AuditRepairCommand.class})
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Override
    public Integer call() {
        root.spec.subcommands().get("audit").usage(root.io.err);
        return ExitCodes.USAGE;
    }

    /** The vault's paths; the vault must exist. */
    VaultPaths paths() throws VaultException {
        return root.openVault().paths();
    }

    /** Verifies the vault's log (see {@link ChainVerifier}); a log that cannot be read is an error. */
    static VerifyReport verify(VaultPaths paths, Checkpoint checkpoint, ChainVerifier.EntryVisitor each)
            throws VaultException {
        return verify(paths, checkpoint, each, null);
    }

    /** As {@link #verify(VaultPaths, Checkpoint, ChainVerifier.EntryVisitor)}, shown on {@code progress} if not null. */
    static VerifyReport verify(VaultPaths paths, Checkpoint checkpoint, ChainVerifier.EntryVisitor each,
                               Progress progress) throws VaultException {
        AuditFiles files = new AuditFiles(paths.auditFolder());
        ChainVerifier.ReadProgress read = progress == null ? null : progress::update;
        try {
            return checkpoint != null ? ChainVerifier.verify(files, checkpoint, read)
                    : ChainVerifier.verify(files, 0, each, read);
        } catch (IOException e) {
            throw VaultException.failed("cannot read the audit log in \"" + files.folder() + "\": " + e.getMessage(),
                    "`vault init` makes audit/audit.log; a vault without it cannot be verified");
        }
    }

    /** Where a problem is, as {@code audit/audit.log:LINE}, relative to the vault folder. */
    static String location(VaultPaths paths, Path segment, long line) {
        String file = paths.root().relativize(segment).toString();
        return line > 0 ? file + ":" + line : file;
    }

    /** The error for a chain that does not verify: where, what, expected against found, and what to do. */
    static VaultException broken(VaultPaths paths, VerifyReport report) {
        StringBuilder message = new StringBuilder("audit log ");
        message.append(report.problem() == VerifyReport.Problem.TORN_TAIL ? "has a torn tail" : "chain broken")
                .append(" at ").append(location(paths, report.segment(), report.line()));
        if (report.seq() != null) {
            message.append(" (seq ").append(report.seq()).append(')');
        }
        message.append(": ").append(report.detail());
        if (report.expected() != null) {
            message.append("; expected ").append(report.expected()).append(", found ").append(report.found());
        }
        String hint = report.problem() == VerifyReport.Problem.TORN_TAIL
                ? "a crash cut the last write short: run `vault audit repair`, which moves the torn bytes to "
                        + "audit/quarantine/ and records the repair"
                : "keep a copy of the audit folder as evidence; entries before this point verify";
        return VaultException.failed(message.toString(), hint);
    }
}
