package dev.vault.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the docs test reads commands out of markdown (see DocsCommandsIT for the rules). */
class MarkdownCommandsTest {
    @Test
    void onlyShBlocksRunLineByLineWithTheirExitCodes() throws Exception {
        String page = "# Title\n\n```text\nvault get x\n```\n\nSome prose.\n\n```sh\n# a comment line\n"
                + "vault init\n\nvault get x   # exit 3: not a reader\nvault guard check --command 'cat .env'  # exit 2, and on stderr:\n"
                + "vault exec -- sh -c 'echo \"$#\" # exit 9'\nvault list # the exit code is 0\n```\n\n"
                + "```console\n$ vault list\n```\n\n```json\n{}\n```\n\n```yaml\na: 1\n```\n";
        List<MarkdownCommands.Block> blocks = MarkdownCommands.shBlocks("p.md", page);
        assertEquals(List.of(new MarkdownCommands.Block(9, false, List.of(
                new MarkdownCommands.Command(11, "vault init", 0),
                new MarkdownCommands.Command(13, "vault get x   # exit 3: not a reader", 3),
                new MarkdownCommands.Command(14, "vault guard check --command 'cat .env'  # exit 2, and on stderr:", 2),
                new MarkdownCommands.Command(15, "vault exec -- sh -c 'echo \"$#\" # exit 9'", 0),
                new MarkdownCommands.Command(16, "vault list # the exit code is 0", 0)))), blocks);
    }

    @Test
    void aBackslashJoinsLinesIntoOneCommand() throws Exception {
        String page = "```sh\nvault set db/password \\\n  --purpose \"primary database\" < password.txt   # exit 1\nvault list\n```\n";
        assertEquals(List.of(new MarkdownCommands.Command(2,
                        "vault set db/password \\\n  --purpose \"primary database\" < password.txt   # exit 1", 1),
                new MarkdownCommands.Command(4, "vault list", 0)),
                MarkdownCommands.shBlocks("p.md", page).get(0).commands());
    }

    @Test
    void theSkipMarkerSkipsTheNextShBlockOnly() throws Exception {
        String page = "<!-- why: it needs a terminal -->\n<!-- docs-test: skip -->\n\n```sh\nvault init --passphrase\n```\n"
                + "```sh\nvault list\n```\n";
        List<MarkdownCommands.Block> blocks = MarkdownCommands.shBlocks("p.md", page);
        assertEquals(List.of(true, false), blocks.stream().map(MarkdownCommands.Block::skipped).toList());
    }

    @Test
    void aLongerFenceKeepsAnInnerShBlockAsText() throws Exception {
        String page = "````markdown\n```sh\nvault nothing\n```\n````\n\n~~~sh\nvault list\n~~~\n";
        List<MarkdownCommands.Block> blocks = MarkdownCommands.shBlocks("p.md", page);
        assertEquals(List.of(new MarkdownCommands.Block(7, false, List.of(new MarkdownCommands.Command(8, "vault list", 0)))),
                blocks);
    }

    @Test
    void anIndentedBlockInAListRuns() throws Exception {
        String page = "- first:\n\n  ```sh\n  vault list\n  ```\n";
        assertEquals(List.of(new MarkdownCommands.Command(4, "vault list", 0)),
                MarkdownCommands.shBlocks("p.md", page).get(0).commands());
    }

    @Test
    void whatCannotBeRunAsWrittenIsRefusedWithItsLine() {
        assertEquals("p.md:2: <!-- docs-test: skip --> is followed by a block that is not ```sh; only ```sh blocks "
                        + "run, so there is nothing to skip",
                assertThrows(MarkdownCommands.MalformedException.class, () -> MarkdownCommands.shBlocks("p.md",
                        "x\n<!-- docs-test: skip -->\n```text\nout\n```\n")).getMessage());
        assertEquals("p.md:1: <!-- docs-test: skip --> is not followed by a ```sh block",
                assertThrows(MarkdownCommands.MalformedException.class, () -> MarkdownCommands.shBlocks("p.md",
                        "<!-- docs-test: skip -->\nprose\n```sh\nvault list\n```\n")).getMessage());
        assertEquals("p.md:3: a here-document cannot be run: one line is one command (use a file, printf ... |, "
                        + "or a here-string <<<)",
                assertThrows(MarkdownCommands.MalformedException.class, () -> MarkdownCommands.shBlocks("p.md",
                        "```sh\nvault list\ncat <<EOF\nx\nEOF\n```\n")).getMessage());
        assertEquals("p.md:2: the last line of a block ends with \\",
                assertThrows(MarkdownCommands.MalformedException.class, () -> MarkdownCommands.shBlocks("p.md",
                        "```sh\nvault list \\\n```\n")).getMessage());
        assertEquals("p.md:1: the block opened here is never closed",
                assertThrows(MarkdownCommands.MalformedException.class, () -> MarkdownCommands.shBlocks("p.md",
                        "```sh\nvault list\n")).getMessage());
    }

    @Test
    void aHereStringIsOneLine() throws Exception {
        assertEquals(List.of(new MarkdownCommands.Command(2, "vault guard check --hook claude-code <<< '{}'   # exit 2", 2)),
                MarkdownCommands.shBlocks("p.md", "```sh\nvault guard check --hook claude-code <<< '{}'   # exit 2\n```\n")
                        .get(0).commands());
    }
}
