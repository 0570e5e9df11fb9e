// The steps of one `vault get`, each timed in a fresh JVM: where a start's own work goes (docs/benchmarks.md).
// Usage (run it a few times; with an AOT cache, train one first with -XX:AOTCacheOutput=steps.aot):
//   javac -cp vault-cli/target/vault.jar -d /tmp/steps bench/GetSteps.java
//   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp vault-cli/target/vault.jar:/tmp/steps GetSteps VAULT_DIR IDENTITY NAME
// It appends one real `get` entry (purpose "get steps") to the vault's audit log and prints the value to stdout.
import dev.vault.core.SecretBytes;
import dev.vault.core.audit.Actor;
import dev.vault.core.audit.AuditEvent;
import dev.vault.core.audit.ChainedAuditLog;
import dev.vault.core.crypto.AgeCodec;
import dev.vault.core.crypto.Identity;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.manifest.ManifestReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

public class GetSteps {
    public static void main(String[] args) throws Exception {
        Path vault = Path.of(args[0]);
        StringBuilder report = new StringBuilder();
        long start = System.nanoTime();
        Identity identity = IdentityFile.read(Path.of(args[1]));
        start = step(report, "identity", start);
        ManifestReader.read(vault.resolve("manifest.yaml"));
        start = step(report, "manifest", start);
        byte[] file = Files.readAllBytes(vault.resolve("secrets").resolve(args[2] + ".age"));
        start = step(report, "read", start);
        SecretBytes value = AgeCodec.decrypt(file, identity, false);
        start = step(report, "decrypt", start);
        ChainedAuditLog log = new ChainedAuditLog(vault.resolve("audit"), Actor.current(System.getenv()),
                Clock.systemUTC(), ChainedAuditLog.DEFAULT_SEGMENT_BYTES, ChainedAuditLog.DEFAULT_LOCK_WAIT_MILLIS);
        log.append(AuditEvent.ok("get", args[2], null, identity.recipient(), "get steps"));
        start = step(report, "append", start);
        System.out.write(value.reveal(), 0, value.length());
        System.out.flush();
        System.err.println(report + "(µs)");
    }

    private static long step(StringBuilder report, String name, long since) {
        long now = System.nanoTime();
        report.append(name).append(' ').append((now - since) / 1000).append("  ");
        return now;
    }
}
