package dev.vault.core.guard.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what {@link WordReader} read (unquoted {@link Character}s and {@link Part}s) into a {@link Word}:
 * finds the tilde, brace expansions (sequences expanded) and globs among the unquoted characters, and
 * joins neighbouring literal text. Linear in the word's length.
 */
final class WordShaper {
    /** A {@code ~} at the start is a {@link Part.Tilde}. */
    static final int TILDE = 1;
    /** An assignment's value: a {@code ~} after an unquoted {@code :} is a tilde too. */
    static final int ASSIGNMENT = 2;
    /** Unquoted {@code {a,b}} and {@code {1..3}} are {@link Part.Brace}s. */
    static final int BRACES = 4;
    /** Unquoted {@code *}, {@code ?} and {@code […]} are {@link Part.Glob}s. */
    static final int GLOBS = 8;

    private final List<Object> items;
    private final int flags;
    private final Cursor in;
    private final int at;
    /** For each item, the index of the {@code }} closing the brace expansion it opens, or -1. */
    private int[] close;
    /** For each index, the first index at or after it that opens a brace expansion ({@code items.size()} if none). */
    private int[] nextBrace;
    /** For each index, the first unquoted {@code ]} at or after it with only unquoted characters between, or -1. */
    private int[] nextBracket;

    /**
     * Where the value starts in a word written like an assignment ({@code if=~/x}, an argument), or 0 (the
     * whole word, or an assignment's value). Bash expands a tilde after its {@code =} and {@code :}s.
     */
    private int valueStart;

    private WordShaper(List<Object> items, int flags, Cursor in, int at) {
        this.items = items;
        this.flags = flags;
        this.in = in;
        this.at = at;
    }

    /** The word made of {@code items}; {@code at} is where it starts, for errors. */
    static Word shape(List<Object> items, int flags, Cursor in, int at) throws ShellSyntaxException {
        WordShaper shaper = new WordShaper(items, flags, in, at);
        if ((flags & BRACES) != 0) {
            shaper.matchBraces();
        }
        if ((flags & GLOBS) != 0) {
            shaper.findBrackets();
        }
        if ((flags & TILDE) != 0) {
            shaper.valueStart = shaper.assignmentValueStart();
        }
        List<Part> parts = new ArrayList<>();
        shaper.build(0, items.size(), parts, 0);
        return new Word(join(parts));
    }

    private int assignmentValueStart() {
        if (!(items.isEmpty() ? false : items.get(0) instanceof Character first && ParamReader.isNameStart(first))) {
            return 0;
        }
        for (int i = 1; i < items.size(); i++) {
            if (!(items.get(i) instanceof Character c)) {
                return 0;
            }
            if (c == '=') {
                return i + 1;
            }
            if (!ParamReader.isNameChar(c)) {
                return 0;
            }
        }
        return 0;
    }

    private boolean isChar(int i, char c) {
        return i >= 0 && i < items.size() && items.get(i) instanceof Character ch && ch == c;
    }

