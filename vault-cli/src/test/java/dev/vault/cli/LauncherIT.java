package dev.vault.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real ./vault launcher as a separate process, from a folder outside the repository. */
class LauncherIT {
    private static final Path LAUNCHER = RealLauncher.PATH;

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheStartCache() throws Exception {
        RealLauncher.buildStartCache();
    }

    @Test
    void roundTripsABinaryValueThroughPipes() throws Exception {
        assertEquals(0, run(new byte[0], "init", "--name", "ci").code);
        byte[] value = new byte[4096];
        new Random(7).nextBytes(value);
        Result set = run(value, "set", "blob", "--purpose", "binary round trip");
        assertEquals(0, set.code, set.err);
        assertEquals("stored blob version 1\n", new String(set.out, StandardCharsets.UTF_8));
        Result get = run(new byte[0], "get", "blob");
        assertEquals(0, get.code, get.err);
        assertArrayEquals(value, get.out, "stdout is the value and nothing else");
        assertEquals("", get.err);
    }

    @Test
    void errorsGoToStderrWithTheExitCode() throws Exception {
        Result result = run(new byte[0], "get", "nope");
        assertEquals(1, result.code);
        assertEquals(0, result.out.length);
        assertEquals("vault: error: no vault here: no .vault/ in \"" + work + "\" or any folder above it\n"
                + "vault: hint: create one with `vault init`, or name one with --vault DIR or VAULT_DIR\n", result.err);
    }

    @Test
    void execPassesTheExitCodeThrough() throws Exception {
        assertEquals(0, run(new byte[0], "init").code);
        assertEquals(0, run("v".getBytes(StandardCharsets.UTF_8), "set", "k", "--purpose", "p", "--env", "K").code);
        Result result = run(new byte[0], "exec", "--", "sh", "-c", "test \"$K\" = v && exit 42");
        assertEquals(42, result.code, result.err);
    }

    @Test
    void execMasksTheCommandsOwnStdoutAndStderr() throws Exception {
        assertEquals(0, run(new byte[0], "init").code);
        assertEquals(0, run("s3cret-value".getBytes(StandardCharsets.UTF_8), "set", "k", "--purpose", "p", "--env", "K").code);
        Result result = run(new byte[0], "exec", "--", "sh", "-c",
                "printf 'out %s\\n' \"$K\"; printf 'err %s|%s\\n' \"$K\" \"${#K}\" >&2; exit 5");
        assertEquals(5, result.code, result.err);
        assertEquals("out [masked:K]\n", new String(result.out, StandardCharsets.UTF_8));
        assertEquals("err [masked:K]|12\n", result.err);
    }

    @Test
    void demoRunsAndCleansUp() throws Exception {
        Result result = run(new byte[0], "demo");
        assertEquals(0, result.code, result.err);
        String out = new String(result.out, StandardCharsets.UTF_8);
        assertTrue(out.contains("\nthe command sees [masked:DEMO_TOKEN] (17 bytes)\n"), out);
        String folder = out.substring(out.indexOf("A vault in ") + 11, out.indexOf("/project,"));
        assertTrue(!Files.exists(Path.of(folder)), "the demo left " + folder + " behind");
    }

    @Test
    void aGuardCheckWhoseJvmFailsIsADenyAndOtherCommandsKeepTheirExitCode() throws Exception {
        Path fakeJdk = work.resolve("broken-jdk");
        Files.createDirectories(fakeJdk.resolve("bin"));
        Path java = fakeJdk.resolve("bin").resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'Error: could not create the Java Virtual Machine.' >&2\nexit 1\n");
        java.toFile().setExecutable(true);
        Map<String, String> broken = Map.of("JAVA_HOME", fakeJdk.toString());
        Result hook = run(broken, "{}".getBytes(StandardCharsets.UTF_8), "guard", "check", "--hook", "claude-code");
        assertEquals(2, hook.code, hook.err);
        assertEquals("Error: could not create the Java Virtual Machine.\n"
                + "vault: guard: the check failed (exit 1), so the command is denied\n", hook.err);
        Result command = run(broken, new byte[0], "guard", "check", "--command=git status");
        assertEquals(2, command.code, command.err);
        Result withOptions = run(broken, new byte[0], "guard", "--vault", "v", "--debug", "check", "--command", "ls");
        assertEquals(2, withOptions.code, "global options between guard and check: " + withOptions.err);
        Result before = run(broken, "{}".getBytes(StandardCharsets.UTF_8), "-i", "k.txt", "--vault=v", "guard", "-i", "check",
                "check", "--hook=claude-code");
        assertEquals(2, before.code, "global options and their values before and after guard: " + before.err);
        Result exec = run(broken, new byte[0], "exec", "--", "vault", "guard", "check", "--command", "ls");
        assertEquals(1, exec.code, "an exec whose command is a guard check is an exec: " + exec.err);
        Result get = run(broken, new byte[0], "get", "x");
        assertEquals(1, get.code, "other commands keep the JVM's exit code");
        assertEquals("Error: could not create the Java Virtual Machine.\n", get.err);
    }

