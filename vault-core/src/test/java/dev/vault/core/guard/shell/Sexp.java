package dev.vault.core.guard.shell;

import java.util.List;

/**
 * A compact text form of a parsed tree, for tests: {@code (cmd [X=1] echo "${HOME} 2>&1)}. Unquoted literal
 * text is written as is, quoted literal text in single quotes, a glob in angle brackets, a parameter as
 * {@code ${name op argument}} (with {@code "} before it when it stood in double quotes), a tilde as {@code «~user»}.
 */
final class Sexp {
    private Sexp() {
    }

    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        node(node, out);
        return out.toString();
    }

    static String of(Word word) {
        StringBuilder out = new StringBuilder();
        word(word, out);
        return out.toString();
    }

    private static void node(Node node, StringBuilder out) {
        if (node instanceof Node.Simple simple) {
            out.append("(cmd");
            for (Assignment assignment : simple.assignments()) {
                out.append(" [").append(assignment.name());
                if (assignment.subscript() != null) {
                    out.append('[');
                    word(assignment.subscript(), out);
                    out.append(']');
                }
                out.append(assignment.append() ? "+=" : "=");
                if (assignment.value() == null) {
                    out.append('(');
                    words(assignment.array(), out, "");
                    out.append(')');
                } else {
                    word(assignment.value(), out);
                }
                out.append(']');
            }
            words(simple.words(), out, " ");
            redirects(simple.redirects(), out);
            out.append(')');
        } else if (node instanceof Node.Pipeline pipeline) {
            out.append(pipeline.negated() ? "(!pipe" : "(pipe");
            nodes(pipeline.stages(), out);
            out.append(')');
        } else if (node instanceof Node.Sequence sequence) {
            out.append("(seq");
            nodes(sequence.items(), out);
            out.append(')');
        } else if (node instanceof Node.Subshell subshell) {
            out.append("(sub ");
            node(subshell.body(), out);
            redirects(subshell.redirects(), out);
            out.append(')');
        } else if (node instanceof Node.Group group) {
            out.append("(group ");
            node(group.body(), out);
            redirects(group.redirects(), out);
            out.append(')');
        } else {
            Node.Compound compound = (Node.Compound) node;
            out.append('(').append(compound.keyword());
            if (!compound.words().isEmpty()) {
                out.append(" [");
                words(compound.words(), out, "");
                out.append(']');
            }
            nodes(compound.bodies(), out);
            redirects(compound.redirects(), out);
            out.append(')');
        }
    }

    private static void nodes(List<Node> nodes, StringBuilder out) {
        for (Node node : nodes) {
            out.append(' ');
            node(node, out);
        }
    }

    private static void words(List<Word> words, StringBuilder out, String first) {
        String separator = first;
        for (Word word : words) {
            out.append(separator);
            word(word, out);
            separator = " ";
        }
    }

    private static void redirects(List<Redirect> redirects, StringBuilder out) {
        for (Redirect redirect : redirects) {
            out.append(' ');
            if (redirect.fd() != null) {
                out.append(redirect.fd());
            }
            out.append(redirect.operator());
            word(redirect.target(), out);
        }
    }

    private static void word(Word word, StringBuilder out) {
        if (word.parts().isEmpty()) {
            out.append("∅");
        }
        for (Part part : word.parts()) {
            part(part, out);
        }
    }

    private static void part(Part part, StringBuilder out) {
        if (part instanceof Part.Literal literal) {
            String text = literal.text().replace("\n", "\\n").replace("\t", "\\t");
            out.append(literal.quoted() ? "'" + text + "'" : text);
        } else if (part instanceof Part.Param param) {
            out.append(param.quoted() ? "\"" : "").append("${").append(param.name());
            if (param.subscript() != null && !"[".equals(param.operator())) {
                out.append('[');
                word(param.subscript(), out);
                out.append(']');
            }
            if (param.operator() != null) {
                out.append(' ').append(param.operator());
            }
            if (param.argument() != null) {
                out.append(' ');
                word(param.argument(), out);
            }
            out.append('}');
        } else if (part instanceof Part.CommandSub sub) {
            out.append(sub.quoted() ? "\"$" : "$");
            node(sub.body(), out);
        } else if (part instanceof Part.Arith arith) {
            out.append(arith.quoted() ? "\"$((" : "$((").append(arith.expression()).append("))");
        } else if (part instanceof Part.ProcessSub sub) {
            out.append(sub.output() ? ">" : "<");
            node(sub.body(), out);
        } else if (part instanceof Part.Tilde tilde) {
            out.append("«~").append(tilde.user()).append("»");
        } else if (part instanceof Part.Glob glob) {
            out.append('<').append(glob.pattern()).append('>');
        } else {
            Part.Brace brace = (Part.Brace) part;
            out.append('{');
            String separator = "";
            for (Word alternative : brace.alternatives()) {
                out.append(separator);
                word(alternative, out);
                separator = ",";
            }
            out.append('}');
        }
    }
}