    private void matchBraces() {
        int n = items.size();
        close = new int[n];
        Arrays.fill(close, -1);
        boolean[] comma = new boolean[n];
        int[] open = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            if (isChar(i, '{') && !isChar(i - 1, '$')) {
                open[top++] = i;
            } else if (isChar(i, ',') && top > 0) {
                comma[open[top - 1]] = true;
            } else if (isChar(i, '}') && top > 0) {
                int o = open[--top];
                if (comma[o] || sequence(o + 1, i) != null) {
                    close[o] = i;
                }
            }
        }
        nextBrace = new int[n + 1];
        nextBrace[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            nextBrace[i] = close[i] >= 0 ? i : nextBrace[i + 1];
        }
    }

    private void findBrackets() {
        int n = items.size();
        nextBracket = new int[n + 1];
        nextBracket[n] = -1;
        for (int i = n - 1; i >= 0; i--) {
            Object item = items.get(i);
            nextBracket[i] = !(item instanceof Character) ? -1 : (Character) item == ']' ? i : nextBracket[i + 1];
        }
    }

    /** Adds the parts of {@code items[from, to)} to {@code out}; returns how many words they expand to. */
    private long build(int from, int to, List<Part> out, int depth) throws ShellSyntaxException {
        long words = 1;
        StringBuilder text = new StringBuilder();
        int i = from;
        while (i < to) {
            Object item = items.get(i);
            if (close != null && close[i] >= 0) {
                flush(text, out);
                if (depth + 1 > Cursor.Budget.MAX_DEPTH) {
                    throw in.errorAt("nesting deeper than " + Cursor.Budget.MAX_DEPTH + " levels", at);
                }
                List<Word> alternatives = new ArrayList<>();
                long count = alternatives(i + 1, close[i], alternatives, depth + 1);
                out.add(new Part.Brace(List.copyOf(alternatives)));
                words = capped(words * count);
                i = close[i] + 1;
                continue;
            }
            if (!(item instanceof Character)) {
                flush(text, out);
                out.add((Part) item);
                i++;
                continue;
            }
            char c = (Character) item;
            boolean value = (flags & ASSIGNMENT) != 0 || (valueStart > 0 && i >= valueStart);
            if (c == '~' && (flags & TILDE) != 0
                    && (i == 0 || i == valueStart || (value && isChar(i - 1, ':')))) {
                int end = tildeEnd(i + 1, to);
                if (end >= 0) {
                    flush(text, out);
                    StringBuilder user = new StringBuilder();
                    for (int k = i + 1; k < end; k++) {
                        user.append((char) (Character) items.get(k));
                    }
                    out.add(new Part.Tilde(user.toString()));
                    i = end;
                    continue;
                }
            }
            if ((flags & GLOBS) != 0 && (c == '*' || c == '?')) {
                flush(text, out);
                out.add(new Part.Glob(String.valueOf(c)));
                i++;
                continue;
            }
            if ((flags & GLOBS) != 0 && c == '[') {
                int end = bracketEnd(i, to);
                if (end >= 0) {
                    flush(text, out);
                    StringBuilder pattern = new StringBuilder();
                    for (int k = i; k <= end; k++) {
                        pattern.append((char) (Character) items.get(k));
                    }
                    out.add(new Part.Glob(pattern.toString()));
                    i = end + 1;
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        flush(text, out);
        return words;
    }

    /** The alternatives of the brace expansion inside {@code (from, to)}; returns how many words they make. */
    private long alternatives(int from, int to, List<Word> out, int depth) throws ShellSyntaxException {
        boolean comma = false;
        for (int j = from; j < to; j = close[j] >= 0 ? close[j] + 1 : j + 1) {
            comma |= isChar(j, ',');
        }
        if (!comma) {
            Sequence sequence = sequence(from, to);
            long count = sequence.count();
            if (count > Cursor.Budget.MAX_BRACE_WORDS) {
                throw tooMany();
            }
            in.budget.braceWords += (int) count;
            if (in.budget.braceWords > Cursor.Budget.MAX_BRACE_WORDS_IN_ALL) {
                throw in.errorAt("brace expansions make more than " + Cursor.Budget.MAX_BRACE_WORDS_IN_ALL
                        + " words in all", at);
            }
            sequence.expand(out);
            return count;
        }
        long count = 0;
        int start = from;
        for (int j = from; j <= to; ) {
            if (j == to || isChar(j, ',')) {
                List<Part> parts = new ArrayList<>();
                count = capped(count + build(start, j, parts, depth));
                out.add(new Word(join(parts)));
                start = j + 1;
                j++;
            } else {
                j = close[j] >= 0 ? close[j] + 1 : j + 1;
            }
        }
        return count;
    }

    private long capped(long words) throws ShellSyntaxException {
        if (words > Cursor.Budget.MAX_BRACE_WORDS) {
            throw tooMany();
        }
        return words;
    }

    private ShellSyntaxException tooMany() {
        return in.errorAt("brace expansion makes more than " + Cursor.Budget.MAX_BRACE_WORDS + " words", at);
    }

    /** Where the user name after a {@code ~} ends (at a {@code /}, the end, or an assignment's {@code :}), or -1. */
    private int tildeEnd(int from, int to) {
        int j = from;
        boolean value = (flags & ASSIGNMENT) != 0 || valueStart > 0;
        while (j < to && items.get(j) instanceof Character c && c != '/' && !(c == ':' && value)) {
            j++;
        }
        if (j < to && !(items.get(j) instanceof Character)) {
            return -1;
        }
        return nextBrace != null && nextBrace[from] < j ? -1 : j;
    }

    /** The index of the {@code ]} closing a bracket expression opened at {@code i}, or -1. */
    private int bracketEnd(int i, int to) {
        int j = i + 1;
        if (isChar(j, '!') || isChar(j, '^')) {
            j++;
        }
        if (isChar(j, ']')) {
            j++;
        }
        if (j >= items.size()) {
            return -1;
        }
        int end = nextBracket[j];
        if (end < 0 || end >= to || (nextBrace != null && nextBrace[i + 1] < end)) {
            return -1;
        }
        return end;
    }

    private static void flush(StringBuilder text, List<Part> out) {
        if (text.length() > 0) {
            out.add(new Part.Literal(text.toString(), false));
            text.setLength(0);
        }
    }

    /** Joins neighbouring literals that are both quoted or both unquoted; drops empty ones beside other parts. */
    static List<Part> join(List<Part> parts) {
        List<Part> joined = new ArrayList<>(parts.size());
        StringBuilder text = new StringBuilder();
        Boolean quoted = null;
        for (Part part : parts) {
            if (part instanceof Part.Literal literal) {
                if (quoted != null && quoted != literal.quoted()) {
                    joined.add(new Part.Literal(text.toString(), quoted));
                    text.setLength(0);
                }
                quoted = literal.quoted();
                text.append(literal.text());
                continue;
            }
            if (quoted != null) {
                joined.add(new Part.Literal(text.toString(), quoted));
                text.setLength(0);
                quoted = null;
            }
            joined.add(part);
        }
        if (quoted != null) {
            joined.add(new Part.Literal(text.toString(), quoted));
        }
        if (joined.size() > 1) {
            joined.removeIf(part -> part instanceof Part.Literal literal && literal.text().isEmpty());
        }
        return List.copyOf(joined);
    }

    /** {@code items[from, to)} as a sequence expression {@code x..y[..step]}, or null. */
    private Sequence sequence(int from, int to) {
        if (to - from < 4 || to - from > 60) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (!(items.get(k) instanceof Character c)) {
                return null;
            }
            text.append(c.charValue());
        }
        return Sequence.parse(text.toString());
    }

    /** A brace sequence: numbers (zero-padded to {@code width} when written so) or single letters. */
    private record Sequence(long first, long last, long step, boolean letters, int width) {

        static Sequence parse(String text) {
            int dots = text.indexOf("..", 1);
            if (dots < 0) {
                return null;
            }
            String a = text.substring(0, dots);
            String rest = text.substring(dots + 2);
            String b = rest;
            long step = 1;
            int more = rest.indexOf("..", 1);
            if (more >= 0) {
                b = rest.substring(0, more);
                Long parsed = number(rest.substring(more + 2));
                if (parsed == null) {
                    return null;
                }
                step = parsed == 0 ? 1 : Math.abs(parsed);
            }
            if (a.length() == 1 && b.length() == 1 && Character.isLetter(a.charAt(0)) && a.charAt(0) < 128
                    && Character.isLetter(b.charAt(0)) && b.charAt(0) < 128) {
                return new Sequence(a.charAt(0), b.charAt(0), step, true, 0);
            }
            Long x = number(a);
            Long y = number(b);
            if (x == null || y == null) {
                return null;
            }
            int width = padded(a) || padded(b) ? Math.max(a.length(), b.length()) : 0;
            return new Sequence(x, y, step, false, width);
        }

        private static boolean padded(String number) {
            String digits = number.startsWith("-") ? number.substring(1) : number;
            return digits.length() > 1 && digits.charAt(0) == '0';
        }

        private static Long number(String text) {
            int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
            if (text.length() == start || text.length() - start > 17) {
                return null;
            }
            for (int k = start; k < text.length(); k++) {
                if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                    return null;
                }
            }
            return Long.parseLong(text);
        }

        long count() {
            return Math.abs(last - first) / step + 1;
        }

        void expand(List<Word> out) {
            long direction = last >= first ? step : -step;
            long value = first;
            for (long k = count(); k > 0; k--, value += direction) {
                out.add(Word.of(letters ? String.valueOf((char) value) : format(value)));
            }
        }

        private String format(long value) {
            String digits = Long.toString(Math.abs(value));
            StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
            for (int pad = width - digits.length() - text.length(); pad > 0; pad--) {
                text.append('0');
            }
            return text.append(digits).toString();
        }
    }
}
