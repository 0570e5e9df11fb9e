package dev.vault.core.guard.shell;

/**
 * A position in shell source text. {@link #peek()} and {@link #next()} skip line continuations (a
 * backslash before a newline), as the shell does outside single quotes; the {@code raw} methods do not.
 * Sub-sources (a backquoted command, a here-document body) get their own cursor with the offset of their
 * text in the whole command line, and share the {@link Budget} of the parse.
 */
final class Cursor {
    static final int EOF = -1;

    final String text;
    final int base;
    final Budget budget;
    int pos;

    Cursor(String text, int base, Budget budget) {
        this.text = text;
        this.base = base;
        this.budget = budget;
    }

    /** The next character after any line continuations, or {@link #EOF}. */
    int peek() {
        while (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == '\n') {
            pos += 2;
        }
        return pos < text.length() ? text.charAt(pos) : EOF;
    }

    /** The character {@code ahead} characters on, line continuations skipped, or {@link #EOF}. */
    int peek(int ahead) {
        int i = pos;
        for (int n = 0; ; n++, i++) {
            while (i + 1 < text.length() && text.charAt(i) == '\\' && text.charAt(i + 1) == '\n') {
                i += 2;
            }
            if (i >= text.length()) {
                return EOF;
            }
            if (n == ahead) {
                return text.charAt(i);
            }
        }
    }

    int next() {
        int c = peek();
        if (c != EOF) {
            pos++;
        }
        return c;
    }

    boolean eat(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code s} if it comes next (line continuations allowed inside it). */
    boolean eat(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (peek(k) != s.charAt(k)) {
                return false;
            }
        }
        for (int k = 0; k < s.length(); k++) {
            next();
        }
        return true;
    }

    int rawPeek() {
        return pos < text.length() ? text.charAt(pos) : EOF;
    }

    int rawNext() {
        return pos < text.length() ? text.charAt(pos++) : EOF;
    }

    boolean atEnd() {
        return peek() == EOF;
    }

    /** The offset of the current position in the whole command line. */
    int offset() {
        return base + pos;
    }

    ShellSyntaxException error(String what) {
        return errorAt(what, pos);
    }

    /** An error about the construct at {@code local} (a position in this cursor's text). */
    ShellSyntaxException errorAt(String what, int local) {
        int at = base + Math.min(local, text.length());
        return new ShellSyntaxException(what + " at offset " + at, at);
    }

    /** Enters one level of nesting, for the construct at {@code local}; past {@link Budget#MAX_DEPTH} the parse stops. */
    void enter(int local) throws ShellSyntaxException {
        if (++budget.depth > Budget.MAX_DEPTH) {
            throw errorAt("nesting deeper than " + Budget.MAX_DEPTH + " levels", local);
        }
    }

    void leave() {
        budget.depth--;
    }

    /**
     * The index of the first {@code )} of the {@code ))} that closes an arithmetic expression starting at
     * {@code from} (just after {@code ((}), or -1 when the parentheses do not close that way (then the text
     * is a command substitution or subshell holding a subshell). Linear in the text scanned.
     */
    int arithmeticEnd(int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i + 1 < text.length() && text.charAt(i + 1) == ')' ? i : -1;
                }
                depth--;
            } else if (c == '\\') {
                i++;
            } else if (c == '\'') {
                i = text.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= text.length()) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** What one parse may spend, shared by the cursors of its sub-sources. */
    static final class Budget {
        static final int MAX_DEPTH = 64;
        static final int MAX_BRACE_WORDS = 1000;
        static final int MAX_BRACE_WORDS_IN_ALL = 10_000;

        int depth;
        int braceWords;
    }
}
