package dev.vault.core.guard.shell;

import java.util.List;

/** One part of a {@link Word}. {@code quoted} says whether the part stood inside double quotes. */
public sealed interface Part permits Part.Literal, Part.Param, Part.CommandSub, Part.Arith, Part.ProcessSub,
        Part.Tilde, Part.Glob, Part.Brace {

    /**
     * Text after quote removal. {@code quoted} is true for text from {@code '…'}, {@code "…"},
     * {@code $'…'} (already decoded), {@code $"…"} or a backslash escape. Unquoted glob characters are
     * never in a Literal: they are {@link Glob} parts.
     */
    record Literal(String text, boolean quoted) implements Part {
    }

    /**
     * A parameter expansion: {@code $NAME}, {@code ${NAME}}, {@code $1}, {@code $@}, {@code $?}, or
     * {@code ${NAME<operator>argument}}. {@code name} is the parameter ({@code "TOKEN"}, {@code "1"},
     * {@code "@"}); {@code operator} is null for a plain expansion, else one of {@code :- - := = :? ? :+ +
     * # ## % %% / // /# /% ^ ^^ , ,, :} (substring), {@code length} ({@code ${#X}}), {@code indirect}
     * ({@code ${!X}}), {@code names} ({@code ${!X*}}, {@code ${!X@}}), {@code @} ({@code ${X@Q}}) or
     * {@code [} (an array subscript; the subscript is the argument); {@code argument} is the word after
     * the operator, or null. {@code subscript} is the array subscript when one was written ({@code ${a[i]}},
     * {@code ${a[i]:-x}}, {@code ${#a[@]}}, {@code ${!a[@]}}), else null: for a plain {@code ${a[i]}} it is
     * also the argument (operator {@code [}); with another operator it is only here. {@code ${!a[@]}} (the
     * keys) has operator {@code names}.
     */
    record Param(String name, String operator, Word argument, boolean quoted, Word subscript) implements Part {

        /** A parameter expansion without a subscript. */
        public Param(String name, String operator, Word argument, boolean quoted) {
            this(name, operator, argument, quoted, null);
        }
    }

    /** {@code $(…)} or a backquoted command, parsed. */
    record CommandSub(Node body, boolean quoted) implements Part {
    }

    /** {@code $((…))} (and the old {@code $[…]}): the expression's text, unparsed. */
    record Arith(String expression, boolean quoted) implements Part {
    }

    /** {@code <(…)} ({@code output} false) or {@code >(…)} ({@code output} true), parsed. */
    record ProcessSub(Node body, boolean output) implements Part {
    }

    /** An unquoted {@code ~} or {@code ~user} at the start of a word (or after {@code :} or {@code =} in an assignment). */
    record Tilde(String user) implements Part {
    }

    /** Unquoted glob text: {@code *}, {@code ?}, {@code […]}, or an extglob such as {@code @(a|b)}. */
    record Glob(String pattern) implements Part {
    }

    /**
     * An unquoted brace expansion: {@code {a,b}} or a sequence {@code {1..3}}, the sequence already
     * expanded. Each alternative is a word of its own parts.
     */
    record Brace(List<Word> alternatives) implements Part {
    }
}
