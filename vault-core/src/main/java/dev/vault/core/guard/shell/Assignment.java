package dev.vault.core.guard.shell;

import java.util.List;

/**
 * {@code NAME=value}, {@code NAME+=value} or {@code NAME=(a b c)}, before a command or alone. For an
 * array, {@code value} is null and {@code array} holds the elements; else {@code array} is empty.
 */
public record Assignment(String name, boolean append, Word value, List<Word> array) {
}
