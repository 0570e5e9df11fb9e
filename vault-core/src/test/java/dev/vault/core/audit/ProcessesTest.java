package dev.vault.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Separate processes appending at once, and processes killed (SIGKILL) at random points: one linear chain,
 * every entry exactly once, and no entry lost that a process had been told was written.
 */
class ProcessesTest {
    @TempDir
    Path temp;

    /** Every entry's marker (purpose) and seq, after checking the chain. */
    private Map<String, Long> verifiedEntries(Path folder) throws IOException {
        Map<String, Long> entries = new HashMap<>();
        VerifyReport report = ChainVerifier.verify(new AuditFiles(folder), 0, (entry, bytes, start, end) -> {
            Long before = entries.put(entry.purpose(), entry.seq());
            assertEquals(null, before, "entry " + entry.purpose() + " is in the log twice");
        });
        assertTrue(report.ok(), report.problem() + " at " + report.segment() + ":" + report.line() + ": " + report.detail());
        return entries;
    }

    @Test
    void eightProcessesAppendingAtOnceMakeOneChainWithEveryEntryOnce() throws Exception {
        Path folder = temp.resolve("audit");
        ChainedAuditLog.create(folder);
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            processes.add(AppenderProcess.start(folder, 50, 6000, "p" + p));
        }
        Map<String, Long> promised = new HashMap<>();
        for (Process process : processes) {
            promised.putAll(promises(process));
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue());
        }
        assertEquals(400, promised.size());
        Map<String, Long> entries = verifiedEntries(folder);
        assertEquals(promised, entries, "each entry where its appender was told it went");
        assertTrue(new AuditFiles(folder).segments().size() > 3, "the processes rolled segments too");
    }

    @Test
    void appendersKilledAtRandomPointsNeverLoseAPromisedEntryNorCorruptTheChain() throws Exception {
        Path folder = temp.resolve("audit");
        ChainedAuditLog.create(folder);
        ChainedAuditLog repairer = new ChainedAuditLog(folder, Actor.current(Map.of()), java.time.Clock.systemUTC(),
                4000, 30_000);
        Random random = new Random();
        Map<String, Long> promised = new HashMap<>();
        Set<String> torn = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            Process a = AppenderProcess.start(folder, 100_000, 4000, "r" + round + "a");
            Process b = AppenderProcess.start(folder, 100_000, 4000, "r" + round + "b");
            ReadAll fromA = new ReadAll(a);
            ReadAll fromB = new ReadAll(b);
            // the random kill point counts from the first append, not from the JVM start, whose length varies
            // with the machine's load and the class path (a signed Bouncy Castle jar is checked at first use)
            fromA.awaitFirstPromise();
            fromB.awaitFirstPromise();
            Thread.sleep(200 + random.nextInt(400));
            a.destroyForcibly();
            Thread.sleep(random.nextInt(20));
            b.destroyForcibly();
            a.waitFor();
            b.waitFor();
            promised.putAll(fromA.promises());
            promised.putAll(fromB.promises());
            VerifyReport report = ChainVerifier.verify(new AuditFiles(folder));
            if (!report.ok()) {
                assertEquals(VerifyReport.Problem.TORN_TAIL, report.problem(), report.detail());
                torn.add("round " + round);
                repairer.repair();
            }
            Map<String, Long> entries = verifiedEntries(folder);
            for (Map.Entry<String, Long> promise : promised.entrySet()) {
                assertEquals(promise.getValue(), entries.get(promise.getKey()), "promised entry " + promise.getKey());
            }
        }
        assertTrue(promised.size() > 20, "the appenders got to write: " + promised.size());
    }

    private static Map<String, Long> promises(Process process) throws IOException {
        return new ReadAll(process).promises();
    }

    /** Reads a process's "TAG-N SEQ ." lines on a thread of its own, until the process ends. */
    private static final class ReadAll {
        private final Map<String, Long> lines = new HashMap<>();
        private final CountDownLatch first = new CountDownLatch(1);
        private final Thread thread;

        ReadAll(Process process) {
            thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String[] parts = line.split(" ");
                        if (parts.length == 3 && parts[2].equals(".")) {
                            synchronized (lines) {
                                lines.put(parts[0], Long.parseLong(parts[1]));
                            }
                            first.countDown();
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // a killed process ends its output mid-line; the complete lines are its promises
                } finally {
                    first.countDown();
                }
            });
            thread.start();
        }

        /** Waits (at most a minute) until the process has promised one entry, or has ended. */
        void awaitFirstPromise() throws InterruptedException {
            first.await(60, TimeUnit.SECONDS);
        }

        Map<String, Long> promises() {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lines) {
                return new HashMap<>(lines);
            }
        }
    }
}
