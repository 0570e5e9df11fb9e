package dev.vault.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public command and option, as picocli builds them from {@link Subcommands}, appears in the hand-written
 * docs: README.md and docs/*.md (not generated man pages). A command must appear as the text {@code vault PATH}
 * ({@code vault audit verify}). An option must appear by its longest name ({@code --output}, not {@code -o}) in a
 * section about its command, if the docs have one (a section is a heading with {@code vault PATH} in it and what
 * follows up to the next heading of its level or above); else somewhere in the docs. The options every command
 * has (the inherited --vault, --identity and --debug, and --help) are checked once, on {@code vault} itself.
 * <p>
 * docs/commands.md, the command reference, is held to more: each command that does something (every command without
 * subcommands, and one with subcommands when it has options of its own) has a section headed exactly
 * {@code ## vault PATH} there, and each of its options is named in that section; the global options are named in
 * its {@code ## Global options} section.
 */
class CommandsInDocsTest {
    private static final Path REPOSITORY = Paths.get("..").toAbsolutePath().normalize();

    @Test
    void everyCommandAndOptionIsInTheDocs() throws IOException {
        MarkdownSections docs = MarkdownSections.parse(pages());
        CommandSpec root = commandLine().getCommandSpec();
        List<String> missing = new ArrayList<>();
        check(root, "", docs, commandNames(root), missing);
        assertEquals("", String.join("\n", missing), "commands and options the docs do not name (README.md, docs/*.md)");
    }

    @Test
    void commandsMdHasASectionForEachCommandNamingEachOfItsOptions() throws IOException {
        String page = Files.readString(REPOSITORY.resolve("docs/commands.md"), StandardCharsets.UTF_8);
        assertEquals("", String.join("\n", referenceGaps(page)),
                "commands and options docs/commands.md has no section for or does not name in it");
    }

    @Test
    void theReferenceCheckFindsAMissingSectionAndAMissingOption() {
        String page = "# Command reference\n\n## Global options\n\n`--vault`, `--identity`, `--debug`, `--help`\n\n"
                + "## vault get\n\n`--version N`, `--output FILE`.\n\n### More on vault get\n\n`--purpose`\n\n"
                + "## vault exec\n\nSee `vault get --purpose` and `vault list --json`.\n";
        List<String> gaps = referenceGaps(page);
        assertEquals(List.of("vault: --version (not in the section docs/commands.md:3)",
                "vault init: no section \"## vault init\" in docs/commands.md"), gaps.subList(0, 2));
        assertTrue(gaps.contains("vault exec: --only (not in the section docs/commands.md:15)"), gaps.toString());
        assertTrue(gaps.contains("vault list: no section \"## vault list\" in docs/commands.md"), gaps.toString());
        assertTrue(gaps.stream().noneMatch(gap -> gap.startsWith("vault get:")), gaps.toString());
        assertTrue(gaps.stream().noneMatch(gap -> gap.startsWith("vault audit:")), gaps.toString());
    }

    /** What docs/commands.md ({@code page}) lacks: a section per command, or an option in its command's section. */
    private static List<String> referenceGaps(String page) {
        String name = "docs/commands.md";
        MarkdownSections docs = MarkdownSections.parse(Map.of(name, page));
        List<String> gaps = new ArrayList<>();
        referenceGaps(commandLine().getCommandSpec(), "", docs, name, gaps);
        return gaps;
    }

    private static void referenceGaps(CommandSpec command, String path, MarkdownSections docs, String page,
                                      List<String> gaps) {
        String name = path.isEmpty() ? "vault" : "vault " + path;
        String heading = path.isEmpty() ? "## Global options" : "## " + name;
        List<OptionSpec> options = command.options().stream().filter(option -> !option.hidden()
                && (path.isEmpty() || !(option.inherited() || option.usageHelp() || option.versionHelp())))
                .collect(Collectors.toList());
        if (path.isEmpty() || command.subcommands().isEmpty() || !options.isEmpty()) {
            List<MarkdownSections.Section> sections = docs.titled(heading);
            if (sections.isEmpty()) {
                gaps.add(name + ": no section \"" + heading + "\" in " + page);
            } else {
                for (OptionSpec option : options) {
                    if (sections.stream().noneMatch(section -> MarkdownSections.mentions(section.text(),
                            option.longestName()))) {
                        gaps.add(name + ": " + option.longestName() + " (not in the section " + sections.stream()
                                .map(MarkdownSections.Section::where).collect(Collectors.joining(", ")) + ")");
                    }
                }
            }
        }
        for (Map.Entry<String, CommandLine> sub : command.subcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            if (!spec.usageMessage().hidden()) {
                referenceGaps(spec, (path.isEmpty() ? "" : path + " ") + sub.getKey(), docs, page, gaps);
            }
        }
    }

