package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C in the middle of {@code vault demo} still deletes its temporary folder. The demo runs as its own
 * process; the {@code sh} its exec step starts is a stand-in found first on PATH (the JVM looks a command up
 * on its own PATH) that says so and waits, so the interrupt lands mid-demo every time, with the vault made
 * and a secret stored in the folder.
 */
class DemoInterruptTest {
    private static final Pattern FOLDER = Pattern.compile("^A vault in (/\\S+)/project, ");
    private static final String REACHED = "the stand-in sh is running";

    @TempDir
    Path work;

    @Test
    void ctrlCMidwayStillDeletesTheFolder() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path sh = bin.resolve("sh");
        Files.writeString(sh, "#!/bin/sh\necho '" + REACHED + "'\nexec sleep 120\n");
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));

        // env --default-signal: a JVM whose SIGINT was ignored when it started (a background job) keeps ignoring it
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "demo"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(Map.of("HOME", work.resolve("home").toString(), "XDG_CONFIG_HOME", work.resolve("config").toString(),
                "USER", "tester", "PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        Process demo = builder.start();
        demo.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Path folder = null;
        List<ProcessHandle> children = List.of();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.equals(REACHED); line = out.readLine()) {
                lines.add(line);
                Matcher matcher = FOLDER.matcher(line);
                if (matcher.find()) {
                    folder = Path.of(matcher.group(1));
                }
            }
            assertTrue(folder != null, "the demo did not say where it runs: " + lines);
            assertTrue(lines.contains("stored demo/api-token version 1"), "the demo stopped early: " + lines);
            assertTrue(Files.exists(folder.resolve("project/.vault/secrets/demo/api-token.age")), "the secret is stored");
            children = demo.descendants().toList();
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor());
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo did not stop on SIGINT");
        } finally {
            demo.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        assertEquals(130, demo.exitValue(), "stopped by SIGINT, not finished");
        assertFalse(Files.exists(folder), "Ctrl-C left " + folder + " behind");
    }
}
