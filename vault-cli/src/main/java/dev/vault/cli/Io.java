package dev.vault.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
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
    /**
     * Whether stdout and stderr are terminals: {@link #ASK_THE_SYSTEM} for the real process, which asks only
     * when something would be coloured (see {@link Colour}) or long work would draw progress; else the same
     * answer for both, which tests pick.
     */
    private final int terminals;
    private static final int ASK_THE_SYSTEM = -1;
    /** Milliseconds that only count up, to time long work; null: the JVM's {@link System#nanoTime()}. */
    private final LongSupplier millis;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
       boolean systemConsole, boolean ownStreams) {
        this(in, out, err, env, cwd, clock, systemConsole, ownStreams, systemConsole ? ASK_THE_SYSTEM : 0, null);
    }

    private Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
               boolean systemConsole, boolean ownStreams, int terminals, LongSupplier millis) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.cwd = cwd.toAbsolutePath().normalize();
        this.clock = clock;
        this.systemConsole = systemConsole;
        this.ownStreams = ownStreams;
        this.terminals = terminals;
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
        return new Io(newIn, out, err, newEnv, newCwd, clock, false, ownStreams, terminals, millis);
    }

    /** The same, with stdout and stderr taken for terminals or not (for tests). */
    Io withTerminals(boolean both) {
        return new Io(in, out, err, env, cwd, clock, systemConsole, ownStreams, both ? 1 : 0, millis);
    }

    /** The same, timing work with {@code millis} (for tests). */
    Io withMillis(LongSupplier millis) {
        return new Io(in, out, err, env, cwd, clock, systemConsole, ownStreams, terminals, millis);
    }

    /**
     * Whether stdout ({@code fd} 1) or stderr (2) is a terminal. The real process reads where the file
     * descriptor points (Linux's /proc): a terminal is a /dev/pts/N or /dev/ttyN; anything else, or no
     * /proc, is not. Asked only by {@link Colour}, never on a successful get, exec or guard check.
     */
    boolean isTerminal(int fd) {
        if (terminals != ASK_THE_SYSTEM) {
            return terminals == 1;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | RuntimeException e) {
            // no /proc (another OS), or not allowed to read it; catching only types every start has loaded
            // keeps the verifier from loading others when Io is
            return false;
        }
    }

    /** The terminal, when stdin and stdout are one (for reading a value without echo), else null. */
    Console console() {
        return systemConsole ? System.console() : null;
    }

    /** Whether stderr is a terminal, where a progress line may be drawn. Asked only by long work. */
    boolean errIsTerminal() {
        return isTerminal(2);
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
