package dev.vault.core;

import java.util.Collection;

/**
 * The name a mistyped one most likely meant, for a hint such as {@code did you mean "purpose"?}. Used on
 * the way to an error only, never on a successful command's path.
 */
public final class NearestName {
    private NearestName() {
    }

    /**
     * The one of {@code names} that {@code typed} is nearest to: the same but for case, or within one edit
     * (a letter added, dropped, changed, or two swapped) for names of up to 5 characters and two for longer
     * ones. Null when none is that near, or two are equally near.
     */
    public static String of(String typed, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String name : names) {
            int distance = name.equalsIgnoreCase(typed) ? 0 : distance(typed, name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        int allowed = typed.length() <= 5 ? 1 : 2;
        return best == null || tie || bestDistance > allowed || best.equals(typed) ? null : best;
    }

    /** {@code did you mean "NAME"? } (with the trailing space), or the empty text when no name is near. */
    public static String didYouMean(String typed, Collection<String> names) {
        String nearest = of(typed, names);
        return nearest == null ? "" : "did you mean \"" + nearest + "\"? ";
    }

    /** Edits (insert, delete, substitute, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
