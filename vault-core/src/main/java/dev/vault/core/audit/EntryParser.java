package dev.vault.core.audit;

import java.nio.charset.StandardCharsets;

/**
 * Reads a line that must be an entry in canonical form (docs/audit-format.md) and nothing else: keys in
 * the fixed order, no white space, only the escapes JSON.stringify writes, shortest UTF-8, integers without
 * leading zeros. Anything else is refused, so each entry has exactly one byte form. Not thread-safe.
 */
public final class EntryParser {
    private static final Field[] ENTRY = {
        new Field("seq", false), new Field("time", false), new Field("actor", false), new Field("action", false),
        new Field("secret", true), new Field("version", true), new Field("purpose", true),
        new Field("result", false), new Field("reason", true), new Field("prev", false), new Field("hash", false),
    };
    private static final Field[] ACTOR = {
        new Field("user", false), new Field("uid", true), new Field("host", false), new Field("pid", false),
        new Field("identity", true), new Field("agent", true), new Field("session", true),
    };

    private static final class Field {
        final String name;
        final byte[] quoted;
        final boolean optional;

        Field(String name, boolean optional) {
            this.name = name;
            // "name": built by hand: a string concatenation here would be an append's first, and the first
            // one links StringConcatFactory (milliseconds on a cold JVM)
            byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
            this.quoted = new byte[ascii.length + 3];
            quoted[0] = '"';
            System.arraycopy(ascii, 0, quoted, 1, ascii.length);
            quoted[ascii.length + 1] = '"';
            quoted[ascii.length + 2] = ':';
            this.optional = optional;
        }
    }

    private final Sha256 digest;
    private final byte[] computed = new byte[32];
    private byte[] b;
    private int start;
    private int pos;
    private int end;
    private int hashFieldAt;
    /** Build no strings: the verifier's fast path, which needs seq, prev and hash only. */
    private boolean lean;
    /** Where the last string's content starts and ends, and where the checked fields' contents start. */
    private int stringFrom;
    private int stringTo;
    private int timeAt;
    private int resultAt;
    private int resultTo;
    private int prevAt;
    private int hashAt;

    /** A parser for a few lines, such as an append's look at the last entry: its SHA-256 starts cheaply. */
    public EntryParser() {
        this(Sha256.forOneEntry());
    }

    /** A parser that hashes with {@code digest}: {@link Sha256#forWholeLogs()} to verify a whole log. */
    EntryParser(Sha256 digest) {
        this.digest = digest;
    }

    /**
     * Parses the line {@code bytes[start, end)} (without its newline). The entry's stored {@code hash} is
     * not checked here: compare it with {@link #computedHash()}.
     */
    public AuditEntry parse(byte[] bytes, int start, int end) throws EntryFormatException {
        lean = false;
        return read(bytes, start, end);
    }

    /**
     * Checks the line {@code bytes[start, end)} as {@link #parse} does, but builds no strings: the entry
     * returned has its numbers only. Compare its hashes with {@link #hashMatches} and {@link #prevIs}.
     */
    public AuditEntry check(byte[] bytes, int start, int end) throws EntryFormatException {
        lean = true;
        return read(bytes, start, end);
    }

    private AuditEntry read(byte[] bytes, int start, int end) throws EntryFormatException {
        this.b = bytes;
        this.start = start;
        this.pos = start;
        this.end = end;
        AuditEntry entry = new AuditEntry();
        expect('{');
        int next = 0;
        while (true) {
            if (next > 0) {
                if (peek() == '}') {
                    break;
                }
                expect(',');
            }
            int fieldAt = pos;
            next = key(ENTRY, next);
            value(entry, ENTRY[next - 1].name, fieldAt);
        }
        missing(ENTRY, next);
        expect('}');
        if (pos != end) {
            throw error("bytes after the end of the entry");
        }
        checkValues(entry);
        return entry;
    }

    /** Whether the stored hash of the line just read is its computed hash. */
    public boolean hashMatches() {
        computeDigest();
        return hexEquals(hashAt, computed);
    }

    /** Whether the {@code prev} of the line just read is {@code hash} (32 bytes). */
    public boolean prevIs(byte[] hash) {
        return hexEquals(prevAt, hash);
    }

