package dev.vault.core.json;

import dev.vault.core.json.JsonTree.MalformedJsonException;
import dev.vault.core.json.JsonValue.JsonArray;
import dev.vault.core.json.JsonValue.JsonBoolean;
import dev.vault.core.json.JsonValue.JsonNull;
import dev.vault.core.json.JsonValue.JsonNumber;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

/**
 * Reads one JSON document (RFC 8259, UTF-8) into a {@link JsonValue} tree, strictly: one value with only
 * whitespace around it, no duplicate member names, at most {@value JsonTree#MAX_DEPTH} levels (a scalar
 * counts as a level too), no comments, trailing commas, single quotes, NaN or Infinity.
 *
 * <p>Why not jackson-core's parser, which read these documents before: every jackson-core parser extends
 * {@code ParserMinimalBase}, whose static initialiser builds BigInteger and BigDecimal constants, and on
 * Temurin 25 that initialisation (BigInteger pulls in ForkJoinTask, ExecutorService, ThreadContainers…)
 * took 7 to 10 ms of a 60 ms {@code vault guard check --hook} ({@code -Xlog:class+init}, with the AOT
 * cache), for a reader that never needs a number's value. Writing stays on jackson's generator, which does
 * not initialise them.
 *
 * <p>Where it and jackson-core 2.20 (with strict duplicate detection) could differ, it does as jackson does
 * ({@code JsonReaderAgainstJacksonTest} compares the two), except that it is stricter about UTF-8:
 * <ul>
 *   <li>The input must be well-formed UTF-8 (Unicode 3.9, table 3-7): no overlong forms, no encoded
 *       surrogates, nothing above U+10FFFF, all of which jackson lets through in strings. A UTF-8 byte order
 *       mark at the very start is skipped, as jackson does; UTF-16 or UTF-32 input, which jackson recognises
 *       by its byte order mark or its zero bytes, is refused here as the malformed UTF-8 it is.</li>
 *   <li>A backslash-u escape (a backslash, u, four hex digits) is one UTF-16 unit, as in jackson: an escaped
 *       surrogate pair makes one character, and a lone escaped surrogate stays in the string as it is
 *       (RFC 8259 section 8.2 leaves that to the reader).</li>
 *   <li>jackson's default limits: a number of at most 1000 digits, a member name of at most 50,000 bytes of
 *       UTF-8 (an escaped character counted as jackson counts it, each UTF-16 unit on its own), a string of at
 *       most 20,000,000 UTF-16 units.</li>
 * </ul>
 *
 * <p>Errors say where, never what: a line, and a column counted in characters from 1. The place is the first
 * character at which the text can no longer be the start of a JSON document (for a repeated member name,
 * a number, a name or a string over a limit, and a malformed UTF-8 sequence: where it starts); at the end of
 * the input it is the place after the last character.
 */
final class JsonReader {
    static final int MAX_NUMBER_DIGITS = 1000;
    static final int MAX_NAME_BYTES = 50_000;
    static final int MAX_STRING_UNITS = 20_000_000;

    private final byte[] in;
    private final StringBuilder text = new StringBuilder();
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonReader(byte[] in) {
        this.in = in;
    }

    static JsonValue read(byte[] document) throws MalformedJsonException {
        return new JsonReader(document).document();
    }

    private JsonValue document() throws MalformedJsonException {
        if (in.length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            pos = 3;
            lineStart = 3;
        }
        skipWhitespace();
        if (pos == in.length) {
            throw new MalformedJsonException("it is empty");
        }
        JsonValue value = value(1);
        skipWhitespace();
        if (pos < in.length) {
            throw new MalformedJsonException("there is more after the JSON value (line " + line + ")");
        }
        return value;
    }

