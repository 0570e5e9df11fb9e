package dev.vault.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a CLI test script in-process against a fresh temporary folder ($WORK). The format:
 *
 * <pre>
 * # comment
 * $ vault ARGS [&lt; FILE] [&gt; OUT]  run a command (stdin from FILE, else empty; stdout into OUT, else checked)
 * &gt; line                     the next line of stdout, exactly (stdout must match all such lines)
 * &gt;~ regex                   the next line of stdout matches regex
 * &gt;! text                    the last part of stdout, without a newline after it
 * 2&gt; line / 2&gt;~ regex         likewise for stderr
 * ? N                        the exit code (default 0)
 * env NAME=VALUE / cd DIR    set for the commands that follow
 * exists P / ! exists P / mode P 600 / cmp P Q / ! cmp P Q / chmod 644 P
 * ln -s TARGET LINK / rm P (a file, or a folder and all in it) / append FILE TEXT (no newline added)
 * cp FROM TO / mkdir P
 * hold-lock FILE / release-lock  another process (python3) takes, then drops, an fcntl lock on FILE, as a
 *                            vault process holds the audit log's lock while it writes
 * -- FILE --                 a file written into $WORK before the script runs (to the next -- or the end)
 * </pre>
 *
 * $WORK in any line is the temporary folder.
 */
final class ScriptRunner {
    private final Path work;
    private final Map<String, String> env = new HashMap<>();
    private Path cwd;
    /** The process of hold-lock, until release-lock or the end of the script. */
    private Process lockHolder;

    ScriptRunner(Path work) {
        this.work = work;
        this.cwd = work;
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("USER", "tester");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    void run(String script) throws IOException {
        List<String> lines = new ArrayList<>(List.of(script.split("\n", -1)));
        int filesAt = writeFiles(lines);
        List<String> commands = lines.subList(0, filesAt);
        try {
            runCommands(commands);
        } finally {
            if (lockHolder != null) {
                lockHolder.destroyForcibly();
            }
        }
    }

    private void runCommands(List<String> commands) throws IOException {
        for (int i = 0; i < commands.size(); i++) {
            String line = substitute(commands.get(i));
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("$ vault")) {
                List<String> expectations = new ArrayList<>();
                while (i + 1 < commands.size() && isExpectation(commands.get(i + 1))) {
                    expectations.add(substitute(commands.get(++i)));
                }
                runVault(line.substring(2), expectations, i + 1);
            } else {
                runStep(line, i + 1);
            }
        }
    }

    private static boolean isExpectation(String line) {
        return line.startsWith(">") || line.startsWith("2>") || line.startsWith("? ");
    }

