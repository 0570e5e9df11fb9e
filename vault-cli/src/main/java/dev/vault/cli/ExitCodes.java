package dev.vault.cli;

import dev.vault.core.VaultException;

/** The few exit codes of vault; stable, listed in --help and docs/exit-codes.md. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NO_ACCESS = 3;
    static final int AUDIT = 4;
    /** exec: the command could not be run. */
    static final int CANNOT_RUN = 126;
    /** exec: the command was not found. */
    static final int NOT_FOUND = 127;

    private ExitCodes() {
    }

    static int of(VaultException.Kind kind) {
        switch (kind) {
            case NO_ACCESS:
                return NO_ACCESS;
            case AUDIT:
                return AUDIT;
            default:
                return FAILED;
        }
    }
}
