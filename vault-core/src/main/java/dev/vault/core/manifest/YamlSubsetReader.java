package dev.vault.core.manifest;

import com.fasterxml.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the plain subset of YAML that manifests are written in, without a YAML library: block mappings with
 * plain keys, block and one-line flow sequences of scalars, {@code {}}, one-line plain, single- and
 * double-quoted scalars, comments and blank lines. For such a text it gives the very tree {@link YamlTreeReader}
 * gives (same nodes, texts, token types, lines and columns; a test compares the two); for anything else,
 * including every text the full reader would refuse, it gives null and the caller asks the full reader, so
 * errors and unusual YAML read exactly as before.
 *
 * <p>Why: parsing manifest.example.yaml with Jackson's YAML parser (SnakeYAML underneath) costs about 93 ms
 * of CPU in a fresh JVM and 35 ms even with its classes in an AOT cache; SnakeYAML's own parser alone 44 and
 * 16 ms; this reader 6 and 2 ms (JDK 25, C1, medians of 21 runs on a busy 2-core machine).
 *
 * <p>Plain scalars are typed as Jackson types them (through SnakeYAML's YAML 1.1 resolver) only where that is
 * certain: {@code true}, {@code false}, decimal integers without sign or leading zero, dates
 * ({@code 2026-10-01}), periods ({@code 90d}) and text starting with a letter, '_' or '/'; words the
 * resolver might read as a boolean or null ({@code yes}, {@code Off}, {@code null}, …) and anything else
 * that starts with a digit, a sign, a dot or an indicator send the text to the full reader, as do non-ASCII
 * characters anywhere but in quoted scalars and comments.
 */
final class YamlSubsetReader {
    /** Longest key taken: SnakeYAML refuses a simple key longer than 1024 characters. */
    private static final int MAX_KEY = 1000;
    /** Longest text taken: SnakeYAML refuses a document of more than 3 MiB code points. */
    private static final int MAX_TEXT = 1 << 20;
    /**
     * The words SnakeYAML's resolver (2.x, YAML 1.1) reads as a boolean or null, the only plain scalars
     * starting with a letter that it does not read as text; of these only true and false are taken here.
     */
    private static final Set<String> RESERVED_WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True",
            "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

    /** The text is outside the subset: the caller reads it with the full reader. No stack trace: it is no error. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The text, and where each line starts and ends (at its line feed, or the end of the text). */
    private final char[] chars;
    private final int[] starts;
    private final int[] ends;
    /** The line being read (from 0), and the position in it (from 0). */
    private int row;
    private int at;

    private YamlSubsetReader(char[] chars, int[] starts, int[] ends) {
        this.chars = chars;
        this.starts = starts;
        this.ends = ends;
    }

    /** The document's tree, or null when the text is outside the subset (or empty, or not valid YAML). */
    static YamlNode read(String text) {
        if (text.length() > MAX_TEXT) {
            return null;
        }
        // a char array, not String.charAt: this runs in the interpreter, where each charAt is three calls
        char[] chars = text.toCharArray();
        int lines = 1;
        for (char c : chars) {
            if (c == '\n') {
                lines++;
            } else if ((c < 0x20 || c > 0x7e) && !allowedBeyondAscii(c)) {
                return null;
            }
        }
        int[] starts = new int[lines];
        int[] ends = new int[lines];
        int line = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n') {
                ends[line] = i;
                starts[++line] = i + 1;
            }
        }
        ends[line] = chars.length;
        try {
            return new YamlSubsetReader(chars, starts, ends).document();
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * Beside line feeds and printable ASCII, the characters SnakeYAML reads as printable and not as a line
     * break or byte order mark; only comments and quoted scalars can hold them (keys and plain scalars are
     * ASCII here). No tabs, no carriage returns, no surrogates.
     */
    private static boolean allowedBeyondAscii(char c) {
        return c >= 0xa0 && !Character.isSurrogate(c) && c != '\u2028' && c != '\u2029' && c < '\ufeff';
    }

    private YamlNode document() throws Unsupported {
        if (!nextContentLine()) {
            throw Unsupported.INSTANCE;
        }
        YamlNode root = mapping(indent(), 0);
        if (nextContentLine()) {
            throw Unsupported.INSTANCE;
        }
        return root;
    }

    /** A block mapping whose keys stand at column {@code indent} (from 0), starting at the current line. */
    private YamlNode.Mapping mapping(int indent, int keyLine) throws Unsupported {
        int line = row + 1;
        List<YamlNode.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int endLine = keyLine;
        while (true) {
            at = indent;
            String key = key();
            if (!keys.add(key)) {
                throw Unsupported.INSTANCE;
            }
            int entryLine = row + 1;
            YamlNode value;
            skipSpaces();
            if (atLineEnd()) {
                row++;
                value = block(indent, entryLine);
            } else {
                value = inlineValue(entryLine);
                endOfLine();
                row++;
            }
            YamlNode.Entry entry = new YamlNode.Entry(key, entryLine, indent + 1, value);
            entries.add(entry);
            endLine = Math.max(endLine, entry.lastLine());
            if (!nextContentLine() || indent() < indent) {
                break;
            }
            if (indent() > indent) {
                throw Unsupported.INSTANCE;     // a continued scalar, or indentation YAML refuses
            }
        }
        return new YamlNode.Mapping(List.copyOf(entries), false, line, indent + 1, endLine);
    }

    /** The value of a key that has nothing after its colon: a nested mapping or a block sequence. */
    private YamlNode block(int parentIndent, int keyLine) throws Unsupported {
        if (!nextContentLine()) {
            throw Unsupported.INSTANCE;         // an empty value
        }
        int indent = indent();
        if (isSequenceEntry(indent) && indent >= parentIndent) {
            return sequence(indent, keyLine);   // indent == parentIndent: YAML's indentless sequence
        }
        if (indent > parentIndent) {
            return mapping(indent, keyLine);
        }
        throw Unsupported.INSTANCE;             // an empty value
    }

    /** A block sequence of scalars whose dashes stand at column {@code indent} (from 0). */
    private YamlNode.Sequence sequence(int indent, int keyLine) throws Unsupported {
        int line = row + 1;
        List<YamlNode> items = new ArrayList<>();
        int endLine = keyLine;
        while (true) {
            at = indent + 1;
            if (at >= length()) {
                throw Unsupported.INSTANCE;     // "-" alone: a nested or empty item
            }
            skipSpaces();
            if (atLineEnd() || current() == '[' || current() == '{') {
                throw Unsupported.INSTANCE;
            }
            YamlNode item = inlineValue(row + 1);
            endOfLine();
            row++;
            items.add(item);
            endLine = Math.max(endLine, item.endLine);
            if (!nextContentLine() || indent() < indent || indent() == indent && !isSequenceEntry(indent)) {
                break;
            }
            if (indent() > indent) {
                throw Unsupported.INSTANCE;
            }
        }
        return new YamlNode.Sequence(List.copyOf(items), false, line, indent + 1, endLine);
    }

    private boolean isSequenceEntry(int indent) {
        return charAt(indent) == '-' && (indent + 1 == length() || charAt(indent + 1) == ' ');
    }

    /** A plain key and its colon, which must end the line or be followed by a space. */
    private String key() throws Unsupported {
        int base = starts[row];
        int length = ends[row] - base;
        int start = at;
        if (start >= length || !isKeyStart(chars[base + start])) {
            throw Unsupported.INSTANCE;
        }
        while (at < length && isKeyPart(chars[base + at])) {
            at++;
        }
        if (at - start > MAX_KEY || at >= length || chars[base + at] != ':'
                || at + 1 < length && chars[base + at + 1] != ' ') {
            throw Unsupported.INSTANCE;
        }
        String key = new String(chars, base + start, at - start);
        at++;
        return key;
    }

    /** A value that starts on the key's line (or the dash's): a flow sequence, {@code {}}, or a scalar. */
    private YamlNode inlineValue(int keyLine) throws Unsupported {
        int line = row + 1;
        int column = at + 1;
        switch (current()) {
            case '[':
                return flowSequence(line, column, keyLine);
            case '{':
                at++;
                if (atLineEnd() || current() != '}') {
                    throw Unsupported.INSTANCE;
                }
                at++;
                return new YamlNode.Mapping(List.of(), true, line, column, Math.max(keyLine, line));
            case '"':
                return new YamlNode.Scalar(doubleQuoted(), JsonToken.VALUE_STRING, line, column, line);
            case '\'':
                return new YamlNode.Scalar(singleQuoted(), JsonToken.VALUE_STRING, line, column, line);
            default:
                String text = plain(false);
                return new YamlNode.Scalar(text, plainType(text), line, column, line);
        }
    }

    /** {@code [a, "b c", d]} on one line, of scalars only. */
    private YamlNode.Sequence flowSequence(int line, int column, int keyLine) throws Unsupported {
        at++;
        List<YamlNode> items = new ArrayList<>();
        skipSpaces();
        if (!atLineEnd() && current() == ']') {
            at++;
            return new YamlNode.Sequence(List.of(), true, line, column, Math.max(keyLine, line));
        }
        while (true) {
            if (atLineEnd()) {
                throw Unsupported.INSTANCE;
            }
            int itemColumn = at + 1;
            YamlNode.Scalar item;
            switch (current()) {
                case '"':
                    item = new YamlNode.Scalar(doubleQuoted(), JsonToken.VALUE_STRING, line, itemColumn, line);
                    break;
                case '\'':
                    item = new YamlNode.Scalar(singleQuoted(), JsonToken.VALUE_STRING, line, itemColumn, line);
                    break;
                default:
                    String text = plain(true);
                    item = new YamlNode.Scalar(text, plainType(text), line, itemColumn, line);
            }
            items.add(item);
            skipSpaces();
            if (atLineEnd()) {
                throw Unsupported.INSTANCE;
            }
            char next = current();
            at++;
            if (next == ']') {
                return new YamlNode.Sequence(List.copyOf(items), true, line, column, Math.max(keyLine, line));
            }
            if (next != ',') {
                throw Unsupported.INSTANCE;
            }
            skipSpaces();
        }
    }

    /**
     * A plain scalar of printable ASCII that cannot be read as anything but itself: it starts with a letter,
     * digit, '_' or '/', and holds letters, digits, spaces and {@code _ . / @ + = ( ) ; ! $ % & * ~ ^ -}, and
     * outside flow sequences also {@code , ? '} and colons followed by neither a space nor the line's end
     * (SnakeYAML ends a flow scalar at {@code , ? [ ] { }}). It ends at the line's end, at a comment (" #"),
     * or in a flow sequence at ',' or ']'; trailing spaces are not part of it.
     */
    private String plain(boolean flow) throws Unsupported {
        int base = starts[row];
        int length = ends[row] - base;
        int start = at;
        if (!isPlainStart(chars[base + start])) {
            throw Unsupported.INSTANCE;
        }
        int end = start;
        while (at < length) {
            char c = chars[base + at];
            if (c == ' ') {
                at++;
                continue;
            }
            if (c == '#' && chars[base + at - 1] == ' ' || flow && (c == ',' || c == ']')) {
                break;
            }
            boolean colon = c == ':' && at + 1 < length && chars[base + at + 1] != ' ';
            if (!(isPlainPart(c) || !flow && (colon || c == '\'' || c == ',' || c == '?'))) {
                throw Unsupported.INSTANCE;
            }
            at++;
            end = at;
        }
        at = end;
        return new String(chars, base + start, end - start);
    }

    /** A one-line double-quoted scalar with no escapes but \" \\ \n \t and \\uXXXX. */
    private String doubleQuoted() throws Unsupported {
        int base = starts[row];
        int length = ends[row] - base;
        StringBuilder value = new StringBuilder();
        for (at++; at < length; at++) {
            char c = chars[base + at];
            if (c == '"') {
                at++;
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++at >= length) {
                throw Unsupported.INSTANCE;
            }
            switch (chars[base + at]) {
                case '"': value.append('"'); break;
                case '\\': value.append('\\'); break;
                case 'n': value.append('\n'); break;
                case 't': value.append('\t'); break;
                case 'u':
                    if (at + 4 >= length) {
                        throw Unsupported.INSTANCE;
                    }
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int digit = hexDigit(chars[base + at + i]);
                        if (digit < 0) {
                            throw Unsupported.INSTANCE;
                        }
                        code = code * 16 + digit;
                    }
                    if (Character.isSurrogate((char) code)) {
                        throw Unsupported.INSTANCE;
                    }
                    value.append((char) code);
                    at += 4;
                    break;
                default:
                    throw Unsupported.INSTANCE;
            }
        }
        throw Unsupported.INSTANCE;             // continued on the next line
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would take other scripts' digits too). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return (c | 0x20) - 'a' + 10;
        }
        return -1;
    }

    /** A one-line single-quoted scalar; '' stands for one quote. */
    private String singleQuoted() throws Unsupported {
        int base = starts[row];
        int length = ends[row] - base;
        StringBuilder value = new StringBuilder();
        for (at++; at < length; at++) {
            char c = chars[base + at];
            if (c == '\'') {
                if (at + 1 < length && chars[base + at + 1] == '\'') {
                    value.append('\'');
                    at++;
                    continue;
                }
                at++;
                return value.toString();
            }
            value.append(c);
        }
        throw Unsupported.INSTANCE;
    }

    /**
     * The token type Jackson gives a plain scalar, where it is certain; see the class comment. SnakeYAML's
     * resolver picks its candidate types by the first character: a letter other than y, n, t, f, o (any
     * case) can only be a string.
     */
    private static JsonToken plainType(String text) throws Unsupported {
        char first = text.charAt(0);
        if (first >= '0' && first <= '9') {
            if (isDecimal(text)) {
                return JsonToken.VALUE_NUMBER_INT;
            }
            if (isDate(text) || isPeriod(text)) {
                return JsonToken.VALUE_STRING;  // the resolver's timestamp, which Jackson gives as text; or text
            }
            throw Unsupported.INSTANCE;
        }
        if (RESERVED_WORDS.contains(text)) {
            if (text.equals("true")) {
                return JsonToken.VALUE_TRUE;
            }
            if (text.equals("false")) {
                return JsonToken.VALUE_FALSE;
            }
            throw Unsupported.INSTANCE;
        }
        return JsonToken.VALUE_STRING;
    }

    /** 0, or 1 to 9 digits without a leading zero. */
    private static boolean isDecimal(String text) {
        if (text.equals("0")) {
            return true;
        }
        if (text.length() > 9 || text.charAt(0) == '0') {
            return false;
        }
        return digits(text, 0, text.length());
    }

    /** YYYY-MM-DD. */
    private static boolean isDate(String text) {
        return text.length() == 10 && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7)
                && text.charAt(7) == '-' && digits(text, 8, 10);
    }

    /** Digits and one of d, w, m, y, such as 90d: no resolver reads that as anything but text. */
    private static boolean isPeriod(String text) {
        char unit = text.charAt(text.length() - 1);
        return text.length() >= 2 && digits(text, 0, text.length() - 1)
                && (unit == 'd' || unit == 'w' || unit == 'm' || unit == 'y');
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isKeyPart(char c) {
        return isKeyStart(c) || c == '.' || c == '/' || c == '-';
    }

    private static boolean isPlainStart(char c) {
        return isKeyStart(c) || c == '/';
    }

    private static boolean isPlainPart(char c) {
        return isKeyPart(c) || "@+=();!$%&*~^".indexOf(c) >= 0;
    }

    /** After a value: nothing but spaces and a comment that a space sets apart. */
    private void endOfLine() throws Unsupported {
        int start = at;
        skipSpaces();
        if (at < length() && !(charAt(at) == '#' && at > start)) {
            throw Unsupported.INSTANCE;
        }
    }

    /**
     * Moves {@link #row} to the next line with content, skipping blank lines and comment lines; false at the
     * end of the text.
     */
    private boolean nextContentLine() throws Unsupported {
        for (; row < starts.length; row++) {
            int first = starts[row];
            int end = ends[row];
            while (first < end && chars[first] == ' ') {
                first++;
            }
            if (first < end && chars[first] != '#') {
                return true;
            }
        }
        return false;
    }

    /** The current line's length. */
    private int length() {
        return ends[row] - starts[row];
    }

    /** The character at {@code column} (from 0) of the current line. */
    private char charAt(int column) {
        return chars[starts[row] + column];
    }

    private int indent() {
        int base = starts[row];
        int first = base;
        while (chars[first] == ' ') {
            first++;
        }
        return first - base;
    }

    private void skipSpaces() {
        int base = starts[row];
        int length = ends[row] - base;
        while (at < length && chars[base + at] == ' ') {
            at++;
        }
    }

    private boolean atLineEnd() {
        return at >= length() || charAt(at) == '#' && charAt(at - 1) == ' ';
    }

    private char current() {
        return charAt(at);
    }
}
