package dev.vault.core;

/**
 * A validated secret name: lowercase segments {@code [a-z0-9][a-z0-9._-]*} joined by {@code /}. Nothing
 * else is accepted (no {@code ..}, no absolute paths, no empty segments), so a name can be turned into a
 * path below the store without escaping it.
 */
public final class SecretName implements Comparable<SecretName> {
    static final int MAX_LENGTH = 200;

    private final String name;

    private SecretName(String name) {
        this.name = name;
    }

    public static SecretName of(String name) throws VaultException {
        if (!isValid(name)) {
            throw VaultException.failed(
                    "invalid secret name \"" + printable(name) + "\"",
                    "use lowercase segments of a-z, 0-9, '.', '_' and '-' joined by '/', such as db/password");
        }
        return new SecretName(name);
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        // [a-z0-9][a-z0-9._-]* between slashes, by hand: every `vault get` checks a name, and a regular
        // expression's first use links java.util.regex and its lambdas (milliseconds on a cold JVM)
        boolean segmentStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean lowerOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (c == '/' && !segmentStart) {
                segmentStart = true;
            } else if (lowerOrDigit || !segmentStart && (c == '.' || c == '_' || c == '-')) {
                segmentStart = false;
            } else {
                return false;
            }
        }
        return !segmentStart;
    }

    /** The name as given, with control characters shown as '?', so that an error line stays one line. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
        text.codePoints().limit(80).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.length() > 80 ? out + "…" : out.toString();
    }

    @Override
    public int compareTo(SecretName other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretName && ((SecretName) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
