package dev.vault.core.guard.shell;

import java.util.List;

/**
 * One node of a parsed shell command line. The parser produces these; the guard's rules walk them.
 * Source order is kept everywhere, because order matters to the rules (a file written, then read).
 */
public sealed interface Node permits Node.Simple, Node.Pipeline, Node.Sequence, Node.Subshell, Node.Group,
        Node.Compound {

    /**
     * A simple command: assignments, then words (the first is the command name, when there is one), and
     * redirections wherever they appeared. {@code FOO=1} alone is a Simple with no words.
     */
    record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects) implements Node {
    }

    /**
     * {@code a | b | c}, optionally negated with {@code !}. A {@code |&} between two stages is given to
     * the left stage as the redirection {@code 2>&1}.
     */
    record Pipeline(List<Node> stages, boolean negated) implements Node {
    }

    /** Commands joined by {@code ;}, newlines, {@code &}, {@code &&} or {@code ||}, in source order. */
    record Sequence(List<Node> items) implements Node {
    }

    /** {@code ( body )} with the redirections after it. */
    record Subshell(Node body, List<Redirect> redirects) implements Node {
    }

    /** {@code { body; }} with the redirections after it. */
    record Group(Node body, List<Redirect> redirects) implements Node {
    }

    /**
     * A compound command other than a subshell or group, named by its keyword:
     * <ul>
     * <li>{@code if}, {@code while}, {@code until}: {@code bodies} are the conditions and branches in source
     * order, {@code words} is empty;</li>
     * <li>{@code for}, {@code select}: {@code words} are the variable's name then the list after {@code in}
     * (the arithmetic {@code for ((…))} has its three expressions as literal words), {@code bodies} holds the
     * loop body;</li>
     * <li>{@code case}: {@code words} are the subject then every pattern, {@code bodies} one per arm;</li>
     * <li>{@code [[}: {@code words} are the words of the test, operators included;</li>
     * <li>{@code ((}: {@code words} holds the expression as one word;</li>
     * <li>{@code function}: {@code words} holds the name, {@code bodies} the body (both spellings,
     * {@code f() …} and {@code function f …});</li>
     * <li>{@code coproc}: {@code words} holds the name if one was given, {@code bodies} the command.</li>
     * </ul>
     */
    record Compound(String keyword, List<Word> words, List<Node> bodies, List<Redirect> redirects) implements Node {
    }
}
