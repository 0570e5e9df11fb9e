package dev.vault.core.guard;

import dev.vault.core.guard.Flow.In;
import dev.vault.core.guard.Flow.Sink;
import dev.vault.core.guard.Scope.Binding;
import dev.vault.core.guard.shell.Part;
import dev.vault.core.guard.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The environment: {@code env}/{@code printenv} without a safe name, {@code export -p}, {@code declare -p},
 * bare {@code set}, {@code ps e} dump it; {@code set -x} traces; {@code export}/{@code declare}/{@code local}
 * with values set variables (and carry the secret data of their values).
 */
final class EnvRules {
    private static final Set<String> HANDLED = Set.of("env", "printenv", "export", "declare", "typeset", "local",
            "readonly", "set", "ps", "compgen", "systemctl", "launchctl", "tmux", "envsubst", "setopt", "shopt");
    private static final Set<String> ENV_LONG = Set.of("--unset", "--chdir", "--split-string",
            "--default-signal", "--ignore-signal", "--block-signal");

    private final Walker walker;
    private Commands commands;

    EnvRules(Walker walker) {
        this.walker = walker;
    }

    boolean handles(String base) {
        return HANDLED.contains(base);
    }

    private Leak dump(Argv a, String what) {
        return new Leak(Advice.ENV_DUMP, what, a.excerpt(), Advice.ENV);
    }

    Leak run(String base, Argv a, In in, Sink err, Scope scope) {
        switch (base) {
            case "env":
                return env(a, in, err, scope);
            case "printenv": {
                Options options = Options.parse(a, 1, "", Set.of(), false);
                if (options.operandCount() == 0) {
                    return dump(a, "the whole environment");
                }
                for (int k = 0; k < options.operandCount(); k++) {
                    String name = a.text(options.operand(k));
                    if (name == null) {
                        walker.unanalysable("\"" + a.excerpt() + "\" prints a variable whose name is not a literal");
                        return null;
                    }
                    if (walker.isSecret(name, scope) || walker.valueLeak(name, scope) != null) {
                        return dump(a, "the value of $" + name);
                    }
                }
                return null;
            }
            case "export":
                if (a.size() == 1 || a.is(1, "-p")) {
                    return dump(a, "every exported variable with its value");
                }
                assign(a, 1, scope);
                return null;
            case "declare", "typeset", "local", "readonly":
                return declare(base, a, scope);
            case "set":
                return set(a, scope);
            case "ps":
                return ps(a);
            case "shopt", "setopt":
                for (int i = 1; i < a.size(); i++) {
                    String t = a.text(i);
                    if (t != null && (t.equalsIgnoreCase("xtrace") || t.equalsIgnoreCase("x_trace")
                            || t.equals("-x") && base.equals("setopt"))) {
                        boolean off = base.equals("shopt") && a.indexOf("-u", 1) > 0;
                        if (!off) {
                            walker.deny(Advice.TRACING, "\"" + a.excerpt() + "\" turns on tracing, which prints every"
                                    + " later command with its variables expanded, secrets included", Advice.TRACE);
                        }
                        return null;
                    }
                }
                return null;
            case "systemctl":
                return a.indexOf("show-environment", 1) > 0 ? dump(a, "the service manager's environment") : null;
            case "launchctl":
                if (a.is(1, "getenv") && a.text(2) != null && walker.isSecret(a.text(2), scope)) {
                    return dump(a, "the value of $" + a.text(2));
                }
                return a.is(1, "export") ? dump(a, "the whole environment") : null;
            case "tmux":
                return a.indexOf("show-environment", 1) > 0 || a.indexOf("showenv", 1) > 0
                        || a.indexOf("show-env", 1) > 0
                        ? dump(a, "the session's environment") : null;
            case "envsubst": {
                String format = a.size() > 1 ? a.text(a.size() - 1) : null;
                if (format != null && !format.startsWith("-") && !formatHasSecret(format, scope)) {
                    return null;
                }
                return new Leak(Advice.SECRET_VARIABLE, "environment values substituted into its input",
                        a.excerpt(), Advice.variable("VAR"));
            }
            default:
                return null;
        }
    }

    private boolean formatHasSecret(String format, Scope scope) {
        int i = format.indexOf('$');
        while (i >= 0) {
            int j = i + 1;
            if (j < format.length() && format.charAt(j) == '{') {
                j++;
            }
            int start = j;
            while (j < format.length() && (Character.isLetterOrDigit(format.charAt(j)) || format.charAt(j) == '_')) {
                j++;
            }
            if (walker.isSecret(format.substring(start, j), scope)) {
                return true;
            }
            i = format.indexOf('$', j);
        }
        return false;
    }

    void setCommands(Commands commands) {
        this.commands = commands;
    }

    private Leak env(Argv a, In in, Sink err, Scope scope) {
        int i = 1;
        boolean empty = false;
        Leak assigned = null;
        while (i < a.size()) {
            String t = a.text(i);
            if (t == null) {
                assigned = first(assigned, a.leak(i));
                if (!a.word(i).parts().isEmpty() && a.word(i).parts().get(0) instanceof Part.Literal literal
                        && literal.text().indexOf('=') > 0) {
                    i++;
                    continue;
                }
                break;
            }
            if (t.equals("-") || t.equals("-i") || t.equals("--ignore-environment")) {
                empty = true;
                i++;
            } else if (t.equals("--")) {
                i++;
                break;
            } else if (t.equals("-u") || t.equals("-C") || t.equals("-S") || ENV_LONG.contains(t)) {
                if (t.equals("-S") || t.equals("--split-string")) {
                    String body = a.text(i + 1);
                    if (body == null) {
                        walker.unanalysable("the command of \"" + a.excerpt() + "\" is not a literal");
                        return null;
                    }
                    return walker.text(body, in, err, scope.child());
                }
                i += 2;
            } else if (t.startsWith("-")) {
                if (t.contains("i") && !t.startsWith("--")) {
                    empty = true;
                }
                i++;
            } else if (t.indexOf('=') > 0) {
                i++;
            } else {
                break;
            }
        }
        if (i >= a.size()) {
            if (empty) {
                return assigned == null ? null : new Leak(assigned.rule(), assigned.what(), a.excerpt(),
                        assigned.alternative());
            }
            return dump(a, "the whole environment");
        }
        return commands.run(a.from(i), in, err, scope);
    }

