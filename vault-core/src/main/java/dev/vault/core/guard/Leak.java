package dev.vault.core.guard;

/**
 * Secret data on its way somewhere: which rule it falls under, what it is (for the reason), where it
 * came from (a short excerpt of the command that produced it) and what to do instead. Never holds a
 * secret value: only names, paths and command excerpts.
 *
 * @param rule        the rule id a deny would name
 * @param what        what the data is: {@code the credential file ".env"}
 * @param source      the command that produced it, shortened: {@code cat .env}
 * @param alternative the safe way to do the same job
 */
record Leak(String rule, String what, String source, String alternative) {

    /** The deny when this data would reach the screen. */
    Decision toScreen() {
        return Decision.deny(rule, "\"" + source + "\" would show " + what + " on the screen", alternative);
    }

    /** The deny when this data would be shown in a trace or an error message on stderr. */
    Decision toStderr(String how) {
        return Decision.deny(rule, "\"" + source + "\" would show " + what + " " + how, alternative);
    }
}
