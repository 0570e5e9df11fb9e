// Audit log benchmark helper, run from the repository root with the built jar on the class path:
//
//   java -cp vault-cli/target/vault.jar bench/AuditBench.java generate AUDIT_FOLDER N SEGMENT_BYTES
//   java -cp vault-cli/target/vault.jar bench/AuditBench.java append AUDIT_FOLDER_A AUDIT_FOLDER_B COUNT [WARMUP]
//   java -cp vault-cli/target/vault.jar bench/AuditBench.java append-once AUDIT_FOLDER
//   java -cp vault-cli/target/vault.jar bench/AuditBench.java verify AUDIT_FOLDER
//   java -cp vault-cli/target/vault.jar bench/AuditBench.java writer AUDIT_FOLDER COUNT READY_FILE GO_FILE
//
// generate     writes a valid chain of N entries quickly (buffered, one fsync per segment, not per entry),
//              sealed into audit.000001.log, ... and a last audit.log exactly where ChainedAuditLog would
//              roll: before an append, when the active segment holds SEGMENT_BYTES or more.
// append       times real ChainedAuditLog.append calls (lock, tail read, one line, fsync) on log A and log
//              B in turn, after WARMUP (default 200) appends to each, and prints median and p90 in µs.
//              segmentBytes is 1 GiB, so a big log stays one active segment: the hard case for a tail read.
// append-once  one ChainedAuditLog.append (for a peak-RSS measurement).
// verify       ChainVerifier over the whole log, in process: a check of what generate wrote.
// writer       one of several processes appending to one log at once: one warm-up append, then it creates
//              READY_FILE, waits (at most 60 s) until GO_FILE exists, makes COUNT appends and prints when the
//              first began and the last ended, in µs since the epoch, for bench/run to add up.
//
// The last line of append and writer is "RESULT key=value ..." for the bench scripts to read. MB is 10^6 bytes.

import dev.vault.core.audit.Actor;
import dev.vault.core.audit.AuditEntry;
import dev.vault.core.audit.AuditEvent;
import dev.vault.core.audit.AuditFiles;
import dev.vault.core.audit.ChainVerifier;
import dev.vault.core.audit.ChainedAuditLog;
import dev.vault.core.audit.EntryWriter;
import dev.vault.core.audit.VerifyReport;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

