package dev.vault.cli;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The launcher's start-up cache, on a copy of the launcher and the built jar, with each of two JDKs: the one running
 * the tests and one of the other kind found in /usr/lib/jvm, so that both the AOT cache (JDK 24+) and the AppCDS
 * archive (17 to 23) are tested; VAULT_TEST_JDKS (JDK folders, colon-separated) names them instead. Each JDK's java
 * is a small script that notes every start's arguments and adds {@code -Xlog:class+load} to a file, so a test sees
 * which flags the launcher passed and whether the JVM really took vault's classes from the cache.
 */
class LauncherStartCacheIT {
    private static final Path LAUNCHER = RealLauncher.PATH;
    private static final Path JAR = Paths.get("target", "vault.jar").toAbsolutePath();
    private static final Path BC_JAR = Paths.get("target", "vault-bc.jar").toAbsolutePath();
    private static final byte[] VALUE = "s3cret value\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    @Test
    void bothTheAotCacheAndTheAppCdsArchiveAreTested() throws IOException {
        List<Jdk> jdks = Jdk.underTest();
        String where = " among the JDKs under test, " + jdks + ": the one running the tests and one of the other kind"
                + " from /usr/lib/jvm, or those in VAULT_TEST_JDKS (JDK folders separated by ':')";
        assertTrue(jdks.stream().anyMatch(Jdk::aot), "the AOT cache is not tested: no JDK 24 or newer" + where);
        assertTrue(jdks.stream().anyMatch(jdk -> !jdk.aot()), "the AppCDS archive is not tested: no JDK 17 to 23" + where);
    }

    @TestFactory
    Stream<DynamicNode> aCacheIsBuiltOnceUsedAndIgnoredWhenUnusable() throws IOException {
        List<Jdk> jdks = Jdk.underTest();
        List<DynamicNode> nodes = new ArrayList<>();
        for (int i = 0; i < jdks.size(); i++) {
            Jdk jdk = jdks.get(i);
            Jdk other = jdks.get((i + 1) % jdks.size());
            Copy copy = new Copy(root.resolve("jdk" + i), jdk);
            nodes.add(DynamicContainer.dynamicContainer(jdk.toString(), Stream.of(
                    dynamicTest("VAULT_START_CACHE=off passes no cache flag and builds none", copy::withoutCache),
                    dynamicTest("the first use builds the cache, with a note on stderr", copy::firstUse),
                    dynamicTest("a later start takes vault's classes from it", copy::laterUse),
                    dynamicTest("guard check builds its own cache after it has answered, never waiting, then takes it", copy::guardCheck),
                    dynamicTest("exec builds and takes its own cache", copy::exec),
                    dynamicTest("audit verify, with the full JIT, takes the same cache", copy::auditVerify),
                    dynamicTest("a cut-off cache is not passed; a build that fails is remembered", copy::truncatedAndFailedBuild),
                    dynamicTest("a changed jar gets a new cache and the old files go", copy::changedJar),
                    dynamicTest("a cache written to since it was made is not passed", copy::overwritten),
                    dynamicTest("another JDK's archive in its place is refused by the JVM, output unchanged", () -> copy.foreign(other)),
                    dynamicTest("a cache made before vault-bc.jar changed is not passed", copy::changedBouncyCastleJar))));
        }
        return nodes.stream();
    }

    /** A JDK folder, its feature version and which cache the launcher makes with it. */
    record Jdk(Path home, int feature) {
        boolean aot() {
            return feature >= 24;
        }

        String extension() {
            return aot() ? ".aot" : ".jsa";
        }

        String cacheFlag() {
            return aot() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        }

        @Override
        public String toString() {
            return "JDK " + feature + " (" + home + ")";
        }

