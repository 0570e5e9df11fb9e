package dev.vault.cli;

import dev.vault.core.RekeyResult;

/** What grant and revoke print: the manifest change, then how the secret's file followed it. */
final class ReaderChange {
    private ReaderChange() {
    }

    static int report(Io io, String done, RekeyResult result) {
        switch (result.status()) {
            case REKEYED:
                io.out.println(done + "; rekeyed it (" + result.change() + ")");
                break;
            case UNCHANGED:
                io.out.println(done + (result.added().isEmpty() && result.removed().isEmpty()
                        ? "" : "; its file already matched"));
                break;
            default:
                io.out.println(done + " in the manifest");
                io.err.println("vault: error: \"" + result.secret() + "\" was not encrypted again: " + result.problem());
                io.err.println("vault: hint: until a reader runs `vault rekey " + result.secret()
                        + "`, its file keeps its earlier recipients");
                return ExitCodes.NO_ACCESS;
        }
        warnRotation(io, result);
        return ExitCodes.OK;
    }

    /** Whoever lost access to a rekeyed secret may have seen its value: say it should be rotated. */
    static void warnRotation(Io io, RekeyResult result) {
        if (result.shouldRotate()) {
            io.err.println("vault: warning: " + String.join(", ", result.removed()) + " could read \""
                    + result.secret() + "\" and may have seen its value; rotate it: vault rotate " + result.secret());
        }
    }
}
