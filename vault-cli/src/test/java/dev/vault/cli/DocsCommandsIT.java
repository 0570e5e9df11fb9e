package dev.vault.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every command that README.md and docs/*.md show, through the real ./vault launcher, and fails when one does
 * not exit as the page says. The rules a page is written to (docs/README.md says the same):
 * <ul>
 * <li>Only {@code ```sh} blocks run. {@code ```text}, {@code ```console}, {@code ```yaml}, {@code ```json} and
 * plain {@code ```} blocks are output or examples and are not run.</li>
 * <li>A page's {@code ```sh} blocks run in order, one line per command (a line ending in {@code \} joins the next;
 * no here-documents), in one bash with {@code set -o pipefail} and stdin /dev/null, so {@code cd} and
 * {@code export} carry over as in a reader's terminal. A command runs as under {@code set -e}: a part that fails,
 * before a {@code ;} or in a loop, fails the command ({@link DocsPageRun}). Each page gets a fresh temporary project folder as its
 * working folder, a fresh HOME with XDG_CONFIG_HOME=$HOME/.config, {@code vault} on PATH as the real launcher,
 * and no VAULT_* or XDG_* variable of the caller's. Blank lines and lines that start with {@code #} are not
 * commands.</li>
 * <li>A trailing comment that starts with {@code exit N} ({@code vault get x   # exit 3: not a reader}) means
 * the command must exit N; any other command must exit 0.</li>
 * <li>The project folder holds: password.txt, token.txt and new-token.txt (a value each, no newline); .env
 * (DB_PASSWORD with password.txt's value, API_TOKEN with token.txt's); an executable ./deploy.sh that says
 * whether DB_PASSWORD and API_TOKEN are set, never their values; build.log, whose lines hold both values.
 * Nothing else: no vault (a page runs {@code vault init} first), no identity.</li>
 * <li>Stubs on PATH stand in for {@link DocsSandbox#STUBS} (docker, podman, kubectl, helm, psql, mysql,
 * redis-cli, aws, gcloud, az, gh, terraform, curl, ssh), whether or not the machine has them: each reads its
 * stdin, prints nothing and exits 0, so {@code vault get x | docker login --password-stdin} runs.</li>
 * <li>The line {@code <!-- docs-test: skip -->} right before a {@code ```sh} block (blank lines between are
 * allowed) keeps it from running: for what needs a terminal, a real network or a real agent, never for what
 * could run. Skipped blocks are counted and printed.</li>
 * </ul>
 * A failure names page:line, the command, its exit code, its stderr and its stdout.
 */
class DocsCommandsIT {
    private static final Path REPOSITORY = RealLauncher.PATH.getParent();
    private static final List<String> SKIPPED = new ArrayList<>();
    private static int ran;

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheStartCache() throws Exception {
        RealLauncher.buildStartCache();
    }