    /**
     * Writes the file sections. A file's content is its lines joined by newlines, with no newline after
     * the last: leave an empty line before the next header for a file that ends with one.
     */
    private int writeFiles(List<String> lines) throws IOException {
        Pattern header = Pattern.compile("^-- (.+) --$");
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (header.matcher(lines.get(i)).matches()) {
                starts.add(i);
            }
        }
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k) + 1;
            int to = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            if (k + 1 == starts.size() && to > from && lines.get(to - 1).isEmpty()) {
                to--;
            }
            var matcher = header.matcher(lines.get(starts.get(k)));
            matcher.matches();
            Path file = work.resolve(matcher.group(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines.subList(from, to)));
        }
        return starts.isEmpty() ? lines.size() : starts.get(0);
    }

    private void runVault(String commandLine, List<String> expectations, int lineNumber) throws IOException {
        List<String> words = words(commandLine);
        byte[] stdin = new byte[0];
        int redirect = words.indexOf("<");
        if (redirect >= 0) {
            stdin = Files.readAllBytes(cwd.resolve(words.get(redirect + 1)));
            words = new ArrayList<>(words);
            words.subList(redirect, redirect + 2).clear();
        }
        Path stdoutFile = null;
        int outRedirect = words.indexOf(">");
        if (outRedirect >= 0) {
            stdoutFile = cwd.resolve(words.get(outRedirect + 1));
            words = new ArrayList<>(words);
            words.subList(outRedirect, outRedirect + 2).clear();
        }
        InProcessRun run = InProcessRun.of(env, cwd, stdin, words.subList(1, words.size()).toArray(new String[0]));
        int code = run.code();
        String where = "line " + lineNumber + " `" + commandLine + "`";
        int expectedCode = 0;
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        for (String expectation : expectations) {
            if (expectation.startsWith("? ")) {
                expectedCode = Integer.parseInt(expectation.substring(2).trim());
            } else if (expectation.startsWith("2>")) {
                stderr.add(expectation.substring(1));
            } else {
                stdout.add(expectation);
            }
        }
        String actualErr = run.err();
        assertEquals(expectedCode, code, where + ": exit code; stderr was:\n" + actualErr);
        if (stdoutFile != null) {
            Files.write(stdoutFile, run.stdout());
        }
        check(stdout, stdoutFile != null ? "" : run.out(), where + ": stdout");
        check(stderr, actualErr, where + ": stderr");
    }

    private static void check(List<String> expected, String actual, String where) {
        List<String> lines = new ArrayList<>(List.of(actual.split("\n", -1)));
        boolean endsWithNewline = actual.endsWith("\n");
        if (actual.isEmpty() || endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        assertEquals(expected.size(), lines.size(), where + " has " + lines.size() + " lines, expected "
                + expected.size() + "; it was:\n" + actual);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = lines.get(i);
            if (want.startsWith(">~ ")) {
                assertTrue(Pattern.compile(want.substring(3)).matcher(got).matches(),
                        where + " line " + (i + 1) + ": \"" + got + "\" does not match " + want.substring(3));
            } else if (want.startsWith(">! ")) {
                assertEquals(want.substring(3), got, where + " line " + (i + 1));
                assertTrue(i == expected.size() - 1 && !endsWithNewline, where + ": expected no newline at the end");
            } else {
                assertEquals(want.length() > 1 ? want.substring(2) : "", got, where + " line " + (i + 1));
            }
        }
        if (!expected.isEmpty() && !expected.get(expected.size() - 1).startsWith(">! ")) {
            assertTrue(endsWithNewline, where + ": expected a newline at the end");
        }
    }

    private void runStep(String line, int lineNumber) throws IOException {
        List<String> words = words(line);
        String where = "line " + lineNumber + " `" + line + "`";
        switch (words.get(0)) {
            case "env":
                String[] pair = words.get(1).split("=", 2);
                env.put(pair[0], pair[1]);
                break;
            case "cd":
                cwd = work.resolve(words.get(1));
                Files.createDirectories(cwd);
                break;
            case "exists":
                assertTrue(Files.exists(cwd.resolve(words.get(1))), where);
                break;
            case "!":
                if (words.get(1).equals("cmp")) {
                    assertFalse(java.util.Arrays.equals(Files.readAllBytes(cwd.resolve(words.get(2))),
                            Files.readAllBytes(cwd.resolve(words.get(3)))), where + ": the files are the same");
                    break;
                }
                assertEquals("exists", words.get(1), where);
                assertTrue(!Files.exists(cwd.resolve(words.get(2))), where);
                break;
            case "mode":
                assertEquals(PosixFilePermissions.fromString(toSymbolic(words.get(2))),
                        Files.getPosixFilePermissions(cwd.resolve(words.get(1))), where);
                break;
            case "chmod":
                Files.setPosixFilePermissions(cwd.resolve(words.get(2)), PosixFilePermissions.fromString(toSymbolic(words.get(1))));
                break;
            case "cmp":
                assertArrayEquals(Files.readAllBytes(cwd.resolve(words.get(2))), Files.readAllBytes(cwd.resolve(words.get(1))), where);
                break;
            case "ln":
                assertEquals("-s", words.get(1), where);
                Files.createSymbolicLink(cwd.resolve(words.get(3)), Path.of(words.get(2)));
                break;
            case "rm":
                try (var walk = Files.walk(cwd.resolve(words.get(1)))) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
                break;
            case "cp":
                Files.copy(cwd.resolve(words.get(1)), cwd.resolve(words.get(2)),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                break;
            case "mkdir":
                Files.createDirectories(cwd.resolve(words.get(1)));
                break;
            case "hold-lock":
                holdLock(cwd.resolve(words.get(1)), where);
                break;
            case "release-lock":
                lockHolder.getOutputStream().close();
                try {
                    assertEquals(0, lockHolder.waitFor(), where);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(where + ": interrupted");
                }
                lockHolder = null;
                break;
            case "append":
                Files.writeString(cwd.resolve(words.get(1)), words.get(2), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                break;
            default:
                fail(where + ": unknown step");
        }
    }

    /** Starts a process that holds an exclusive fcntl lock on {@code file} until its stdin closes. */
    private void holdLock(Path file, String where) throws IOException {
        assertTrue(lockHolder == null, where + ": a lock is held already");
        lockHolder = new ProcessBuilder("python3", "-c", "import fcntl, sys\n"
                + "f = open(sys.argv[1], 'a')\n"
                + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                + "print('locked', flush=True)\n"
                + "sys.stdin.read()\n", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] said = lockHolder.getInputStream().readNBytes("locked\n".length());
        assertEquals("locked\n", new String(said, StandardCharsets.UTF_8), where + ": the lock was not taken");
    }

    private static String toSymbolic(String octal) {
        StringBuilder out = new StringBuilder();
        for (char digit : octal.toCharArray()) {
            int bits = digit - '0';
            out.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return out.toString();
    }

    private String substitute(String line) {
        return line.replace("$WORK", work.toString());
    }

    /** Splits on spaces; '…' and "…" group words (no escapes inside). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
