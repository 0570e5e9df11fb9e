package dev.vault.core.guard.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The compound commands: {@code ( )}, {@code { }}, {@code (( ))}, {@code if}, {@code while}, {@code until},
 * {@code for}, {@code select}, {@code case}, {@code [[ ]]}, function definitions and {@code coproc}.
 */
final class Compounds {
    private final Grammar grammar;
    private final Cursor in;

    Compounds(Grammar grammar) {
        this.grammar = grammar;
        this.in = grammar.in;
    }

    /** The compound command at the cursor, or null when none starts here. */
    Node command() throws ShellSyntaxException {
        String word = in.peek() == '(' ? "(" : grammar.reservedWord();
        if (word == null) {
            return null;
        }
        int start = in.pos;
        Node node;
        in.enter(start);
        switch (word) {
            case "(" -> node = parenthesised(start);
            case "{" -> node = group(start);
            case "if" -> node = ifCommand(start);
            case "while", "until" -> node = loop(word, start);
            case "for", "select" -> node = forCommand(word, start);
            case "case" -> node = caseCommand(start);
            case "[[" -> node = test(start);
            case "function" -> node = functionKeyword(start);
            case "coproc" -> node = coproc();
            default -> node = null;
        }
        in.leave();
        return node;
    }

    private RedirectList redirects() throws ShellSyntaxException {
        RedirectList redirects = new RedirectList();
        while (true) {
            grammar.skipBlanks();
            if (!grammar.redirectAhead()) {
                return redirects;
            }
            grammar.redirect(redirects);
        }
    }

    private Node parenthesised(int start) throws ShellSyntaxException {
        if (in.peek(1) == '(') {
            in.next();
            in.next();
            int end = in.arithmeticEnd(in.pos);
            if (end >= 0) {
                String expression = in.text.substring(in.pos, end);
                in.pos = end + 2;
                return new Node.Compound("((", List.of(Word.of(expression)), List.of(), redirects());
            }
            in.pos = start;
        }
        in.next();
        Node body = grammar.body("(");
        if (!in.eat(')')) {
            if (in.atEnd()) {
                throw in.errorAt("missing \")\" to close \"(\"", start);
            }
            throw grammar.unexpected();
        }
        return new Node.Subshell(body, redirects());
    }

    private Node group(int start) throws ShellSyntaxException {
        in.eat("{");
        Node body = grammar.body("{");
        grammar.expect("}", "{", start);
        return new Node.Group(body, redirects());
    }

    private Node ifCommand(int start) throws ShellSyntaxException {
        in.eat("if");
        List<Node> bodies = new ArrayList<>();
        bodies.add(grammar.body("if"));
        grammar.expect("then", "if", start);
        bodies.add(grammar.body("then"));
        while (true) {
            grammar.skipBlanks();
            if (grammar.isReserved("elif")) {
                in.eat("elif");
                bodies.add(grammar.body("elif"));
                grammar.expect("then", "if", start);
                bodies.add(grammar.body("then"));
                continue;
            }
            if (grammar.isReserved("else")) {
                in.eat("else");
                bodies.add(grammar.body("else"));
            }
            grammar.expect("fi", "if", start);
            return new Node.Compound("if", List.of(), List.copyOf(bodies), redirects());
        }
    }

    private Node loop(String keyword, int start) throws ShellSyntaxException {
        in.eat(keyword);
        Node condition = grammar.body(keyword);
        grammar.expect("do", keyword, start);
        Node body = grammar.body("do");
        grammar.expect("done", keyword, start);
        return new Node.Compound(keyword, List.of(), List.of(condition, body), redirects());
    }

    private Node forCommand(String keyword, int start) throws ShellSyntaxException {
        in.eat(keyword);
        grammar.skipBlanks();
        List<Word> words = new ArrayList<>();
        if (keyword.equals("for") && in.peek() == '(' && in.peek(1) == '(') {
            in.next();
            in.next();
            int end = in.arithmeticEnd(in.pos);
            if (end < 0) {
                throw in.errorAt("unterminated \"for ((\"", start);
            }
            arithmeticClauses(in.text.substring(in.pos, end), words, start);
            in.pos = end + 2;
            grammar.skipBlanks();
            in.eat(';');
        } else {
            Word name = grammar.words.word(0);
            String literal = name == null ? null : name.literal();
            if (literal == null || literal.isEmpty() || !ParamReader.isNameStart(literal.charAt(0))) {
                throw in.error("expected a variable name after \"" + keyword + "\"");
            }
            words.add(name);
            grammar.skipLinebreaks();
            if (grammar.isReserved("in")) {
                in.eat("in");
                while (true) {
                    grammar.skipBlanks();
                    int c = in.peek();
                    if (c == ';' || c == '\n' || c == Cursor.EOF) {
                        break;
                    }
                    Word word = grammar.words.word(Grammar.COMMAND_WORD);
                    if (word == null) {
                        throw grammar.unexpected();
                    }
                    words.add(word);
                }
            }
            in.eat(';');
        }
        grammar.skipLinebreaks();
        Node body;
        if (grammar.isReserved("do")) {
            in.eat("do");
            body = grammar.body("do");
            grammar.expect("done", keyword, start);
        } else if (grammar.isReserved("{")) {
            int open = in.pos;
            in.enter(open);
            body = group(open);
            in.leave();
        } else {
            grammar.expect("do", keyword, start);
            throw grammar.unexpected();
        }
        return new Node.Compound(keyword, List.copyOf(words), List.of(body), redirects());
    }

