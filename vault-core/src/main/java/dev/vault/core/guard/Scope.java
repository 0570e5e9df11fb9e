package dev.vault.core.guard;

import dev.vault.core.guard.shell.Node;
import dev.vault.core.guard.shell.Word;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one shell process knows while a command line is walked: variables set earlier in the line (to a
 * word, and the secret data the value carries), positional parameters, functions, and whether every
 * variable in its environment is to be taken as secret (inside {@code vault exec} and the like).
 */
final class Scope {
    /** A variable's value: the word it was set to (null when unknown) and the secret data in it. */
    record Binding(Word word, Leak leak) {
    }

    final Map<String, Binding> vars;
    final Map<String, Node> functions;
    /** Aliases defined earlier in the line, name to text (zsh and bash with expand_aliases expand them). */
    Map<String, String> aliases = Map.of();
    Binding[] positional;
    /** The working folder as an escaped glob pattern ({@code /*} once a {@code cd} went somewhere unknown). */
    String cwd;
    /**
     * Inside {@code find -exec} or {@code xargs}: the files that {@code {}} or the extra arguments stand for,
     * as a pattern, {@code ""} when unknown, null outside.
     */
    String argFiles;
    boolean strict;
    Set<String> extraSecret = Set.of();
    /** Descriptors opened for reading earlier in the line ({@code exec 3< .env}), by number. */
    Map<String, Flow.In> fds;

    private Scope(Map<String, Binding> vars, Map<String, Node> functions) {
        this.vars = vars;
        this.functions = functions;
    }

    static Scope top() {
        return new Scope(new HashMap<>(), new HashMap<>());
    }

    /** A child process: a copy of the variables (exported or not, to err on the safe side). */
    Scope child() {
        Scope child = new Scope(new HashMap<>(vars), new HashMap<>(functions));
        child.strict = strict;
        child.extraSecret = extraSecret;
        child.positional = positional;
        child.cwd = cwd;
        child.argFiles = argFiles;
        child.fds = fds;
        child.aliases = aliases;
        return child;
    }
}
