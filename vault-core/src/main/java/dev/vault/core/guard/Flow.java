package dev.vault.core.guard;

import dev.vault.core.guard.shell.Node;

/** Where data goes and where it comes from while a command line is walked. */
final class Flow {
    private Flow() {
    }

    /**
     * A command's standard input: the secret data on it (or null), whether it comes from a pipe, its text
     * when known before the command runs (a here-doc or here-string without expansions), and what it was
     * when it cannot be known (a file named by a variable), else null.
     */
    record In(Leak leak, boolean piped, String text, String unknown) {
        static final In NONE = new In(null, false, null, null);
    }

    /** Where a command's stdout or stderr goes after its redirections. */
    record Dest(int kind, String path, Node proc) {
        static final int OUT = 0;
        static final int ERR = 1;
        static final int DISCARD = 2;
        static final int FILE = 3;
        static final int SCREEN = 4;
        static final int PROC = 5;
        static final Dest TO_OUT = new Dest(OUT, null, null);
        static final Dest TO_ERR = new Dest(ERR, null, null);
        static final Dest NOWHERE = new Dest(DISCARD, null, null);
        static final Dest TTY = new Dest(SCREEN, null, null);
    }

    /**
     * Where stderr ends up for a part of the tree: the screen, nowhere, a file, or collected to join the
     * enclosing command's stdout ({@code 2>&1}).
     */
    static final class Sink {
        static final int SCREEN = 0;
        static final int DISCARD = 1;
        static final int FILE = 2;
        static final int COLLECT = 3;
        static final Sink TO_SCREEN = new Sink(SCREEN, null);
        static final Sink TO_NOWHERE = new Sink(DISCARD, null);

        final int kind;
        final String path;
        Leak collected;

        Sink(int kind, String path) {
            this.kind = kind;
            this.path = path;
        }
    }
}
