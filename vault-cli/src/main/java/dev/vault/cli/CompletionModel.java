package dev.vault.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What shell completion needs of vault's commands: each command's name, description, subcommands, options and
 * parameters, and what a value is: a file, a folder, one of a few words, or free text. vault's commands take
 * paths as strings, so a value counts as a file when its label is {@code FILE} and as a folder when it is
 * {@code DIR}; in the copy this class makes, such a value's type is {@link File}, which is how picocli's bash
 * generator knows to complete file names. Hidden commands and options are left out.
 */
final class CompletionModel {
    private CompletionModel() {
    }

    /** The whole command tree as {@code vault --help} sees it: every subcommand registered. */
    static CommandSpec of(Io io) {
        return copy(Cli.commandLine(new VaultCommand(io), new String[0]));
    }

    /** Whether the value of {@code arg} is a path: then shells complete file names there. */
    static boolean takesPath(ArgSpec arg) {
        Class<?> type = valueType(arg);
        return type == File.class || type == java.nio.file.Path.class || takesFolder(arg)
                || "FILE".equals(arg.paramLabel());
    }

    /** Whether the value of {@code arg} is a folder. */
    static boolean takesFolder(ArgSpec arg) {
        return "DIR".equals(arg.paramLabel());
    }

    /** The few words {@code arg} accepts (an enum's constants), or an empty list when it takes any text. */
    static List<String> candidates(ArgSpec arg) {
        List<String> words = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(words::add);
        }
        return words;
    }

    /** Whether {@code option} takes a value ({@code --vault DIR}) rather than being a flag ({@code --debug}). */
    static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0;
    }

    /** Whether {@code arg} may be given more than once ({@code --reader A --reader B}). */
    static boolean repeatable(ArgSpec arg) {
        return arg.typeInfo().isMultiValue();
    }

    /** The first line of a command's or an option's description, as {@code --help} shows it in a list. */
    static String summary(String[] description) {
        return description.length == 0 ? "" : description[0].strip();
    }

    /** Subcommands by name, hidden ones left out, in the order help lists them. */
    static List<Map.Entry<String, CommandSpec>> subcommands(CommandSpec command) {
        List<Map.Entry<String, CommandSpec>> visible = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : command.subcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                visible.add(Map.entry(sub.getKey(), sub.getValue().getCommandSpec()));
            }
        }
        return visible;
    }

    private static Class<?> valueType(ArgSpec arg) {
        Class<?>[] auxiliary = arg.auxiliaryTypes();
        return arg.typeInfo().isMultiValue() && auxiliary.length > 0 ? auxiliary[0] : arg.type();
    }

    private static CommandSpec copy(CommandLine original) {
        CommandSpec from = original.getCommandSpec();
        CommandSpec to = CommandSpec.create().name(from.name());
        to.usageMessage().description(from.usageMessage().description());
        for (OptionSpec option : from.options()) {
            if (!option.hidden()) {
                to.addOption(copy(option));
            }
        }
        for (PositionalParamSpec parameter : from.positionalParameters()) {
            if (!parameter.hidden()) {
                to.addPositional(copy(parameter));
            }
        }
        for (Map.Entry<String, CommandSpec> sub : subcommands(from)) {
            to.addSubcommand(sub.getKey(), copy(from.subcommands().get(sub.getKey())));
        }
        return to;
    }

    private static OptionSpec copy(OptionSpec option) {
        return OptionSpec.builder(option.names()).arity(option.arity()).paramLabel(option.paramLabel())
                .description(option.description()).completionCandidates(option.completionCandidates())
                .type(type(option)).auxiliaryTypes(auxiliaryTypes(option)).build();
    }

    private static PositionalParamSpec copy(PositionalParamSpec parameter) {
        return PositionalParamSpec.builder().index(parameter.index()).arity(parameter.arity())
                .paramLabel(parameter.paramLabel()).description(parameter.description())
                .completionCandidates(parameter.completionCandidates())
                .type(type(parameter)).auxiliaryTypes(auxiliaryTypes(parameter)).build();
    }

    /** The original's type, but {@link File} for a single path. */
    private static Class<?> type(ArgSpec original) {
        return takesPath(original) && !repeatable(original) ? File.class : original.type();
    }

    /** The original's element types, but {@link File} for a path or a list of them. */
    private static Class<?>[] auxiliaryTypes(ArgSpec original) {
        return takesPath(original) ? new Class<?>[] {File.class} : original.auxiliaryTypes();
    }
}
