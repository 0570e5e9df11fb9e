package dev.vault.cli;

/** Prints whether the real process's stderr is a terminal, as vault decides it; run by {@link ErrTerminalIT}. */
public final class ErrTerminalProbe {
    private ErrTerminalProbe() {
    }

    public static void main(String[] args) {
        System.out.println(Io.system().errIsTerminal());
    }
}
