package dev.vault.core.guard.shell;

import java.util.List;

/**
 * {@code NAME=value}, {@code NAME+=value} or {@code NAME=(a b c)}, before a command or alone. For an
 * array, {@code value} is null and {@code array} holds the elements; else {@code array} is empty.
 * {@code subscript} is the element's subscript in {@code NAME[i]=value} ({@code name} is then {@code NAME}),
 * else null.
 */
public record Assignment(String name, boolean append, Word value, List<Word> array, Word subscript) {

    /** An assignment to a whole variable (no subscript). */
    public Assignment(String name, boolean append, Word value, List<Word> array) {
        this(name, append, value, array, null);
    }
}
