package dev.vault.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of a markdown page, as {@link DocsCommandsIT} runs them: the lines of its {@code ```sh}
 * blocks, one command a line ({@code \} at the end of a line joins the next), each with the exit code a trailing
 * {@code # exit N} comment asks for (else 0). A block right after the line {@code <!-- docs-test: skip -->} is
 * kept but marked skipped. Anything the rules cannot read is refused with the page's line, never guessed.
 */
final class MarkdownCommands {
    static final String SKIP_MARKER = "<!-- docs-test: skip -->";
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*).*$");
    private static final Pattern EXIT_COMMENT = Pattern.compile("^#\\s*exit\\s+([0-9]{1,3})(?![0-9A-Za-z_]).*",
            Pattern.DOTALL);

    /** One command: its first line in the page, its text (lines joined by {@code \} kept as they are), its exit. */
    record Command(int line, String text, int expectedExit) {
    }

    /** One {@code ```sh} block: the line of its opening fence, whether it is skipped, and its commands. */
    record Block(int line, boolean skipped, List<Command> commands) {
    }

    /** A page that breaks the rules, with where. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String page, int line, String problem) {
            super(page + ":" + line + ": " + problem);
        }
    }

    private MarkdownCommands() {
    }

    /** The {@code ```sh} blocks of {@code markdown} (named {@code page} in errors), in order. */
    static List<Block> shBlocks(String page, String markdown) throws MalformedException {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        int lastTextLine = 0;
        String lastText = "";
        for (int i = 0; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            Matcher open = FENCE.matcher(line);
            if (!open.matches()) {
                if (!line.isBlank() && lastText.equals(SKIP_MARKER)) {
                    throw new MalformedException(page, lastTextLine, SKIP_MARKER + " is not followed by a ```sh block");
                }
                if (!line.isBlank()) {
                    lastText = line.strip();
                    lastTextLine = i + 1;
                }
                continue;
            }
            int openLine = i + 1;
            String indent = open.group(1);
            String fence = open.group(2);
            boolean sh = open.group(3).equals("sh");
            boolean skipped = lastText.equals(SKIP_MARKER);
            if (skipped && !sh) {
                throw new MalformedException(page, lastTextLine, SKIP_MARKER + " is followed by a block that is not "
                        + "```sh; only ```sh blocks run, so there is nothing to skip");
            }
            List<String> body = new ArrayList<>();
            int close = -1;
            for (int j = i + 1; j < lines.length; j++) {
                String inner = stripCr(lines[j]);
                if (isClosing(inner, fence)) {
                    close = j;
                    break;
                }
                body.add(inner.startsWith(indent) ? inner.substring(indent.length()) : inner.stripLeading());
            }
            if (close < 0) {
                throw new MalformedException(page, openLine, "the block opened here is never closed");
            }
            if (sh) {
                blocks.add(new Block(openLine, skipped, commands(page, openLine + 1, body)));
            }
            i = close;
            lastText = fence;
            lastTextLine = close + 1;
        }
        if (lastText.equals(SKIP_MARKER)) {
            throw new MalformedException(page, lastTextLine, SKIP_MARKER + " is not followed by a ```sh block");
        }
        return blocks;
    }

    private static boolean isClosing(String line, String fence) {
        String stripped = line.strip();
        if (stripped.length() < fence.length()) {
            return false;
        }
        for (int k = 0; k < stripped.length(); k++) {
            if (stripped.charAt(k) != fence.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static List<Command> commands(String page, int firstLine, List<String> body) throws MalformedException {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int start = 0;
        for (int k = 0; k < body.size(); k++) {
            String line = body.get(k);
            int lineNumber = firstLine + k;
            if (text.length() == 0) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                start = lineNumber;
            } else {
                text.append('\n');
            }
            text.append(line);
            if (line.endsWith("\\")) {
                if (k == body.size() - 1) {
                    throw new MalformedException(page, lineNumber, "the last line of a block ends with \\");
                }
                continue;
            }
            String comment = trailingComment(page, lineNumber, line);
            Matcher exit = EXIT_COMMENT.matcher(comment == null ? "" : comment);
            commands.add(new Command(start, text.toString(), exit.matches() ? Integer.parseInt(exit.group(1)) : 0));
            text.setLength(0);
        }
        return commands;
    }

    /**
     * The comment at the end of a shell line ({@code #} at the start of a word, outside quotes), or null. A
     * here-document is refused: its lines would be read as commands.
     */
    static String trailingComment(String page, int lineNumber, String line) throws MalformedException {
        boolean single = false;
        boolean doubled = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (single) {
                single = c != '\'';
            } else if (c == '\\') {
                k++;
            } else if (doubled) {
                doubled = c != '"';
            } else if (c == '\'') {
                single = true;
            } else if (c == '"') {
                doubled = true;
            } else if (c == '#' && (k == 0 || Character.isWhitespace(line.charAt(k - 1)))) {
                return line.substring(k);
            } else if (c == '<' && line.startsWith("<<", k) && !line.startsWith("<<<", k)) {
                throw new MalformedException(page, lineNumber, "a here-document cannot be run: one line is one "
                        + "command (use a file, printf ... |, or a here-string <<<)");
            } else if (c == '<' && line.startsWith("<<<", k)) {
                k += 2;
            }
        }
        return null;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
