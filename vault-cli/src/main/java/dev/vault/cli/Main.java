package dev.vault.cli;

/** The entry point; the only place that calls System.exit (beside StartupTraining, the launcher's training run). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        int code = Cli.run(io, args);
        io.out.flush();
        io.err.flush();
        System.exit(code);
    }
}
