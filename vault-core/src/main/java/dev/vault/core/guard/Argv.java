package dev.vault.core.guard;

import dev.vault.core.guard.shell.Word;

/**
 * The words of one command, resolved once: each word's text when it is known (literals, {@code ~},
 * {@code $HOME} and variables set to literals earlier in the line), else null, and the secret data its
 * expansions carry. A wrapper's inner command is a view of the same arrays from a later index.
 */
final class Argv {
    private final Word[] words;
    private final String[] text;
    private final Leak[] leaks;
    private final int from;

    Argv(Word[] words, String[] text, Leak[] leaks, int from) {
        this.words = words;
        this.text = text;
        this.leaks = leaks;
        this.from = from;
    }

    int size() {
        return words.length - from;
    }

    /** The inner command starting at index {@code i} of this one. */
    Argv from(int i) {
        return new Argv(words, text, leaks, from + i);
    }

    Word word(int i) {
        return words[from + i];
    }

    /** The word's text, or null when it is not known before it runs. */
    String text(int i) {
        return i < size() ? text[from + i] : null;
    }

    /** The secret data the word's expansions carry, or null. */
    Leak leak(int i) {
        return leaks[from + i];
    }

    /** The first secret data any word from {@code i} on carries, or null. */
    Leak leakFrom(int i) {
        for (int k = from + i; k < words.length; k++) {
            if (leaks[k] != null) {
                return leaks[k];
            }
        }
        return null;
    }

    /** True when word {@code i} is exactly {@code s}. */
    boolean is(int i, String s) {
        return i < size() && s.equals(text[from + i]);
    }

    /** Index of the first word equal to {@code s} from {@code start}, or -1. */
    int indexOf(String s, int start) {
        for (int i = start; i < size(); i++) {
            if (s.equals(text(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A short excerpt of the command for reasons: at most about 60 characters. */
    String excerpt() {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < words.length; i++) {
            if (out.length() > 0) {
                out.append(' ');
            }
            Excerpt.append(out, words[i]);
            if (out.length() > 60) {
                return out.substring(0, 57) + "…";
            }
        }
        return out.toString();
    }
}
