package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartupTrainingTest {
    @TempDir
    Path parent;

    @ParameterizedTest
    @ValueSource(strings = {"get", "exec", "guard"})
    void everyTrainedCommandGivesItsExitCodeAndTheFolderIsGone(String kind) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> caller = Map.of("PATH", System.getenv("PATH"), "VAULT_DIR", parent.resolve("elsewhere").toString(),
                "VAULT_IDENTITY", parent.resolve("missing.txt").toString());
        int code = StartupTraining.run(kind, caller, parent, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, code);
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "the training folder is deleted");
        }
    }

    @Test
    void anUnknownKindIsAUsageErrorAndWritesNothing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StartupTraining.run("set", Map.of(), parent, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("usage: StartupTraining get|exec|guard\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(2, code);
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void theEnvironmentKeepsNoVaultVariableAndHasItsOwnConfig() {
        Path folder = parent.resolve("t");
        Map<String, String> env = StartupTraining.environment(Map.of("PATH", "/bin", "VAULT_DIR", "/srv/vault",
                "VAULT_IDENTITY", "/k.txt", "XDG_CONFIG_HOME", "/home/x/.config", "HOME", "/home/x"), folder);
        assertEquals(Map.of("PATH", "/bin", "HOME", folder.toString(), "XDG_CONFIG_HOME", folder.resolve("config").toString()), env);
    }
}
