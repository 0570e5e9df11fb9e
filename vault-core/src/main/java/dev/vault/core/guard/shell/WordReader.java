package dev.vault.core.guard.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads words: quoting ({@code '…'}, {@code "…"}, {@code $'…'}, {@code $"…"}, backslash), parameter,
 * command, arithmetic and process substitution, and extglob groups. What it reads is a list of items,
 * each an unquoted {@link Character} or a {@link Part}; {@link WordShaper} then finds tildes, braces and
 * globs among the unquoted characters.
 */
final class WordReader {
    private final Cursor in;
    private final Grammar grammar;
    private final ParamReader params;

    WordReader(Cursor in, Grammar grammar) {
        this.in = in;
        this.grammar = grammar;
        this.params = new ParamReader(in, this);
    }

    /** True for the characters that end an unquoted word. */
    static boolean isMeta(int c) {
        return c == Cursor.EOF || c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|'
                || c == '(' || c == ')' || c == '<' || c == '>';
    }

    /** The word at the cursor, shaped with {@code flags} ({@link WordShaper}), or null if none starts here. */
    Word word(int flags) throws ShellSyntaxException {
        int start = in.pos;
        List<Object> items = new ArrayList<>();
        readWord(items, false);
        return items.isEmpty() ? null : WordShaper.shape(items, flags, in, start);
    }

