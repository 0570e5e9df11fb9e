package dev.vault.core.guard.shell;

import java.util.List;

/**
 * One shell word as written, split into parts: literal text (after quote removal, with whether it was
 * quoted) and expansions. {@code "$HOME"/x'y'} is three parts.
 */
public record Word(List<Part> parts) {

    /** A word of plain text, as the parser makes for {@code 2>&1}'s target or an arithmetic body. */
    public static Word of(String text) {
        return new Word(List.of(new Part.Literal(text, false)));
    }

    /**
     * The word's text when it has nothing that the shell would expand at run time (no parameter, command,
     * arithmetic or process substitution, tilde, glob or brace), else null.
     */
    public String literal() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (!(part instanceof Part.Literal literal)) {
                return null;
            }
            text.append(literal.text());
        }
        return text.toString();
    }
}
