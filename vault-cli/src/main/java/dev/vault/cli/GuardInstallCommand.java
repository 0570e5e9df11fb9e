package dev.vault.cli;

import dev.vault.core.AtomicFiles;
import dev.vault.core.ShellWords;
import dev.vault.core.VaultException;
import dev.vault.core.guard.hook.ClaudeCodeSettings;
import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "install", description = {
        "Install the guard's check as Claude Code's hook, or print a bash or zsh DEBUG trap.",
        "claude-code: merge the guard's PreToolUse hook (matcher Bash) into the",
        "settings.json of the project (--project DIR: DIR/.claude; default: here) or",
        "of the user (--user: $CLAUDE_CONFIG_DIR, else ~/.claude), keeping every other",
        "setting and hook, with a backup (settings.json.bak). A second install changes",
        "nothing; a settings file that is not JSON is refused and left as it is.",
        "bash, zsh: print the DEBUG-trap snippet, or add it to --rc FILE (once).",
        "Other agents: see docs/agent-setup.md."})
final class GuardInstallCommand implements Callable<Integer> {
    /** Set by the ./vault launcher to its own absolute path, so hooks run this vault whatever PATH holds. */
    static final String LAUNCHER_VARIABLE = "VAULT_LAUNCHER";
    private static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    @ParentCommand
    GuardCommand guard;

    @Parameters(index = "0", paramLabel = "TARGET", description = "claude-code, bash or zsh.")
    String target;

    @Option(names = "--project", paramLabel = "DIR", description = "claude-code: the project folder (default: here).")
    String project;

    @Option(names = "--user", description = "claude-code: the user's settings instead of the project's.")
    boolean user;

    @Option(names = "--rc", paramLabel = "FILE", description = "bash, zsh: add the snippet to this file.")
    String rc;

    @Override
    public Integer call() throws VaultException {
        switch (target) {
            case "claude-code":
                if (rc != null) {
                    throw usage("--rc is for bash and zsh", "claude-code takes --project DIR or --user");
                }
                if (user && project != null) {
                    throw usage("--project and --user name two different settings files", "give one of them");
                }
                return claudeCode();
            case "bash":
            case "zsh":
                if (user || project != null) {
                    throw usage("--project and --user are for claude-code", target + " takes --rc FILE");
                }
                return shell();
            default:
                throw usage("cannot install the guard for \"" + target + "\"",
                        "use claude-code, bash or zsh; for other agents see docs/agent-setup.md");
        }
    }

    private static VaultException usage(String message, String hint) {
        return VaultException.failed(message, hint);
    }

    /**
     * How a hook or trap runs vault: the launcher's absolute path when it said it, else vault on PATH. The path
     * with symlinks and {@code ..} resolved: a hook holding {@code /work/app/../vault} stops running (and an
     * agent then runs every command unchecked) once {@code /work/app} is renamed or deleted.
     */
    String vaultCommand() {
        String launcher = guard.root.io.env.get(LAUNCHER_VARIABLE);
        if (launcher == null || launcher.isEmpty() || !Path.of(launcher).isAbsolute()) {
            return "vault";
        }
        Path path = Path.of(launcher);
        try {
            path = path.toRealPath();
        } catch (IOException e) {
            path = path.normalize();
        }
        return ShellWords.quote(path.toString());
    }

