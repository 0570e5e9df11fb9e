package dev.vault.core.manifest;

/** A problem at a line and column of a YAML text. */
final class YamlException extends Exception {
    private static final long serialVersionUID = 1L;

    final int line;
    final int column;

    YamlException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
