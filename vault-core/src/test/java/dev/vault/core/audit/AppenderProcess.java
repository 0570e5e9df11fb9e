package dev.vault.core.audit;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate process that appends to a log: {@code FOLDER COUNT SEGMENT_BYTES TAG}. After each append
 * returns it prints the entry's marker ({@code TAG-N}), its seq and a full stop: the promise that the entry
 * is written (a line cut short by a kill has no full stop, and promises nothing).
 */
public final class AppenderProcess {
    private AppenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long segmentBytes = Long.parseLong(args[2]);
        String tag = args[3];
        ChainedAuditLog log = new ChainedAuditLog(folder, Actor.current(System.getenv()), Clock.systemUTC(),
                segmentBytes, 30_000);
        for (int i = 0; i < count; i++) {
            long seq = log.append(AuditEvent.ok("get", "load/test", null, null, tag + "-" + i));
            System.out.println(tag + "-" + i + " " + seq + " .");
            System.out.flush();
        }
    }

    /** Starts one appender process with the test class path. */
    static Process start(Path folder, int count, long segmentBytes, String tag) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classPath, AppenderProcess.class.getName(),
                folder.toString(), Integer.toString(count), Long.toString(segmentBytes), tag)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