    /** Splits {@code init; condition; step} at the semicolons outside parentheses. */
    private void arithmeticClauses(String expression, List<Word> words, int start) throws ShellSyntaxException {
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= expression.length(); i++) {
            char c = i < expression.length() ? expression.charAt(i) : ';';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ';' && depth == 0) {
                words.add(Word.of(expression.substring(from, i).trim()));
                from = i + 1;
            }
        }
        if (words.size() != 3) {
            throw in.errorAt("expected three expressions in \"for ((…))\"", start);
        }
    }

    private Node caseCommand(int start) throws ShellSyntaxException {
        in.eat("case");
        grammar.skipBlanks();
        Word subject = grammar.words.word(WordShaper.TILDE);
        if (subject == null) {
            throw in.error("expected a word after \"case\", found " + grammar.describe());
        }
        List<Word> words = new ArrayList<>();
        words.add(subject);
        grammar.skipLinebreaks();
        if (!grammar.isReserved("in")) {
            throw in.error("expected \"in\" after the word of \"case\", found " + grammar.describe());
        }
        in.eat("in");
        List<Node> bodies = new ArrayList<>();
        while (true) {
            grammar.skipLinebreaks();
            if (grammar.isReserved("esac")) {
                in.eat("esac");
                return new Node.Compound("case", List.copyOf(words), List.copyOf(bodies), redirects());
            }
            if (in.atEnd()) {
                throw in.errorAt("missing \"esac\" to close \"case\"", start);
            }
            in.eat('(');
            while (true) {
                grammar.skipBlanks();
                Word pattern = grammar.words.word(Grammar.PLAIN_WORD);
                if (pattern == null) {
                    throw in.error("expected a pattern, found " + grammar.describe());
                }
                words.add(pattern);
                grammar.skipBlanks();
                if (in.eat(')')) {
                    break;
                }
                if (!in.eat('|')) {
                    throw in.atEnd() ? in.errorAt("missing \"esac\" to close \"case\"", start) : grammar.unexpected();
                }
            }
            bodies.add(grammar.list());
            grammar.skipBlanks();
            if (!in.eat(";;&") && !in.eat(";;") && !in.eat(";&") && !grammar.isReserved("esac")) {
                throw in.atEnd() ? in.errorAt("missing \"esac\" to close \"case\"", start) : grammar.unexpected();
            }
        }
    }

    private Node test(int start) throws ShellSyntaxException {
        in.eat("[[");
        List<Word> words = new ArrayList<>();
        while (true) {
            grammar.skipLinebreaks();
            int c = in.peek();
            if (c == ']' && in.peek(1) == ']' && WordReader.isMeta(in.peek(2))) {
                in.eat("]]");
                return new Node.Compound("[[", List.copyOf(words), List.of(), redirects());
            }
            if (c == Cursor.EOF) {
                throw in.errorAt("missing \"]]\" to close \"[[\"", start);
            }
            if (in.eat("&&") || in.eat("||")) {
                words.add(Word.of(c == '&' ? "&&" : "||"));
                continue;
            }
            if (c == '(' || c == ')' || c == '<' || c == '>') {
                in.next();
                words.add(Word.of(String.valueOf((char) c)));
                continue;
            }
            if (c == ';' || c == '&' || c == '|') {
                throw grammar.unexpected();
            }
            int at = in.pos;
            boolean regex = !words.isEmpty() && "=~".equals(words.get(words.size() - 1).literal());
            Word word;
            if (regex) {
                List<Object> items = new ArrayList<>();
                grammar.words.readWord(items, true);
                word = items.isEmpty() ? null : WordShaper.shape(items, 0, in, at);
            } else {
                word = grammar.words.word(Grammar.PLAIN_WORD);
            }
            if (word == null) {
                throw grammar.unexpected();
            }
            words.add(word);
        }
    }

    private Node functionKeyword(int start) throws ShellSyntaxException {
        in.eat("function");
        grammar.skipBlanks();
        Word name = grammar.words.word(0);
        if (name == null || name.literal() == null) {
            throw in.error("expected a function name after \"function\"");
        }
        grammar.skipBlanks();
        if (in.eat('(')) {
            grammar.skipBlanks();
            if (!in.eat(')')) {
                throw grammar.unexpected();
            }
        }
        return functionBody(name);
    }

    /** {@code name ( ) body}, the cursor on the {@code (}. */
    Node function(Word name) throws ShellSyntaxException {
        in.next();
        grammar.skipBlanks();
        if (!in.eat(')')) {
            throw grammar.unexpected();
        }
        if (name.literal() == null) {
            throw in.error("expected a plain function name before \"()\"");
        }
        in.enter(in.pos);
        Node node = functionBody(name);
        in.leave();
        return node;
    }

    private Node functionBody(Word name) throws ShellSyntaxException {
        grammar.skipLinebreaks();
        Node body = command();
        if (body == null) {
            throw in.error("expected a compound command as the function body, found " + grammar.describe());
        }
        return new Node.Compound("function", List.of(name), List.of(body), redirects());
    }

    private Node coproc() throws ShellSyntaxException {
        in.eat("coproc");
        grammar.skipBlanks();
        Node body = command();
        if (body != null) {
            return new Node.Compound("coproc", List.of(), List.of(body), new RedirectList());
        }
        int mark = in.pos;
        Word name = grammar.words.word(0);
        if (name != null && name.literal() != null) {
            grammar.skipBlanks();
            body = command();
            if (body != null) {
                return new Node.Compound("coproc", List.of(name), List.of(body), new RedirectList());
            }
        }
        in.pos = mark;
        return new Node.Compound("coproc", List.of(), List.of(grammar.command("coproc")), new RedirectList());
    }
}
