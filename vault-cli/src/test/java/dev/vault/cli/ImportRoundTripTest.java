package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A dotenv file as editors and tools write it (CRLF, BOM, quotes, escapes, comments, export, a multi-line
 * key), imported and read back: {@code vault get} returns each value byte for byte, and no value shows up
 * in the output, the manifest or the audit log.
 */
class ImportRoundTripTest {
    @TempDir
    Path work;

    @Test
    void everyValueComesBackExactly() throws IOException {
        String file = "\ufeff# settings of the billing service\r\n"
                + "\r\n"
                + "export DB_PASSWORD='p#ss word'\r\n"
                + "API_TOKEN=\"tok#en-42\"\r\n"
                + "   \r\n"
                + "PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\r\n"
                + "MIIEvQIBADANBgkqhkiG9w0B\r\n"
                + "-----END PRIVATE KEY-----\"\r\n"
                + "export\tESCAPED=\"line1\\nline2 \\\"quoted\\\" back\\\\slash\\ttab\"\r\n"
                + "DSN=postgres://app:pw@db.internal/billing?sslmode=require&x=1\r\n"
                + "PLAIN=hunter2   # rotated monthly\r\n"
                + "# a comment line between variables\r\n"
                + "GREETING=\"grüße, 世界 🔑\"\r\n"
                + "LITERAL='$NOT_EXPANDED \\n stays'\r\n"
                + "  INDENTED = spaced out value  \r\n"
                + "LAST=no-newline-at-the-end";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("DB_PASSWORD", "p#ss word");
        expected.put("API_TOKEN", "tok#en-42");
        expected.put("PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----");
        expected.put("ESCAPED", "line1\nline2 \"quoted\" back\\slash\ttab");
        expected.put("DSN", "postgres://app:pw@db.internal/billing?sslmode=require&x=1");
        expected.put("PLAIN", "hunter2");
        expected.put("GREETING", "grüße, 世界 🔑");
        expected.put("LITERAL", "$NOT_EXPANDED \\n stays");
        expected.put("INDENTED", "spaced out value");
        expected.put("LAST", "no-newline-at-the-end");
        Files.write(work.resolve("app.env"), file.getBytes(StandardCharsets.UTF_8));

        assertEquals(0, run("init").code());
        InProcessRun imported = run("import", "app.env", "--purpose", "billing service");
        StringBuilder lines = new StringBuilder();
        for (String variable : expected.keySet()) {
            lines.append("imported ").append(variable).append(" -> ").append(variable.toLowerCase(Locale.ROOT))
                    .append(" version 1\n");
        }
        lines.append("imported 10 of 10 variables from app.env\n");
        assertEquals(lines.toString(), imported.out());
        assertEquals("", imported.err());
        assertEquals(0, imported.code());

        for (Map.Entry<String, String> variable : expected.entrySet()) {
            InProcessRun get = run("get", variable.getKey().toLowerCase(Locale.ROOT));
            assertEquals(0, get.code(), get.err());
            assertArrayEquals(variable.getValue().getBytes(StandardCharsets.UTF_8), get.stdout(),
                    variable.getKey() + " read back as \"" + get.out() + "\"");
        }

        String manifest = Files.readString(work.resolve(".vault/manifest.yaml"));
        String audit = Files.readString(work.resolve(".vault/audit/audit.log"));
        for (String value : expected.values()) {
            assertFalse(imported.out().contains(value), "a value in the output of import");
            assertFalse(manifest.contains(value), "a value in the manifest");
            assertFalse(audit.contains(value), "a value in the audit log");
        }
    }

    private InProcessRun run(String... args) {
        Map<String, String> env = Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester", "PATH", System.getenv("PATH"));
        return InProcessRun.of(env, work, "", args);
    }
}