    @Test
    void theCheckSeesEveryCommand() {
        List<String> paths = new ArrayList<>();
        collect(commandLine().getCommandSpec(), "", paths);
        assertTrue(paths.containsAll(List.of("init", "identity new", "get", "exec", "audit verify", "guard check",
                "guard install", "demo")), paths.toString());
        assertTrue(paths.containsAll(Subcommands.BY_NAME.keySet()), paths.toString());
    }

    @Test
    void anOptionOutsideItsCommandsSectionIsReported() {
        MarkdownSections docs = MarkdownSections.parse(Map.of("a.md", "# Tools\n\n## `vault get`\n\nPrints a value.\n\n"
                + "## vault exec\n\n`--output FILE` goes elsewhere.\n"));
        CommandSpec get = commandLine().getSubcommands().get("get").getCommandSpec();
        List<String> missing = new ArrayList<>();
        check(get, "get", docs, commandNames(commandLine().getCommandSpec()), missing);
        assertEquals(List.of("vault get: --version (not in the section about it: a.md:3)",
                "vault get: --output (not in the section about it: a.md:3)",
                "vault get: --purpose (not in the section about it: a.md:3)"), missing);
    }

    private static void check(CommandSpec command, String path, MarkdownSections docs, List<String> names,
                              List<String> missing) {
        String name = path.isEmpty() ? "vault" : "vault " + path;
        if (!path.isEmpty() && !docs.mentions(name)) {
            missing.add(name + ": the command is not in the docs");
        }
        List<MarkdownSections.Section> sections = path.isEmpty() ? List.of() : docs.about(name, names);
        for (OptionSpec option : command.options()) {
            boolean everywhere = option.inherited() || option.usageHelp() || option.versionHelp();
            if (option.hidden() || everywhere && !path.isEmpty()) {
                continue;
            }
            String longest = option.longestName();
            if (sections.isEmpty()) {
                if (!docs.mentions(longest)) {
                    missing.add(name + ": " + longest + " is not in the docs");
                }
            } else if (sections.stream().noneMatch(section -> MarkdownSections.mentions(section.text(), longest))) {
                missing.add(name + ": " + longest + " (not in the section about it: " + sections.stream()
                        .map(MarkdownSections.Section::where).collect(Collectors.joining(", ")) + ")");
            }
        }
        for (Map.Entry<String, CommandLine> sub : command.subcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            if (!spec.usageMessage().hidden()) {
                check(spec, (path.isEmpty() ? "" : path + " ") + sub.getKey(), docs, names, missing);
            }
        }
    }

    /** Every command's name: vault init, vault audit verify, … */
    private static List<String> commandNames(CommandSpec root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths.stream().map(path -> "vault " + path).collect(Collectors.toList());
    }

    private static void collect(CommandSpec command, String path, List<String> paths) {
        for (Map.Entry<String, CommandLine> sub : command.subcommands().entrySet()) {
            String subPath = (path.isEmpty() ? "" : path + " ") + sub.getKey();
            paths.add(subPath);
            collect(sub.getValue().getCommandSpec(), subPath, paths);
        }
    }

    private static CommandLine commandLine() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Io io = Io.of(new ByteArrayInputStream(new byte[0]), sink, sink, Map.of(), REPOSITORY);
        return Cli.commandLine(new VaultCommand(io), new String[0]);
    }

    private static Map<String, String> pages() throws IOException {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("README.md", Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            for (Path page : docs.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.naturalOrder()).collect(Collectors.toList())) {
                pages.put("docs/" + page.getFileName(), Files.readString(page, StandardCharsets.UTF_8));
            }
        }
        return pages;
    }
}
