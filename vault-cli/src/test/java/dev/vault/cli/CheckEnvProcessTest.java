package dev.vault.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vault check-env --pid` against a real child process started with a stale, an empty, a missing and a matching variable. */
class CheckEnvProcessTest {
    @TempDir
    Path work;

    private final Map<String, String> env = new HashMap<>();
    private Process child;

    private String[] vault(String stdin, String... args) {
        InProcessRun run = InProcessRun.of(env, work, stdin, args);
        return new String[] {Integer.toString(run.code()), run.out(), run.err()};
    }

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void reportsStaleEmptyMissingAndMatchingVariablesByFingerprint() throws Exception {
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("USER", "tester");
        assertEquals("0", vault("", "init")[0]);
        assertEquals("0", vault("new-password", "set", "db/password", "--purpose", "db", "--env", "DB_PASSWORD")[0]);
        assertEquals("0", vault("tok-123", "set", "api/token", "--purpose", "api", "--env", "API_TOKEN")[0]);
        assertEquals("0", vault("cache-key", "set", "cache/key", "--purpose", "cache", "--env", "CACHE_KEY")[0]);
        assertEquals("0", vault("smtp-pass", "set", "smtp/password", "--purpose", "mail", "--env", "SMTP_PASSWORD")[0]);

        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().remove("CACHE_KEY");
        builder.environment().put("DB_PASSWORD", "old-password");
        builder.environment().put("API_TOKEN", "");
        builder.environment().put("SMTP_PASSWORD", "smtp-pass");
        child = builder.start();

        String[] result = vault("", "check-env", "--pid", Long.toString(child.pid()));
        assertEquals("1", result[0], result[2]);
        String stale = vault("old-password", "fingerprint", "--stdin")[1].strip();
        String[] fingerprints = new String[4];
        String[] names = {"db/password", "api/token", "cache/key", "smtp/password"};
        for (int i = 0; i < 4; i++) {
            fingerprints[i] = vault("", "fingerprint", names[i])[1].strip();
        }
        List<String> lines = result[1].lines().toList();
        assertEquals(List.of(
                "VARIABLE       SECRET         STATUS   VAULT                          FOUND",
                "DB_PASSWORD    db/password    differs  " + fingerprints[0] + "  " + stale,
                "API_TOKEN      api/token      empty    " + fingerprints[1] + "  -",
                "CACHE_KEY      cache/key      missing  " + fingerprints[2] + "  -",
                "SMTP_PASSWORD  smtp/password  match    " + fingerprints[3] + "  " + fingerprints[3]), lines);
        assertEquals("vault: error: 3 of 4 variables in process " + child.pid()
                + " do not match the vault: DB_PASSWORD differs, API_TOKEN empty, CACHE_KEY missing\n"
                + "vault: hint: `vault which VAR` shows where the vault's value comes from; see docs/troubleshooting.md\n",
                result[2]);
        for (String value : List.of("new-password", "old-password", "tok-123", "cache-key", "smtp-pass")) {
            assertTrue(!result[1].contains(value) && !result[2].contains(value), "a value was shown: " + value);
        }

        String[] fixed = vault("", "check-env", "--pid", Long.toString(child.pid()), "--only", "SMTP_PASSWORD", "--json");
        assertEquals("0", fixed[0], fixed[2]);
        assertEquals("{\"source\":\"process " + child.pid() + "\",\"ok\":true,\"variables\":[{\"variable\":\"SMTP_PASSWORD\","
                + "\"secret\":\"smtp/password\",\"status\":\"match\",\"vault\":\"" + fingerprints[3] + "\",\"found\":\""
                + fingerprints[3] + "\"}]}\n", fixed[1]);
    }
}
