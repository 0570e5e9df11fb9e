package dev.vault.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A native zsh completion function ({@code _vault}) over a {@link CompletionModel}: subcommands and options
 * with their descriptions, file names for FILE, folders for DIR, an enum's words. picocli's bash script also
 * runs in zsh through bashcompinit, but without any description, and sourcing it sets {@code COMPLETE_ALIASES}
 * and aliases {@code compopt} in the user's shell; this one is a completion function as zsh's own are, found on
 * {@code $fpath}, or sourced after compinit.
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    static String script(CommandSpec root) {
        String name = root.name();
        StringBuilder out = new StringBuilder();
        out.append("#compdef ").append(name).append('\n')
                .append("# zsh completion for ").append(name).append(", made from its commands by `").append(name)
                .append(" completion zsh`: do not edit.\n")
                .append("# Save it as _").append(name).append(" in a folder on $fpath before compinit runs, or source it")
                .append(" after compinit\n# (docs/shell-completion.md).\n");
        function(out, root, "_" + name, name);
        out.append('\n')
                .append("if [ \"$funcstack[1]\" = \"_").append(name).append("\" ]; then\n")
                .append("  _").append(name).append(" \"$@\"\n")
                .append("else\n")
                .append("  compdef _").append(name).append(' ').append(name).append('\n')
                .append("fi\n");
        return out.toString();
    }

    private static void function(StringBuilder out, CommandSpec command, String function, String path) {
        List<Map.Entry<String, CommandSpec>> subcommands = CompletionModel.subcommands(command);
        List<String> specs = new ArrayList<>();
        command.options().forEach(option -> specs.add(option(option)));
        out.append('\n').append(function).append("() {\n");
        if (subcommands.isEmpty()) {
            command.positionalParameters().forEach(parameter -> specs.add(quote(positional(parameter))));
            out.append("  _arguments -S");
            specs.forEach(spec -> out.append(" \\\n    ").append(spec));
            out.append('\n').append("}\n");
            return;
        }
        specs.add(quote("(-): :->command"));
        specs.add(quote("(-)*:: :->argument"));
        out.append("  local curcontext=\"$curcontext\" state state_descr line\n")
                .append("  typeset -A opt_args\n")
                .append("  _arguments -C -S");
        specs.forEach(spec -> out.append(" \\\n    ").append(spec));
        out.append('\n')
                .append("  case $state in\n")
                .append("    command)\n")
                .append("      local -a commands=(\n");
        for (Map.Entry<String, CommandSpec> sub : subcommands) {
            out.append("        ").append(quote(sub.getKey().replace(":", "\\:") + ":"
                    + CompletionModel.summary(sub.getValue().usageMessage().description()))).append('\n');
        }
        out.append("      )\n")
                .append("      _describe -t commands ").append(quote(path + " command")).append(" commands\n")
                .append("      ;;\n")
                .append("    argument)\n")
                .append("      case $words[1] in\n");
        for (Map.Entry<String, CommandSpec> sub : subcommands) {
            out.append("        (").append(sub.getKey()).append(") ").append(functionName(function, sub.getKey()))
                    .append(" ;;\n");
        }
        out.append("      esac\n")
                .append("      ;;\n")
                .append("  esac\n")
                .append("}\n");
        for (Map.Entry<String, CommandSpec> sub : subcommands) {
            function(out, sub.getValue(), functionName(function, sub.getKey()), path + " " + sub.getKey());
        }
    }

    private static String functionName(String parent, String subcommand) {
        return parent + "_" + subcommand.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** One {@code _arguments} spec, quoted: {@code '(-o --output)'{-o+,--output=}'[Write to FILE.]:FILE:_files'}. */
    private static String option(OptionSpec option) {
        String[] names = option.names();
        boolean repeatable = CompletionModel.repeatable(option);
        List<String> spelled = new ArrayList<>();
        for (String name : names) {
            spelled.add(CompletionModel.takesValue(option) ? name + (name.startsWith("--") ? "=" : "+") : name);
        }
        String rest = "[" + bracketed(CompletionModel.summary(option.description())) + "]";
        if (CompletionModel.takesValue(option)) {
            rest += ":" + option.paramLabel().replace(":", "\\:") + ":" + action(option);
        }
        String prefix = repeatable ? "*" : names.length > 1 ? "(" + String.join(" ", names) + ")" : "";
        if (spelled.size() == 1) {
            return quote(prefix + spelled.get(0) + rest);
        }
        return (prefix.isEmpty() ? "" : quote(prefix)) + "{" + String.join(",", spelled) + "}" + quote(rest);
    }

    /** {@code 1:NAME: } for the first parameter, {@code *:NAME: } for one that takes the rest of the words. */
    private static String positional(PositionalParamSpec parameter) {
        String position = parameter.index().isVariable() || parameter.arity().isVariable() || parameter.arity().max() > 1
                ? "*" : Integer.toString(parameter.index().min() + 1);
        return position + ":" + parameter.paramLabel().replace(":", "\\:") + ":" + action(parameter);
    }

    /** What zsh completes a value with: {@code _files}, {@code _directories}, {@code (a b c)}, or nothing. */
    private static String action(ArgSpec arg) {
        List<String> words = CompletionModel.candidates(arg);
        if (!words.isEmpty()) {
            return "(" + String.join(" ", words) + ")";
        }
        if (CompletionModel.takesFolder(arg)) {
            return "_directories";
        }
        return CompletionModel.takesPath(arg) ? "_files" : " ";
    }

    /** A description inside {@code [...]}: brackets and backslashes escaped. */
    private static String bracketed(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** {@code text} in single quotes, for zsh. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