    private Leak declare(String base, Argv a, Scope scope) {
        boolean print = false;
        boolean exported = false;
        boolean functions = false;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t != null && t.startsWith("-") && names.isEmpty()) {
                print |= t.indexOf('p') > 0;
                exported |= t.indexOf('x') > 0;
                functions |= t.indexOf('f') > 0 || t.indexOf('F') > 0;
                continue;
            }
            if (t != null && t.startsWith("+")) {
                continue;
            }
            names.add(t);
        }
        if (functions) {
            return null;
        }
        if (names.isEmpty()) {
            if (base.equals("local") || base.equals("readonly") && !print) {
                return null;
            }
            if (print || exported || a.size() == 1) {
                return dump(a, "every variable with its value");
            }
            return null;
        }
        if (nameref(a)) {
            for (int i = 1; i < a.size(); i++) {
                String t = a.text(i);
                int eq = t == null ? -1 : t.indexOf('=');
                if (t == null || eq > 0) {
                    String name = t == null ? null : t.substring(0, eq);
                    String target = t == null ? null : t.substring(eq + 1);
                    Leak leak = target == null || target.isEmpty() ? new Leak(Advice.UNANALYSABLE,
                            "the value of a variable named by a reference that is not a literal", null,
                            Advice.LITERAL) : walker.valueLeak(target, scope);
                    if (name != null) {
                        scope.vars.put(name, new Binding(null, leak));
                    } else {
                        walker.unanalysable("\"" + a.excerpt() + "\" makes a reference whose name is not a literal");
                        return null;
                    }
                }
            }
            return null;
        }
        if (print) {
            for (String name : names) {
                if (name == null || walker.isSecret(name, scope) || walker.valueLeak(name, scope) != null) {
                    return dump(a, "the value of $" + name);
                }
            }
            return null;
        }
        assign(a, 1, scope);
        return null;
    }

    /** {@code declare -n REF=NAME}: a reference, whose expansion is NAME's value. */
    private static boolean nameref(Argv a) {
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t != null && t.startsWith("-") && !t.startsWith("--") && t.indexOf('n') > 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code NAME=value} words of export/declare/local: the variable now holds the value's data. */
    private void assign(Argv a, int from, Scope scope) {
        for (int i = from; i < a.size(); i++) {
            Word word = a.word(i);
            if (a.text(i) == null && a.leak(i) != null && !Advice.UNANALYSABLE.equals(a.leak(i).rule())
                    && (word.parts().isEmpty() || !(word.parts().get(0) instanceof Part.Literal first)
                    || first.text().indexOf('=') < 0)) {
                // `export $(cat .env | xargs)`: variables whose names cannot be known now hold secrets
                scope.strict = true;
            }
            if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Part.Literal literal)) {
                continue;
            }
            int eq = literal.text().indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = literal.text().substring(0, eq);
            if (name.endsWith("+")) {
                name = name.substring(0, name.length() - 1);
            }
            List<Part> rest = new ArrayList<>(word.parts().size());
            rest.add(new Part.Literal(literal.text().substring(eq + 1), literal.quoted()));
            rest.addAll(word.parts().subList(1, word.parts().size()));
            scope.vars.put(name, new Binding(new Word(rest), a.leak(i)));
        }
    }

    private Leak set(Argv a, Scope scope) {
        if (a.size() == 1) {
            return dump(a, "every variable with its value");
        }
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                continue;
            }
            if (t.equals("--")) {
                scope.positional = walker.positional(a, i);
                break;
            }
            if (t.equals("-o") && a.is(i + 1, "xtrace") || t.startsWith("-") && !t.startsWith("--")
                    && t.indexOf('x') > 0) {
                walker.deny(Advice.TRACING, "\"" + a.excerpt() + "\" turns on tracing, which prints every later"
                        + " command with its variables expanded, secrets included", Advice.TRACE);
                return null;
            }
            if (t.equals("-o") || t.equals("+o")) {
                i++;
            }
        }
        return null;
    }

    private Leak ps(Argv a) {
        Options options = Options.parse(a, 1, "CGgkOoPpqstUuN", Set.of("--pid", "--ppid", "--user", "--User",
                "--group", "--Group", "--format", "--sort", "--sid", "--tty", "--cols", "--columns", "--rows",
                "--lines", "--width"), false);
        if (options.has('E')) {
            return dump(a, "the environment of running processes");
        }
        for (int k = 0; k < options.operandCount(); k++) {
            String t = a.text(options.operand(k));
            if (t == null || t.isEmpty() || !Character.isLetter(t.charAt(0))) {
                continue;
            }
            boolean bsd = true;
            for (int i = 0; i < t.length(); i++) {
                bsd &= "aAcdefhjlLmMnrsStTuvwxXZe".indexOf(t.charAt(i)) >= 0;
            }
            if (bsd && t.indexOf('e') >= 0) {
                return dump(a, "the environment of running processes");
            }
        }
        return null;
    }

    private static Leak first(Leak a, Leak b) {
        return a != null ? a : b;
    }
}
