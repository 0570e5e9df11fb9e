package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An X25519 `get` decrypts with Bouncy Castle's lightweight X25519, HKDF, HMAC and ChaCha20-Poly1305 (from
 * the jar's unsigned copy): it loads no javax.crypto cipher or MAC, no JCA provider for its crypto, no
 * Jagged, none of Bouncy Castle's post-quantum or passphrase code, and not its CryptoServicesRegistrar (nor
 * the java.util.logging that registrar starts); a post-quantum get loads the HPKE it
 * needs. None of it comes from vault-bc.jar, which opening costs a start its central directory. Runs the
 * built jar with -Xlog:class+load and reads which classes came in, and from where. A hook check initialises
 * no jackson-core parser and no BigDecimal (-Xlog:class+init).
 */
class ClassLoadingIT {
    private static final Path JAR = Paths.get("target", "vault.jar").toAbsolutePath();
    private static final Path TEST_CLASSES = Paths.get("target", "test-classes").toAbsolutePath();
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    /** What a whole X25519 get must not load. */
    private static final List<String> NOT_FOR_X25519 = List.of("javax.crypto.Cipher", "javax.crypto.Mac",
            "javax.crypto.KeyAgreement", "javax.crypto.JceSecurity", "sun.security.ec.", "com.exceptionfactory.",
            "org.bouncycastle.crypto.hpke.", "org.bouncycastle.crypto.kems.", "org.bouncycastle.pqc.",
            "org.bouncycastle.crypto.generators.SCrypt", "org.bouncycastle.math.ec.rfc8032.",
            // its static set-up makes a java.util.logging Logger (a service loader that opens vault-bc.jar) and
            // DSA and DH parameters: ~12 ms of a get; ChaChaPoly and Sha256Digests keep the get from starting it
            "org.bouncycastle.crypto.CryptoServicesRegistrar", "java.util.logging.", "java.security.Security");
    /**
     * What a successful get, exec or guard check must not load: colour and progress, JSON output, the hints of
     * errors (nearest names, YAML problems), regular expressions, and exception types that only their catch
     * blocks name (the verifier loads those with the class).
     */
    private static final List<String> NOT_ON_SUCCESS = List.of("dev.vault.cli.Colour", "dev.vault.cli.Progress",
            "dev.vault.cli.GuardCheckJson", "dev.vault.core.NearestName", "dev.vault.core.manifest.YamlProblem",
            "java.util.regex.Pattern", "java.nio.file.AccessDeniedException");
    private static final String ALLOWED_HOOK = "{\"session_id\":\"s\",\"hook_event_name\":\"PreToolUse\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"git status\"},\"tool_use_id\":\"t\"}";
    /** What reading the identity and decrypting must not load: any JCA engine or provider. */
    private static final List<String> NOT_FOR_X25519_DECRYPT = List.of("sun.security.jca.", "sun.security.provider.",
            "javax.crypto.", "java.security.MessageDigest", "java.security.KeyFactory", "java.security.SecureRandom");

    @TempDir
    Path work;

    @Test
    void anX25519GetLoadsNoJcaCipherJaggedOrPostQuantumCodeAndAPostQuantumGetLoadsHpke() throws Exception {
        vault("", "init", "--name", "ci");
        vault("", "identity", "new", "pq", "--pq", "-o", "pq.txt");
        vault("classic value", "set", "classic", "--purpose", "class loading", "--reader", "ci");
        vault("pq value", "set", "quantum", "--purpose", "class loading", "--reader", "pq");

        List<String> classic = loadedClasses(List.of("-jar", JAR.toString(), "get", "classic"));
        assertTrue(classic.contains("dev.vault.core.crypto.X25519Decryptor"), "the log lists the classes a get loads");
        assertTrue(classic.contains("org.bouncycastle.math.ec.rfc7748.X25519"), "the X25519 get used Bouncy Castle");
        assertEquals(List.of(), matching(classic, NOT_FOR_X25519));
        assertEquals(List.of(), sources.stream().filter(source -> source.contains("vault-bc.jar")).toList(),
                "nothing came from the rest of Bouncy Castle");

        List<String> quantum = loadedClasses(List.of("-jar", JAR.toString(), "get", "quantum", "-i", "pq.txt"));
        assertTrue(quantum.contains("org.bouncycastle.crypto.hpke.HPKE"), "a post-quantum get loads Bouncy Castle's HPKE");
    }

    @Test
    void readingAnX25519IdentityAndDecryptingLoadsNoJcaClass() throws Exception {
        vault("", "init", "--name", "ci");
        vault("classic value", "set", "classic", "--purpose", "class loading", "--reader", "ci");
        Path identity = work.resolve("config").resolve("vault").resolve("identity.txt");
        Path secret = work.resolve(".vault").resolve("secrets").resolve("classic.age");
        assertTrue(Files.exists(identity) && Files.exists(secret), "the identity and the secret are where expected");

        List<String> classes = loadedClasses(List.of("-cp", JAR + java.io.File.pathSeparator + TEST_CLASSES,
                X25519DecryptProcess.class.getName(), identity.toString(), secret.toString()));
        assertEquals("classic value\n", Files.readString(work.resolve("out.txt")));
        assertTrue(classes.contains("dev.vault.core.crypto.X25519Decryptor"), "the log lists the classes loaded");
        assertEquals(List.of(), matching(classes, NOT_FOR_X25519));
        assertEquals(List.of(), matching(classes, NOT_FOR_X25519_DECRYPT));
    }

