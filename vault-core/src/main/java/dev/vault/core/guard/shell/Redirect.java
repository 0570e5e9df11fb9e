package dev.vault.core.guard.shell;

/**
 * A redirection. {@code fd} is the number written before the operator ({@code "2"} in {@code 2>x}), a
 * {@code {name}} variable, or null when none was written. {@code operator} is one of {@code < > >> >| <>
 * <& >& &> &>> <<< << <<-}. {@code target} is the file, descriptor or here-string word; for a here-doc it
 * is the body: literal when the delimiter was quoted, else parsed like double-quoted text.
 */
public record Redirect(String fd, String operator, Word target) {
}
