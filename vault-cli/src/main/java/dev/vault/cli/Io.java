package dev.vault.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world: streams, environment, working folder, clock. Tests
 * pass their own; {@link #system()} is the real process's.
 */
public final class Io {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final Path cwd;
    final Clock clock;
    /** The terminal, when stdin and stdout are one (for reading a value without echo), else null. */
    final Console console;
    /** Whether a child process may inherit this process's own streams. */
    final boolean ownStreams;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
       Console console, boolean ownStreams) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.cwd = cwd.toAbsolutePath().normalize();
        this.clock = clock;
        this.console = console;
        this.ownStreams = ownStreams;
    }

    static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), Path.of(""), Clock.systemUTC(),
                System.console(), true);
    }

    /** Streams, environment and folder of the caller's choosing; children's output is copied through. */
    public static Io of(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
        return new Io(in, out, err, env, cwd, Clock.systemUTC(), null, false);
    }

    Io with(InputStream newIn, Map<String, String> newEnv, Path newCwd) {
        return new Io(newIn, out, err, newEnv, newCwd, clock, null, ownStreams);
    }

    /** A path as the user typed it, relative to the working folder. */
    Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }
}