        static List<Jdk> underTest() throws IOException {
            String listed = System.getenv("VAULT_TEST_JDKS");
            List<Jdk> jdks = new ArrayList<>();
            if (listed != null && !listed.isBlank()) {
                for (String home : listed.split(":")) {
                    jdks.add(of(Path.of(home)).orElseThrow(() -> new AssertionError(
                            "VAULT_TEST_JDKS names \"" + home + "\", which is not a JDK 17 or newer")));
                }
                return jdks;
            }
            Jdk running = of(Path.of(System.getProperty("java.home"))).orElseThrow();
            jdks.add(running);
            Path jvms = Path.of("/usr/lib/jvm");
            if (Files.isDirectory(jvms)) {
                try (Stream<Path> homes = Files.list(jvms)) {
                    homes.map(home -> of(home).orElse(null))
                            .filter(jdk -> jdk != null && jdk.aot() != running.aot())
                            .max((a, b) -> Integer.compare(a.feature, b.feature))
                            .ifPresent(jdks::add);
                }
            }
            return jdks;
        }

        static Optional<Jdk> of(Path home) {
            try {
                Path real = home.toRealPath();
                for (String line : Files.readAllLines(real.resolve("release"))) {
                    if (line.startsWith("JAVA_VERSION=\"") && Files.isExecutable(real.resolve("bin/java"))) {
                        int feature = Integer.parseInt(line.substring(14).split("[.\"+-]")[0]);
                        return feature >= 17 ? Optional.of(new Jdk(real, feature)) : Optional.empty();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }

    /** The launcher and the jar copied to a folder of their own, a vault, and a java that notes its starts. */
    static final class Copy {
        private final Path dir;
        private final Jdk jdk;
        private final Path jar;
        private final Path bcJar;
        private final Path cacheDir;
        private final Path starts;
        private final Path classes;
        private final Path work;

        Copy(Path dir, Jdk jdk) throws IOException {
            this.dir = dir;
            this.jdk = jdk;
            this.jar = dir.resolve("vault-cli/target/vault.jar");
            this.bcJar = dir.resolve("vault-cli/target/vault-bc.jar");
            this.cacheDir = dir.resolve("vault-cli/target/start-cache");
            this.starts = dir.resolve("starts.log");
            this.classes = dir.resolve("classes.log");
            this.work = dir.resolve("work");
            Files.createDirectories(jar.getParent());
            Files.createDirectories(work);
            Files.copy(LAUNCHER, dir.resolve("vault"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(JAR, jar);
            Files.copy(BC_JAR, bcJar);
            Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
            Files.copy(jdk.home().resolve("release"), dir.resolve("jdk/release"));
            Path java = bin.resolve("java");
            Files.writeString(java, "#!/usr/bin/env bash\n"
                    + "printf '%s\\n' \"$*\" >> '" + starts + "'\n"
                    + "if [ -n \"${FAIL_TRAINING:-}\" ] && [[ \" $* \" == *\" dev.vault.cli.StartupTraining \"* ]]; then\n"
                    + "  echo 'training refused by the test' >&2; exit 1\n"
                    + "fi\n"
                    + "if [ -n \"${SLOW_TRAINING:-}\" ] && [[ \" $* \" == *\" dev.vault.cli.StartupTraining \"* ]]; then\n"
                    + "  sleep \"$SLOW_TRAINING\"\n"
                    + "fi\n"
                    // (after the launcher's -Xlog:disable, which would turn it off: right before -cp)
                    + "args=()\n"
                    + "for arg in \"$@\"; do\n"
                    + "  if [ \"$arg\" = -cp ] && [[ \" $* \" == *\" dev.vault.cli.Main \"* ]]; then\n"
                    + "    args+=('-Xlog:class+load=info:file=" + classes + "')\n"
                    + "  fi\n"
                    + "  args+=(\"$arg\")\n"
                    + "done\n"
                    + "exec '" + jdk.home().resolve("bin/java") + "' \"${args[@]}\"\n");
            assertTrue(java.toFile().setExecutable(true));
        }

        void withoutCache() throws Exception {
            Map<String, String> off = Map.of("VAULT_START_CACHE", "off");
            assertEquals(0, run(off, new byte[0], "init", "--name", "ci").code);
            Result set = run(off, VALUE, "set", "db/password", "--purpose", "start-up cache test");
            assertEquals(0, set.code, set.err);
            Result get = run(off, new byte[0], "get", "db/password");
            assertEquals("", get.err);
            assertArrayEquals(VALUE, get.out);
            for (String start : startsSinceLastCall()) {
                for (String flag : List.of("-XX:AOTCache", "-XX:SharedArchiveFile", "-XX:+VerifySharedSpaces",
                        "-Xlog:disable", "StartupTraining", "AOTMode", "ArchiveClassesAtExit")) {
                    assertFalse(start.contains(flag), start);
                }
                assertTrue(start.contains(" -Xshare:auto "), start);
            }
            assertFalse(Files.exists(cacheDir), "no cache folder");
            assertEquals("file:", classSource("dev.vault.cli.Cli").substring(0, 5), "without a cache the class comes from the jar");
        }

        void firstUse() throws Exception {
            Result get = run(Map.of(), new byte[0], "get", "db/password");
            assertEquals(0, get.code, get.err);
            assertArrayEquals(VALUE, get.out, "stdout is the value and nothing else");
            assertEquals(building("get"), get.err);
            Path cache = theCache("get");
            assertEquals(List.of(cache), cacheFiles(), "only get's cache is built");
            List<String> starts = startsSinceLastCall();
            assertEquals(jdk.aot() ? 3 : 2, starts.size(), String.join("\n", starts));
            assertTrue(starts.get(0).endsWith(" -cp " + jar + " dev.vault.cli.StartupTraining get"), starts.get(0));
            assertTrue(starts.get(starts.size() - 1).contains(" " + jdk.cacheFlag() + cache + " -cp " + jar + " dev.vault.cli.Main get db/password"),
                    starts.get(starts.size() - 1));
        }

        void laterUse() throws Exception {
            Result get = run(Map.of(), new byte[0], "get", "db/password");
            assertEquals(0, get.code, get.err);
            assertEquals("", get.err);
            assertArrayEquals(VALUE, get.out);
            List<String> starts = startsSinceLastCall();
            assertEquals(1, starts.size(), "no training: " + starts);
            assertTrue(starts.get(0).contains(jdk.cacheFlag() + theCache("get")), starts.get(0));
            assertTrue(classSource("dev.vault.cli.Cli").startsWith("shared objects file"), "the JVM used the cache");
            assertTrue(classSource("dev.vault.cli.Main").startsWith("shared objects file"), "the main class is in it too");
            assertEquals(List.of(), classesFromTheJars(), "every class of a get comes from its cache");
        }

        void truncatedAndFailedBuild() throws Exception {
            Path cache = theCache("get");
            Path guard = theCache("guard");
            try (RandomAccessFile file = new RandomAccessFile(cache.toFile(), "rw")) {
                file.setLength(file.length() / 2);
            }
            assertChangedCacheIsNotPassed(cache);
            assertTrue(cacheFiles().contains(guard), "guard check's cache of the same jars is kept: " + cacheFiles());
            Result again = run(Map.of(), new byte[0], "get", "db/password");
            assertEquals(0, again.code, again.err);
            assertEquals("", again.err, "a failed build is not tried again for the same jar");
            assertArrayEquals(VALUE, again.out);
            List<String> starts = startsSinceLastCall();
            assertEquals(1, starts.size(), String.join("\n", starts));
            assertFalse(starts.get(0).contains(jdk.cacheFlag()), starts.get(0));
        }

        void overwritten() throws Exception {
            Path cache = theCache("get");
            long size = Files.size(cache);
            assertTrue(cache.toFile().setWritable(true));
            try (RandomAccessFile file = new RandomAccessFile(cache.toFile(), "rw")) {
                byte[] block = new byte[4096];
                file.seek(size / 3);
                file.readFully(block);
                for (int i = 0; i < block.length; i++) {
                    block[i] ^= 0x5a;
                }
                file.seek(size / 3);
                file.write(block);
            }
            assertEquals(size, Files.size(cache));
            assertChangedCacheIsNotPassed(cache);
        }

        /** The launcher does not pass a cache changed, or of jars changed, since it was made; it builds another (failing, here). */
        private void assertChangedCacheIsNotPassed(Path cache) throws Exception {
            Result get = run(Map.of("FAIL_TRAINING", "1"), new byte[0], "get", "db/password");
            assertEquals(0, get.code, get.err);
            assertArrayEquals(VALUE, get.out, "stdout is the value and nothing else");
            String name = cache.getFileName().toString();
            String jdkKey = name.substring(0, name.indexOf("." + stamp(jar) + "."));
            Path failed = cacheDir.resolve(jdkKey + "." + jarKey() + ".failed");
            assertEquals(building("get")
                    + "vault: warning: the start-up cache could not be built, so vault starts without it (the JVM's output"
                    + " is in \"" + failed + "\")\n", get.err);
            assertEquals("training refused by the test\n", Files.readString(failed));
            assertEquals(List.of(failed), cacheFiles().stream().filter(file -> file.getFileName().toString().startsWith(jdkKey + "."))
                    .toList(), "the changed cache is gone");
            List<String> starts = startsSinceLastCall();
            assertEquals(2, starts.size(), String.join("\n", starts));
            assertTrue(starts.get(0).endsWith(" dev.vault.cli.StartupTraining get"), starts.get(0));
            assertFalse(starts.get(1).contains(jdk.cacheFlag()), starts.get(1));
            assertEquals("file:", classSource("dev.vault.cli.Cli").substring(0, 5));
        }

        void foreign(Jdk other) throws Exception {
            assertTrue(other.aot() != jdk.aot(), "a JDK of the other kind is under test (see the test beside this one)");
            assertEquals(1, cacheFiles().size(), cacheFiles().toString());
            String failed = cacheFiles().get(0).getFileName().toString();
            assertTrue(failed.endsWith(".failed"), failed);
            Path written = cacheDir.resolve("foreign");
            Files.copy(other.home().resolve("lib/server/classes.jsa"), written);
            Path foreign = cacheDir.resolve(failed.replaceFirst("failed$", stamp(written) + jdk.extension()));
            Files.move(written, foreign);
            assertEquals(foreign, theCache("get"));
            Result get = run(Map.of(), new byte[0], "get", "db/password");
            assertEquals(0, get.code, get.err);
            assertArrayEquals(VALUE, get.out, "stdout is the value and nothing else");
            assertEquals("", get.err);
            List<String> starts = startsSinceLastCall();
            assertEquals(1, starts.size(), "no training: " + starts);
            assertTrue(starts.get(0).contains(jdk.cacheFlag() + foreign), starts.get(0));
            assertEquals("file:", classSource("dev.vault.cli.Cli").substring(0, 5), "the JVM did not use it");
        }

        void changedBouncyCastleJar() throws Exception {
            Path cache = theCache("get");
            Files.setLastModifiedTime(bcJar, FileTime.from(Instant.now()));
            assertChangedCacheIsNotPassed(cache);
            assertEquals(1, cacheFiles().size(), "the failed mark is all there is: " + cacheFiles());
        }

        void changedJar() throws Exception {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
            Result get = run(Map.of(), new byte[0], "get", "db/password");
            assertEquals(0, get.code, get.err);
            assertArrayEquals(VALUE, get.out);
            assertEquals(building("get"), get.err);
            Path cache = theCache("get");
            assertEquals(List.of(cache), cacheFiles(), "the failed mark and the other caches of the earlier jar are gone");
            Result later = run(Map.of(), new byte[0], "get", "db/password");
            assertEquals("", later.err);
            assertArrayEquals(VALUE, later.out);
            assertTrue(classSource("dev.vault.cli.Cli").startsWith("shared objects file"), "the JVM used the new cache");
            startsSinceLastCall();
        }

        void guardCheck() throws Exception {
            Result allow = run(Map.of("SLOW_TRAINING", "3"), new byte[0], "guard", "check", "--command", "git status");
            assertEquals(0, allow.code, allow.err);
            assertEquals("", allow.err, "no note: the build is detached, its output discarded");
            assertEquals("file:", classSource("dev.vault.cli.Cli").substring(0, 5), "the check ran without a cache");
            assertEquals(List.of(), cacheFiles().stream().filter(path -> path.getFileName().toString().contains(".guard."))
                    .toList(), "the check did not wait for its cache's training (which sleeps 3 s here)");
            Path cache = awaitCache("guard");
            List<String> starts = startsSinceLastCall();
            assertEquals(jdk.aot() ? 3 : 2, starts.size(), String.join("\n", starts));
            List<String> checks = starts.stream().filter(start -> start.contains(" dev.vault.cli.Main ")).toList();
            assertEquals(1, checks.size(), String.join("\n", starts));
            assertFalse(checks.get(0).contains(jdk.cacheFlag()), checks.get(0));
            assertTrue(starts.stream().anyMatch(start -> start.endsWith(" dev.vault.cli.StartupTraining guard")), String.join("\n", starts));
            Result deny = run(Map.of(), new byte[0], "--vault", ".vault", "guard", "check", "--command", "printenv");
            assertEquals(2, deny.code, deny.err);
            assertTrue(deny.err.startsWith("vault: guard: denied (env-dump): "), deny.err);
            starts = startsSinceLastCall();
            assertEquals(1, starts.size(), String.join("\n", starts));
            assertTrue(starts.get(0).contains(jdk.cacheFlag() + cache + " -cp " + jar + " dev.vault.cli.Main --vault .vault guard check"),
                    "the kind is found past a global option: " + starts.get(0));
            assertEquals(List.of(), classesFromTheJars(), "every class of a denying check comes from its cache");
            assertTrue(classSource("dev.vault.cli.Cli").startsWith("shared objects file"), "the JVM used the cache");
        }

        void exec() throws Exception {
            Result first = run(Map.of(), new byte[0], "exec", "--", "true");
            assertEquals(0, first.code, first.err);
            assertEquals(building("exec"), first.err);
            Path cache = theCache("exec");
            Result later = run(Map.of(), new byte[0], "-i", "../config/vault/identity.txt", "exec", "--", "true");
            assertEquals(0, later.code, later.err);
            assertEquals("", later.err);
            List<String> starts = startsSinceLastCall();
            assertEquals(jdk.aot() ? 4 : 3, starts.size(), String.join("\n", starts));
            assertTrue(starts.get(0).endsWith(" dev.vault.cli.StartupTraining exec"), starts.get(0));
            assertTrue(starts.get(starts.size() - 1).contains(jdk.cacheFlag() + cache + " -cp " + jar
                    + " dev.vault.cli.Main -i ../config/vault/identity.txt exec -- true"),
                    "the kind is found past a global option and its value: " + starts.get(starts.size() - 1));
            assertEquals(List.of(), classesFromTheJars(), "every class of an exec comes from its cache");
            assertTrue(classSource("dev.vault.cli.Cli").startsWith("shared objects file"), "the JVM used the cache");
        }

        void auditVerify() throws Exception {
            Result verify = run(Map.of(), new byte[0], "audit", "verify");
            assertEquals(0, verify.code, verify.err);
            assertEquals("", verify.err);
            String out = new String(verify.out, StandardCharsets.UTF_8);
            assertTrue(out.startsWith("audit log ok: "), out);
            Path cache = theCache("get");
            List<String> starts = startsSinceLastCall();
            assertEquals(1, starts.size(), String.join("\n", starts));
            assertFalse(starts.get(0).contains("TieredStopAtLevel"), starts.get(0));
            assertTrue(starts.get(0).contains(jdk.cacheFlag() + cache), starts.get(0));
            assertTrue(classSource("dev.vault.cli.Cli").startsWith("shared objects file"), "the JVM used the cache");
        }

        private String version() throws IOException {
            return Files.readAllLines(dir.resolve("jdk/release")).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .findFirst().orElseThrow().replaceAll("JAVA_VERSION=|\"", "");
        }

        /** The note of a cache build for the commands of {@code train}. */
        private String building(String train) throws IOException {
            return "vault: note: building the start-up cache of `vault " + train + "` for Java " + version()
                    + " (once for each build of vault)…\n";
        }

        /** The one cache file of {@code train} there is, after checking that its name ends in the jar's stamp and its own. */
        private Path theCache(String train) throws IOException, InterruptedException {
            String named = "." + train + "." + jarKey() + ".";
            List<Path> caches = cacheFiles().stream().filter(path -> path.toString().endsWith(jdk.extension())
                    && path.getFileName().toString().contains(named)).toList();
            assertEquals(1, caches.size(), cacheFiles().toString());
            Path cache = caches.get(0);
            assertTrue(cache.getFileName().toString().endsWith("." + jarKey() + "." + stamp(cache) + jdk.extension()),
                    cache + " is named for " + jarKey() + " and " + stamp(cache));
            return cache;
        }

        /** The cache of {@code train} once a detached build has put it in place (at most two minutes). */
        private Path awaitCache(String train) throws IOException, InterruptedException {
            for (int i = 0; i < 1200; i++) {
                if (cacheFiles().stream().anyMatch(path -> path.getFileName().toString().contains("." + train + "."))) {
                    return theCache(train);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no cache of " + train + " after two minutes: " + cacheFiles());
        }

        /** The jars a cache is made from, as its name says them: vault.jar, then vault-bc.jar (its Class-Path). */
        private String jarKey() throws IOException, InterruptedException {
            return stamp(jar) + "." + stamp(bcJar);
        }

        /** A file's size and mtime as the launcher names them: {@code find -H FILE -printf '%s-%T@'}. */
        private static String stamp(Path file) throws IOException, InterruptedException {
            Process find = new ProcessBuilder("find", "-H", file.toString(), "-printf", "%s-%T@").redirectErrorStream(true).start();
            String stamp = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, find.waitFor(), stamp);
            assertTrue(stamp.matches("[0-9]+-[0-9]+\\.[0-9]+"), stamp);
            return stamp;
        }

        private List<Path> cacheFiles() throws IOException {
            try (Stream<Path> files = Files.list(cacheDir)) {
                return files.filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList();
            }
        }

        /** The arguments of each java started since the last call, one line each. */
        private List<String> startsSinceLastCall() throws IOException {
            List<String> lines = Files.exists(starts) ? Files.readAllLines(starts) : List.of();
            Files.deleteIfExists(starts);
            return lines;
        }

        /** Where the last start of dev.vault.cli.Main took a class from, as -Xlog:class+load says ("shared objects file", "file:…"). */
        private String classSource(String className) throws IOException {
            String marker = "] " + className + " source: ";
            List<String> found = Files.readAllLines(classes).stream().filter(line -> line.contains(marker))
                    .map(line -> line.substring(line.indexOf(marker) + marker.length())).collect(Collectors.toList());
            assertEquals(1, found.size(), className + " loaded once: " + found);
            return found.get(0);
        }

        /** The classes the last run's start read from the jars (a class its cache lacks costs a start the jar's opening). */
        private List<String> classesFromTheJars() throws IOException {
            return Files.readAllLines(classes).stream().filter(line -> line.contains(" source: file:")).toList();
        }

        private Result run(Map<String, String> extraEnv, byte[] stdin, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(dir.resolve("vault").toString()));
            command.addAll(Arrays.asList(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("JDK_JAVA_OPTIONS")
                    || name.equals("JAVA_TOOL_OPTIONS"));
            env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            env.put("JAVA_HOME", dir.resolve("jdk").toString());
            env.putAll(extraEnv);
            Files.deleteIfExists(classes);
            Path err = dir.resolve("stderr.txt");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().write(stdin);
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
            return new Result(process.exitValue(), out, Files.readString(err));
        }
    }

    record Result(int code, byte[] out, String err) {
    }
}
