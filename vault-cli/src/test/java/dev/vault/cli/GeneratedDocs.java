package dev.vault.cli;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes what docs/ keeps of vault's commands, made from the commands themselves: {@code completion/vault.bash},
 * {@code completion/_vault} and {@code completion/vault.fish} (exactly what {@code vault completion SHELL} prints),
 * and {@code man/man1/vault*.1}: picocli-codegen's ManPageGenerator writes each command's page as AsciiDoc, and
 * Asciidoctor's manpage backend (AsciidoctorJ) turns it into troff. Nothing here changes from one build to the
 * next: no date (Asciidoctor's {@code reproducible}), and the versions are those of vault and of the pinned tools.
 *
 * <p>Build time only, run by {@link GeneratedDocsTest} in a JVM of its own (JRuby starts three times faster with
 * C1 only); neither library is in vault.jar. {@code main(FOLDER, ADOC_FOLDER)}: the AsciiDoc is
 * written to the second.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        completion(folder.resolve("completion"));
        manPages(folder.resolve("man").resolve("man1"), Path.of(args[1]));
    }

    /** The scripts, as {@code vault completion bash|zsh|fish} prints them. */
    static void completion(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> script : Map.of("bash", "vault.bash", "zsh", "_vault", "fish", "vault.fish")
                .entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(Io.of(InputStream.nullInputStream(), new PrintStream(out, true), new PrintStream(err, true),
                    Map.of(), folder), "completion", script.getKey());
            if (code != 0) {
                throw new IllegalStateException("vault completion " + script.getKey() + " failed: "
                        + err.toString(StandardCharsets.UTF_8));
            }
            Files.write(folder.resolve(script.getValue()), out.toByteArray());
        }
    }

    /** A troff page for vault and for each of its commands: {@code vault.1}, {@code vault-audit-verify.1}... */
    static void manPages(Path folder, Path adoc) throws IOException {
        Files.createDirectories(folder);
        Files.createDirectories(adoc);
        CommandSpec root = Cli.commandLine(new VaultCommand(Io.of(InputStream.nullInputStream(), System.out,
                System.err, Map.of(), adoc)), new String[0]).getCommandSpec();
        if (ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], false, root) != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator failed");
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(adoc)) {
            pages = files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList();
        }
        Attributes attributes = Attributes.builder()
                .attribute("reproducible", "")
                .attribute("mansource", String.join(" ", root.version()))
                .build();
        Options options = Options.builder().backend("manpage").standalone(true).safe(SafeMode.SAFE)
                .attributes(attributes).build();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (Path page : pages) {
                String troff = asciidoctor.convert(Files.readString(page), options);
                String name = page.getFileName().toString().replaceFirst("\\.adoc$", ".1");
                Files.writeString(folder.resolve(name), troff.endsWith("\n") ? troff : troff + "\n");
            }
        }
    }
}
