package dev.vault.cli;

import dev.vault.core.AtomicFiles;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", description = {
        "A guided run through the main features, in a temporary folder that is deleted afterwards.",
        "init, an identity for an agent, set with a purpose, get, exec with masking, grant, the guard's",
        "deny, list, history, the audit log and its verification.",
        "Uses throw-away identities; touches nothing of yours and deletes the folder when done, when a step",
        "fails, and on Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
    private static final String DEMO_VALUE = "demo-token-3f9a1c";
    private static final String AGENT_IDENTITY = "../config/vault/identities/deploy-agent.txt";

    @ParentCommand
    VaultCommand root;

    @Override
    public Integer call() throws VaultException {
        try (TemporaryFolder folder = TemporaryFolder.create("vault-demo-")) {
            return run(folder.path());
        } catch (IOException e) {
            throw VaultException.failed("cannot make a temporary folder: " + e.getMessage(),
                    "the demo runs in the system's temporary folder (java.io.tmpdir, usually /tmp): make it writable");
        }
    }

    private int run(Path folder) throws IOException {
        Path project = folder.resolve("project");
        AtomicFiles.createFolders(project);
        Map<String, String> env = new HashMap<>(root.io.env);
        env.remove("VAULT_DIR");
        env.remove("VAULT_IDENTITY");
        env.remove("VAULT_PURPOSE");
        env.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        say("A vault in " + project + ", with throw-away identities under " + folder.resolve("config") + ".");
        List<Step> steps = List.of(
                new Step("Create the vault and your identity:", "init", "--name", "you"),
                new Step("Give the deploy agent a key of its own:",
                        "identity", "new", "deploy-agent", "--note", "the deploy pipeline's agent"),
                new Step("Store a token with what it is for, readable by you alone; the value comes from stdin, "
                        + "never from the command line:", "set", "demo/api-token", "--purpose", "calls the demo API",
                        "--env", "DEMO_TOKEN", "--reader", "you").stdin(DEMO_VALUE),
                new Step("A deploy script reads it back, byte for byte:", "get", "demo/api-token"),
                new Step("Or runs a command with it in the environment; what the command prints is masked:",
                        "exec", "--only", "DEMO_TOKEN", "--", "sh", "-c",
                        "echo \"the command sees $DEMO_TOKEN (${#DEMO_TOKEN} bytes)\""),
                new Step("The agent, with its own key, is not a reader yet: refused, and the refusal is recorded "
                        + "(exit 3):", "-i", AGENT_IDENTITY, "get", "demo/api-token").exits(ExitCodes.NO_ACCESS),
                new Step("Let the agent read it too (the file is encrypted again, to its key as well):",
                        "grant", "demo/api-token", "deploy-agent"),
                new Step("The agent runs the deploy with its own key, saying why:", "-i", AGENT_IDENTITY,
                        "exec", "--purpose", "deploy the demo", "--", "sh", "-c",
                        "test -n \"$DEMO_TOKEN\" && echo \"the agent's command has DEMO_TOKEN\""),
                new Step("Before each command an agent runs, its harness asks the guard; this one would put the "
                        + "token on the agent's screen, so it is denied (exit 2):",
                        "guard", "check", "--command", "vault get demo/api-token").exits(GuardCheckCommand.DENIED),
                new Step("The safe way to do the same job is allowed (exit 0, nothing printed):",
                        "guard", "check", "--command", "vault exec --only DEMO_TOKEN -- ./deploy.sh"),
                new Step("Rotate it; the old value is kept as version 1:", "set", "demo/api-token")
                        .stdin(DEMO_VALUE + "-rotated"),
                new Step("What is stored, and what for (never values):", "list"),
                new Step("Its versions:", "history", "demo/api-token"),
                new Step("Every access above was recorded before it happened, the refusal and the guard's deny too:",
                        "audit", "log"),
                new Step("And the hash chain proves no entry was changed, removed or reordered:", "audit", "verify"));
        for (Step step : steps) {
            say("");
            say("# " + step.comment);
            say("$ " + (step.stdin != null ? "printf %s '…' | " : "") + "vault " + String.join(" ", quoted(step.args)));
            root.io.out.flush();
            byte[] stdin = step.stdin == null ? new byte[0] : step.stdin.getBytes(StandardCharsets.UTF_8);
            int code = Cli.run(root.io.with(new ByteArrayInputStream(stdin), env, project), step.args);
            if (step.args[0].equals("get")) {
                say("");
            }
            if (code != step.exitCode) {
                root.io.err.print(Colour.of(root.io, Colour.STDERR).lines("vault: error: the demo stopped: `vault "
                        + String.join(" ", quoted(step.args)) + "` exited with " + code + "\n"));
                return code == ExitCodes.OK ? ExitCodes.FAILED : code;
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

    private static final class Step {
        final String comment;
        final String[] args;
        String stdin;
        int exitCode = ExitCodes.OK;

        Step(String comment, String... args) {
            this.comment = comment;
            this.args = args;
        }

        Step stdin(String text) {
            stdin = text;
            return this;
        }

        Step exits(int code) {
            exitCode = code;
            return this;
        }
    }
}
