package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.guard.Decision;
import dev.vault.core.guard.Guard;
import dev.vault.core.guard.GuardContext;
import dev.vault.core.guard.hook.DenyText;
import dev.vault.core.guard.hook.HookAnswer;
import dev.vault.core.guard.hook.HookCheck;
import dev.vault.core.guard.hook.HookProtocol;
import dev.vault.core.guard.hook.HookProtocols;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", description = {
        "Decide whether a shell command may run without showing a secret.",
        "It may not if it would bring a secret value, key material or the environment",
        "onto the screen. Exit 0 allows. A deny exits 2",
        "with the rule, the reason and the safe alternative on stderr, and is recorded",
        "in the vault's audit log (action guard-deny, with the rule, never the command).",
        "--hook AGENT reads the agent's pre-tool-use JSON on stdin and answers in its",
        "protocol (docs/agent-setup.md); any failure there is a deny.",
        "--batch FILE prints, for each line of FILE (one command each): allow or deny,",
        "the rule (- for allow) and the line, tab-separated; exits 0; not audited.",
        "--json answers --command and --batch in JSON (docs/json.md); with --hook it does",
        "not apply: the answer is the agent's own protocol, and a warning says so."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed (--batch: always, once the file is read)",
                "2:denied, or a usage error (for an agent, both stop the command)",
                "1:--batch: the file or the vault's manifest could not be read"})
final class GuardCheckCommand implements Callable<Integer> {
    /** The exit code of a deny, in every mode an agent reads (Copilot's hook excepted: see CopilotHook). */
    static final int DENIED = 2;

    @ParentCommand
    GuardCommand guard;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--command", paramLabel = "COMMAND", description = "One command line.")
        String command;

        @Option(names = "--hook", paramLabel = "AGENT",
                description = "Answer an agent's hook: claude-code, codex, gemini, cursor or copilot.")
        String hook;

