package dev.vault.core.guard.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shell grammar over one {@link Cursor}: lists, and-or lists, pipelines, simple commands and
 * redirections, here-documents (read at the next newline, as the shell does). Compound commands are in
 * {@link Compounds}.
 */
final class Grammar {
    /** Reserved words that end a list when they stand in command position. */
    private static final Set<String> CLOSERS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case",
            "esac", "while", "until", "for", "select", "function", "{", "}", "!", "[[", "]]", "coproc", "in");
    private static final Set<String> DECLARATIONS = Set.of("declare", "typeset", "local", "export", "readonly");
    private static final String[] REDIRECTS = {"&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">|", ">&",
        ">"};
    static final int COMMAND_WORD = WordShaper.TILDE | WordShaper.BRACES | WordShaper.GLOBS;
    static final int PLAIN_WORD = WordShaper.TILDE | WordShaper.GLOBS;

    final Cursor in;
    final WordReader words;
    private final Compounds compounds;
    private final List<HereDoc> pending = new ArrayList<>();

    Grammar(Cursor in) {
        this.in = in;
        this.words = new WordReader(in, this);
        this.compounds = new Compounds(this);
    }

    /** A here-document whose body comes after the next newline. */
    private record HereDoc(RedirectList list, int index, String fd, String operator, String delimiter,
            boolean quoted, boolean strip) {
    }

    /** The whole text as one command line. */
    Node program() throws ShellSyntaxException {
        Node node = list();
        if (!in.atEnd()) {
            throw unexpected();
        }
        readHereDocs();
        return node;
    }

    /** The command in {@code text} (a backquoted command), at {@code base} in the whole command line. */
    Node subSource(String text, int base) throws ShellSyntaxException {
        return new Grammar(new Cursor(text, base, in.budget)).program();
    }

    /** The list of {@code $(…)}, {@code <(…)} or {@code >(…)} up to its {@code )}; {@code start} is where it opened. */
    Node substitution(String opener, int start) throws ShellSyntaxException {
        Node body = list();
        if (!in.eat(')')) {
            if (in.atEnd()) {
                throw in.errorAt("unterminated \"" + opener + "\"", start);
            }
            throw unexpected();
        }
        return body;
    }

    /** Commands up to the end, a {@code )}, a {@code ;;} or a closing reserved word; flattened into one Sequence. */
    Node list() throws ShellSyntaxException {
        List<Node> items = new ArrayList<>();
        skipLinebreaks();
        while (!atListEnd()) {
            andOr(items);
            skipBlanks();
            int c = in.peek();
            int after = in.peek(1);
            if ((c == ';' && after != ';' && after != '&') || (c == '&' && after != '&' && after != '>')) {
                in.next();
            } else if (c != '\n') {
                break;
            }
            skipLinebreaks();
        }
        return items.size() == 1 ? items.get(0) : new Node.Sequence(List.copyOf(items));
    }

    /** Like {@link #list()}, but at least one command; {@code after} names what it follows, for the error. */
    Node body(String after) throws ShellSyntaxException {
        Node node = list();
        if (node instanceof Node.Sequence sequence && sequence.items().isEmpty()) {
            throw expectedCommand(after);
        }
        return node;
    }

    private boolean atListEnd() {
        skipBlanks();
        int c = in.peek();
        if (c == Cursor.EOF || c == ')') {
            return true;
        }
        if (c == ';' && (in.peek(1) == ';' || in.peek(1) == '&')) {
            return true;
        }
        String word = reservedWord();
        return word != null && CLOSERS.contains(word);
    }

    private void andOr(List<Node> items) throws ShellSyntaxException {
        add(items, pipeline());
        while (true) {
            skipBlanks();
            String operator = in.eat("&&") ? "&&" : in.eat("||") ? "||" : null;
            if (operator == null) {
                return;
            }
            skipLinebreaks();
            add(items, pipeline());
        }
    }

    private static void add(List<Node> items, Node node) {
        if (node instanceof Node.Sequence sequence) {
            items.addAll(sequence.items());
        } else {
            items.add(node);
        }
    }

    private Node pipeline() throws ShellSyntaxException {
        boolean negated = false;
        boolean bang = false;
        while (isReserved("!")) {
            in.next();
            negated = !negated;
            bang = true;
            skipBlanks();
        }
        List<Node> stages = new ArrayList<>();
        stages.add(command(bang ? "!" : null));
        while (true) {
            skipBlanks();
            if (in.peek() != '|' || in.peek(1) == '|') {
                break;
            }
            in.next();
            if (in.eat('&')) {
                redirectsOf(stages.get(stages.size() - 1)).append(new Redirect("2", ">&", Word.of("1")));
            }
            skipLinebreaks();
            stages.add(command("|"));
        }
        if (stages.size() == 1 && !bang) {
            return stages.get(0);
        }
        return new Node.Pipeline(List.copyOf(stages), negated);
    }

    private static RedirectList redirectsOf(Node node) {
        if (node instanceof Node.Simple simple) {
            return (RedirectList) simple.redirects();
        }
        if (node instanceof Node.Subshell subshell) {
            return (RedirectList) subshell.redirects();
        }
        if (node instanceof Node.Group group) {
            return (RedirectList) group.redirects();
        }
        return (RedirectList) ((Node.Compound) node).redirects();
    }

    /** One command; {@code after} is the operator it follows ({@code "|"}, {@code "!"}) or null. */
    Node command(String after) throws ShellSyntaxException {
        skipBlanks();
        Node compound = compounds.command();
        if (compound != null) {
            return compound;
        }
        String word = reservedWord();
        if (word != null && (CLOSERS.contains(word) || word.equals("!"))) {
            throw expectedCommand(after);
        }
        int c = in.peek();
        if (c != '&' && c != '<' && c != '>' && WordReader.isMeta(c) || (c == '&' && in.peek(1) != '>')) {
            throw expectedCommand(after);
        }
        return simple();
    }

    private Node simple() throws ShellSyntaxException {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> argv = new ArrayList<>();
        RedirectList redirects = new RedirectList();
        boolean declaration = false;
        while (true) {
            skipBlanks();
            if (redirectAhead()) {
                redirect(redirects);
                continue;
            }
            int c = in.peek();
            if (WordReader.isMeta(c) && !((c == '<' || c == '>') && in.peek(1) == '(')) {
                break;
            }
            if (argv.isEmpty() || declaration) {
                int start = in.pos;
                Assignment assignment = words.assignment();
                if (assignment != null && argv.isEmpty()) {
                    assignments.add(assignment);
                    continue;
                }
                if (assignment != null && assignment.value() == null) {
                    argv.add(arrayWord(assignment));
                    continue;
                }
                in.pos = start;
            }
            Word word = words.word(COMMAND_WORD);
            if (word == null) {
                break;
            }
            argv.add(word);
            if (argv.size() == 1) {
                declaration = DECLARATIONS.contains(String.valueOf(word.literal()));
            }
        }
        if (in.peek() == '(' && argv.size() == 1 && assignments.isEmpty() && redirects.isEmpty()) {
            return compounds.function(argv.get(0));
        }
        if (argv.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
            throw expectedCommand(null);
        }
        return new Node.Simple(List.copyOf(assignments), List.copyOf(argv), redirects);
    }

    /** {@code NAME=(a b)} as an argument of {@code declare} and the like: one word, the elements' parts in it. */
    private static Word arrayWord(Assignment assignment) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part.Literal(assignment.name() + (assignment.append() ? "+=(" : "=("), false));
        String separator = "";
        for (Word element : assignment.array()) {
            parts.add(new Part.Literal(separator, false));
            parts.addAll(element.parts());
            separator = " ";
        }
        parts.add(new Part.Literal(")", false));
        return new Word(WordShaper.join(parts));
    }

    /** Whether a redirection starts at the cursor ({@code 2>}, {@code {fd}>}, {@code &>}, {@code <}, but not {@code <(}). */
    boolean redirectAhead() {
        int k = 0;
        int c = in.peek();
        if (c == '&') {
            return in.peek(1) == '>';
        }
        if (c >= '0' && c <= '9') {
            while (in.peek(k) >= '0' && in.peek(k) <= '9') {
                if (++k > 9) {
                    return false;
                }
            }
        } else if (c == '{') {
            k = 1;
            while (ParamReader.isNameChar(in.peek(k))) {
                if (++k > 64) {
                    return false;
                }
            }
            if (k == 1 || in.peek(k) != '}') {
                return false;
            }
            k++;
        }
        int op = in.peek(k);
        return (op == '<' || op == '>') && in.peek(k + 1) != '(';
    }

    /** Reads the redirection at the cursor (see {@link #redirectAhead()}) into {@code into}. */
    void redirect(RedirectList into) throws ShellSyntaxException {
        StringBuilder fd = new StringBuilder();
        while (in.peek() != '<' && in.peek() != '>' && in.peek() != '&') {
            fd.append((char) in.next());
        }
        String operator = null;
        for (String candidate : REDIRECTS) {
            if (in.eat(candidate)) {
                operator = candidate;
                break;
            }
        }
        String number = fd.length() == 0 ? null : fd.toString();
        int at = in.pos;
        skipBlanks();
        if (operator.startsWith("<<") && !operator.equals("<<<")) {
            hereDoc(into, number, operator, at);
            return;
        }
        Word target = words.word(PLAIN_WORD);
        if (target == null) {
            throw in.errorAt("expected a word after \"" + operator + "\"", at);
        }
        into.append(new Redirect(number, operator, target));
    }

    private void hereDoc(RedirectList into, String fd, String operator, int at) throws ShellSyntaxException {
        StringBuilder delimiter = new StringBuilder();
        boolean quoted = false;
        while (!WordReader.isMeta(in.peek())) {
            int c = in.next();
            if (c == '\'' || c == '"') {
                quoted = true;
                int start = in.pos - 1;
                while (true) {
                    int d = in.rawNext();
                    if (d == Cursor.EOF) {
                        throw in.errorAt(c == '\'' ? "unterminated single quote" : "unterminated double quote", start);
                    }
                    if (d == c) {
                        break;
                    }
                    if (d == '\\' && c == '"' && "$`\"\\".indexOf(in.rawPeek()) >= 0 && in.rawPeek() != Cursor.EOF) {
                        d = in.rawNext();
                    }
                    delimiter.append((char) d);
                }
            } else if (c == '\\') {
                quoted = true;
                int d = in.rawNext();
                if (d != Cursor.EOF) {
                    delimiter.append((char) d);
                }
            } else {
                delimiter.append((char) c);
            }
        }
        if (delimiter.length() == 0 && !quoted) {
            throw in.errorAt("expected a here-document delimiter after \"" + operator + "\"", at);
        }
        int index = into.append(new Redirect(fd, operator, new Word(List.of())));
        pending.add(new HereDoc(into, index, fd, operator, delimiter.toString(), quoted, operator.equals("<<-")));
    }

    /** Reads the bodies of the pending here-documents, which start at the cursor (just past a newline). */
    private void readHereDocs() throws ShellSyntaxException {
        String text = in.text;
        for (HereDoc doc : pending) {
            int start = in.pos;
            StringBuilder body = new StringBuilder();
            while (in.pos < text.length()) {
                int eol = text.indexOf('\n', in.pos);
                int end = eol < 0 ? text.length() : eol;
                int from = in.pos;
                if (doc.strip) {
                    while (from < end && text.charAt(from) == '\t') {
                        from++;
                    }
                }
                in.pos = eol < 0 ? end : eol + 1;
                if (end - from == doc.delimiter.length() && text.startsWith(doc.delimiter, from)) {
                    break;
                }
                body.append(text, from, in.pos);
            }
            Word word = doc.quoted ? new Word(List.of(new Part.Literal(body.toString(), true)))
                    : new Grammar(new Cursor(body.toString(), in.base + start, in.budget)).words.hereDocBody();
            doc.list.replace(doc.index, new Redirect(doc.fd, doc.operator, word));
        }
        pending.clear();
    }

    /** Skips blanks and a comment, not the newline after it. */
    void skipBlanks() {
        while (true) {
            int c = in.peek();
            if (c == ' ' || c == '\t') {
                in.next();
            } else if (c == '#') {
                while (in.rawPeek() != '\n' && in.rawPeek() != Cursor.EOF) {
                    in.pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Skips blanks, comments and newlines, reading any here-document bodies that start after a newline. */
    void skipLinebreaks() throws ShellSyntaxException {
        while (true) {
            skipBlanks();
            if (!in.eat('\n')) {
                return;
            }
            if (!pending.isEmpty()) {
                readHereDocs();
            }
        }
    }

    /** The reserved word at the cursor (unquoted, whole), or null. */
    String reservedWord() {
        StringBuilder word = new StringBuilder();
        for (int k = 0; ; k++) {
            int c = in.peek(k);
            if (WordReader.isMeta(c)) {
                break;
            }
            if (k >= 8) {
                return null;
            }
            word.append((char) c);
        }
        String text = word.toString();
        return RESERVED.contains(text) ? text : null;
    }

    boolean isReserved(String word) {
        return word.equals(reservedWord());
    }

    /** Consumes the reserved word {@code word}, or fails naming the construct it should close. */
    void expect(String word, String opener, int openedAt) throws ShellSyntaxException {
        skipBlanks();
        if (isReserved(word)) {
            in.eat(word);
            return;
        }
        if (in.atEnd()) {
            throw in.errorAt("missing \"" + word + "\" to close \"" + opener + "\"", openedAt);
        }
        throw in.error("expected \"" + word + "\", found " + describe());
    }

    ShellSyntaxException expectedCommand(String after) {
        String what = after == null ? "expected a command" : "expected a command after \"" + after + "\"";
        return in.error(what + ", found " + describe());
    }

    ShellSyntaxException unexpected() {
        return in.error("unexpected " + describe());
    }

    /** The token at the cursor for an error message: an operator or reserved word, else "a word". */
    String describe() {
        int c = in.peek();
        if (c == Cursor.EOF) {
            return "end of input";
        }
        if (c == '\n') {
            return "newline";
        }
        for (String operator : new String[] {";;&", ";;", ";&", "&&", "||", "|&", "<<<", "<<-", "<<", ">>", "&>>",
            "&>", "<&", ">&", "<>", ">|", ";", "&", "|", "(", ")", "<", ">"}) {
            boolean match = true;
            for (int k = 0; k < operator.length() && match; k++) {
                match = in.peek(k) == operator.charAt(k);
            }
            if (match) {
                return "\"" + operator + "\"";
            }
        }
        String word = reservedWord();
        return word != null ? "\"" + word + "\"" : "a word";
    }
}
