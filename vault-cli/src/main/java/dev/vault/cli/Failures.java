package dev.vault.cli;

import dev.vault.core.VaultException;

/** A command's failure as {@code vault: error:} and {@code vault: hint:} lines, and its exit code. */
final class Failures {
    private Failures() {
    }

    static int exitCode(Exception e, VaultCommand root) {
        if (root.debug) {
            e.printStackTrace(root.io.err);
        }
        if (e instanceof VaultException) {
            VaultException failure = (VaultException) e;
            root.io.err.println("vault: error: " + failure.getMessage());
            if (failure.hint() != null) {
                root.io.err.println("vault: hint: " + failure.hint());
            }
            return e instanceof ExecCommand.ExecFailure ? ((ExecCommand.ExecFailure) e).exitCode
                    : ExitCodes.of(failure.kind());
        }
        root.io.err.println("vault: error: unexpected " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (!root.debug) {
            root.io.err.println("vault: hint: run again with --debug for the stack trace");
        }
        return ExitCodes.FAILED;
    }
}
