package dev.vault.core.guard;

/**
 * Matches shell glob patterns: {@code *}, {@code ?}, {@code […]} (with {@code !} or {@code ^}), and
 * backslash-escaped literal characters. Iterative, no regex, no allocation.
 */
final class Glob {
    private Glob() {
    }

    /** True when {@code pattern} has an unescaped glob character. */
    static boolean hasGlob(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Removes the escapes of a pattern that has no glob character. */
    static String unescape(String pattern) {
        if (pattern.indexOf('\\') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Escapes glob characters in literal text. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 4).append(text, 0, i);
                }
                out.append('\\');
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Whether {@code pattern} matches all of {@code text}. With {@code crossSlash} false a wildcard does not
     * match {@code /}; a leading dot in {@code text} must be matched by a literal dot (as the shell does).
     */
    static boolean matches(String pattern, String text, boolean crossSlash) {
        return matches(pattern, text, crossSlash, !crossSlash);
    }

    /** As {@link #matches(String, String, boolean)}, saying whether a leading dot needs a literal dot. */
    static boolean matches(String pattern, String text, boolean crossSlash, boolean dotRule) {
        if (!text.isEmpty() && text.charAt(0) == '.' && dotRule
                && (pattern.isEmpty() || pattern.charAt(0) != '.')) {
            return false;
        }
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '*') {
                    starP = p++;
                    starT = t;
                    continue;
                }
                char ch = text.charAt(t);
                if (c == '?' && (crossSlash || ch != '/')) {
                    p++;
                    t++;
                    continue;
                }
                if (c == '[') {
                    int end = classEnd(pattern, p);
                    if (end > 0) {
                        if (inClass(pattern, p + 1, end, ch)) {
                            p = end + 1;
                            t++;
                            continue;
                        }
                    } else if (ch == '[') {
                        p++;
                        t++;
                        continue;
                    }
                } else if (c == '\\' && p + 1 < pattern.length()) {
                    if (pattern.charAt(p + 1) == ch) {
                        p += 2;
                        t++;
                        continue;
                    }
                } else if (c != '?' && c == ch) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP >= 0 && (crossSlash || text.charAt(starT) != '/')) {
                p = starP + 1;
                t = ++starT;
                continue;
            }
            return false;
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length()) {
            if (pattern.charAt(i) == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean inClass(String pattern, int from, int end, char ch) {
        boolean negate = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            char lo = pattern.charAt(i);
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                if (ch >= lo && ch <= pattern.charAt(i + 2)) {
                    found = true;
                }
                i += 3;
            } else {
                if (ch == lo) {
                    found = true;
                }
                i++;
            }
        }
        return found != negate;
    }
}
