package dev.vault.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "guard", description = {
        "Keep secret values, key material and the environment out of an agent's conversation.",
        "check reads a shell command before it runs and denies one that would show them;",
        "install sets the check up as an agent hook or a shell DEBUG trap."},
        subcommands = {GuardCheckCommand.class, GuardInstallCommand.class})
final class GuardCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Override
    public Integer call() {
        root.spec.subcommands().get("guard").usage(root.io.err);
        return ExitCodes.USAGE;
    }
}
