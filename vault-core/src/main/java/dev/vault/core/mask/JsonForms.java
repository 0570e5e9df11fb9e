package dev.vault.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * How a value looks inside a JSON string, as encoders write it: {@code \"} and {@code \\} always;
 * {@code \b \f \n \r \t} for those control characters and a six-character unicode escape
 * (backslash, u, four hex digits) for the others; and, as each encoder chooses, {@code \/} for '/'
 * (PHP), a unicode escape for every non-ASCII character (Python's default, Jackson's ESCAPE_NON_ASCII),
 * unicode escapes for {@code < > &} and U+2028, U+2029 for HTML safety (Go), hex digits in upper or
 * lower case.
 */
final class JsonForms {
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER = "0123456789abcdef".toCharArray();

    private JsonForms() {
    }

    static void of(byte[] value, Consumer<byte[]> forms) {
        String text = utf8(value);
        for (char[] hex : new char[][] {LOWER, UPPER}) {
            for (boolean slash : new boolean[] {false, true}) {
                for (boolean html : new boolean[] {false, true}) {
                    forms.accept(rawNonAscii(value, hex, slash, html));
                    if (text != null) {
                        forms.accept(asciiOnly(text, hex, slash, html));
                    }
                }
            }
        }
    }

    /** Non-ASCII bytes as they are (JavaScript, Jackson, Go, serde_json, Python with ensure_ascii=False). */
    private static byte[] rawNonAscii(byte[] value, char[] hex, boolean slash, boolean html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 16);
        for (int i = 0; i < value.length; i++) {
            int c = value[i] & 0xff;
            if (c >= 0x80) {
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; Go escapes them with its HTML escaping.
                if (html && c == 0xe2 && i + 2 < value.length && (value[i + 1] & 0xff) == 0x80
                        && ((value[i + 2] & 0xff) == 0xa8 || (value[i + 2] & 0xff) == 0xa9)) {
                    unicode(out, (value[i + 2] & 0xff) == 0xa8 ? 0x2028 : 0x2029, hex);
                    i += 2;
                } else {
                    out.write(c);
                }
            } else {
                ascii(out, c, hex, slash, html);
            }
        }
        return out.toByteArray();
    }

    /** Every non-ASCII character as a &#92;uXXXX escape, astral ones as a surrogate pair (Python's default). */
    private static byte[] asciiOnly(String text, char[] hex, boolean slash, boolean html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                unicode(out, c, hex);
            } else {
                ascii(out, c, hex, slash, html);
            }
        }
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, int c, char[] hex, boolean slash, boolean html) {
        switch (c) {
            case '"':
            case '\\':
                out.write('\\');
                out.write(c);
                return;
            case '/':
                if (slash) {
                    out.write('\\');
                }
                out.write(c);
                return;
            case '\b':
                escape(out, 'b');
                return;
            case '\f':
                escape(out, 'f');
                return;
            case '\n':
                escape(out, 'n');
                return;
            case '\r':
                escape(out, 'r');
                return;
            case '\t':
                escape(out, 't');
                return;
            case '<':
            case '>':
            case '&':
                if (html) {
                    unicode(out, c, hex);
                } else {
                    out.write(c);
                }
                return;
            default:
                if (c < 0x20) {
                    unicode(out, c, hex);
                } else {
                    out.write(c);
                }
        }
    }

    private static void escape(ByteArrayOutputStream out, char c) {
        out.write('\\');
        out.write(c);
    }

    private static void unicode(ByteArrayOutputStream out, int c, char[] hex) {
        out.write('\\');
        out.write('u');
        out.write(hex[c >> 12 & 0xf]);
        out.write(hex[c >> 8 & 0xf]);
        out.write(hex[c >> 4 & 0xf]);
        out.write(hex[c & 0xf]);
    }

    /** The value as text, or null when it is not UTF-8. */
    private static String utf8(byte[] value) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
