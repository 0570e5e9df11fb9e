package dev.vault.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/verify-audit.py, written from docs/audit-format.md alone, reaches the same verdict as
 * `vault audit verify` on a good log and on each kind of damage: ok and the count, or the same problem at
 * the same segment and line.
 */
class VerifierScriptAgreementTest {
    private static final Path SCRIPT = Path.of("..", "docs", "verify-audit.py").toAbsolutePath();

    @TempDir
    Path work;

    private final Map<String, String> env = new HashMap<>();
    private Path audit;

    private String vault(String stdin, String... args) {
        InProcessRun run = InProcessRun.of(env, work, stdin, args);
        return run.code() + " " + run.out() + run.err();
    }

    @BeforeEach
    void makeLogOfThreeSegments() {
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("USER", "tester");
        env.put("VAULT_AUDIT_SEGMENT_BYTES", "1500");
        assertTrue(vault("", "init").startsWith("0 "));
        assertTrue(vault("hunter2", "set", "db/password", "--purpose", "primary \"db\" é\t").startsWith("0 "));
        for (int i = 0; i < 12; i++) {
            assertTrue(vault("", "get", "db/password").startsWith("0 "));
        }
        audit = work.resolve(".vault/audit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intact", "edit-field", "flip-byte", "delete-entry", "swap-entries", "insert-copy",
            "reorder-keys", "torn-tail", "delete-sealed-segment", "drop-newline-in-sealed-segment"})
    void scriptAndCliAgree(String damage) throws Exception {
        damage(damage);
        String cli = vault("", "audit", "verify", "--json");
        String cliVerdict;
        if (cli.startsWith("0 ")) {
            cliVerdict = "ok " + field(cli, "\"entries\":", ",");
        } else {
            cliVerdict = "FAIL " + field(cli, "\"segment\":\"audit/", "\"") + ":" + field(cli, "\"line\":", ",") + ": "
                    + field(cli, "\"id\":\"", "\"");
        }
        Process python = new ProcessBuilder("python3", SCRIPT.toString(), audit.toString()).redirectErrorStream(true).start();
        String script = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(cliVerdict, script, "cli said: " + cli);
        assertEquals(cliVerdict.startsWith("ok") ? 0 : 1, python.exitValue());
        if (damage.equals("intact")) {
            assertEquals("ok 14", script);
        } else {
            assertTrue(script.startsWith("FAIL "), script);
        }
    }

    private static String field(String json, String before, String after) {
        int start = json.indexOf(before) + before.length();
        return json.substring(start, json.indexOf(after, start));
    }

    private void damage(String kind) throws IOException {
        Path active = audit.resolve("audit.log");
        Path sealed = audit.resolve("audit.000002.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(sealed, StandardCharsets.UTF_8));
        switch (kind) {
            case "intact":
                return;
            case "edit-field":
                lines.set(1, lines.get(1).replace("\"action\":\"get\"", "\"action\":\"set\""));
                break;
            case "flip-byte":
                byte[] bytes = Files.readAllBytes(sealed);
                bytes[bytes.length / 2] ^= 0x01;
                Files.write(sealed, bytes);
                return;
            case "delete-entry":
                lines.remove(1);
                break;
            case "swap-entries":
                Collections.swap(lines, 0, 1);
                break;
            case "insert-copy":
                lines.add(1, lines.get(0));
                break;
            case "reorder-keys":
                lines.set(0, lines.get(0).replaceFirst("\\{\"seq\":(\\d+),\"time\":(\"[^\"]+\"),", "{\"time\":$2,\"seq\":$1,"));
                break;
            case "torn-tail":
                Files.writeString(active, "{\"seq\":99,\"time\":\"20", StandardOpenOption.APPEND);
                return;
            case "delete-sealed-segment":
                Files.delete(sealed);
                return;
            case "drop-newline-in-sealed-segment":
                Files.writeString(sealed, String.join("\n", lines));
                return;
            default:
                throw new IllegalArgumentException(kind);
        }
        Files.writeString(sealed, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