    /**
     * Reads an unquoted word into {@code items}. With {@code regex} (the right side of {@code =~} in
     * {@code [[ ]]}), parentheses and {@code |} belong to the word and only blanks end it.
     */
    void readWord(List<Object> items, boolean regex) throws ShellSyntaxException {
        int parens = 0;
        while (true) {
            int c = in.peek();
            int after = in.peek(1);
            if ((c == '<' || c == '>') && after == '(') {
                processSubstitution(items, c == '>');
                continue;
            }
            if ((c == '@' || c == '*' || c == '+' || c == '?' || c == '!') && after == '(' && !regex) {
                extglob(items);
                continue;
            }
            if (regex && c != Cursor.EOF && c != ' ' && c != '\t' && c != '\n' && (parens > 0 || c == '(' || c == '|')) {
                if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    parens--;
                }
                if (c == '(' || c == ')' || c == '|') {
                    in.next();
                    items.add((char) c);
                    continue;
                }
            } else if (isMeta(c)) {
                return;
            }
            switch (c) {
                case '\'' -> singleQuoted(items);
                case '"' -> doubleQuoted(items);
                case '\\' -> escaped(items);
                case '$' -> dollar(items, false);
                case '`' -> backquoted(items, false);
                default -> items.add((char) in.next());
            }
        }
    }

    /** At a {@code $} or a backquote: the text so far becomes an item, then the expansion is read. */
    private void expansion(int c, List<Object> items, StringBuilder text, boolean quoted) throws ShellSyntaxException {
        flush(items, text);
        if (c == '$') {
            dollar(items, quoted);
        } else {
            backquoted(items, quoted);
        }
    }

    /** A here-document body whose delimiter was not quoted: like double-quoted text without the quotes. */
    Word hereDocBody() throws ShellSyntaxException {
        List<Object> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = in.peek();
            if (c == Cursor.EOF) {
                break;
            }
            if (c == '$' || c == '`') {
                expansion(c, items, text, true);
                continue;
            }
            in.next();
            if (c == '\\') {
                int e = in.rawPeek();
                if (e == '$' || e == '`' || e == '\\') {
                    in.rawNext();
                    text.append((char) e);
                    continue;
                }
            }
            text.append((char) c);
        }
        flush(items, text);
        return WordShaper.shape(items, 0, in, 0);
    }

    /**
     * The text up to the {@code close} ({@code '}'}, the first one, as in bash; or the {@code ']'} that
     * balances the {@code '['} already read), as
     * a word shaped with {@code flags}; the close is consumed. {@code dq} says whether the expansion stands
     * inside double quotes (then the text is quoted and {@code flags} do not apply).
     */
    Word until(char close, boolean dq, int start, int flags) throws ShellSyntaxException {
        List<Object> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            int c = in.peek();
            if (c == Cursor.EOF) {
                throw in.errorAt(close == '}' ? "unterminated \"${\"" : "unterminated \"[\"", start);
            }
            if (c == close && depth == 0) {
                in.next();
                break;
            }
            if (c == '[' && close == ']') {
                depth++;
            } else if (c == ']' && close == ']') {
                depth--;
            }
            if (c == '\\') {
                in.next();
                int e = in.rawNext();
                if (e == Cursor.EOF) {
                    throw in.errorAt(close == '}' ? "unterminated \"${\"" : "unterminated \"[\"", start);
                }
                if (dq && e != '$' && e != '`' && e != '"' && e != '\\' && e != close) {
                    text.append('\\');
                }
                text.append((char) e);
                continue;
            }
            if ((c == '\'' && !dq) || c == '"' || c == '$' || c == '`') {
                flush(items, text);
                switch (c) {
                    case '\'' -> singleQuoted(items);
                    case '"' -> doubleQuoted(items);
                    case '$' -> dollar(items, dq);
                    default -> backquoted(items, dq);
                }
                continue;
            }
            in.next();
            if (dq) {
                text.append((char) c);
            } else {
                items.add((char) c);
            }
        }
        flush(items, text);
        return WordShaper.shape(items, dq ? 0 : flags, in, start);
    }

    /** Adds {@code text} as a quoted literal, if any, and empties it. */
    private static void flush(List<Object> items, StringBuilder text) {
        if (text.length() > 0) {
            items.add(new Part.Literal(text.toString(), true));
            text.setLength(0);
        }
    }

    private void singleQuoted(List<Object> items) throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        int end = in.text.indexOf('\'', in.pos);
        if (end < 0) {
            throw in.errorAt("unterminated single quote", start);
        }
        items.add(new Part.Literal(in.text.substring(in.pos, end), true));
        in.pos = end + 1;
    }

    private void doubleQuoted(List<Object> items) throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        int before = items.size();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = in.peek();
            if (c == Cursor.EOF) {
                throw in.errorAt("unterminated double quote", start);
            }
            if (c == '"') {
                in.next();
                break;
            }
            if (c == '$' || c == '`') {
                expansion(c, items, text, true);
                continue;
            }
            in.next();
            if (c == '\\') {
                int e = in.rawNext();
                if (e == Cursor.EOF) {
                    throw in.errorAt("unterminated double quote", start);
                }
                if (e != '$' && e != '`' && e != '"' && e != '\\') {
                    text.append('\\');
                }
                text.append((char) e);
                continue;
            }
            text.append((char) c);
        }
        flush(items, text);
        if (items.size() == before) {
            items.add(new Part.Literal("", true));
        }
    }

    private void escaped(List<Object> items) {
        in.next();
        int e = in.rawNext();
        items.add(e == Cursor.EOF ? (Object) '\\' : new Part.Literal(String.valueOf((char) e), true));
    }

    /** {@code $} and what follows it; {@code dq} when inside double quotes or a here-document. */
    void dollar(List<Object> items, boolean dq) throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        int c = in.peek();
        if (c == '(') {
            if (in.peek(1) == '(') {
                int from = in.pos;
                in.next();
                in.next();
                int end = in.arithmeticEnd(in.pos);
                if (end >= 0) {
                    items.add(new Part.Arith(in.text.substring(in.pos, end), dq));
                    in.pos = end + 2;
                    return;
                }
                in.pos = from;
            }
            in.next();
            in.enter(start);
            Node body = grammar.substitution("$(", start);
            in.leave();
            items.add(new Part.CommandSub(body, dq));
        } else if (c == '{') {
            in.enter(start);
            items.add(params.braced(dq, start));
            in.leave();
        } else if (c == '[') {
            in.next();
            int depth = 0;
            int from = in.pos;
            while (true) {
                int e = in.rawNext();
                if (e == Cursor.EOF) {
                    throw in.errorAt("unterminated \"$[\"", start);
                }
                if (e == '[') {
                    depth++;
                } else if (e == ']' && depth-- == 0) {
                    break;
                }
            }
            items.add(new Part.Arith(in.text.substring(from, in.pos - 1), dq));
        } else if (c == '\'' && !dq) {
            ansiC(items, start);
        } else if (c == '"' && !dq) {
            doubleQuoted(items);
        } else if (ParamReader.isNameStart(c)) {
            StringBuilder name = new StringBuilder();
            while (ParamReader.isNameChar(in.peek())) {
                name.append((char) in.next());
            }
            items.add(new Part.Param(name.toString(), null, null, dq));
        } else if ((c >= '0' && c <= '9') || "@*#?-$!".indexOf(c) >= 0 && c != Cursor.EOF) {
            in.next();
            items.add(new Part.Param(String.valueOf((char) c), null, null, dq));
        } else {
            items.add(dq ? new Part.Literal("$", true) : (Object) '$');
        }
    }

    /** A backquoted command: its text is unescaped ({@code \$ \` \\}, and {@code \"} inside double quotes), then parsed. */
    void backquoted(List<Object> items, boolean dq) throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        StringBuilder body = new StringBuilder();
        while (true) {
            int c = in.rawNext();
            if (c == Cursor.EOF) {
                throw in.errorAt("unterminated backquote", start);
            }
            if (c == '`') {
                break;
            }
            if (c == '\\') {
                int e = in.rawNext();
                if (e == Cursor.EOF) {
                    throw in.errorAt("unterminated backquote", start);
                }
                if (e == '$' || e == '`' || e == '\\' || (dq && e == '"')) {
                    body.append((char) e);
                } else if (e != '\n') {
                    body.append('\\').append((char) e);
                }
                continue;
            }
            body.append((char) c);
        }
        in.enter(start);
        Node node = grammar.subSource(body.toString(), in.base + start + 1);
        in.leave();
        items.add(new Part.CommandSub(node, dq));
    }

    private void processSubstitution(List<Object> items, boolean output) throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        in.next();
        in.enter(start);
        Node body = grammar.substitution(output ? ">(" : "<(", start);
        in.leave();
        items.add(new Part.ProcessSub(body, output));
    }

    /** {@code @(…)}, {@code *(…)}, {@code +(…)}, {@code ?(…)}, {@code !(…)}: one glob part, nesting included. */
    private void extglob(List<Object> items) throws ShellSyntaxException {
        int start = in.pos;
        int depth = 0;
        while (true) {
            int c = in.rawNext();
            if (c == Cursor.EOF) {
                throw in.errorAt("unterminated extglob pattern", start);
            }
            if (c == '\\') {
                in.rawNext();
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
        }
        items.add(new Part.Glob(in.text.substring(start, in.pos)));
    }

    /** {@code $'…'}: the escapes decoded; a NUL ends the string, as in bash. */
    private void ansiC(List<Object> items, int start) throws ShellSyntaxException {
        in.next();
        StringBuilder text = new StringBuilder();
        boolean ended = false;
        while (true) {
            int c = in.rawNext();
            if (c == Cursor.EOF) {
                throw in.errorAt("unterminated \"$'\"", start);
            }
            if (c == '\'') {
                break;
            }
            int decoded = c;
            if (c == '\\') {
                decoded = AnsiC.escape(in);
                if (decoded == AnsiC.UNTERMINATED) {
                    throw in.errorAt("unterminated \"$'\"", start);
                }
                if (decoded == AnsiC.KEEP) {
                    if (!ended) {
                        text.append('\\').append(in.text.charAt(in.pos - 1));
                    }
                    continue;
                }
            }
            if (decoded == 0) {
                ended = true;
            }
            if (!ended) {
                text.appendCodePoint(decoded);
            }
        }
        items.add(new Part.Literal(text.toString(), true));
    }

    /**
     * {@code NAME=value}, {@code NAME+=value}, {@code NAME[i]=value} or {@code NAME=(…)} at the cursor, or
     * null (the cursor unmoved) when the next word is not an assignment.
     */
    Assignment assignment() throws ShellSyntaxException {
        int mark = in.pos;
        if (!ParamReader.isNameStart(in.peek())) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        while (ParamReader.isNameChar(in.peek())) {
            name.append((char) in.next());
        }
        Word subscript = null;
        if (in.peek() == '[') {
            if (!subscriptThenEquals()) {
                in.pos = mark;
                return null;
            }
            int start = in.pos;
            in.next();
            subscript = until(']', false, start, 0);
        }
        boolean append = in.eat("+=");
        if (!append && !in.eat('=')) {
            in.pos = mark;
            return null;
        }
        if (in.peek() == '(') {
            return new Assignment(name.toString(), append, null, array(), subscript);
        }
        Word value = word(WordShaper.TILDE | WordShaper.ASSIGNMENT | WordShaper.GLOBS);
        return new Assignment(name.toString(), append, value == null ? new Word(List.of()) : value, List.of(),
                subscript);
    }

    /** The elements of {@code (…)} after {@code NAME=}. */
    List<Word> array() throws ShellSyntaxException {
        int start = in.pos;
        in.next();
        List<Word> elements = new ArrayList<>();
        while (true) {
            grammar.skipLinebreaks();
            if (in.eat(')')) {
                return List.copyOf(elements);
            }
            Word element = word(WordShaper.TILDE | WordShaper.BRACES | WordShaper.GLOBS);
            if (element == null) {
                if (in.atEnd()) {
                    throw in.errorAt("unterminated array \"(\"", start);
                }
                throw grammar.unexpected();
            }
            elements.add(element);
        }
    }

    /**
     * Whether the {@code [} at the cursor has a matching {@code ]} in the same word, followed by {@code =} or
     * {@code +=}. Quotes and parenthesised substitutions inside the subscript are skipped over.
     */
    private boolean subscriptThenEquals() {
        String text = in.text;
        int depth = 0;
        int parens = 0;
        for (int i = in.pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                i = closingQuote(text, i);
                if (i < 0) {
                    return false;
                }
            } else if (c == '(') {
                parens++;
            } else if (c == ')' && parens > 0) {
                parens--;
            } else if (parens > 0) {
                continue;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (--depth == 0) {
                    return text.startsWith("=", i + 1) || text.startsWith("+=", i + 1);
                }
            } else if (isMeta(c)) {
                return false;
            }
        }
        return false;
    }

    /** The index of the quote closing the one at {@code open}, or -1. */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i;
            }
            if (c == '\\' && quote == '"') {
                i++;
            }
        }
        return -1;
    }
}
