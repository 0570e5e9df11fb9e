package dev.vault.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress line: drawn on a terminal only, only for work that has run a second, rewritten in place,
 * blanked out at the end; nothing at all in a pipe. Time is a counter the test moves (no timed test): the
 * fake terminal's clock is read only by the progress line, once when it starts and once per update.
 */
class ProgressTest {
    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A clock that moves {@code step} ms each time it is read, from 0. */
    private static LongSupplier stepping(long step) {
        long[] now = {-step};
        return () -> now[0] += step;
    }

    /** A clock that reads the given times, in order. */
    private static LongSupplier reading(long... times) {
        int[] next = {0};
        return () -> times[next[0]++];
    }

    /** Output to a pipe, on a clock that moves {@code millis} each time it is read: the progress line's only reader. */
    private Io pipe(Map<String, String> env, String stdin, LongSupplier millis) {
        return plain(env, stdin).withTerminals(false).withMillis(millis);
    }

    private Io terminal(Map<String, String> env, String stdin, LongSupplier millis) {
        return plain(env, stdin).withTerminals(true).withMillis(millis);
    }

    private Io plain(Map<String, String> env, String stdin) {
        return Io.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(err, true), env, work);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String blank(int width) {
        return "\r" + " ".repeat(width) + "\r";
    }

    // ---- the line itself

    @Test
    void onATerminalItAppearsAfterASecondIsRewrittenInPlaceAtMostTenTimesASecondAndIsBlankedAtTheEnd() {
        Io io = terminal(Map.of(), "", reading(0, 500, 999, 1000, 1050, 1099, 1100, 1300, 1350));
        try (Progress progress = Progress.counting(io, "rekey", "secrets")) {
            progress.update(1, 120);   // 500 ms: too soon
            progress.update(2, 120);   // 999 ms: too soon
            progress.update(9, 120);   // 1000 ms: drawn
            progress.update(10, 120);  // 1050 ms: within 100 ms of the last
            progress.update(11, 120);  // 1099 ms: still within
            progress.update(12, 120);  // 1100 ms: drawn again, over the old text
            progress.update(100, 120); // 1300 ms: longer
            progress.update(120, 120); // 1350 ms: within 100 ms
        }
        assertEquals("\rrekey: 9 of 120 secrets" + "\rrekey: 12 of 120 secrets" + "\rrekey: 100 of 120 secrets"
                + blank("rekey: 100 of 120 secrets".length()), err());
    }

    @Test
    void theSameTextIsNotWrittenAgain() {
        Io io = terminal(Map.of(), "", reading(0, 1000, 1200, 1400));
        try (Progress progress = Progress.bytes(io, "audit verify")) {
            progress.update(10 << 20, 689 << 20);
            progress.update(11 << 20, 689 << 20);
            progress.update(14 << 20, 689 << 20);
        }
        assertEquals("\raudit verify: 1% of 689 MiB" + "\raudit verify: 2% of 689 MiB" + blank(27), err());
    }

    @Test
    void aShorterTextIsPaddedOverTheLongerOneBeforeIt() {
        Io io = terminal(Map.of(), "", reading(0, 2000, 2200));
        try (Progress progress = Progress.counting(io, "import", "variables")) {
            progress.update(10, 10);
            progress.update(9, 10);
        }
        assertEquals("\rimport: 10 of 10 variables" + "\rimport: 9 of 10 variables " + blank(26), err());
    }

    @Test
    void bytesShowAPercentageOfTheTotalInMibOrKib() {
        Io io = terminal(Map.of(), "", reading(0, 1000, 1100, 1200));
        try (Progress progress = Progress.bytes(io, "audit verify")) {
            progress.update(1 << 20, 3 * (1 << 20) + 1);
            progress.update(3 * (1 << 20) + 1, 3 * (1 << 20) + 1);
            progress.update(512, 3000);
        }
        assertEquals("\raudit verify: 33% of 4 MiB" + "\raudit verify: 100% of 4 MiB" + "\raudit verify: 17% of 3 KiB "
                + blank(27), err());
    }

    @Test
    void clearingForOtherOutputBlanksTheLineAndTheNextUpdateDrawsItAtOnce() {
        Io io = terminal(Map.of(), "", reading(0, 1000, 1001, 1002));
        try (Progress progress = Progress.counting(io, "rekey", "secrets")) {
            progress.update(1, 3);
            progress.clear();
            progress.clear();
            progress.update(2, 3);   // 1 ms later, but nothing is drawn: drawn now
            progress.update(3, 3);   // 1 ms later: within 100 ms
        }
        assertEquals("\rrekey: 1 of 3 secrets" + blank(21) + "\rrekey: 2 of 3 secrets" + blank(21), err());
    }

    @Test
    void workThatEndsWithinASecondPrintsNothing() {
        Io io = terminal(Map.of(), "", stepping(100));
        try (Progress progress = Progress.counting(io, "rekey", "secrets")) {
            for (int i = 1; i <= 9; i++) {
                progress.update(i, 9);
            }
            progress.clear();
        }
        assertEquals("", err());
    }

    @Test
    void inAPipeItPrintsNothingHoweverLongTheWork() {
        try (Progress progress = Progress.counting(pipe(Map.of(), "", stepping(1000)), "rekey", "secrets")) {
            for (int i = 1; i <= 50; i++) {
                progress.update(i, 50);
                progress.clear();
            }
        }
        assertEquals("", err());
    }

    // ---- the commands that use it, run in-process

    private Map<String, String> env;

