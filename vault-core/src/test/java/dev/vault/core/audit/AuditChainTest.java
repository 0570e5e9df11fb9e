package dev.vault.core.audit;

import dev.vault.core.BoundedLock;
import dev.vault.core.VaultException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appending, segments, torn tails and repair, and every kind of tampering found at the right place. */
class AuditChainTest {
    @TempDir
    Path temp;

    private Path folder;
    private AuditFiles files;

    @BeforeEach
    void createLog() throws IOException {
        folder = temp.resolve("audit");
        ChainedAuditLog.create(folder);
        files = new AuditFiles(folder);
    }

    private ChainedAuditLog log(long segmentBytes) {
        return new ChainedAuditLog(folder, EntryFormatTest.ACTOR,
                Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC), segmentBytes, 500);
    }

    private void appendGets(ChainedAuditLog log, int count) throws VaultException {
        for (int i = 0; i < count; i++) {
            log.append(AuditEvent.ok("get", "db/password", 1, "age1xyz", "entry " + i));
        }
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(files.active(), StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(files.active(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private VerifyReport verify() throws IOException {
        return ChainVerifier.verify(files);
    }

    private static void assertProblem(VerifyReport report, VerifyReport.Problem problem, String segment, long line,
                                      Long seq) {
        assertEquals(problem, report.problem(), report.detail());
        assertEquals(segment, report.segment().getFileName().toString());
        assertEquals(line, report.line());
        assertEquals(seq, report.seq());
    }

    @Test
    void appendsChainFromGenesisAndVerify() throws Exception {
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        assertEquals(1, log.append(AuditEvent.ok("init", null, null, "age1xyz", null)));
        appendGets(log, 4);
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(5, report.entries());
        assertEquals(5, report.headSeq());
        List<String> lines = lines();
        assertTrue(lines.get(0).contains("\"prev\":\"" + AuditEntry.GENESIS + "\""));
        for (int i = 1; i < 5; i++) {
            String prevHash = lines.get(i - 1).replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
            assertTrue(lines.get(i).contains("\"seq\":" + (i + 1) + ",") && lines.get(i).contains("\"prev\":\"" + prevHash + "\""));
        }
    }

    @Test
    void appendAllWritesTheSameChainAsOneAppendEach() throws Exception {
        List<AuditEvent> reads = List.of(AuditEvent.ok("exec", "a", 1, "age1xyz", "deploy"),
                AuditEvent.ok("exec", "b", 2, "age1xyz", "deploy"), AuditEvent.ok("exec", "c", 1, "age1xyz", "deploy"));
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        log.append(AuditEvent.ok("init", null, null, "age1xyz", null));
        log.appendAll(reads);
        List<String> together = lines();

        Files.delete(files.active());
        ChainedAuditLog.create(folder);
        log.append(AuditEvent.ok("init", null, null, "age1xyz", null));
        for (AuditEvent read : reads) {
            log.append(read);
        }
        assertEquals(lines(), together);
        assertEquals(4, together.size());
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(4, report.headSeq());
    }

    @Test
    void appendAllWritesNothingWhenOneEntryIsTooLong() throws Exception {
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        log.append(AuditEvent.ok("init", null, null, "age1xyz", null));
        List<String> before = lines();
        VaultException failure = assertThrows(VaultException.class, () -> log.appendAll(List.of(
                AuditEvent.ok("exec", "a", 1, "age1xyz", "deploy"),
                AuditEvent.ok("exec", "b", 1, "age1xyz", "x".repeat(Tail.MAX_LINE)))));
        assertEquals(VaultException.Kind.AUDIT, failure.kind());
        assertEquals(before, lines());
    }

    @Test
    void appendAllRollsASegmentPastItsSizeAndKeepsTheBatchTogether() throws Exception {
        ChainedAuditLog log = log(1000);
        appendGets(log, 5);
        log.appendAll(List.of(AuditEvent.ok("exec", "a", 1, "age1xyz", "deploy"),
                AuditEvent.ok("exec", "b", 1, "age1xyz", "deploy")));
        List<String> active = lines();
        assertTrue(active.size() >= 2 && active.get(active.size() - 2).contains("\"secret\":\"a\"")
                && active.get(active.size() - 1).contains("\"secret\":\"b\""), active.toString());
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(7, report.entries());
    }

    @Test
    void segmentsRollAtTheThresholdAndTheChainSpansThem() throws Exception {
        ChainedAuditLog log = log(1000);
        appendGets(log, 20);
        List<Path> segments = files.segments();
        assertTrue(segments.size() >= 5, segments.toString());
        assertEquals("audit.000001.log", segments.get(0).getFileName().toString());
        assertEquals("audit.log", segments.get(segments.size() - 1).getFileName().toString());
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(20, report.entries());
        assertEquals(segments.size(), report.segments());
        for (Path sealed : segments.subList(0, segments.size() - 1)) {
            long size = Files.size(sealed);
            assertTrue(size >= 1000 && size < 1000 + Tail.MAX_LINE, sealed + " has " + size + " bytes");
        }
    }

    @Test
    void onlyNamesOfTheFormAudit6DigitsLogAreSealedSegments() throws Exception {
        ChainedAuditLog log = log(1000);
        appendGets(log, 8);
        List<Path> segments = files.segments();
        for (String name : List.of("audit.00001a.log", "audit.0000001.log", "audit.00001.log", "audit.000001.txt",
                "Audit.000009.log", "audit.000009.log~", "audit.-00009.log")) {
            Files.writeString(folder.resolve(name), "not a segment\n");
        }
        assertEquals(segments, files.segments());
        assertTrue(verify().ok(), verify().detail());
        appendGets(log, 1);
        assertEquals(9, verify().entries());
    }

    @Test
    void aRollCutShortAfterTheLinkIsFinishedByTheNextAppend() throws Exception {
        ChainedAuditLog log = log(1000);
        appendGets(log, 3);
        Files.createLink(folder.resolve("audit.000001.log"), files.active());
        assertTrue(verify().ok(), "the linked segment counts once");
        assertEquals(3, verify().entries());
        appendGets(log, 1);
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(4, report.entries());
        assertEquals(2, report.segments());
        assertEquals(1, lines().size());
    }

    @Test
    void emptyActiveSegmentContinuesFromTheNewestSealedOne() throws Exception {
        ChainedAuditLog log = log(1000);
        appendGets(log, 8);
        List<Path> segments = files.segments();
        Files.move(files.active(), folder.resolve(String.format("audit.%06d.log", segments.size())));
        Files.createFile(files.active());
        appendGets(log, 1);
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(9, report.entries());
    }

    @Test
    void tornTailFailsClosedUntilRepairMovesItToQuarantine() throws Exception {
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        appendGets(log, 3);
        byte[] before = Files.readAllBytes(files.active());
        Files.writeString(files.active(), "{\"seq\":4,\"ti", java.nio.file.StandardOpenOption.APPEND);

        VaultException refused = assertThrows(VaultException.class, () -> appendGets(log, 1));
        assertEquals(VaultException.Kind.AUDIT, refused.kind());
        assertTrue(refused.getMessage().contains("ends with a torn entry (12 bytes"), refused.getMessage());
        assertProblem(verify(), VerifyReport.Problem.TORN_TAIL, "audit.log", 4, null);

        String reason = log.repair();
        assertTrue(reason.matches("moved a torn tail of 12 bytes to quarantine/torn-\\d+\\.bin"), reason);
        Path kept;
        try (var listing = Files.list(folder.resolve("quarantine"))) {
            kept = listing.findFirst().orElseThrow();
        }
        assertEquals("{\"seq\":4,\"ti", Files.readString(kept));
        List<String> lines = lines();
        assertEquals(4, lines.size());
        assertTrue(new String(Files.readAllBytes(files.active()), StandardCharsets.UTF_8)
                .startsWith(new String(before, StandardCharsets.UTF_8)), "complete entries are kept as they were");
        assertTrue(lines.get(3).contains("\"action\":\"audit-repair\""), lines.get(3));
        assertNull(log.repair(), "nothing more to repair");
        appendGets(log, 1);
        assertTrue(verify().ok());
    }

    @Test
    void tornTailAfterARollCutShortIsRepairedIntoTheChain() throws Exception {
        ChainedAuditLog log = log(1000);
        appendGets(log, 5);
        Files.createLink(folder.resolve(String.format("audit.%06d.log", files.segments().size())), files.active());
        Files.writeString(files.active(), "{\"seq\"", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(VerifyReport.Problem.TORN_TAIL, verify().problem());
        assertTrue(log.repair().startsWith("moved a torn tail of 6 bytes"));
        appendGets(log, 1);
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(7, report.entries());
    }

    @Test
    void aTornTailLongerThanAnyEntryIsStillATornTail() throws Exception {
        appendGets(log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES), 2);
        Files.writeString(files.active(), "x".repeat(3 << 20), java.nio.file.StandardOpenOption.APPEND);
        assertProblem(verify(), VerifyReport.Problem.TORN_TAIL, "audit.log", 3, null);
        Files.writeString(files.active(), "\n", java.nio.file.StandardOpenOption.APPEND);
        assertProblem(verify(), VerifyReport.Problem.NOT_CANONICAL, "audit.log", 3, null);
    }

    @Test
    void aLogFromBeforeTheChainFailsClosedUntilRepairKeepsItBesideTheChain() throws Exception {
        String legacy = "{\"time\":\"2026-11-20T10:00:00.123Z\",\"actor\":{\"user\":\"alice\",\"host\":\"h\",\"pid\":1},"
                + "\"action\":\"get\",\"secret\":\"db/password\",\"version\":1,\"result\":\"ok\"}\n";
        Files.writeString(files.active(), legacy);
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        VaultException refused = assertThrows(VaultException.class, () -> appendGets(log, 1));
        assertTrue(refused.getMessage().contains("was written before the hash chain"), refused.getMessage());
        String reason = log.repair();
        assertTrue(reason.matches("kept the log written before the hash chain as legacy-\\d+\\.log \\(" + legacy.length()
                + " bytes, sha256 [0-9a-f]{64}\\)"), reason);
        Path kept;
        try (var listing = Files.list(folder)) {
            kept = listing.filter(p -> p.getFileName().toString().startsWith("legacy-")).findFirst().orElseThrow();
        }
        assertEquals(legacy, Files.readString(kept));
        appendGets(log, 1);
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(2, report.entries());
    }

    @Test
    void damagedLastEntryFailsClosedAndIsNotRepaired() throws Exception {
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        appendGets(log, 3);
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"entry 2\"", "\"entry X\""));
        write(lines);
        VaultException refused = assertThrows(VaultException.class, () -> appendGets(log, 1));
        assertEquals(VaultException.Kind.AUDIT, refused.kind());
        assertTrue(refused.getMessage().contains("is damaged: its last entry does not match its hash"), refused.getMessage());
        assertThrows(VaultException.class, log::repair);
        assertEquals(3, lines().size());
    }

    @Test
    void aLogThatCannotBeWrittenGetsTheFixForWhatStoppedIt() {
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        // root writes whatever the modes say, so a refused write is made here, not by chmod
        assertEquals("the vault records every access before it happens: let your user write the audit folder, then "
                        + "retry: chmod -R u+rwX " + folder + " (if you made the vault with sudo: sudo chown -R \"$USER\" "
                        + folder + ")",
                log.cannotWriteHint(new java.nio.file.AccessDeniedException(files.active().toString())));
        assertEquals("the vault records every access before it happens, so a read-only copy releases nothing: mount "
                        + temp + " read-write, then retry",
                log.cannotWriteHint(new java.nio.file.FileSystemException(files.active().toString(), null,
                        "Read-only file system")));
        assertEquals("the vault records every access before it happens; `vault doctor` shows what is wrong with "
                + folder, log.cannotWriteHint(new java.nio.file.NotDirectoryException(folder.toString())));
    }

    @Test
    void aLockNotObtainedInTimeIsAnAuditFailure() throws Exception {
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        try (BoundedLock held = BoundedLock.acquire(folder.resolve("audit.lock"), 1000)) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<VaultException> result = other.submit(() -> assertThrows(VaultException.class, () -> appendGets(log, 1)));
                VaultException refused = result.get();
                assertEquals(VaultException.Kind.AUDIT, refused.kind());
                assertEquals("the audit log is locked by another process: it was not released within 500 ms; "
                        + "nothing was released or changed", refused.getMessage());
                assertEquals("another vault command is writing to it: retry; if it stays locked, this names the "
                        + "process that holds it: fuser -v " + folder.resolve("audit.lock"), refused.hint());
            } finally {
                other.shutdown();
            }
        }
        assertEquals(0, Files.size(files.active()));
    }

    @Test
    void threadsOfOneProcessAppendOneLinearChain() throws Exception {
        ChainedAuditLog log = log(4000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    seqs.add(log.append(AuditEvent.ok("get", "t" + thread, i, null, null)));
                }
                return seqs;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        Collections.sort(all);
        for (int i = 0; i < 200; i++) {
            assertEquals(i + 1, all.get(i));
        }
        VerifyReport report = verify();
        assertTrue(report.ok(), report.detail());
        assertEquals(200, report.entries());
    }

    // --- tampering: each is found, at the right place ---

    private void tenEntries() throws Exception {
        appendGets(log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES), 10);
        assertTrue(verify().ok());
    }

    @Test
    void editingAFieldIsAHashMismatchAtThatEntry() throws Exception {
        tenEntries();
        List<String> lines = lines();
        String original = lines.get(4);
        lines.set(4, original.replace("\"action\":\"get\"", "\"action\":\"set\""));
        write(lines);
        VerifyReport report = verify();
        assertProblem(report, VerifyReport.Problem.HASH_MISMATCH, "audit.log", 5, 5L);
        assertEquals(original.replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1"), report.found());
        assertFalse(report.expected().equals(report.found()));
    }

    @Test
    void changingOneByteIsFound() throws Exception {
        tenEntries();
        byte[] bytes = Files.readAllBytes(files.active());
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("entry 6");
        bytes[at + 6] = '9';
        Files.write(files.active(), bytes);
        assertProblem(verify(), VerifyReport.Problem.HASH_MISMATCH, "audit.log", 7, 7L);
    }

    @Test
    void changingAByteOfTheSyntaxIsNotCanonical() throws Exception {
        tenEntries();
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"seq\":3,", "\"seq\": 3,"));
        write(lines);
        VerifyReport report = verify();
        assertProblem(report, VerifyReport.Problem.NOT_CANONICAL, "audit.log", 3, null);
        assertEquals("not an entry in canonical form (column 8: expected a number)", report.detail());
    }

    @Test
    void deletingAnEntryIsASeqGapAtTheNextOne() throws Exception {
        tenEntries();
        List<String> lines = lines();
        lines.remove(3);
        write(lines);
        VerifyReport report = verify();
        assertProblem(report, VerifyReport.Problem.SEQ_MISMATCH, "audit.log", 4, 5L);
        assertEquals("4", report.expected());
        assertEquals("5", report.found());
    }

    @Test
    void deletingTheFirstEntriesIsFound() throws Exception {
        tenEntries();
        List<String> lines = lines();
        write(lines.subList(2, lines.size()));
        assertProblem(verify(), VerifyReport.Problem.SEQ_MISMATCH, "audit.log", 1, 3L);
    }

    @Test
    void swappingTwoEntriesIsFoundAtTheFirst() throws Exception {
        tenEntries();
        List<String> lines = lines();
        Collections.swap(lines, 5, 6);
        write(lines);
        assertProblem(verify(), VerifyReport.Problem.SEQ_MISMATCH, "audit.log", 6, 7L);
    }

    /** A well-formed entry with seq 5, chained to the fourth line with a valid hash: what a forger can make. */
    private static String forgedFifthEntry(List<String> lines) {
        String prev = lines.get(3).replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
        byte[] forged = EntryWriter.line(5, Instant.parse("2026-11-21T09:30:00Z"), EntryFormatTest.ACTOR, null,
                AuditEvent.ok("get", "innocent", 1, null, "forged"), prev, null);
        return new String(forged, 0, forged.length - 1, StandardCharsets.UTF_8);
    }

    @Test
    void aForgedEntryWithAValidHashIsFoundWhereTheChainNoLongerLinks() throws Exception {
        tenEntries();
        List<String> lines = lines();
        lines.add(4, forgedFifthEntry(lines));
        write(lines);
        VerifyReport report = verify();
        assertProblem(report, VerifyReport.Problem.SEQ_MISMATCH, "audit.log", 6, 5L);
    }

    @Test
    void aReplacedEntryWithAValidHashBreaksTheNextLink() throws Exception {
        tenEntries();
        List<String> lines = lines();
        lines.set(4, forgedFifthEntry(lines));
        write(lines);
        VerifyReport report = verify();
        assertProblem(report, VerifyReport.Problem.PREV_MISMATCH, "audit.log", 6, 6L);
    }

    @Test
    void tamperingInASealedSegmentIsReportedInThatSegment() throws Exception {
        appendGets(log(1000), 20);
        Path second = folder.resolve("audit.000002.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(second));
        lines.set(1, lines.get(1).replace("\"version\":1", "\"version\":2"));
        Files.writeString(second, String.join("\n", lines) + "\n");
        VerifyReport report = verify();
        assertEquals(VerifyReport.Problem.HASH_MISMATCH, report.problem());
        assertEquals("audit.000002.log", report.segment().getFileName().toString());
        assertEquals(2, report.line());
    }

    @Test
    void deletingASealedSegmentIsFound() throws Exception {
        appendGets(log(1000), 20);
        Files.delete(folder.resolve("audit.000002.log"));
        VerifyReport report = verify();
        assertEquals(VerifyReport.Problem.SEQ_MISMATCH, report.problem());
        assertEquals("audit.000003.log", report.segment().getFileName().toString());
        assertEquals(1, report.line());
    }

    // --- checkpoints ---

    private Checkpoint checkpoint(CheckpointKey key) throws Exception {
        return Checkpoint.signed("test/origin", verify(), key);
    }

    @Test
    void checkpointRoundTripsAndIsSignedInTheSignedNoteShape() throws Exception {
        tenEntries();
        CheckpointKey signer = CheckpointKey.signer(temp.resolve("config/checkpoint.key"), "tester@host");
        String text = checkpoint(signer).text();
        String[] parts = text.split("\n");
        assertEquals("test/origin", parts[0]);
        assertEquals("10", parts[1]);
        assertEquals(44, parts[2].length());
        assertEquals("", parts[3]);
        assertTrue(parts[4].matches("\u2014 tester@host [A-Za-z0-9+/]{91}="), parts[4]);
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(temp.resolve("config/checkpoint.key")));
        CheckpointKey verifier = CheckpointKey.verifier(CheckpointKey.publicFile(temp.resolve("config/checkpoint.key")));
        Checkpoint read = Checkpoint.parse(text.getBytes(StandardCharsets.UTF_8), "cp");
        assertTrue(verifier.verify(read));
        appendGets(log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES), 2);
        assertTrue(ChainVerifier.verify(files, read).ok(), "the grown log extends the checkpoint");

        Checkpoint changed = Checkpoint.parse(text.replace("\n10\n", "\n9\n").getBytes(StandardCharsets.UTF_8), "cp");
        assertFalse(verifier.verify(changed), "a changed checkpoint has no valid signature");
        Checkpoint origin = Checkpoint.parse(text.replace("test/origin", "other/origin").getBytes(StandardCharsets.UTF_8), "cp");
        assertFalse(verifier.verify(origin), "the origin is signed too");
        assertThrows(VaultException.class, () -> Checkpoint.parse(text.replace("\n10\n", "\n+10\n")
                .getBytes(StandardCharsets.UTF_8), "cp"));
        assertThrows(VaultException.class, () -> Checkpoint.parse(text.replace("\n10\n", "\n010\n")
                .getBytes(StandardCharsets.UTF_8), "cp"));
        assertThrows(VaultException.class, () -> Checkpoint.parse(text.replace("\n\n", "\nextra line\n\n")
                .getBytes(StandardCharsets.UTF_8), "cp"));
    }

    @Test
    void truncatingBehindACheckpointIsFound() throws Exception {
        tenEntries();
        Checkpoint checkpoint = checkpoint(CheckpointKey.signer(temp.resolve("config/checkpoint.key"), "t"));
        List<String> lines = lines();
        write(lines.subList(0, 7));
        assertTrue(verify().ok(), "without the checkpoint, a truncated log looks whole");
        VerifyReport report = ChainVerifier.verify(files, checkpoint);
        assertEquals(VerifyReport.Problem.TRUNCATED, report.problem());
        assertEquals("10", report.expected());
        assertEquals("7", report.found());
    }

    @Test
    void rewritingHistoryBehindACheckpointIsFound() throws Exception {
        tenEntries();
        Checkpoint checkpoint = checkpoint(CheckpointKey.signer(temp.resolve("config/checkpoint.key"), "t"));
        Files.write(files.active(), new byte[0]);
        ChainedAuditLog log = log(ChainedAuditLog.DEFAULT_SEGMENT_BYTES);
        for (int i = 0; i < 12; i++) {
            log.append(AuditEvent.ok("get", "db/password", 1, "age1xyz", i == 4 ? "history rewritten" : "entry " + i));
        }
        assertTrue(verify().ok(), "a rewritten log is a valid chain by itself");
        VerifyReport report = ChainVerifier.verify(files, checkpoint);
        assertEquals(VerifyReport.Problem.CHECKPOINT_MISMATCH, report.problem(), report.detail());
        assertEquals(10, report.line());
        assertEquals(10L, report.seq());
        assertEquals(checkpoint.hash(), report.expected());
    }
}
