package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.audit.Checkpoint;
import dev.vault.core.audit.CheckpointKey;
import dev.vault.core.audit.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", description = {
        "Check every entry of the audit log: canonical form, hash, seq continuity and the link to the one before.",
        "With --checkpoint, also prove the log still extends a checkpoint from `vault audit checkpoint`.",
        "On a problem, names the first bad entry (file, line, seq, expected and found) and exits 1."})
final class AuditVerifyCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand audit;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint the log must extend.")
    String checkpointFile;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The verifier key of the checkpoint's signer (default: the checkpoint key's .pub in the config folder).")
    String keyFile;

    @Option(names = "--json", description = "Print the result as JSON, also when the chain is broken (docs/json.md).")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        Io io = audit.root.io;
        VaultPaths paths = audit.paths();
        Checkpoint checkpoint = null;
        CheckpointKey key = null;
        if (checkpointFile != null) {
            Path file = io.resolve(checkpointFile);
            try {
                checkpoint = Checkpoint.parse(Files.readAllBytes(file), file.toString());
            } catch (IOException e) {
                throw VaultException.failed("cannot read the checkpoint \"" + file + "\": " + e.getMessage());
            }
            key = CheckpointKey.verifier(keyFile != null ? io.resolve(keyFile)
                    : CheckpointKey.publicFile(AuditCheckpointCommand.keyFile(audit.root)));
            if (!key.verify(checkpoint)) {
                throw VaultException.failed("checkpoint \"" + file + "\" has no valid signature by \"" + key.name() + "\"",
                        "the checkpoint was changed, or another key signed it: name that key with --key FILE");
            }
        }
        VerifyReport report;
        try (Progress progress = Progress.bytes(io, "audit verify")) {
            report = AuditCommand.verify(paths, checkpoint, null, progress);
        }
        if (json) {
            printJson(io, paths, report, checkpoint, key);
        }
        if (!report.ok()) {
            throw AuditCommand.broken(paths, report);
        }
        if (!json) {
            io.out.println("audit log ok: " + report.entries() + (report.entries() == 1 ? " entry" : " entries")
                    + " in " + report.segments() + (report.segments() == 1 ? " segment" : " segments")
                    + (report.entries() > 0 ? ", seq 1 to " + report.headSeq() : ""));
            io.out.println("head: " + report.headHash());
            if (checkpoint != null) {
                io.out.println("checkpoint ok: the log extends the checkpoint of " + checkpoint.size()
                        + " entries signed by " + key.name());
            }
        }
        return ExitCodes.OK;
    }

    private static void printJson(Io io, VaultPaths paths, VerifyReport report, Checkpoint checkpoint,
                                  CheckpointKey key) {
        Json.write(io.out, out -> {
            out.writeStartObject();
            out.writeBooleanField("ok", report.ok());
            out.writeNumberField("entries", report.entries());
            out.writeNumberField("segments", report.segments());
            out.writeNumberField("bytes", report.bytes());
            out.writeObjectFieldStart("head");
            out.writeNumberField("seq", report.headSeq());
            out.writeStringField("hash", report.headHash());
            out.writeEndObject();
            if (checkpoint != null) {
                out.writeObjectFieldStart("checkpoint");
                out.writeNumberField("size", checkpoint.size());
                out.writeStringField("hash", checkpoint.hash());
                out.writeStringField("signer", key.name());
                out.writeEndObject();
            } else {
                out.writeNullField("checkpoint");
            }
            if (!report.ok()) {
                out.writeObjectFieldStart("problem");
                out.writeStringField("id", report.problem().id());
                out.writeStringField("segment", paths.root().relativize(report.segment()).toString());
                out.writeNumberField("line", report.line());
                if (report.seq() != null) {
                    out.writeNumberField("seq", report.seq());
                } else {
                    out.writeNullField("seq");
                }
                out.writeStringField("expected", report.expected());
                out.writeStringField("found", report.expected() == null ? null : report.found());
                out.writeStringField("detail", report.detail());
                out.writeEndObject();
            } else {
                out.writeNullField("problem");
            }
            out.writeEndObject();
        });
    }
}
