package dev.vault.core.guard.shell;

/** Reads {@code ${…}}: the name, an optional subscript, the operator and its argument. */
final class ParamReader {
    /** The operators after a name, longest first where one is a prefix of another. */
    private static final String[] OPERATORS = {":-", ":=", ":?", ":+", ":", "-", "=", "?", "+", "##", "#", "%%",
        "%", "//", "/#", "/%", "/", "^^", "^", ",,", ",", "@"};

    private final Cursor in;
    private final WordReader words;

    ParamReader(Cursor in, WordReader words) {
        this.in = in;
        this.words = words;
    }

    static boolean isNameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNameChar(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** {@code ${…}} with the cursor on the brace; {@code start} is the offset of the {@code $}. */
    Part.Param braced(boolean dq, int start) throws ShellSyntaxException {
        in.next();
        int c = in.peek();
        String name = null;
        Word subscript = null;
        if (c == '#' || c == '!') {
            in.next();
            if (in.peek() == '}') {
                in.next();
                return new Part.Param(String.valueOf((char) c), null, null, dq);
            }
            int mark = in.pos;
            String inner = name();
            if (inner != null) {
                if (c == '!' && isNameStart(inner.charAt(0)) && (in.peek() == '*' || in.peek() == '@')
                        && in.peek(1) == '}') {
                    in.next();
                    in.next();
                    return new Part.Param(inner, "names", null, dq);
                }
                Word sub = isNameStart(inner.charAt(0)) && in.peek() == '[' ? subscript() : null;
                if (in.eat('}')) {
                    String op = c == '#' ? "length" : keys(sub) ? "names" : "indirect";
                    return new Part.Param(inner, op, null, dq, sub);
                }
                if (c == '!') {
                    throw in.errorAt("unsupported indirect expansion with an operator", start);
                }
            }
            in.pos = mark;
            name = String.valueOf((char) c);
        } else {
            name = name();
            if (name == null) {
                throw in.errorAt(in.atEnd() ? "unterminated \"${\"" : "bad substitution", start);
            }
            if (isNameStart(name.charAt(0)) && in.peek() == '[') {
                subscript = subscript();
            }
        }
        if (in.eat('}')) {
            return new Part.Param(name, subscript == null ? null : "[", subscript, dq, subscript);
        }
        if (in.atEnd()) {
            throw in.errorAt("unterminated \"${\"", start);
        }
        String operator = null;
        for (String candidate : OPERATORS) {
            if (in.eat(candidate)) {
                operator = candidate;
                break;
            }
        }
        if (operator == null) {
            throw in.errorAt("bad substitution", start);
        }
        Word argument = words.until('}', dq, start, WordShaper.TILDE | WordShaper.GLOBS);
        return new Part.Param(name, operator, argument, dq, subscript);
    }

    private static boolean keys(Word subscript) {
        if (subscript == null) {
            return false;
        }
        String text = subscript.literal();
        return "@".equals(text) || "*".equals(text);
    }

    private Word subscript() throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        return words.until(']', false, start, 0);
    }

    /** A name, a positional number or one special parameter character, or null. */
    private String name() {
        int c = in.peek();
        StringBuilder name = new StringBuilder();
        if (isNameStart(c)) {
            while (isNameChar(in.peek())) {
                name.append((char) in.next());
            }
        } else if (c >= '0' && c <= '9') {
            while (in.peek() >= '0' && in.peek() <= '9') {
                name.append((char) in.next());
            }
        } else if (c != Cursor.EOF && "@*#?-$!".indexOf(c) >= 0) {
            name.append((char) in.next());
        } else {
            return null;
        }
        return name.toString();
    }
}
