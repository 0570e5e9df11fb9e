package dev.vault.core.guard;

/**
 * The guard's answer for one command line. An allow has the rule {@code "-"} and no reason. A deny names
 * the rule that refused it (a stable id, listed in docs/guard.md), why, in words a user and an agent can
 * act on, and the safe way to do the same job. None of the three ever holds a secret value.
 */
public record Decision(boolean allowed, String rule, String reason, String alternative) {
    public static final String NO_RULE = "-";

    public static Decision allow() {
        return new Decision(true, NO_RULE, null, null);
    }

    public static Decision deny(String rule, String reason, String alternative) {
        return new Decision(false, rule, reason, alternative);
    }
}