    /**
     * The JVM splits a class path at `:`, even the one `-jar` makes, so it cannot run vault from a folder whose
     * path holds one: the launcher says so (ClassNotFoundException otherwise), and a guard check denies.
     */
    @Test
    void aFolderWithAColonInItsPathIsRefusedWithAHint() throws Exception {
        Path copy = copyOfTheLauncher(work.resolve("a:b"));
        String expected = "vault: error: Java cannot run vault from \"" + copy + "\": the path holds a ':', which splits"
                + " a Java class path\nvault: hint: move or clone vault into a folder whose path has no ':'\n";
        for (String[] args : new String[][] {{"--version"}, {"guard", "check", "--hook", "claude-code"}}) {
            Result result = run(copy.resolve("vault"), Map.of(), new byte[0], args);
            assertEquals(args.length == 1 ? 1 : 2, result.code, result.err);
            assertEquals(0, result.out.length);
            assertEquals(expected, result.err);
        }
        assertTrue(!Files.exists(copy.resolve("vault-cli/target/start-cache")), "no cache folder");
    }

    /** The launcher ended by its own failure (here: the build lock cannot be opened) still fails a guard check closed. */
    @Test
    void aLauncherThatFailsItselfIsADenyForAGuardCheck() throws Exception {
        Path copy = copyOfTheLauncher(work.resolve("stale"));
        Files.createDirectory(copy.resolve(".vault-build.lock"));
        Path pom = copy.resolve("pom.xml");
        Files.writeString(pom, "<project/>\n");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Map<String, String> off = Map.of("VAULT_START_CACHE", "off");
        String refused = copy.resolve("vault") + ": line ";
        Result check = run(copy.resolve("vault"), off, new byte[0], "guard", "check", "--command", "printenv");
        assertEquals(2, check.code, check.err);
        assertTrue(check.err.startsWith(refused) && check.err.endsWith(".vault-build.lock: Is a directory\n"), check.err);
        Result version = run(copy.resolve("vault"), off, new byte[0], "--version");
        assertEquals(1, version.code, version.err);
        assertEquals(0, version.out.length);
    }

    /** The launcher and the built jars copied into {@code folder} (no sources: only a newer pom.xml makes it build). */
    private static Path copyOfTheLauncher(Path folder) throws IOException {
        Path target = Files.createDirectories(folder.resolve("vault-cli/target"));
        Files.copy(LAUNCHER, folder.resolve("vault"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String jar : new String[] {"vault.jar", "vault-bc.jar"}) {
            Files.copy(LAUNCHER.getParent().resolve("vault-cli/target").resolve(jar), target.resolve(jar));
        }
        return folder;
    }

    @Test
    void aGuardCheckPassesAllowAndDenyThrough() throws Exception {
        Result allow = run(new byte[0], "guard", "check", "--command", "git status");
        assertEquals(0, allow.code, allow.err);
        assertEquals("", allow.err);
        Result deny = run(new byte[0], "guard", "check", "--command", "printenv");
        assertEquals(2, deny.code);
        assertTrue(deny.err.startsWith("vault: guard: denied (env-dump): "), deny.err);
    }

    /**
     * A hook holds the launcher's real path, whatever path it was run by: a path through `..` stops working (and
     * the agent then runs every command unchecked) once a folder on it is renamed or deleted.
     */
    @Test
    void guardInstallWritesTheLaunchersRealPathIntoTheHook() throws Exception {
        Path roundabout = LAUNCHER.getParent().resolve("vault-cli").resolve("..").resolve("vault");
        Process install = new ProcessBuilder(roundabout.toString(), "guard", "install", "claude-code", "--project", ".")
                .directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, install.exitValue(), output);
        String settings = Files.readString(work.resolve(".claude/settings.json"));
        assertTrue(settings.contains("\"" + LAUNCHER.toRealPath() + " guard check --hook claude-code\""), settings);
        assertTrue(!settings.contains("/../"), settings);
    }

    private Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(Map.of(), stdin, args);
    }

    private Result run(Map<String, String> extraEnv, byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(LAUNCHER, extraEnv, stdin, args);
    }

    /** Runs {@code launcher} (the repository's, or a copy) from the work folder. */
    private Result run(Path launcher, Map<String, String> extraEnv, byte[] stdin, String... args)
            throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = launcher.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> env = builder.environment();
        env.remove("VAULT_DIR");
        env.remove("VAULT_IDENTITY");
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.putAll(extraEnv);
        Process process = builder.start();
        process.getOutputStream().write(stdin);
        process.getOutputStream().close();
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> {
            try {
                err[0] = process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        errReader.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        errReader.join();
        return new Result(process.exitValue(), out, new String(err[0], StandardCharsets.UTF_8));
    }

    private static final class Result {
        final int code;
        final byte[] out;
        final String err;

        Result(int code, byte[] out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }
}
