package dev.vault.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fish completions over a {@link CompletionModel} (picocli has no fish generator): one {@code complete} line for
 * each subcommand and option of each command, with its description, under the condition that the words before the
 * cursor name that command. Which command they name is worked out by {@code __vault_command}, which skips option
 * values, so that {@code vault --vault audit get} is the root's get, not audit.
 */
final class FishCompletion {
    private FishCompletion() {
    }

    static String script(CommandSpec root) {
        String name = root.name();
        String prefix = "__" + name.replaceAll("[^A-Za-z0-9]", "_");
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        collect(root, "", commands);

        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(name).append(", made from its commands by `").append(name)
                .append(" completion fish`: do not edit.\n")
                .append("# Save it as ~/.config/fish/completions/").append(name).append(".fish")
                .append(" (docs/shell-completion.md).\n");

        out.append("\n# The subcommands of a ").append(name).append(" command (\"\" is ").append(name).append(" itself).\n")
                .append("function ").append(prefix).append("_subcommands --argument-names command\n")
                .append("    switch $command\n");
        commands.forEach((path, command) -> {
            List<String> names = new ArrayList<>();
            CompletionModel.subcommands(command).forEach(sub -> names.add(sub.getKey()));
            if (!names.isEmpty()) {
                out.append("        case ").append(quote(path)).append('\n')
                        .append("            printf '%s\\n' ").append(words(names)).append('\n');
            }
        });
        out.append("    end\n")
                .append("end\n");

        out.append("\n# The options of a ").append(name).append(" command that take a value.\n")
                .append("function ").append(prefix).append("_value_options --argument-names command\n")
                .append("    switch $command\n");
        commands.forEach((path, command) -> {
            List<String> names = new ArrayList<>();
            command.options().stream().filter(CompletionModel::takesValue).forEach(option -> names.addAll(List.of(option.names())));
            if (!names.isEmpty()) {
                out.append("        case ").append(quote(path)).append('\n')
                        .append("            printf '%s\\n' ").append(words(names)).append('\n');
            }
        });
        out.append("    end\n")
                .append("end\n");

        out.append("\n# The ").append(name).append(" command the words before the cursor name: \"\", \"audit\", \"audit verify\"...\n")
                .append("function ").append(prefix).append("_command\n")
                .append("    set -l words (commandline -opc)\n")
                .append("    set -e words[1]\n")
                .append("    set -l command ''\n")
                .append("    set -l value_next 0\n")
                .append("    for word in $words\n")
                .append("        if test $value_next = 1\n")
                .append("            set value_next 0\n")
                .append("        else if string match -q -- '--*=*' $word\n")
                .append("            continue\n")
                .append("        else if string match -q -- '-*' $word\n")
                .append("            contains -- $word (").append(prefix).append("_value_options $command); and set value_next 1\n")
                .append("        else if contains -- $word (").append(prefix).append("_subcommands $command)\n")
                .append("            set command (string trim -- \"$command $word\")\n")
                .append("        end\n")
                .append("    end\n")
                .append("    echo $command\n")
                .append("end\n");

        out.append("\n# Whether the words before the cursor name this command.\n")
                .append("function ").append(prefix).append("_at --argument-names command\n")
                .append("    set -l at (").append(prefix).append("_command)\n")
                .append("    test \"$at\" = \"$command\"\n")
                .append("end\n");

        out.append("\ncomplete -c ").append(name).append(" -f\n");
        commands.forEach((path, command) -> {
            String condition = " -n " + quote(prefix + "_at " + quote(path, '"'));
            out.append("\n# ").append((name + " " + path).strip()).append('\n');
            for (Map.Entry<String, CommandSpec> sub : CompletionModel.subcommands(command)) {
                out.append("complete -c ").append(name).append(condition).append(" -a ").append(quote(sub.getKey()))
                        .append(" -d ").append(quote(CompletionModel.summary(sub.getValue().usageMessage().description())))
                        .append('\n');
            }
            for (OptionSpec option : command.options()) {
                out.append("complete -c ").append(name).append(condition).append(names(option)).append(value(option))
                        .append(" -d ").append(quote(CompletionModel.summary(option.description()))).append('\n');
            }
            for (PositionalParamSpec parameter : command.positionalParameters()) {
                String value = value(parameter);
                if (!value.isEmpty()) {
                    out.append("complete -c ").append(name).append(condition).append(value)
                            .append(" -d ").append(quote(parameter.paramLabel())).append('\n');
                }
            }
        });
        return out.toString();
    }

    /** Every command by its path below the root: "" for the root, then "audit", "audit verify"... */
    private static void collect(CommandSpec command, String path, Map<String, CommandSpec> commands) {
        commands.put(path, command);
        for (Map.Entry<String, CommandSpec> sub : CompletionModel.subcommands(command)) {
            collect(sub.getValue(), (path + " " + sub.getKey()).strip(), commands);
        }
    }

    /** {@code -s o -l output}: fish's flags for an option's names. */
    private static String names(OptionSpec option) {
        StringBuilder flags = new StringBuilder();
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                flags.append(" -l ").append(quote(name.substring(2)));
            } else if (name.length() == 2) {
                flags.append(" -s ").append(quote(name.substring(1)));
            } else {
                flags.append(" -o ").append(quote(name.substring(1)));
            }
        }
        return flags.toString();
    }

    /** What follows an option: nothing for a flag, else file names, folders, an enum's words or any text. */
    private static String value(OptionSpec option) {
        if (!CompletionModel.takesValue(option)) {
            return "";
        }
        String values = value((ArgSpec) option);
        return values.equals(" -F") ? " -r -F" : " -x" + values;
    }

    /** {@code -F} (file names), {@code -a '(__fish_complete_directories)'}, {@code -a 'a b'}, or "" for any text. */
    private static String value(ArgSpec arg) {
        List<String> words = CompletionModel.candidates(arg);
        if (!words.isEmpty()) {
            return " -a " + quote(String.join(" ", words));
        }
        if (CompletionModel.takesFolder(arg)) {
            return " -a '(__fish_complete_directories)'";
        }
        return CompletionModel.takesPath(arg) ? " -F" : "";
    }

    private static String words(List<String> words) {
        List<String> quoted = new ArrayList<>();
        words.forEach(word -> quoted.add(quote(word)));
        return String.join(" ", quoted);
    }

    /** {@code text} in single quotes, for fish, where only {@code \'} and {@code \\} are escapes. */
    private static String quote(String text) {
        return quote(text, '\'');
    }

    private static String quote(String text, char mark) {
        return mark + text.replace("\\", "\\\\").replace(String.valueOf(mark), "\\" + mark) + mark;
    }
}