    @BeforeEach
    void env() {
        env = new HashMap<>(Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester"));
    }

    private int run(Io io, String... args) {
        out.reset();
        err.reset();
        return Cli.run(io, args);
    }

    private void setUp(String stdin, String... args) {
        assertEquals(0, run(plain(env, stdin), args), err());
    }

    /** Three secrets for alice only, and a manifest that now gives them to bob too. */
    private void threeSecretsToRekey() throws IOException {
        setUp("", "init", "--name", "alice");
        setUp("", "identity", "new", "bob", "-o", "bob.txt");
        for (String name : List.of("a", "b", "c")) {
            setUp("value of " + name, "set", name, "--purpose", "progress", "--reader", "alice");
        }
        Path manifest = work.resolve(".vault/manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("readers: [alice]", "readers: [alice, bob]"));
    }

    private static final String REKEYED = "rekeyed a: added bob (1/3)\nrekeyed b: added bob (2/3)\n"
            + "rekeyed c: added bob (3/3)\nrekeyed 3\n";

    @Test
    void rekeyOnATerminalShowsHowManySecretsAreDoneBelowItsLines() throws IOException {
        threeSecretsToRekey();
        // read at the start, then once per secret: 600 ms, 1200 ms, 1800 ms
        assertEquals(0, run(terminal(env, "", stepping(600)), "rekey"), err());
        assertEquals(REKEYED, out.toString(StandardCharsets.UTF_8));
        assertEquals("\rrekey: 2 of 3 secrets" + blank(21) + "\rrekey: 3 of 3 secrets" + blank(21), err());
    }

    @Test
    void rekeyInAPipePrintsNoProgress() throws IOException {
        threeSecretsToRekey();
        assertEquals(0, run(pipe(env, "", stepping(600)), "rekey"), err());
        assertEquals(REKEYED, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err());
    }

    @Test
    void aQuickRekeyOnATerminalPrintsNoProgress() throws IOException {
        threeSecretsToRekey();
        assertEquals(0, run(terminal(env, "", stepping(300)), "rekey"), err());
        assertEquals(REKEYED, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err());
    }

    /** A log of at least four segments: init, one set and gets, each segment at most 1500 bytes. */
    private List<Path> segmentedLog() throws IOException {
        env.put("VAULT_AUDIT_SEGMENT_BYTES", "1500");
        setUp("", "init", "--name", "alice");
        setUp("value", "set", "db/password", "--purpose", "progress");
        for (int i = 0; i < 12; i++) {
            setUp("", "get", "db/password");
        }
        Path audit = work.resolve(".vault/audit");
        List<Path> segments = new ArrayList<>();
        for (int i = 1; Files.exists(audit.resolve(String.format("audit.%06d.log", i))); i++) {
            segments.add(audit.resolve(String.format("audit.%06d.log", i)));
        }
        segments.add(audit.resolve("audit.log"));
        assertTrue(segments.size() >= 4, "segments: " + segments);
        return segments;
    }

    @Test
    void auditVerifyOfALargeLogOnATerminalShowsThePartReadAndPrintsItsResultAsBefore() throws IOException {
        List<Path> segments = segmentedLog();
        long total = 0;
        for (Path segment : segments) {
            total += Files.size(segment);
        }
        // read at the start, then once per segment (each is read whole): drawn from the 2nd segment on
        StringBuilder expected = new StringBuilder();
        long read = 0;
        int width = 0;
        for (int i = 0; i < segments.size(); i++) {
            read += Files.size(segments.get(i));
            if (i >= 1) {
                String text = "audit verify: " + read * 100 / total + "% of " + (total + 1023) / 1024 + " KiB";
                expected.append('\r').append(text).append(" ".repeat(Math.max(0, width - text.length())));
                width = Math.max(width, text.length());
            }
        }
        expected.append(blank(width));

        assertEquals(0, run(terminal(env, "", stepping(600)), "audit", "verify"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("audit log ok: 14 entries in " + segments.size()
                + " segments, seq 1 to 14\nhead: "), out.toString(StandardCharsets.UTF_8));
        assertEquals(expected.toString(), err());
        assertTrue(err().startsWith("\raudit verify: "), err());

        String result = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, run(pipe(env, "", stepping(600)), "audit", "verify"), err());
        assertEquals(result, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err());
    }

    private static final String IMPORTED = "imported A -> app/a version 1\nimported C -> app/c version 1\n"
            + "imported D -> app/d version 1\nimported 3 of 4 variables from app.env\n";
    private static final String SKIPPED = "vault: note: skipped B: its value is empty\n";

    private String[] importFourVariables() throws IOException {
        setUp("", "init", "--name", "alice");
        Files.writeString(work.resolve("app.env"), "A=1\nB=\nC=3\nD=4\n");
        return new String[] {"import", "app.env", "--prefix", "app/", "--purpose", "progress"};
    }

    @Test
    void importOnATerminalShowsHowManyVariablesAreStored() throws IOException {
        String[] args = importFourVariables();
        assertEquals(0, run(terminal(env, "", stepping(600)), args), err());
        assertEquals(IMPORTED, out.toString(StandardCharsets.UTF_8));
        // read at the start and after each stored variable: 600 ms (A), 1200 ms (C), 1800 ms (D)
        assertEquals(SKIPPED + "\rimport: 2 of 3 variables" + blank(24) + "\rimport: 3 of 3 variables" + blank(24),
                err());
    }

    @Test
    void importInAPipePrintsNoProgress() throws IOException {
        String[] args = importFourVariables();
        assertEquals(0, run(pipe(env, "", stepping(600)), args), err());
        assertEquals(IMPORTED, out.toString(StandardCharsets.UTF_8));
        assertEquals(SKIPPED, err());
    }
}
