package dev.vault.cli;

import dev.vault.core.ShellWords;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one page's commands in order, in one bash (so that {@code cd} and {@code export} carry over, as in a
 * reader's terminal) with {@code set -o pipefail}, stdin /dev/null, in its {@link DocsSandbox}; stops at the first
 * command whose exit code is not the one asked for and says which, with its stderr and stdout. Each command runs
 * as {@code set -e} would run it: a part that fails (before a {@code ;}, in a loop, in a {@code ( )} subshell)
 * ends the command with that part's exit code, so only the whole command's success counts as success. Background
 * jobs the page started are killed when its shell exits.
 */
final class DocsPageRun {
    private static final long TIMEOUT_MINUTES = 10;
    private static final int OUTPUT_LIMIT = 4000;

    private DocsPageRun() {
    }

    /** Null when every command exited as asked; else what failed, naming the page's line. */
    static String run(String page, List<MarkdownCommands.Command> commands, DocsSandbox sandbox, Path state)
            throws IOException, InterruptedException {
        Files.createDirectories(state);
        Path script = state.resolve("commands.sh");
        Files.writeString(script, script(commands, sandbox.project, state), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", script.toString())
                .directory(sandbox.project.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(state.resolve("bash.out").toFile())
                .redirectError(state.resolve("bash.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(sandbox.environment);
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        MarkdownCommands.Command current = current(commands, state);
        if (!finished) {
            return describe(page, current, "did not finish within " + TIMEOUT_MINUTES + " minutes", state);
        }
        if (Files.exists(state.resolve("failed"))) {
            String code = Files.readString(state.resolve("failed")).strip();
            return describe(page, current, "exited " + code + ", not " + current.expectedExit(), state);
        }
        if (!Files.exists(state.resolve("done"))) {
            String why = current == null ? "bash failed before the first command (exit " + process.exitValue() + "): "
                    + Files.readString(state.resolve("bash.err")) : null;
            return why != null ? page + ": " + why
                    : describe(page, current, "ended the page's shell (exit " + process.exitValue() + ")", state);
        }
        return null;
    }

    /**
     * The bash script: each command is the body of a shell function, run in the page's one shell (a function's
     * {@code cd}, {@code export} and variables stay), then its check. set -e cannot do the job: it is off inside
     * anything whose status is tested, and a failure would end the page's shell. So an ERR trap, inherited by
     * functions and subshells ({@code set -E}), returns from the function with the status of the first part that
     * fails where set -e would stop (not in an {@code if} or {@code while} test, nor before {@code &&} or
     * {@code ||}); at the page's top level it does nothing, and the check compares the status.
     */
    static String script(List<MarkdownCommands.Command> commands, Path project, Path state) {
        StringBuilder script = new StringBuilder("set -o pipefail\nset -E\n"
                + "trap '__docs_test_failed=$?; if [ \"${#FUNCNAME[@]}\" -gt 0 ]; then return \"$__docs_test_failed\"; fi' ERR\n"
                + "trap 'kill $(jobs -p) 2>/dev/null' EXIT\ncd -- " + quote(project) + " || exit 1\n");
        for (int i = 0; i < commands.size(); i++) {
            MarkdownCommands.Command command = commands.get(i);
            script.append("printf '%s\\n' ").append(i).append(" > ").append(quote(state.resolve("current"))).append('\n')
                    .append("__docs_test_command() {\n").append(command.text()).append("\n}\n")
                    .append("__docs_test_command </dev/null >").append(quote(state.resolve("out")))
                    .append(" 2>").append(quote(state.resolve("err"))).append('\n')
                    .append("__docs_test_exit=$?\n")
                    .append("if [ \"$__docs_test_exit\" != ").append(command.expectedExit()).append(" ]; then printf '%s\\n' ")
                    .append("\"$__docs_test_exit\" > ").append(quote(state.resolve("failed"))).append("; exit 0; fi\n");
        }
        script.append(": > ").append(quote(state.resolve("done"))).append('\n');
        return script.toString();
    }

    private static MarkdownCommands.Command current(List<MarkdownCommands.Command> commands, Path state)
            throws IOException {
        Path current = state.resolve("current");
        return Files.exists(current) ? commands.get(Integer.parseInt(Files.readString(current).strip())) : null;
    }

    private static String describe(String page, MarkdownCommands.Command command, String what, Path state)
            throws IOException {
        return page + ":" + command.line() + ": `" + command.text() + "` " + what + "\n--- its stderr:\n"
                + tail(state.resolve("err")) + "--- its stdout:\n" + tail(state.resolve("out"));
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)\n";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.length() > OUTPUT_LIMIT) {
            text = "…" + text.substring(text.length() - OUTPUT_LIMIT);
        }
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    private static String quote(Path path) {
        return ShellWords.quote(path.toString());
    }
}
