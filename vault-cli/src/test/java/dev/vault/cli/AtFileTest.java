package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * picocli would read the words of {@code @FILE} arguments; vault takes them as they are, so the launcher sees every
 * `guard check --hook|--command` on the command line (and fails it closed), and `--command @NAME` checks "@NAME".
 */
class AtFileTest {
    @TempDir
    Path work;

    @Test
    void anAtFileIsNotExpanded() throws Exception {
        Path words = Files.writeString(work.resolve("words"), "guard check --command \"git status\"\n");
        Map<String, String> env = Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString());
        InProcessRun run = InProcessRun.of(env, work, "", "@" + words);
        assertEquals(2, run.code(), run.err());
        assertEquals("", run.out());
        assertEquals("vault: error: unmatched argument at index 0: '@" + words + "'\nvault: hint: see `vault --help`\n", run.err());
    }
}
