package dev.vault.core;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Dotenv files as tools write them: quotes, comments, export, multi-line values, CRLF. */
class EnvFileTest {
    @Test
    void trickyFileReadsEveryValueExactly() throws Exception {
        String text = "# comment\r\n"
                + "\r\n"
                + "PLAIN=hunter2\r\n"
                + "export EXPORTED=yes\r\n"
                + "SPACED = a b c   # trailing comment\r\n"
                + "HASH_INSIDE=\"pa#ss word\"\r\n"
                + "SINGLE='$literal \\n # kept'\r\n"
                + "ESCAPED=\"tab\\there \\\"quoted\\\" back\\\\slash\"\r\n"
                + "MULTI=\"-----BEGIN KEY-----\nline2\n-----END KEY-----\"\r\n"
                + "EMPTY=\r\n"
                + "EMPTY_QUOTED=\"\"\r\n"
                + "URL=https://x.example/#frag\r\n"
                + "HASH_FIRST=#not-a-comment\r\n"
                + "DOLLAR=p$ss\r\n"
                + "PLAIN=last wins\r\n";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PLAIN", "last wins");
        expected.put("EXPORTED", "yes");
        expected.put("SPACED", "a b c");
        expected.put("HASH_INSIDE", "pa#ss word");
        expected.put("SINGLE", "$literal \\n # kept");
        expected.put("ESCAPED", "tab\there \"quoted\" back\\slash");
        expected.put("MULTI", "-----BEGIN KEY-----\nline2\n-----END KEY-----");
        expected.put("EMPTY", "");
        expected.put("EMPTY_QUOTED", "");
        expected.put("URL", "https://x.example/#frag");
        expected.put("HASH_FIRST", "#not-a-comment");
        expected.put("DOLLAR", "p$ss");
        assertEquals(expected, EnvFile.parse(text, "app.env"));
        assertEquals(expected, EnvFile.parse("\ufeff" + text, "app.env"), "a leading BOM is not part of the first key");
    }

    @Test
    void aLoneCarriageReturnEndsALineAndNeverJoinsTwoValues() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("A", "one");
        expected.put("B", "two\nlines");
        expected.put("C", "three");
        assertEquals(expected, EnvFile.parse("A=one\rB=\"two\rlines\"\rC=three\r", "mac.env"));
        assertEquals(Map.of("A", "x"), EnvFile.parse("A=\"x\"\r", "app.env"), "a CR after the closing quote at the end");
        VaultException stray = assertThrows(VaultException.class, () -> EnvFile.parse("A=1\nB=s3cret\rjunk\n", "app.env"));
        assertEquals("app.env:3: expected KEY=VALUE", stray.getMessage());
    }

    @Test
    void errorsNameTheLineAndNeverTheValue() {
        VaultException unterminated = assertThrows(VaultException.class,
                () -> EnvFile.parse("A=1\nB=\"s3cret\nC=3\n", "app.env"));
        assertEquals("app.env:2: the quoted value has no closing \"", unterminated.getMessage());
        VaultException noEquals = assertThrows(VaultException.class, () -> EnvFile.parse("A=1\nhunter2\n", "app.env"));
        assertEquals("app.env:2: expected KEY=VALUE", noEquals.getMessage());
        VaultException afterContinuation = assertThrows(VaultException.class,
                () -> EnvFile.parse("A=\"one\\\ntwo\"\nhunter2\n", "app.env"));
        assertEquals("app.env:3: expected KEY=VALUE", afterContinuation.getMessage());
        VaultException trailing = assertThrows(VaultException.class,
                () -> EnvFile.parse("A='s3cret' junk\n", "app.env"));
        assertEquals("app.env:1: unexpected text after the closing '", trailing.getMessage());
    }
}