    /** The stored hash of the line just read, as 32 bytes, into {@code out}. */
    public void storedHash(byte[] out) {
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (Character.digit(b[hashAt + 2 * i], 16) << 4 | Character.digit(b[hashAt + 2 * i + 1], 16));
        }
    }

    private boolean hexEquals(int at, byte[] hash) {
        for (int i = 0; i < 32; i++) {
            int high = HEX_VALUE[b[at + 2 * i] & 0x7f];
            int low = HEX_VALUE[b[at + 2 * i + 1] & 0x7f];
            if ((byte) (high << 4 | low) != hash[i]) {
                return false;
            }
        }
        return true;
    }

    private static final int[] HEX_VALUE = new int[128];
    /** The bytes a string holds as they are: printable ASCII but '"' and '\\'. */
    private static final boolean[] PLAIN = new boolean[256];
    private static final boolean[] LOWER_HEX = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            HEX_VALUE[c] = Character.digit(c, 16) < 0 ? 0 : Character.digit(c, 16);
            PLAIN[c] = c >= 0x20 && c != '"' && c != '\\';
            LOWER_HEX[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
    }

    private void computeDigest() {
        digest.update(b, start, hashFieldAt - start);
        digest.update((byte) '}');
        digest.finish(computed);
    }

    /** The SHA-256 of the line just parsed without its {@code hash} field: what its {@code hash} must be. */
    public String computedHash() {
        computeDigest();
        return EntryWriter.hex(computed);
    }

    private void value(AuditEntry entry, String name, int fieldAt) throws EntryFormatException {
        switch (name) {
            case "seq": entry.seq = number(); break;
            case "time":
                entry.time = string();
                timeAt = stringFrom;
                if (stringTo - stringFrom != 24) {
                    throw new EntryFormatException(1, TIME_SHAPE);
                }
                break;
            case "actor": actor(entry); break;
            case "action": entry.action = string(); break;
            case "secret": entry.secret = string(); break;
            case "version":
                long version = number();
                if (version > Integer.MAX_VALUE) {
                    throw error("version too large");
                }
                entry.version = (int) version;
                break;
            case "purpose": entry.purpose = string(); break;
            case "result":
                entry.result = string();
                resultAt = stringFrom;
                resultTo = stringTo;
                break;
            case "reason": entry.reason = string(); break;
            case "prev":
                entry.prev = string();
                prevAt = hexAt("prev");
                break;
            case "hash":
                hashFieldAt = fieldAt - 1;
                entry.hash = string();
                hashAt = hexAt("hash");
                break;
            default: throw new IllegalStateException(name);
        }
    }

    private void actor(AuditEntry entry) throws EntryFormatException {
        expect('{');
        int next = 0;
        while (true) {
            if (next > 0) {
                if (peek() == '}') {
                    break;
                }
                expect(',');
            }
            next = key(ACTOR, next);
            switch (ACTOR[next - 1].name) {
                case "user": entry.user = string(); break;
                case "uid": entry.uid = number(); break;
                case "host": entry.host = string(); break;
                case "pid": entry.pid = number(); break;
                case "identity": entry.identity = string(); break;
                case "agent": entry.agent = string(); break;
                default: entry.session = string(); break;
            }
        }
        missing(ACTOR, next);
        expect('}');
    }

    /** Matches the key at pos with the fields from {@code from} on (skipping optional ones); returns the next index. */
    private int key(Field[] fields, int from) throws EntryFormatException {
        for (int i = from; i < fields.length; i++) {
            if (startsWith(fields[i].quoted)) {
                pos += fields[i].quoted.length;
                return i + 1;
            }
            if (!fields[i].optional) {
                throw error("expected \"" + fields[i].name + "\" here");
            }
        }
        throw error("unexpected field");
    }

    private void missing(Field[] fields, int next) throws EntryFormatException {
        for (int i = next; i < fields.length; i++) {
            if (!fields[i].optional) {
                throw error("\"" + fields[i].name + "\" is missing");
            }
        }
    }

    private boolean startsWith(byte[] quoted) {
        if (end - pos < quoted.length) {
            return false;
        }
        for (int i = 0; i < quoted.length; i++) {
            if (b[pos + i] != quoted[i]) {
                return false;
            }
        }
        return true;
    }

    private long number() throws EntryFormatException {
        int from = pos;
        long value = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            if (pos - from == 18) {
                throw error("number too long");
            }
            value = value * 10 + (b[pos++] - '0');
        }
        if (pos == from) {
            throw error("expected a number");
        }
        if (b[from] == '0' && pos - from > 1) {
            throw error("number with a leading zero");
        }
        return value;
    }

    /** A string in canonical form; builds the String only once it is known to be valid. */
    private String string() throws EntryFormatException {
        expect('"');
        int from = pos;
        boolean plain = true;
        while (true) {
            while (pos < end && PLAIN[b[pos] & 0xff]) {
                pos++;
            }
            if (pos >= end) {
                throw error("unterminated string");
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character not escaped");
            }
            if (c == '\\') {
                plain = false;
                escape();
            } else if (c >= 0x80) {
                utf8(c);
            } else {
                pos++;
            }
        }
        stringFrom = from;
        stringTo = pos;
        String text = lean ? null : plain ? new String(b, from, pos - from, StandardCharsets.UTF_8) : unescape(from, pos);
        pos++;
        return text;
    }

    private void escape() throws EntryFormatException {
        if (pos + 1 >= end) {
            throw error("unterminated escape");
        }
        switch (b[pos + 1]) {
            case '"': case '\\': case 'b': case 'f': case 'n': case 'r': case 't':
                pos += 2;
                return;
            case 'u':
                if (pos + 6 > end || b[pos + 2] != '0' || b[pos + 3] != '0' || !hexDigit(b[pos + 4]) || !hexDigit(b[pos + 5])) {
                    throw error("escape not in canonical form");
                }
                int code = Character.digit(b[pos + 4], 16) * 16 + Character.digit(b[pos + 5], 16);
                if (code >= 0x20 || code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t') {
                    throw error("escape not in canonical form");
                }
                pos += 6;
                return;
            default:
                throw error("escape not in canonical form");
        }
    }

    private static boolean hexDigit(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    /** Checks one shortest-form UTF-8 sequence of a scalar value (no surrogates) starting with {@code lead}. */
    private void utf8(int lead) throws EntryFormatException {
        int count;
        int min;
        int code;
        if (lead >= 0xC2 && lead <= 0xDF) {
            count = 1;
            min = 0x80;
            code = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            count = 2;
            min = 0x800;
            code = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            count = 3;
            min = 0x10000;
            code = lead & 0x07;
        } else {
            throw error("invalid UTF-8");
        }
        if (pos + count >= end) {
            throw error("invalid UTF-8");
        }
        for (int i = 1; i <= count; i++) {
            int c = b[pos + i] & 0xff;
            if ((c & 0xC0) != 0x80) {
                throw error("invalid UTF-8");
            }
            code = code << 6 | c & 0x3F;
        }
        if (code < min || code > 0x10FFFF || code >= 0xD800 && code <= 0xDFFF) {
            throw error("invalid UTF-8");
        }
        pos += count + 1;
    }

    private String unescape(int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; i++) {
            if (b[i] != '\\') {
                continue;
            }
            text.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            byte kind = b[i + 1];
            switch (kind) {
                case 'b': text.append('\b'); break;
                case 'f': text.append('\f'); break;
                case 'n': text.append('\n'); break;
                case 'r': text.append('\r'); break;
                case 't': text.append('\t'); break;
                case 'u':
                    text.append((char) (Character.digit(b[i + 4], 16) * 16 + Character.digit(b[i + 5], 16)));
                    i += 4;
                    break;
                default: text.append((char) kind);
            }
            i++;
            run = i + 1;
        }
        return text.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    private static final String TIME_SHAPE = "\"time\" is not a UTC time such as 2026-11-21T09:30:00.000Z";
    private static final byte[] TIME_PATTERN = "dddd-dd-ddTdd:dd:dd.dddZ".getBytes(StandardCharsets.US_ASCII);

    /** Where a 64-digit lowercase hex string's content starts (the string just read), or an error. */
    private int hexAt(String field) throws EntryFormatException {
        if (stringTo - stringFrom != 64) {
            throw new EntryFormatException(1, "\"" + field + "\" must be 64 lowercase hex digits");
        }
        boolean hex = true;
        for (int i = stringFrom; i < stringTo; i++) {
            hex &= LOWER_HEX[b[i] & 0xff];
        }
        if (!hex) {
            throw new EntryFormatException(1, "\"" + field + "\" must be 64 lowercase hex digits");
        }
        return stringFrom;
    }

    private void checkValues(AuditEntry entry) throws EntryFormatException {
        for (int i = 0; i < 24; i++) {
            byte c = b[timeAt + i];
            byte want = TIME_PATTERN[i];
            if (want == 'd' ? c < '0' || c > '9' : c != want) {
                throw new EntryFormatException(1, TIME_SHAPE);
            }
        }
        if (!isResult("ok") && !isResult("denied") && !isResult("error")) {
            throw new EntryFormatException(1, "\"result\" is not ok, denied or error");
        }
        if (entry.seq < 1) {
            throw new EntryFormatException(1, "\"seq\" starts at 1");
        }
    }

    private boolean isResult(String label) {
        if (resultTo - resultAt != label.length()) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            if (b[resultAt + i] != label.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int peek() throws EntryFormatException {
        if (pos >= end) {
            throw error("the entry ends too early");
        }
        return b[pos];
    }

    private void expect(char c) throws EntryFormatException {
        if (pos >= end || b[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private EntryFormatException error(String message) {
        return new EntryFormatException(pos - start + 1, message);
    }
}
