package dev.vault.cli;

import java.io.PrintStream;

/**
 * One line on stderr that says how far long work has got, such as {@code rekey: 37 of 500 secrets}. It is
 * drawn only when stderr is a terminal and the work has run for {@value #DELAY_MILLIS} ms, then rewritten in
 * place (a carriage return, the new text, spaces over what is left of the old) when the text changes, at
 * most every {@value #INTERVAL_MILLIS} ms, and blanked out when the work ends. In a pipe or a file, and for work
 * that ends sooner, it writes nothing at all, so logs and scripts never see it.
 */
final class Progress implements AutoCloseable {
    static final long DELAY_MILLIS = 1_000;
    static final long INTERVAL_MILLIS = 100;
    private static final long KIB = 1 << 10;
    private static final long MIB = 1 << 20;

    private final Io io;
    /** Null when stderr is no terminal: then nothing is ever written. */
    private final PrintStream err;
    private final String label;
    /** What is counted, such as "secrets"; null for bytes, shown as a percentage and MiB. */
    private final String unit;
    private final long start;
    private long drawnAt;
    /** The text on the line now, or null. */
    private String drawn;
    /** How many characters of the line are written now; 0 when nothing is. */
    private int width;

    private Progress(Io io, String label, String unit) {
        this.io = io;
        this.err = io.errIsTerminal() ? io.err : null;
        this.label = label;
        this.unit = unit;
        this.start = err == null ? 0 : io.millis();
    }

    /** Progress through {@code unit}, counted: {@code LABEL: DONE of TOTAL UNIT}. */
    static Progress counting(Io io, String label, String unit) {
        return new Progress(io, label, unit);
    }

    /** Progress through bytes: {@code LABEL: PERCENT% of TOTAL MiB} (KiB under one MiB). */
    static Progress bytes(Io io, String label) {
        return new Progress(io, label, null);
    }

    /** {@code done} of {@code total} are done: draws the line if it is time to. */
    void update(long done, long total) {
        if (err == null) {
            return;
        }
        long now = io.millis();
        if (now - start < DELAY_MILLIS || width > 0 && now - drawnAt < INTERVAL_MILLIS) {
            return;
        }
        String text = text(done, total);
        if (width > 0 && text.equals(drawn)) {
            return;
        }
        StringBuilder line = new StringBuilder(Math.max(width, text.length()) + 1).append('\r').append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        err.print(line);
        err.flush();
        width = Math.max(width, text.length());
        drawnAt = now;
        drawn = text;
    }

    /**
     * Blanks the line out, if one is drawn: before other output to the same terminal, and at the end. The
     * next {@link #update} draws it again.
     */
    void clear() {
        if (width == 0) {
            return;
        }
        StringBuilder blank = new StringBuilder(width + 2).append('\r');
        for (int i = 0; i < width; i++) {
            blank.append(' ');
        }
        err.print(blank.append('\r'));
        err.flush();
        width = 0;
    }

    @Override
    public void close() {
        clear();
    }

    private String text(long done, long total) {
        if (unit != null) {
            return label + ": " + done + " of " + total + " " + unit;
        }
        long percent = total <= 0 ? 100 : Math.min(100, done * 100 / total);
        String size = total >= MIB ? (total + MIB - 1) / MIB + " MiB" : (total + KIB - 1) / KIB + " KiB";
        return label + ": " + percent + "% of " + size;
    }
}