    @AfterAll
    static void printCounts() {
        System.out.println("docs test: ran " + ran + " commands; skipped " + SKIPPED.size()
                + (SKIPPED.size() == 1 ? " block" : " blocks")
                + (SKIPPED.isEmpty() ? "" : ": " + String.join(", ", SKIPPED)));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInTheDocsRuns() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(REPOSITORY.resolve("README.md"));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            pages.addAll(docs.filter(file -> file.getFileName().toString().endsWith(".md")).sorted()
                    .collect(Collectors.toList()));
        }
        return pages.stream().map(page -> DynamicTest.dynamicTest(REPOSITORY.relativize(page).toString(),
                () -> runPage(page)));
    }

    @Test
    void theReadmeHasCommandsToRun() throws Exception {
        List<MarkdownCommands.Block> blocks = MarkdownCommands.shBlocks("README.md",
                Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8));
        long commands = blocks.stream().filter(block -> !block.skipped()).mapToLong(block -> block.commands().size()).sum();
        assertTrue(commands >= 20, "README.md has only " + commands + " commands that run");
    }

    @Test
    void aFailingCommandIsReportedWithItsLineExitCodeAndStderr() throws Exception {
        String page = "# A page\n\n```sh\nvault init --name docs   # exit 0\nvault get nope\n```\n";
        List<MarkdownCommands.Command> commands = MarkdownCommands.shBlocks("page.md", page).get(0).commands();
        String failure = DocsPageRun.run("page.md", commands, DocsSandbox.create(work.resolve("sandbox")),
                work.resolve("state"));
        assertEquals("page.md:5: `vault get nope` exited 1, not 0\n--- its stderr:\n"
                + "vault: error: no secret named \"nope\"\nvault: hint: `vault list` shows the secrets there are\n"
                + "--- its stdout:\n", failure);
    }

    @Test
    void aFailureBeforeASemicolonIsCaught() throws Exception {
        assertEquals("page.md:2: `false; echo still here` exited 1, not 0\n--- its stderr:\n--- its stdout:\n",
                runPage("```sh\nfalse; echo still here\necho not run\n```\n"));
        assertEquals("page.md:2: `test -f no-such.txt; sh -c 'exit 3'   # exit 3` exited 1, not 3\n--- its stderr:\n"
                        + "--- its stdout:\n",
                runPage("```sh\ntest -f no-such.txt; sh -c 'exit 3'   # exit 3\n```\n"));
    }

    @Test
    void aFailureInALoopOrASubshellIsCaught() throws Exception {
        assertEquals("page.md:2: `for f in password.txt no-such.txt token.txt; do test -f \"$f\"; done` exited 1, not 0\n"
                        + "--- its stderr:\n--- its stdout:\n",
                runPage("```sh\nfor f in password.txt no-such.txt token.txt; do test -f \"$f\"; done\n```\n"));
        assertEquals("page.md:2: `(cd no-such-folder 2>/dev/null; echo in the subshell)` exited 1, not 0\n"
                        + "--- its stderr:\n--- its stdout:\n",
                runPage("```sh\n(cd no-such-folder 2>/dev/null; echo in the subshell)\n```\n"));
    }

    @Test
    void aCommandsTestsAndWhatItSetsStayAsInATerminal() throws Exception {
        assertNull(runPage("```sh\nmkdir sub; cd sub; export WHERE=sub; COUNT=1\n"
                + "test \"${PWD##*/}\" = sub && test \"$WHERE\" = sub && test \"$COUNT\" = 1\n"
                + "if test -f no-such.txt; then exit 9; fi; grep -c x /dev/null || true\n"
                + "test -f no-such.txt && echo there   # exit 1\n"
                + "while false; do :; done; ! test -f no-such.txt\n```\n"));
    }

    /** Runs a page's commands in a sandbox of their own: null, or what failed. */
    private String runPage(String page) throws Exception {
        Path folder = Files.createTempDirectory(work, "page-");
        return DocsPageRun.run("page.md", MarkdownCommands.shBlocks("page.md", page).get(0).commands(),
                DocsSandbox.create(folder.resolve("sandbox")), folder.resolve("state"));
    }

    @Test
    void theFixturesAreThere() throws Exception {
        DocsSandbox sandbox = DocsSandbox.create(work.resolve("sandbox"));
        String page = "```sh\ntest -s password.txt && test -s token.txt && test -s new-token.txt\n"
                + "grep -q '^DB_PASSWORD=' .env && grep -q '^API_TOKEN=' .env && test -s build.log\n"
                + "./deploy.sh | grep -x 'deploy.sh: DB_PASSWORD is not set'\n"
                + "test \"$HOME\" != ~root && test -z \"$(ls -A ~)\" && test \"$XDG_CONFIG_HOME\" = \"$HOME/.config\"\n"
                + "printf x | docker login -u me --password-stdin && kubectl get pods\n"
                + "test \"$(command -v vault)\" = \"$(cd .. && pwd)/bin/vault\" && test -z \"$(env | grep '^VAULT_')\"\n"
                + "vault get nothing-here   # exit 1: no vault here\n```\n";
        assertNull(DocsPageRun.run("fixtures.md", MarkdownCommands.shBlocks("fixtures.md", page).get(0).commands(),
                sandbox, work.resolve("state")));
    }

    private static void runPage(Path file) throws Exception {
        String page = REPOSITORY.relativize(file).toString();
        List<MarkdownCommands.Command> commands = new ArrayList<>();
        for (MarkdownCommands.Block block : MarkdownCommands.shBlocks(page, Files.readString(file, StandardCharsets.UTF_8))) {
            if (block.skipped()) {
                synchronized (SKIPPED) {
                    SKIPPED.add(page + ":" + block.line());
                }
            } else {
                commands.addAll(block.commands());
            }
        }
        if (commands.isEmpty()) {
            return;
        }
        Path folder = Files.createTempDirectory("vault-docs-test-");
        try {
            String failure = DocsPageRun.run(page, commands, DocsSandbox.create(folder), folder.resolve("state"));
            assertNull(failure, failure);
            synchronized (SKIPPED) {
                ran += commands.size();
            }
        } finally {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }
}
