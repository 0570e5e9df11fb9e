package dev.vault.cli;

import dev.vault.core.AtomicFiles;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", description = {
        "A guided run in a temporary folder: init, identity, set, get, exec, list, history.",
        "Uses a throw-away identity; touches nothing of yours and cleans up after itself."})
final class DemoCommand implements Callable<Integer> {
    private static final String DEMO_VALUE = "demo-token-3f9a1c";

    @ParentCommand
    VaultCommand root;

    @Override
    public Integer call() throws VaultException {
        Path folder;
        try {
            folder = Files.createTempDirectory("vault-demo-");
        } catch (IOException e) {
            throw VaultException.failed("cannot make a temporary folder: " + e.getMessage());
        }
        try {
            return run(folder);
        } finally {
            deleteTree(folder);
        }
    }

    private int run(Path folder) throws VaultException {
        Path project = folder.resolve("project");
        try {
            AtomicFiles.createFolders(project);
        } catch (IOException e) {
            throw VaultException.failed("cannot make a temporary folder: " + e.getMessage());
        }
        Map<String, String> env = new HashMap<>(root.io.env);
        env.remove("VAULT_DIR");
        env.remove("VAULT_IDENTITY");
        env.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        say("A vault in " + project + ", with a throw-away identity under " + folder.resolve("config") + ".");
        List<Step> steps = List.of(
                new Step("Create the vault and your identity:", null, "init", "--name", "you"),
                new Step("Give the deploy agent a key of its own:", null,
                        "identity", "new", "deploy-agent", "--note", "the deploy pipeline's agent"),
                new Step("Store a token; the value comes from stdin, never from the command line:", DEMO_VALUE,
                        "set", "demo/api-token", "--purpose", "calls the demo API", "--env", "DEMO_TOKEN"),
                new Step("A deploy script reads it back, byte for byte:", null, "get", "demo/api-token"),
                new Step("Or runs a command with it in the environment, never on screen:", null,
                        "exec", "--only", "DEMO_TOKEN", "--", "sh", "-c",
                        "echo \"the command got DEMO_TOKEN ($(printf %s \"$DEMO_TOKEN\" | wc -c) bytes)\""),
                new Step("Rotate it; the old value is kept as version 1:", DEMO_VALUE + "-rotated",
                        "set", "demo/api-token"),
                new Step("What is stored, and what for (never values):", null, "list"),
                new Step("Its versions:", null, "history", "demo/api-token"),
                new Step("Every access above was recorded before it happened:", null,
                        "audit", "log", "--secret", "demo/api-token"),
                new Step("And the hash chain proves no entry was changed, removed or reordered:", null,
                        "audit", "verify"));
        for (Step step : steps) {
            say("");
            say("# " + step.comment);
            root.io.out.println("$ " + (step.stdin != null ? "printf %s '…' | " : "") + "vault " + String.join(" ", quoted(step.args)));
            root.io.out.flush();
            byte[] stdin = step.stdin == null ? new byte[0] : step.stdin.getBytes(StandardCharsets.UTF_8);
            int code = Cli.run(root.io.with(new ByteArrayInputStream(stdin), env, project), step.args);
            if (step.args[0].equals("get")) {
                root.io.out.println();
            }
            if (code != ExitCodes.OK) {
                root.io.err.println("vault: error: the demo stopped: `vault " + step.args[0] + "` exited with " + code);
                return code;
            }
        }
        say("");
        say("# Done; the temporary folder is deleted. Start for real with `vault init` in your project.");
        return ExitCodes.OK;
    }

    private void say(String line) {
        root.io.out.println(line);
    }

    private static String[] quoted(String[] args) {
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].matches("[A-Za-z0-9_./=,:-]+") ? args[i] : "'" + args[i].replace("'", "'\\''") + "'";
        }
        return out;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort for a temporary folder
                }
            });
        } catch (IOException ignored) {
            // nothing left to delete
        }
    }

    private static final class Step {
        final String comment;
        final String stdin;
        final String[] args;

        Step(String comment, String stdin, String... args) {
            this.comment = comment;
            this.stdin = stdin;
            this.args = args;
        }
    }
}
