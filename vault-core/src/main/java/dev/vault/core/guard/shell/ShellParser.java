package dev.vault.core.guard.shell;

/**
 * Parses a POSIX/bash command line into a {@link Node} tree. Hand-written and bounded: text longer than
 * {@link #MAX_LENGTH} characters, nesting deeper than 64 levels or a brace expansion of more than 1000
 * words is refused, and so is anything incomplete or malformed; it throws nothing but
 * {@link ShellSyntaxException}.
 */
public final class ShellParser {
    /** The longest command line parsed, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;

    private ShellParser() {
    }

    /** The tree of {@code command}: one node, a {@link Node.Sequence} when there are several commands. */
    public static Node parse(String command) throws ShellSyntaxException {
        if (command == null) {
            throw new ShellSyntaxException("no command", 0);
        }
        if (command.length() > MAX_LENGTH) {
            throw new ShellSyntaxException("command longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return new Grammar(new Cursor(command, 0, new Cursor.Budget())).program();
    }

    /**
     * The expansions inside an arithmetic expression ({@link Part.Arith#expression()}, or the word of a
     * {@code ((…))} or {@code for ((…))}), read like double-quoted text: {@code $((1 + $(cat f)))} holds a
     * command substitution that runs, and bash's error message can show what it printed.
     */
    public static Word parseArithmetic(String expression) throws ShellSyntaxException {
        if (expression.length() > MAX_LENGTH) {
            throw new ShellSyntaxException("command longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return new Grammar(new Cursor(expression, 0, new Cursor.Budget())).words.hereDocBody();
    }
}
