package dev.vault.core;

/** Words for a POSIX shell, as hints show them: a path with a space still works when pasted. */
public final class ShellWords {
    private static final String PLAIN = "_./+-@%=:,";

    private ShellWords() {
    }

    /** The word bare when it needs no quoting, else in single quotes (a quote in it as {@code '\''}). */
    public static String quote(String word) {
        boolean plain = !word.isEmpty();
        for (int i = 0; i < word.length() && plain; i++) {
            char c = word.charAt(i);
            plain = c < 128 && (Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0);
        }
        return plain ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
