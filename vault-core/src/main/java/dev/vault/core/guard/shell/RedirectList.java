package dev.vault.core.guard.shell;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The redirections of one command: read-only to the rules, while the parser may still append the
 * {@code 2>&1} of a following {@code |&} and fill in a here-document's body once it reaches it.
 */
final class RedirectList extends AbstractList<Redirect> implements RandomAccess {
    private final List<Redirect> items = new ArrayList<>();

    @Override
    public Redirect get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Appends {@code redirect} and returns its index. */
    int append(Redirect redirect) {
        items.add(redirect);
        return items.size() - 1;
    }

    void replace(int index, Redirect redirect) {
        items.set(index, redirect);
    }
}
