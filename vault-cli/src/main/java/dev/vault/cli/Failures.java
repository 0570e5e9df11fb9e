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
        StringBuilder lines = new StringBuilder();
        int code;
        if (e instanceof VaultException) {
            VaultException failure = (VaultException) e;
            lines.append("vault: error: ").append(failure.getMessage()).append('\n');
            if (failure.hint() != null) {
                lines.append("vault: hint: ").append(failure.hint()).append('\n');
            }
            code = e instanceof ExecCommand.ExecFailure ? ((ExecCommand.ExecFailure) e).exitCode
                    : ExitCodes.of(failure.kind());
        } else {
            lines.append("vault: error: unexpected ").append(e.getClass().getSimpleName())
                    .append(e.getMessage() == null ? "" : ": " + e.getMessage()).append('\n');
            if (!root.debug) {
                lines.append("vault: hint: run again with --debug for the stack trace\n");
            }
            code = ExitCodes.FAILED;
        }
        root.io.err.print(Colour.of(root.io, Colour.STDERR).lines(lines.toString()));
        root.io.err.flush();
        return code;
    }
}
