package dev.vault.core.audit;

/** A line that is not an audit entry in canonical form; {@code column} is the 1-based byte where it goes wrong. */
public final class EntryFormatException extends Exception {
    private final int column;

    EntryFormatException(int column, String message) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
