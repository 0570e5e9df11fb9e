package dev.vault.cli;

/**
 * Whether vault colours what it prints to one stream, and the few colours it uses: the labels
 * {@code error:}, {@code hint:}, {@code warning:} and the guard's {@code denied} on stderr, and doctor's
 * {@code ok}, {@code warn} and {@code fail}. Colour is on only when the stream is a terminal, {@code NO_COLOR}
 * is unset or empty (no-color.org) and {@code TERM} is set and not {@code dumb}. Made only where something
 * would be coloured (an error, a deny, doctor), so a successful get, exec or guard check never asks.
 */
final class Colour {
    static final int STDOUT = 1;
    static final int STDERR = 2;

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";
    /** The labels coloured at the start of a line, and their colours. */
    private static final String[][] LABELS = {
            {"vault: error:", "vault: ", "error:", RED},
            {"vault: hint:", "vault: ", "hint:", CYAN},
            {"vault: warning:", "vault: ", "warning:", YELLOW},
            {"vault: guard: denied", "vault: guard: ", "denied", RED}};

    private final boolean on;

    private Colour(boolean on) {
        this.on = on;
    }

    /** Colour for stream {@code fd} ({@link #STDOUT} or {@link #STDERR}) of {@code io}. */
    static Colour of(Io io, int fd) {
        String noColour = io.env.get("NO_COLOR");
        String term = io.env.get("TERM");
        boolean on = (noColour == null || noColour.isEmpty()) && term != null && !term.isEmpty()
                && !term.equals("dumb") && io.isTerminal(fd);
        return new Colour(on);
    }

    boolean on() {
        return on;
    }

    /** {@code text} with the label at the start of each line coloured; as it is when colour is off. */
    String lines(String text) {
        if (!on) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            out.append(line(text.substring(start, end)));
            start = end;
        }
        return out.toString();
    }

    private static String line(String line) {
        for (String[] label : LABELS) {
            if (line.startsWith(label[0])) {
                return label[1] + label[3] + label[2] + RESET + line.substring(label[0].length());
            }
        }
        return line;
    }

    /** Doctor's status word, padded to {@code width} with spaces outside the colour. */
    String status(String id, int width) {
        String padding = " ".repeat(Math.max(0, width - id.length()));
        if (!on) {
            return id + padding;
        }
        switch (id) {
            case "ok":
                return GREEN + id + RESET + padding;
            case "warn":
                return YELLOW + id + RESET + padding;
            case "fail":
                return RED + id + RESET + padding;
            default:
                return id + padding;
        }
    }
}
