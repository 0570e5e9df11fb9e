package dev.vault.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end-to-end CLI scripts under src/test/resources/scripts, each in a fresh folder. */
class CliScriptTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
        Path folder = Paths.get(CliScriptTest.class.getResource("/scripts").toURI());
        List<Path> scripts;
        try (Stream<Path> listing = Files.list(folder)) {
            scripts = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(scripts.size() >= 5, "the scripts are missing");
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            Path work = Files.createDirectory(temp.resolve(script.getFileName().toString().replace(".txt", "")));
            new ScriptRunner(work).run(Files.readString(script));
        }));
    }
}
