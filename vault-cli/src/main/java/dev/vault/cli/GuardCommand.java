package dev.vault.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "guard", description = {
        "Check shell commands before they run, so that secret values, key material",
        "and the environment stay out of an agent's conversation; install the check",
        "as an agent hook or a shell DEBUG trap."},
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
