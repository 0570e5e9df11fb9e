package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;

/**
 * The words of a deny, in the two shapes agents read: stderr lines in vault's message style, and one
 * sentence for a JSON reason field. Written for an agent to act on: what was refused, why, what to do.
 */
public final class DenyText {
    private DenyText() {
    }

    /** {@code vault: guard: denied (RULE): REASON} and, when there is one, {@code vault: hint: ALTERNATIVE}. */
    public static String lines(Decision decision) {
        StringBuilder text = new StringBuilder("vault: guard: denied (").append(decision.rule()).append("): ")
                .append(orDefault(decision.reason())).append('\n');
        if (decision.alternative() != null && !decision.alternative().isEmpty()) {
            text.append("vault: hint: ").append(decision.alternative()).append('\n');
        }
        return text.toString();
    }

    /** One sentence: {@code vault guard denied this command (RULE): REASON. Instead: ALTERNATIVE}. */
    public static String sentence(Decision decision) {
        String text = "vault guard denied this command (" + decision.rule() + "): " + orDefault(decision.reason());
        if (decision.alternative() != null && !decision.alternative().isEmpty()) {
            text += ". Instead: " + decision.alternative();
        }
        return text;
    }

    private static String orDefault(String reason) {
        return reason == null || reason.isEmpty() ? "no reason given" : reason;
    }
}