    /**
     * Whether a stream is a terminal is asked only by Colour, and only to colour an error, a deny or doctor:
     * never on a successful get, exec or guard check, whose start-up time counts. A failed get does ask.
     */
    @Test
    void aSuccessfulGetExecOrGuardCheckNeverAsksForColour() throws Exception {
        vault("", "init", "--name", "ci");
        vault("colour value", "set", "k", "--purpose", "class loading", "--env", "K");
        List<List<String>> successes = List.of(List.of("get", "k"), List.of("exec", "--", "true"),
                List.of("guard", "check", "--command", "ls"), List.of("guard", "check", "--hook", "claude-code"));
        for (List<String> success : successes) {
            List<String> arguments = new ArrayList<>(List.of("-jar", JAR.toString()));
            arguments.addAll(success);
            List<String> classes = loadedClasses(arguments, 0, success.contains("--hook") ? ALLOWED_HOOK : "");
            assertTrue(!classes.contains("picocli.CommandLine"), success + " took the fast path");
            assertEquals(List.of(), matching(classes, NOT_ON_SUCCESS), success + " loaded what only other work needs");
        }
        List<String> failed = loadedClasses(List.of("-jar", JAR.toString(), "get", "nope"), 1);
        assertTrue(failed.contains("dev.vault.cli.Colour"), "a failed get decides on colour");
    }

    /**
     * Hook input is read by JsonReader, not jackson-core's parser: every one of those initialises BigInteger
     * and BigDecimal constants (ParserMinimalBase), 7-10 ms of a hook call on Java 25. An allowed hook
     * initialises no Jackson at all; a deny's answer is written by jackson's generator.
     */
    @Test
    void aHookCheckInitialisesNoJacksonParserNorBigDecimal() throws Exception {
        for (String input : List.of(ALLOWED_HOOK, ALLOWED_HOOK.replace("git status", "printenv"))) {
            boolean allowed = input.equals(ALLOWED_HOOK);
            Path log = work.resolve("init.log");
            Files.deleteIfExists(log);
            run(List.of(JAVA, "-Xlog:class+init=info:file=" + log, "-jar", JAR.toString(), "guard", "check", "--hook",
                    "claude-code"), input, allowed ? 0 : 2);
            List<String> initialised = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                int start = line.indexOf("Initializing '") + 14;
                if (start >= 14) {
                    initialised.add(line.substring(start, line.indexOf('\'', start)));
                }
            }
            String which = allowed ? "allowed" : "denied";
            assertTrue(initialised.contains("dev/vault/core/json/JsonReader"), which + ": the log lists what was initialised");
            assertEquals(List.of(), initialised.stream().filter(name -> name.equals("java/math/BigDecimal")
                    || name.equals("com/fasterxml/jackson/core/base/ParserMinimalBase")
                    || allowed && name.startsWith("com/fasterxml/")).toList(), which);
        }
    }

    private static List<String> matching(List<String> classes, List<String> prefixes) {
        return classes.stream().filter(name -> prefixes.stream().anyMatch(name::startsWith)).toList();
    }

    /** Where the classes of the last {@link #loadedClasses} came from. */
    private final List<String> sources = new ArrayList<>();

    private List<String> loadedClasses(List<String> arguments) throws IOException, InterruptedException {
        return loadedClasses(arguments, 0);
    }

    private List<String> loadedClasses(List<String> arguments, int exitCode) throws IOException, InterruptedException {
        return loadedClasses(arguments, exitCode, "");
    }

    private List<String> loadedClasses(List<String> arguments, int exitCode, String stdin)
            throws IOException, InterruptedException {
        Path log = work.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xlog:class+load:file=" + log));
        command.addAll(arguments);
        run(command, stdin, exitCode);
        List<String> classes = new ArrayList<>();
        sources.clear();
        for (String line : Files.readAllLines(log)) {
            if (line.contains(" source: ")) {
                sources.add(line.substring(line.indexOf(" source: ") + 9));
            }
            int start = line.indexOf("] ", line.indexOf("class,load")) + 2;
            int end = line.indexOf(' ', start);
            if (start > 1 && end > start) {
                classes.add(line.substring(start, end));
            }
        }
        return classes;
    }

    private void vault(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        run(command, stdin, 0);
    }

    private void run(List<String> command, String stdin, int exitCode) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
        builder.environment().remove("VAULT_DIR");
        builder.environment().remove("VAULT_IDENTITY");
        builder.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(exitCode, process.exitValue(), command + ": " + Files.readString(work.resolve("err.txt")));
    }
}
