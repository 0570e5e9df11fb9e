package dev.vault.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The canonical form: exact bytes written, the hash over them, and every non-canonical spelling refused. */
class EntryFormatTest {
    static final Actor ACTOR = new Actor("alice", 1000L, "build-1", 4242, null, null);
    static final Instant TIME = Instant.parse("2026-11-21T09:30:00Z");

    @Test
    void firstEntryHasExactBytesAndItsHashIsTheSha256OfTheLineWithoutHash() throws Exception {
        AuditEntry entry = new AuditEntry();
        byte[] line = EntryWriter.line(1, TIME, ACTOR, "age1xyz", AuditEvent.ok("get", "db/password", 3, null, "deploy"),
                AuditEntry.GENESIS, entry);
        String body = "{\"seq\":1,\"time\":\"2026-11-21T09:30:00.000Z\",\"actor\":{\"user\":\"alice\",\"uid\":1000,"
                + "\"host\":\"build-1\",\"pid\":4242,\"identity\":\"age1xyz\"},\"action\":\"get\",\"secret\":\"db/password\","
                + "\"version\":3,\"purpose\":\"deploy\",\"result\":\"ok\",\"prev\":\"" + "0".repeat(64) + "\"";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((body + "}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(body + ",\"hash\":\"" + hash + "\"}\n", new String(line, StandardCharsets.UTF_8));
        assertEquals(hash, entry.hash());
    }

    @Test
    void stringsAreEscapedAsJsonStringifyDoesAndReadBackUnchanged() throws Exception {
        String purpose = "quote\" backslash\\ tab\t nl\n bell\u0007 del\u007f é 😀 \u2028";
        byte[] line = EntryWriter.line(7, TIME, ACTOR, null, AuditEvent.ok("set", "a", null, null, purpose),
                AuditEntry.GENESIS, null);
        String text = new String(line, StandardCharsets.UTF_8);
        assertEquals(true, text.contains("\"purpose\":\"quote\\\" backslash\\\\ tab\\t nl\\n bell\\u0007 del\u007f é 😀 \u2028\""),
                text);
        EntryParser parser = new EntryParser();
        AuditEntry back = parser.parse(line, 0, line.length - 1);
        assertEquals(purpose, back.purpose());
        assertEquals(back.hash(), parser.computedHash());
        assertNull(back.version());
    }

    @Test
    void loneSurrogateIsWrittenAsReplacementCharacter() throws Exception {
        byte[] line = EntryWriter.line(1, TIME, ACTOR, null, AuditEvent.ok("set", "a", null, null, "x\ud800y"),
                AuditEntry.GENESIS, null);
        assertEquals("x\ufffdy", new EntryParser().parse(line, 0, line.length - 1).purpose());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "space after colon|\"seq\":1|\"seq\": 1",
        "leading zero|\"seq\":1|\"seq\":01",
        "escaped slash|\"action\":\"get\"|\"action\":\"g\\/et\"",
        "needless unicode escape|\"action\":\"get\"|\"action\":\"g\\u0065t\"",
        "long form of a short escape|\"action\":\"get\"|\"action\":\"get\\u000a\"",
        "upper-case hex escape|\"action\":\"get\"|\"action\":\"get\\u001F\"",
        "raw control character|\"action\":\"get\"|\"action\":\"get\u0001\"",
        "keys out of order|\"action\":\"get\",\"secret\":\"db\"|\"secret\":\"db\",\"action\":\"get\"",
        "unknown key|\"action\":\"get\"|\"action\":\"get\",\"extra\":1",
        "repeated key|\"action\":\"get\"|\"action\":\"get\",\"action\":\"get\"",
        "result not ok denied or error|\"result\":\"ok\"|\"result\":\"fine\"",
        "time without millis|.000Z|Z",
        "number where a string goes|\"action\":\"get\"|\"action\":7",
        "version beyond an int|\"version\":1|\"version\":3000000000",
    })
    void nonCanonicalSpellingsAreRefused(String name, String from, String to) throws Exception {
        byte[] line = EntryWriter.line(1, TIME, ACTOR, null, AuditEvent.ok("get", "db", 1, null, null),
                AuditEntry.GENESIS, null);
        String text = new String(line, StandardCharsets.UTF_8);
        String changed = text.replace(from, to);
        assertEquals(true, !changed.equals(text), "the test did not change the line");
        byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
        assertThrows(EntryFormatException.class, () -> new EntryParser().parse(bytes, 0, bytes.length - 1));
        assertThrows(EntryFormatException.class, () -> new EntryParser().check(bytes, 0, bytes.length - 1),
                "the verifier's fast path refuses it too");
    }

    @Test
    void overlongUtf8IsRefused() {
        byte[] line = EntryWriter.line(1, TIME, ACTOR, null, AuditEvent.ok("get", "db", null, null, "A"),
                AuditEntry.GENESIS, null);
        String text = new String(line, StandardCharsets.ISO_8859_1).replace("\"purpose\":\"A\"", "\"purpose\":\"\u00c1\u0081\"");
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        EntryFormatException e = assertThrows(EntryFormatException.class,
                () -> new EntryParser().parse(bytes, 0, bytes.length - 1));
        assertEquals("invalid UTF-8", e.getMessage());
    }
}