    private Integer claudeCode() throws VaultException {
        Io io = guard.root.io;
        Path folder;
        if (user) {
            String configDir = io.env.get("CLAUDE_CONFIG_DIR");
            folder = configDir != null && !configDir.isEmpty() ? io.resolve(configDir)
                    : new GuardEnvironment(guard.root).home().resolve(".claude");
        } else {
            folder = (project != null ? io.resolve(project) : io.cwd).resolve(".claude");
        }
        Path file = folder.resolve("settings.json");
        String command = vaultCommand() + " " + ClaudeCodeSettings.COMMAND_TAIL;
        byte[] before = readIfThere(file);
        JsonValue settings;
        if (before == null) {
            settings = JsonValue.JsonObject.empty();
        } else {
            try {
                settings = JsonTree.parse(before);
            } catch (JsonTree.MalformedJsonException e) {
                throw VaultException.failed("\"" + file + "\" is not valid JSON: " + e.getMessage()
                        + "; it was left as it is", "fix or move it, then run `vault guard install claude-code` again");
            }
        }
        ClaudeCodeSettings.Change change;
        try {
            change = ClaudeCodeSettings.merge(settings, command);
        } catch (ClaudeCodeSettings.ShapeException e) {
            throw VaultException.failed("\"" + file + "\" has no place for a hook: " + e.getMessage()
                    + "; it was left as it is", "see https://code.claude.com/docs/en/hooks for the shape of \"hooks\"");
        }
        if (change == ClaudeCodeSettings.Change.UNCHANGED) {
            io.out.println("the guard hook is already in \"" + file + "\"; nothing changed");
            return ExitCodes.OK;
        }
        Path backup = null;
        try {
            Files.createDirectories(folder);
            if (before != null) {
                backup = freeBackup(file);
                Files.write(backup, before, java.nio.file.StandardOpenOption.CREATE_NEW);
                Files.setPosixFilePermissions(backup, modeOf(file));
            }
            replace(file, JsonTree.pretty(settings).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw VaultException.failed("cannot write \"" + file + "\": " + e.getMessage());
        }
        io.out.println((change == ClaudeCodeSettings.Change.ADDED ? "added" : "updated")
                + " the guard hook in \"" + file + "\": PreToolUse, matcher Bash, runs: " + command);
        if (backup != null) {
            io.out.println("the settings before are in \"" + backup + "\"");
        }
        return ExitCodes.OK;
    }

    private Integer shell() throws VaultException {
        Io io = guard.root.io;
        String snippet = target.equals("bash") ? GuardShellSnippet.bash(vaultCommand()) : GuardShellSnippet.zsh(vaultCommand());
        if (rc == null) {
            io.out.print(snippet);
            io.out.flush();
            return ExitCodes.OK;
        }
        Path file = io.resolve(rc);
        try {
            byte[] existing = readIfThere(file);
            String text = existing == null ? "" : new String(existing, StandardCharsets.UTF_8);
            int begin = text.indexOf(GuardShellSnippet.BEGIN + "\n");
            int end = begin < 0 ? -1 : text.indexOf(GuardShellSnippet.END + "\n", begin);
            String updated;
            String done;
            if (begin >= 0 && end >= 0) {
                end += GuardShellSnippet.END.length() + 1;
                if (text.substring(begin, end).equals(snippet)) {
                    io.out.println("the guard snippet is already in \"" + file + "\"; nothing changed");
                    return ExitCodes.OK;
                }
                updated = text.substring(0, begin) + snippet + text.substring(end);
                done = "updated the guard snippet in \"" + file + "\"";
            } else {
                updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + snippet;
                done = "added the guard snippet to \"" + file + "\"";
            }
            replace(file, updated.getBytes(StandardCharsets.UTF_8));
            io.out.println(done + "; it takes effect in new " + target + " shells (or: source \"" + file + "\")");
        } catch (IOException e) {
            throw VaultException.failed("cannot update \"" + file + "\": " + e.getMessage());
        }
        return ExitCodes.OK;
    }

    private static byte[] readIfThere(Path file) throws VaultException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw VaultException.failed("cannot read \"" + file + "\": " + e.getMessage());
        }
    }

    /** The first of FILE.bak, FILE.bak.2, FILE.bak.3, … that does not exist. */
    private static Path freeBackup(Path file) {
        Path backup = file.resolveSibling(file.getFileName() + ".bak");
        for (int n = 2; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); n++) {
            backup = file.resolveSibling(file.getFileName() + ".bak." + n);
        }
        return backup;
    }

    /**
     * Replaces {@code file} atomically, keeping its mode (a new file gets 0644: settings and rc files hold no
     * secret). A symlink (dotfile managers keep rc and settings files as links into a repository) stays one:
     * the file it names is replaced.
     */
    private static void replace(Path link, byte[] content) throws IOException {
        Path file = Files.isSymbolicLink(link) ? link.toRealPath() : link;
        Set<PosixFilePermission> mode = Files.exists(file) ? modeOf(file) : NEW_FILE_MODE;
        Path temp = AtomicFiles.writeTemp(file, content);
        try {
            Files.setPosixFilePermissions(temp, mode);
            AtomicFiles.moveIntoPlace(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static Set<PosixFilePermission> modeOf(Path file) throws IOException {
        return Files.getPosixFilePermissions(file);
    }
}