public class AuditBench {
    static final long APPEND_SEGMENT_BYTES = 1L << 30;
    static final long LOCK_WAIT_MILLIS = 10_000;
    /** The example recipient of the age README: what an identity field holds. */
    static final String RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
    static final String[][] READS = {
        // secret, version, purpose; the first is the common one
        {"db/password", "3", "run database migrations"},
        {"db/password", "3", "run database migrations"},
        {"db/password", "3", "run database migrations"},
        {"db/password", "3", "integration tests against staging"},
        {"api/stripe-key", "7", "replay failed webhooks"},
        {"ci/deploy-token", "2", "deploy to staging"},
    };

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "generate":
                if (args.length != 4) usage();
                generate(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]));
                break;
            case "append":
                if (args.length != 4 && args.length != 5) usage();
                append(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                        args.length == 5 ? Integer.parseInt(args[4]) : 200);
                break;
            case "append-once":
                if (args.length != 2) usage();
                System.out.println("appended seq " + log(Path.of(args[1])).append(event()));
                break;
            case "verify":
                if (args.length != 2) usage();
                verify(Path.of(args[1]));
                break;
            case "writer":
                if (args.length != 5) usage();
                writer(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
                break;
            default:
                usage();
        }
    }

    static void usage() {
        System.err.println("usage: AuditBench generate AUDIT_FOLDER N SEGMENT_BYTES\n"
                + "       AuditBench append AUDIT_FOLDER_A AUDIT_FOLDER_B COUNT [WARMUP]\n"
                + "       AuditBench append-once AUDIT_FOLDER\n"
                + "       AuditBench verify AUDIT_FOLDER\n"
                + "       AuditBench writer AUDIT_FOLDER COUNT READY_FILE GO_FILE");
        System.exit(2);
    }

    // ---- generate ---------------------------------------------------------------------------------------

    static void generate(Path folder, long n, long segmentBytes) throws IOException {
        if (n < 0 || segmentBytes < 1) {
            throw new IllegalArgumentException("N must be >= 0 and SEGMENT_BYTES >= 1");
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        try (Stream<Path> present = Files.list(folder)) {
            if (present.anyMatch(p -> p.getFileName().toString().matches("audit\\.\\d{6}\\.log"))) {
                throw new IOException("\"" + folder + "\" already holds sealed segments; use an empty folder");
            }
        }
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(20261121L);
        Instant time = Instant.parse("2026-01-05T08:00:00.000Z");
        String prev = AuditEntry.GENESIS;
        Actor actor = null;
        int sealedCount = 0;
        long total = 0;
        Path active = folder.resolve("audit.log");
        Segment segment = new Segment(active);
        for (long seq = 1; seq <= n; seq++) {
            if (actor == null || random.nextInt(20) == 0) {
                actor = session(random);     // a new process, now and then a new agent session
            }
            String[] read = READS[random.nextInt(READS.length)];
            AuditEvent event = AuditEvent.ok("get", read[0], Integer.valueOf(read[1]), RECIPIENT, read[2]);
            time = time.plusMillis(50 + random.nextInt(20_000));
            byte[] line = EntryWriter.line(seq, time, actor, event.identity(), event, prev, null);
            prev = hashOf(line);
            if (segment.size >= segmentBytes) {     // ChainedAuditLog rolls before this append
                segment.close();
                sealedCount++;
                Files.move(active, folder.resolve(String.format("audit.%06d.log", sealedCount)));
                segment = new Segment(active);
            }
            segment.write(line);
            total += line.length;
        }
        segment.close();
        syncFolder(folder);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "generated %d entries (%.1f MB) in %d sealed segments + audit.log in %.2f s: %s%n",
                n, total / 1e6, sealedCount, seconds, folder);
    }

    /** A new process of one of a few users, half of them run by an agent with a session id. */
    static Actor session(SplittableRandom random) {
        String[] users = {"alice", "bob", "ci"};
        int u = random.nextInt(users.length);
        boolean agent = random.nextBoolean();
        return new Actor(users[u], 1000L + u, u == 2 ? "ci-runner-04" : "dev-laptop-0" + u,
                10_000 + random.nextInt(4_000_000), agent ? "claude-code" : null,
                agent ? new UUID(random.nextLong(), random.nextLong()).toString() : null);
    }

    /** The hash of a canonical line: the 64 hex digits in its ending {@code ,"hash":"…"}\n}. */
    static String hashOf(byte[] line) {
        int end = line.length - 3;
        if (line[end] != '"' || line[end + 1] != '}' || line[end + 2] != '\n' || line[end - 65] != '"') {
            throw new IllegalStateException("not a canonical line: " + new String(line, StandardCharsets.UTF_8));
        }
        return new String(line, end - 64, 64, StandardCharsets.US_ASCII);
    }

    /** One segment file written through a buffer; fsynced once, on close. */
    static final class Segment {
        final FileOutputStream file;
        final BufferedOutputStream out;
        long size;

        Segment(Path path) throws IOException {
            if (!Files.exists(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            file = new FileOutputStream(path.toFile());   // truncates
            out = new BufferedOutputStream(file, 1 << 20);
        }

        void write(byte[] line) throws IOException {
            out.write(line);
            size += line.length;
        }

        void close() throws IOException {
            out.flush();
            file.getFD().sync();
            out.close();
        }
    }

    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    // ---- append -----------------------------------------------------------------------------------------

    static ChainedAuditLog log(Path folder) {
        Actor actor = new Actor(System.getProperty("user.name", "bench"), 1000L, "bench-host",
                ProcessHandle.current().pid(), "claude-code", "2f1c9a4e-bench-session");
        return new ChainedAuditLog(folder, actor, Clock.systemUTC(), APPEND_SEGMENT_BYTES, LOCK_WAIT_MILLIS);
    }

    static AuditEvent event() {
        return AuditEvent.ok("get", "db/password", 3, RECIPIENT, "run database migrations");
    }

    static void append(Path folderA, Path folderB, int count, int warmup) throws Exception {
        ChainedAuditLog a = log(folderA);
        ChainedAuditLog b = log(folderB);
        AuditEvent event = event();
        long bytesA = Files.size(folderA.resolve("audit.log"));
        long bytesB = Files.size(folderB.resolve("audit.log"));
        long startA = a.append(event) - 1;   // the entries there were before this run
        long startB = b.append(event) - 1;
        for (int i = 1; i < warmup; i++) {
            a.append(event);
            b.append(event);
        }
        long[] nanosA = new long[count];
        long[] nanosB = new long[count];
        for (int i = 0; i < count; i++) {
            // alternate which log goes first, so neither always follows the other's fsync
            if ((i & 1) == 0) {
                nanosA[i] = timed(a, event);
                nanosB[i] = timed(b, event);
            } else {
                nanosB[i] = timed(b, event);
                nanosA[i] = timed(a, event);
            }
        }
        Arrays.sort(nanosA);
        Arrays.sort(nanosB);
        double medA = median(nanosA) / 1e3, p90A = p90(nanosA) / 1e3;
        double medB = median(nanosB) / 1e3, p90B = p90(nanosB) / 1e3;
        System.out.printf(Locale.ROOT, "ChainedAuditLog.append (lock, tail read, one line, fsync), segmentBytes 1 GiB:"
                + " %d timed appends to each log, interleaved, after %d warm-up appends to each%n", count, warmup);
        System.out.printf(Locale.ROOT, "  A: %,d entries in one active segment of %.1f MB: median %.1f µs, p90 %.1f µs, min %.1f µs, max %.1f µs%n",
                startA, bytesA / 1e6, medA, p90A, nanosA[0] / 1e3, nanosA[count - 1] / 1e3);
        System.out.printf(Locale.ROOT, "  B: %,d entries in one active segment of %.1f MB: median %.1f µs, p90 %.1f µs, min %.1f µs, max %.1f µs%n",
                startB, bytesB / 1e6, medB, p90B, nanosB[0] / 1e3, nanosB[count - 1] / 1e3);
        System.out.printf(Locale.ROOT, "  B/A: median %.2f, p90 %.2f%n", medB / medA, p90B / p90A);
        System.out.printf(Locale.ROOT, "RESULT entries_a=%d entries_b=%d bytes_a=%d bytes_b=%d a_median_us=%.1f a_p90_us=%.1f b_median_us=%.1f"
                        + " b_p90_us=%.1f ratio_median=%.2f ratio_p90=%.2f%n",
                startA, startB, bytesA, bytesB, medA, p90A, medB, p90B, medB / medA, p90B / p90A);
    }

    static long timed(ChainedAuditLog log, AuditEvent event) throws Exception {
        long t0 = System.nanoTime();
        log.append(event);
        return System.nanoTime() - t0;
    }

    static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Nearest rank. */
    static double p90(long[] sorted) {
        return sorted[Math.max(0, (int) Math.ceil(0.9 * sorted.length) - 1)];
    }

    // ---- writer -----------------------------------------------------------------------------------------

    static void writer(Path folder, int count, Path ready, Path go) throws Exception {
        ChainedAuditLog log = log(folder);
        AuditEvent event = event();
        log.append(event);      // loads and links the append path before the timed window
        Files.createFile(ready);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                System.err.println("AuditBench writer: \"" + go + "\" did not appear within 60 s");
                System.exit(1);
            }
            Thread.sleep(1);
        }
        long start = epochMicros();
        for (int i = 0; i < count; i++) {
            log.append(event);
        }
        long end = epochMicros();
        System.out.printf(Locale.ROOT, "RESULT count=%d start_us=%d end_us=%d%n", count, start, end);
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    // ---- verify -----------------------------------------------------------------------------------------

    static void verify(Path folder) throws IOException {
        long t0 = System.nanoTime();
        VerifyReport report = ChainVerifier.verify(new AuditFiles(folder));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!report.ok()) {
            System.out.println("BROKEN " + report.problem().id() + " in " + report.segment() + " line " + report.line()
                    + ": " + report.detail() + " (expected " + report.expected() + ", found " + report.found() + ")");
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "chain ok: %d entries, %d segments, %.1f MB, head seq %d, in %.2f s (%.0f MB/s in process)%n",
                report.entries(), report.segments(), report.bytes() / 1e6, report.headSeq(), seconds,
                report.bytes() / 1e6 / seconds);
    }
}
