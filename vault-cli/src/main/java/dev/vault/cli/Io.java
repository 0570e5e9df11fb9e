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
    /**
     * Whether {@link #console()} may ask the JVM for its terminal: the real process only. Asked only when
     * needed, since on recent JDKs finding it loads console providers (several ms of every start).
     */
    private final boolean systemConsole;
    /** Whether a child process may inherit this process's own streams. */
    final boolean ownStreams;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
       boolean systemConsole, boolean ownStreams) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.cwd = cwd.toAbsolutePath().normalize();
        this.clock = clock;
        this.systemConsole = systemConsole;
        this.ownStreams = ownStreams;
    }

    static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), Path.of(""), Clock.systemUTC(), true, true);
    }

    /** Streams, environment and folder of the caller's choosing; children's output is copied through. */
    public static Io of(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
        return new Io(in, out, err, env, cwd, Clock.systemUTC(), false, false);
    }

    Io with(InputStream newIn, Map<String, String> newEnv, Path newCwd) {
        return new Io(newIn, out, err, newEnv, newCwd, clock, false, ownStreams);
    }

    /** The terminal, when stdin and stdout are one (for reading a value without echo), else null. */
    Console console() {
        return systemConsole ? System.console() : null;
    }

    /** A path as the user typed it, relative to the working folder. */
    Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }
}
