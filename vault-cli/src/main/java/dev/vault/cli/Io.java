package dev.vault.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.LongSupplier;

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
    /** Whether {@link #err} is a terminal, when it is not the real process's (that one is asked of the system). */
    private final boolean errTerminal;
    /** Milliseconds that only count up, to time long work; null: the JVM's {@link System#nanoTime()}. */
    private final LongSupplier millis;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
       boolean systemConsole, boolean ownStreams) {
        this(in, out, err, env, cwd, clock, systemConsole, ownStreams, false, null);
    }

    private Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
               boolean systemConsole, boolean ownStreams, boolean errTerminal, LongSupplier millis) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.cwd = cwd.toAbsolutePath().normalize();
        this.clock = clock;
        this.systemConsole = systemConsole;
        this.ownStreams = ownStreams;
        this.errTerminal = errTerminal;
        this.millis = millis;
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

    /** For tests: this I/O with a stderr that is a terminal or not, and {@code millis} to time work with. */
    Io withErr(boolean terminal, LongSupplier millis) {
        return new Io(in, out, err, env, cwd, clock, false, ownStreams, terminal, millis);
    }

    /**
     * Whether stderr is a terminal, where a progress line may be drawn. The real process reads where its
     * file descriptor 2 leads ({@code /proc/self/fd/2}: a {@code /dev/pts/N} or {@code /dev/ttyN} is a
     * terminal; a pipe, a file or {@code /dev/null} is not); where that cannot be read, it is no terminal.
     * Asked only by long work, never by get, exec or guard check.
     */
    boolean errIsTerminal() {
        if (!systemConsole) {
            return errTerminal;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | RuntimeException e) {
            // no /proc (another OS), or not allowed to read it; catching only types every start has loaded
            // keeps the verifier from loading others when Io is
            return false;
        }
    }

    /** Milliseconds from some fixed point, for timing work (not the time of day). */
    long millis() {
        return millis != null ? millis.getAsLong() : System.nanoTime() / 1_000_000;
    }

    /** A path as the user typed it, relative to the working folder. */
    Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }
}
