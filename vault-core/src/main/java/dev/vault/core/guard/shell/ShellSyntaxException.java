package dev.vault.core.guard.shell;

/**
 * The text is not a complete, well-formed command line (unterminated quote, missing {@code fi}, a
 * stray {@code )}, nesting or size past the parser's limits). The message names what and where, and
 * never quotes the command text beyond a short excerpt.
 */
public final class ShellSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public ShellSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The character offset in the source where parsing stopped. */
    public int offset() {
        return offset;
    }
}