    private JsonValue value(int depth) throws MalformedJsonException {
        int b = peek();
        if (b != '{' && b != '[' && b != '"' && b != 't' && b != 'f' && b != 'n' && b != '-' && !isDigit(b)) {
            throw unexpected();
        }
        if (depth > JsonTree.MAX_DEPTH) {
            throw new MalformedJsonException("it nests deeper than " + JsonTree.MAX_DEPTH + " levels");
        }
        switch (b) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                int start = pos;
                String string = string(false);
                if (string.length() > MAX_STRING_UNITS) {
                    throw invalidAt(start);
                }
                return new JsonString(string);
            case 't':
                literal("true");
                return new JsonBoolean(true);
            case 'f':
                literal("false");
                return new JsonBoolean(false);
            case 'n':
                literal("null");
                return new JsonNull();
            default:
                return number();
        }
    }

    private JsonObject object(int depth) throws MalformedJsonException {
        JsonObject object = JsonObject.empty();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            if (peek() != '"') {
                throw unexpected();
            }
            int start = pos;
            String name = string(true);
            if (object.has(name)) {
                throw new MalformedJsonException("a member name appears twice in one object" + at(start));
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(name, value(depth + 1));
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return object;
            }
            expect(',');
            skipWhitespace();
        }
    }

    private JsonArray array(int depth) throws MalformedJsonException {
        JsonArray array = JsonArray.empty();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        while (true) {
            array.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return array;
            }
            expect(',');
            skipWhitespace();
        }
    }

    /** A string from its opening quote; a member name is held to {@link #MAX_NAME_BYTES}. */
    private String string(boolean name) throws MalformedJsonException {
        int start = pos++;
        long nameBytes = 0;
        text.setLength(0);
        while (true) {
            int b = peek();
            if (b == '"') {
                pos++;
                break;
            } else if (b == '\\') {
                char c = escape();
                text.append(c);
                nameBytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            } else if (b >= 0x20 && b < 0x80) {
                text.append((char) b);
                pos++;
                nameBytes++;
            } else if (b >= 0x80) {
                int from = pos;
                text.appendCodePoint(utf8(b));
                nameBytes += pos - from;
            } else {
                throw unexpected(); // a control character, or the end
            }
        }
        if (name && nameBytes > MAX_NAME_BYTES) {
            throw invalidAt(start);
        }
        return text.toString();
    }

    private char escape() throws MalformedJsonException {
        pos++;
        int b = peek();
        pos++;
        switch (b) {
            case '"':
            case '\\':
            case '/':
                return (char) b;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int unit = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = hexDigit(peek());
                    if (digit < 0) {
                        throw unexpected();
                    }
                    unit = unit << 4 | digit;
                    pos++;
                }
                return (char) unit;
            default:
                pos--;
                throw unexpected();
        }
    }

    private static int hexDigit(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        } else if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        } else if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** The code point of the UTF-8 sequence that starts with byte {@code lead} (0x80 or more) at pos. */
    private int utf8(int lead) throws MalformedJsonException {
        int start = pos;
        int more;
        int min;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
            min = 0x80;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            min = 0x800;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            min = 0x10000;
            codePoint = lead & 0x07;
        } else {
            throw invalidAt(start); // a continuation byte, C0 and C1 (always overlong), or F5 to FF
        }
        for (int i = 1; i <= more; i++) {
            if (start + i >= in.length) {
                pos = in.length;
                throw unexpected();
            }
            int b = in[start + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw invalidAt(start);
            }
            codePoint = codePoint << 6 | b & 0x3F;
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw invalidAt(start);
        }
        pos = start + more + 1;
        return codePoint;
    }

    private JsonNumber number() throws MalformedJsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits;
        if (peek() == '0') {
            pos++;
            digits = 1;
            if (isDigit(peek())) {
                throw unexpected(); // a leading zero
            }
        } else {
            digits = digits();
        }
        if (peek() == '.') {
            pos++;
            digits += digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits += digits();
        }
        if (digits > MAX_NUMBER_DIGITS) {
            throw invalidAt(start);
        }
        text.setLength(0);
        for (int i = start; i < pos; i++) {
            text.append((char) in[i]);
        }
        return new JsonNumber(text.toString());
    }

    /** One or more digits; how many. */
    private int digits() throws MalformedJsonException {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        if (pos == start) {
            throw unexpected();
        }
        return pos - start;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private void literal(String word) throws MalformedJsonException {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw unexpected();
            }
            pos++;
        }
    }

    private void expect(char c) throws MalformedJsonException {
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    /** The byte at pos (0 to 255), or -1 at the end. */
    private int peek() {
        return pos < in.length ? in[pos] & 0xFF : -1;
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n' || b == '\r') {
                pos++;
                if (b == '\r' && pos < in.length && in[pos] == '\n') {
                    pos++;
                }
                line++;
                lineStart = pos;
            } else {
                return;
            }
        }
    }

    /** The byte at pos cannot come next, or the input ended. */
    private MalformedJsonException unexpected() {
        if (pos >= in.length) {
            return new MalformedJsonException("it ends in the middle of a value" + at(in.length));
        }
        return invalidAt(pos);
    }

    private MalformedJsonException invalidAt(int index) {
        return new MalformedJsonException("it is not valid JSON" + at(index));
    }

    /** " (line L, column C)" for the byte at index, C counted in characters (bytes that do not continue one). */
    private String at(int index) {
        int column = 1;
        for (int i = lineStart; i < index; i++) {
            if ((in[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return " (line " + line + ", column " + column + ")";
    }
}
