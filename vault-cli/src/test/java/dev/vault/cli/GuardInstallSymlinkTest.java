package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dotfile managers (stow, yadm, home-manager) keep ~/.bashrc and ~/.claude/settings.json as symlinks into a
 * repository: an install writes through the link, into the file it names, and leaves the link a link.
 */
class GuardInstallSymlinkTest {
    @TempDir
    Path work;

    @Test
    void anRcFileThatIsASymlinkStaysOneAndItsTargetGetsTheSnippet() throws IOException {
        Path target = Files.createDirectories(work.resolve("dotfiles")).resolve("bashrc");
        Files.writeString(target, "alias ll='ls -l'\n");
        Path link = Files.createSymbolicLink(work.resolve(".bashrc"), target);
        InProcessRun run = InProcessRun.of(env(), work, "", "guard", "install", "bash", "--rc", ".bashrc");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals("alias ll='ls -l'\n" + GuardShellSnippet.bash("vault"), Files.readString(target));
    }

    @Test
    void claudeCodeSettingsThatAreASymlinkStayOneAndTheirTargetGetsTheHook() throws IOException {
        Path target = Files.createDirectories(work.resolve("dotfiles")).resolve("claude-settings.json");
        Files.writeString(target, "{\"model\": \"opus\"}\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve(".claude")).resolve("settings.json"), target);
        InProcessRun run = InProcessRun.of(env(), work, "", "guard", "install", "claude-code");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertTrue(Files.readString(target).contains("\"command\": \"vault guard check --hook claude-code\""),
                Files.readString(target));
        assertTrue(Files.readString(target).startsWith("{\n  \"model\": \"opus\",\n"), Files.readString(target));
    }

    private Map<String, String> env() {
        return Map.of("HOME", work.toString(), "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester");
    }
}
