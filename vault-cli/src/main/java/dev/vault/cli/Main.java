package dev.vault.cli;

/** The entry point; the only place that ends the process (beside StartupTraining, the launcher's training run). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        int code = Cli.run(io, args);
        io.out.flush();
        io.err.flush();
        // halt, not System.exit: no shutdown hook is left to run (vault demo removes its own), and since Java 21 System.exit starts the
        // platform's logging to report the exit (about 2 ms of a 50 ms `vault get`). Both streams are flushed.
        Runtime.getRuntime().halt(code);
    }
}
