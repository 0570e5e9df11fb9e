package dev.vault.core.guard.hook;

/** What the hook process says back to the agent: its exit code, stdout and stderr (each possibly empty). */
public record HookAnswer(int exitCode, String stdout, String stderr) {
}
