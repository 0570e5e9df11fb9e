package dev.vault.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Writes an entry in its one canonical form (docs/audit-format.md): compact JSON, keys in a fixed order,
 * absent fields left out, strings escaped as JSON.stringify does, UTF-8. {@code hash} is the SHA-256 of the
 * entry's canonical form without {@code hash}.
 */
public final class EntryWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[512];
    private int length;

    private EntryWriter() {
    }

    /** The complete line (ending in a newline) of a new entry; {@code into} receives its fields and hash. */
    public static byte[] line(long seq, Instant time, Actor actor, String identity, AuditEvent event, String prev,
                              AuditEntry into) {
        AuditEntry entry = into == null ? new AuditEntry() : into;
        entry.seq = seq;
        entry.time = formatTime(time);
        entry.user = actor.user();
        entry.uid = actor.uid();
        entry.host = actor.host();
        entry.pid = actor.pid();
        entry.identity = identity;
        entry.agent = actor.agent();
        entry.session = actor.session();
        entry.action = event.action();
        entry.secret = event.secret();
        entry.version = event.version();
        entry.purpose = event.purpose();
        entry.result = event.result().label();
        entry.reason = event.reason();
        entry.prev = prev;
        return line(entry);
    }

    /** The canonical line of {@code entry}, with its hash computed (and set on it). */
    public static byte[] line(AuditEntry entry) {
        EntryWriter out = new EntryWriter();
        out.raw("{\"seq\":").number(entry.seq);
        out.raw(",\"time\":").string(entry.time);
        out.raw(",\"actor\":{\"user\":").string(entry.user);
        if (entry.uid != null) {
            out.raw(",\"uid\":").number(entry.uid);
        }
        out.raw(",\"host\":").string(entry.host);
        out.raw(",\"pid\":").number(entry.pid);
        out.optional("identity", entry.identity).optional("agent", entry.agent).optional("session", entry.session);
        out.raw("},\"action\":").string(entry.action);
        out.optional("secret", entry.secret);
        if (entry.version != null) {
            out.raw(",\"version\":").number(entry.version);
        }
        out.optional("purpose", entry.purpose);
        out.raw(",\"result\":").string(entry.result);
        out.optional("reason", entry.reason);
        out.raw(",\"prev\":").string(entry.prev);
        int bodyEnd = out.length;
        out.raw("}");
        entry.hash = hex(sha256(out.buffer, 0, out.length));
        out.length = bodyEnd;
        out.raw(",\"hash\":").string(entry.hash).raw("}\n");
        return Arrays.copyOf(out.buffer, out.length);
    }

    /** {@code 2026-11-21T09:30:00.000Z}: always three fraction digits, so every time has one form. */
    public static String formatTime(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(24);
        pad(text, t.getYear(), 4).append('-');
        pad(text, t.getMonthValue(), 2).append('-');
        pad(text, t.getDayOfMonth(), 2).append('T');
        pad(text, t.getHour(), 2).append(':');
        pad(text, t.getMinute(), 2).append(':');
        pad(text, t.getSecond(), 2).append('.');
        return pad(text, t.getNano() / 1_000_000, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        Sha256 digest = Sha256.forOneEntry();
        digest.update(bytes, offset, length);
        byte[] hash = new byte[Sha256.LENGTH];
        digest.finish(hash);
        return hash;
    }

    static String hex(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    private EntryWriter optional(String key, String value) {
        if (value != null) {
            raw(",\"").raw(key).raw("\":").string(value);
        }
        return this;
    }

    private EntryWriter raw(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            put(ascii.charAt(i));
        }
        return this;
    }

    private EntryWriter number(long value) {
        return raw(Long.toString(value));
    }

    /** A JSON string as JSON.stringify writes it; a lone surrogate becomes U+FFFD. */
    private EntryWriter string(String value) {
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int code = c;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                code = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                code = 0xFFFD;
            }
            escape(code);
        }
        put('"');
        return this;
    }

    private void escape(int code) {
        switch (code) {
            case '"': raw("\\\""); return;
            case '\\': raw("\\\\"); return;
            case '\b': raw("\\b"); return;
            case '\f': raw("\\f"); return;
            case '\n': raw("\\n"); return;
            case '\r': raw("\\r"); return;
            case '\t': raw("\\t"); return;
            default:
        }
        if (code < 0x20) {
            raw("\\u00");
            put(HEX[code >> 4]);
            put(HEX[code & 0xf]);
        } else if (code < 0x80) {
            put(code);
        } else if (code < 0x800) {
            put(0xC0 | code >> 6);
            put(0x80 | code & 0x3F);
        } else if (code < 0x10000) {
            put(0xE0 | code >> 12);
            put(0x80 | code >> 6 & 0x3F);
            put(0x80 | code & 0x3F);
        } else {
            put(0xF0 | code >> 18);
            put(0x80 | code >> 12 & 0x3F);
            put(0x80 | code >> 6 & 0x3F);
            put(0x80 | code & 0x3F);
        }
    }

    private void put(int b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = (byte) b;
    }
}