        @Option(names = "--batch", paramLabel = "FILE", description = "One command per line; - for stdin.")
        String batch;
    }

    @Option(names = "--json", description = "--command: the decision as one JSON object on stdout, and no deny "
            + "lines on stderr; --batch: one JSON object per line. With --hook it does not apply (a warning says so).")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        if (mode.hook != null) {
            if (json) {
                // not a usage error: a hook that exits with anything but its protocol's deny lets the command run
                // (Copilot CLI runs it on any non-zero exit), so the answer is the protocol's, as without --json
                guard.root.io.err.println("vault: warning: --json does not apply to --hook: the answer is the agent's "
                        + "protocol");
            }
            return hook();
        }
        if (mode.batch != null) {
            return batch();
        }
        return command();
    }

    private Integer command() {
        VaultCommand root = guard.root;
        GuardEnvironment environment = new GuardEnvironment(root);
        Path cwd = environment.cwd(null);
        VaultPaths vault = environment.vault(cwd);
        Decision decision = decide(environment, cwd, vault, mode.command);
        if (json) {
            GuardCheckJson.decision(root.io.out, decision);
        }
        if (decision.allowed()) {
            return ExitCodes.OK;
        }
        if (!json) {
            root.io.err.print(Colour.of(root.io, Colour.STDERR).lines(DenyText.lines(decision)));
        }
        GuardAudit.record(root, vault, decision, "--command", null, null);
        root.io.err.flush();
        return DENIED;
    }

    private Integer hook() {
        VaultCommand root = guard.root;
        HookProtocol protocol = HookProtocols.named(mode.hook);
        if (protocol == null) {
            root.io.err.println("vault: error: --hook \"" + mode.hook + "\" is not an agent vault knows");
            root.io.err.println("vault: hint: use one of " + String.join(", ", HookProtocols.NAMES));
            return ExitCodes.USAGE;
        }
        GuardEnvironment environment = new GuardEnvironment(root);
        VaultPaths[] vault = new VaultPaths[1];
        HookCheck.Outcome outcome = HookCheck.run(protocol, root.io.in, request -> {
            Path cwd = environment.cwd(request.cwd());
            vault[0] = environment.vault(cwd, root.io.cwd);
            return decide(environment, cwd, vault[0], request.command());
        });
        HookAnswer answer = outcome.answer();
        root.io.out.print(answer.stdout());
        root.io.out.flush();
        root.io.err.print(answer.stderr());
        if (outcome.denied()) {
            try {
                VaultPaths where = vault[0] != null ? vault[0] : environment.vault(
                        environment.cwd(outcome.request() == null ? null : outcome.request().cwd()), root.io.cwd);
                GuardAudit.record(root, where, outcome.decision(), "hook " + protocol.name(), protocol.auditAgent(),
                        outcome.request() == null ? null : outcome.request().session());
            } catch (RuntimeException | Error e) {
                // finding the vault failed; the answer is given and is a deny, which a crash's exit 1 would undo
                GuardAudit.notRecorded(root, e.getClass().getSimpleName());
            }
        }
        root.io.err.flush();
        return answer.exitCode();
    }

    /** The guard's decision in the given place; a manifest that cannot be read, or any exception, is a deny. */
    private static Decision decide(GuardEnvironment environment, Path cwd, VaultPaths vault, String command) {
        try {
            GuardContext context = environment.context(cwd, vault);
            return Guard.of(context).check(command);
        } catch (VaultException e) {
            return Decision.deny(HookCheck.ERROR_RULE, e.getMessage(),
                    "fix the vault's manifest (`vault doctor` shows what is wrong), then retry");
        } catch (RuntimeException | Error e) {
            return Decision.deny(HookCheck.ERROR_RULE, "the guard failed: " + e.getClass().getSimpleName(),
                    "run the command outside the agent, and report the failure");
        }
    }

    private Integer batch() throws VaultException {
        VaultCommand root = guard.root;
        GuardEnvironment environment = new GuardEnvironment(root);
        Path cwd = environment.cwd(null);
        Guard checker = Guard.of(environment.context(cwd, environment.vault(cwd)));
        Path file = mode.batch.equals("-") ? null : root.io.resolve(mode.batch);
        try (InputStream in = file == null ? root.io.in : Files.newInputStream(file);
             Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            Writer out = new BufferedWriter(new OutputStreamWriter(root.io.out, StandardCharsets.UTF_8));
            char[] buffer = new char[8192];
            StringBuilder line = new StringBuilder();
            long number = 0;
            for (int read = text.read(buffer); read >= 0; read = text.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        batchLine(checker, ++number, line, out);
                        line.setLength(0);
                    } else {
                        line.append(buffer[i]);
                    }
                }
            }
            if (line.length() > 0) {
                batchLine(checker, ++number, line, out);
            }
            out.flush();
        } catch (IOException e) {
            throw VaultException.failed("cannot read \"" + (file == null ? "stdin" : file) + "\": " + e.getMessage());
        }
        return ExitCodes.OK;
    }

    /**
     * One line of --batch output for the {@code number}th line of input; a line ending in CR (a file from
     * Windows) is checked without the CR.
     */
    private void batchLine(Guard checker, long number, StringBuilder line, Writer out) throws IOException {
        String command = line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                ? line.substring(0, line.length() - 1) : line.toString();
        Decision decision;
        try {
            decision = checker.check(command);
        } catch (RuntimeException | Error e) {
            decision = Decision.deny(HookCheck.ERROR_RULE, "the guard failed", null);
        }
        if (json) {
            GuardCheckJson.batchLine(out, number, command, decision);
            return;
        }
        out.write(decision.allowed() ? "allow" : "deny");
        out.write('\t');
        out.write(decision.allowed() ? Decision.NO_RULE : decision.rule());
        out.write('\t');
        out.write(command);
        out.write('\n');
    }
}
