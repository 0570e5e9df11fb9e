package dev.vault.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "completion", description = {
        "Print a shell completion script: vault completion bash|zsh|fish.",
        "Install it as docs/shell-completion.md says (docs/completion/ holds the same)."})
final class CompletionCommand implements Callable<Integer> {
    /** The shells there is a script for. */
    enum Shell {
        bash, zsh, fish
    }

    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        byte[] bytes = script(shell, CompletionModel.of(root.io)).getBytes(StandardCharsets.UTF_8);
        root.io.out.write(bytes, 0, bytes.length);
        root.io.out.flush();
        return ExitCodes.OK;
    }

    /** The completion script for {@code shell} over the command tree {@code model} ({@link CompletionModel}). */
    static String script(Shell shell, CommandSpec model) {
        switch (shell) {
            case bash:
                // picocli's own generator; zsh's bashcompinit could run it too, but see ZshCompletion
                return AutoComplete.bash(model.name(), new CommandLine(model));
            case zsh:
                return ZshCompletion.script(model);
            default:
                return FishCompletion.script(model);
        }
    }
}
