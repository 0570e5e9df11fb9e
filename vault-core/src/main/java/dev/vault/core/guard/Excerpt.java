package dev.vault.core.guard;

import dev.vault.core.guard.shell.Part;
import dev.vault.core.guard.shell.Word;

/** Words written back as short shell text for reasons: expansions by name, substitutions elided. */
final class Excerpt {
    private Excerpt() {
    }

    static void append(StringBuilder out, Word word) {
        for (Part part : word.parts()) {
            if (part instanceof Part.Literal literal) {
                String text = literal.text();
                if (text.isEmpty() || text.indexOf(' ') >= 0) {
                    out.append('\'').append(text).append('\'');
                } else {
                    out.append(text);
                }
            } else if (part instanceof Part.Param param) {
                out.append('$').append(param.name());
            } else if (part instanceof Part.CommandSub) {
                out.append("$(…)");
            } else if (part instanceof Part.ProcessSub sub) {
                out.append(sub.output() ? ">(…)" : "<(…)");
            } else if (part instanceof Part.Arith) {
                out.append("$((…))");
            } else if (part instanceof Part.Tilde tilde) {
                out.append('~').append(tilde.user() == null ? "" : tilde.user());
            } else if (part instanceof Part.Glob glob) {
                out.append(glob.pattern());
            } else if (part instanceof Part.Brace) {
                out.append("{…}");
            }
        }
    }

    static String of(Word word) {
        StringBuilder out = new StringBuilder();
        append(out, word);
        return out.length() > 60 ? out.substring(0, 57) + "…" : out.toString();
    }
}
