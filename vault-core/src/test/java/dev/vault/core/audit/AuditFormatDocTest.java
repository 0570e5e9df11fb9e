package dev.vault.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example in docs/audit-format.md is what the code writes and verifies. */
class AuditFormatDocTest {
    private static final Path DOC = Path.of("..", "docs", "audit-format.md");

    @TempDir
    Path temp;

    private static String block(String text, String fence) {
        int start = text.indexOf(fence + "\n") + fence.length() + 1;
        return text.substring(start, text.indexOf("```", start));
    }

    @Test
    void workedExampleVerifiesAndItsStatedBytesAndHashesAreRight() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String example = block(doc, "```jsonl");
        List<String> lines = example.lines().toList();
        assertEquals(2, lines.size());

        Path folder = temp.resolve("audit");
        ChainedAuditLog.create(folder);
        Files.writeString(folder.resolve("audit.log"), example, StandardCharsets.UTF_8);
        VerifyReport report = ChainVerifier.verify(new AuditFiles(folder));
        assertTrue(report.ok(), report.detail());
        assertEquals(2, report.entries());

        String first = lines.get(0);
        String hashed = first.substring(0, first.indexOf(",\"hash\":")) + "}";
        String stated = block(doc.substring(doc.indexOf("The bytes hashed for the first entry")), "```").strip();
        assertEquals(hashed, stated);
        assertTrue(doc.contains("these " + hashed.getBytes(StandardCharsets.UTF_8).length + " bytes"));

        byte[] line = first.getBytes(StandardCharsets.UTF_8);
        EntryParser parser = new EntryParser();
        AuditEntry entry = parser.parse(line, 0, line.length);
        assertEquals(EntryWriter.hex(EntryWriter.sha256(hashed.getBytes(StandardCharsets.UTF_8), 0,
                hashed.getBytes(StandardCharsets.UTF_8).length)), entry.hash());
        assertTrue(doc.contains("and SHA-256 of them is `" + entry.hash() + "`"));
        assertTrue(doc.contains("`" + report.headHash() + "`"), "the second hash is stated");
        assertTrue(doc.contains("\n2\n" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(report.headHash())) + "\n"),
                "the example checkpoint is of the example log");
    }
}
