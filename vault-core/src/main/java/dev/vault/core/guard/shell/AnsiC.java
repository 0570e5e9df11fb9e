package dev.vault.core.guard.shell;

/** The backslash escapes of bash's {@code $'…'} strings. */
final class AnsiC {
    /** The escape is not one bash decodes: the backslash and the character stay as written. */
    static final int KEEP = -2;
    /** The text ended inside the escape. */
    static final int UNTERMINATED = -3;

    private AnsiC() {
    }

    /** Decodes the escape after a backslash (the cursor just past it) and returns its code point. */
    static int escape(Cursor in) {
        int c = in.rawNext();
        switch (c) {
            case Cursor.EOF:
                return UNTERMINATED;
            case 'a':
                return 7;
            case 'b':
                return 8;
            case 'e':
            case 'E':
                return 27;
            case 'f':
                return 12;
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return 11;
            case '\\':
            case '\'':
            case '"':
            case '?':
                return c;
            case 'x':
                return number(in, 16, 2, KEEP);
            case 'u':
                return number(in, 16, 4, KEEP);
            case 'U':
                return number(in, 16, 8, KEEP);
            case 'c': {
                int d = in.rawNext();
                return d == Cursor.EOF ? UNTERMINATED : d & 0x1f;
            }
            default:
                if (c >= '0' && c <= '7') {
                    in.pos--;
                    return number(in, 8, 3, KEEP) & 0xff;
                }
                return KEEP;
        }
    }

    /** Up to {@code max} digits in {@code radix}; none is {@code none}; a value past Unicode is U+FFFD. */
    private static int number(Cursor in, int radix, int max, int none) {
        long value = 0;
        int digits = 0;
        while (digits < max) {
            int d = Character.digit(in.rawPeek(), radix);
            if (in.rawPeek() == Cursor.EOF || d < 0) {
                break;
            }
            in.rawNext();
            value = value * radix + d;
            digits++;
        }
        if (digits == 0) {
            return none;
        }
        return value > Character.MAX_CODE_POINT ? 0xFFFD : (int) value;
    }
}
