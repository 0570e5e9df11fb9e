package dev.vault.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fresh folder one markdown page's commands run in (see {@link DocsCommandsIT}): {@code project/} with the
 * fixtures, an empty {@code home/}, {@code bin/vault} (the real launcher) and {@code stubs/}; and the environment.
 */
final class DocsSandbox {
    /** Tools the recipes call that must not really run here: each reads its stdin and exits 0. */
    static final List<String> STUBS = List.of("docker", "podman", "kubectl", "helm", "psql", "mysql", "redis-cli",
            "aws", "gcloud", "az", "gh", "terraform", "curl", "ssh");
    static final String PASSWORD = "correct-horse-battery-staple";
    static final String TOKEN = "tok-3f9a1c0b5d7e2a4c";
    static final String NEW_TOKEN = "tok-7c2e4a9b1d30f6e8";

    final Path project;
    final Path home;
    final Map<String, String> environment;

    private DocsSandbox(Path project, Path home, Map<String, String> environment) {
        this.project = project;
        this.home = home;
        this.environment = environment;
    }

    static DocsSandbox create(Path folder) throws IOException {
        Path project = Files.createDirectories(folder.resolve("project"));
        Path home = Files.createDirectories(folder.resolve("home"));
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path stubs = Files.createDirectories(folder.resolve("stubs"));
        Files.createSymbolicLink(bin.resolve("vault"), RealLauncher.PATH);
        for (String stub : STUBS) {
            executable(stubs.resolve(stub), "#!/bin/sh\n# a stand-in for " + stub + " in the docs test\ncat >/dev/null\nexit 0\n");
        }
        write(project.resolve("password.txt"), PASSWORD);
        write(project.resolve("token.txt"), TOKEN);
        write(project.resolve("new-token.txt"), NEW_TOKEN);
        write(project.resolve(".env"), "# the service's settings\nDB_PASSWORD=" + PASSWORD + "\nAPI_TOKEN=" + TOKEN + "\n");
        executable(project.resolve("deploy.sh"), "#!/bin/sh\n# a stand-in for a deploy script: says whether it got its "
                + "variables, never their values\nfor name in DB_PASSWORD API_TOKEN; do\n"
                + "  if printenv \"$name\" >/dev/null; then echo \"deploy.sh: $name is set\"; "
                + "else echo \"deploy.sh: $name is not set\"; fi\ndone\n");
        write(project.resolve("build.log"), "step 1/3: fetch dependencies\nstep 2/3: migrate with password " + PASSWORD
                + "\nstep 3/3: upload with token " + TOKEN + "\n");

        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("XDG_")
                || name.equals("CLAUDE_CONFIG_DIR") || name.equals("BASH_ENV") || name.equals("ENV")
                || name.equals("CDPATH") || name.equals("OLDPWD"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("PWD", project.toString());
        environment.put("PATH", stubs + ":" + bin + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        return new DocsSandbox(project, home, environment);
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void executable(Path file, String text) throws IOException {
        write(file, text);
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }
}
