package dev.vault.core.manifest;

/** A problem at a line and column of a YAML text, and what to do about it. */
final class YamlException extends Exception {
    private static final long serialVersionUID = 1L;

    static final String DEFAULT_HINT = "fix the YAML, or compare with manifest.example.yaml";

    final int line;
    final int column;
    final String hint;

    YamlException(int line, int column, String message) {
        this(line, column, message, DEFAULT_HINT);
    }

    YamlException(int line, int column, String message, String hint) {
        super(message);
        this.line = line;
        this.column = column;
        this.hint = hint;
    }
}
