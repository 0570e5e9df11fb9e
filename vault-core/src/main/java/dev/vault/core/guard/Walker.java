package dev.vault.core.guard;

import dev.vault.core.guard.Flow.Dest;
import dev.vault.core.guard.Flow.In;
import dev.vault.core.guard.Flow.Sink;
import dev.vault.core.guard.Scope.Binding;
import dev.vault.core.guard.shell.Assignment;
import dev.vault.core.guard.shell.Node;
import dev.vault.core.guard.shell.Part;
import dev.vault.core.guard.shell.Redirect;
import dev.vault.core.guard.shell.ShellParser;
import dev.vault.core.guard.shell.ShellSyntaxException;
import dev.vault.core.guard.shell.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks one parsed command line in source order, following where data goes: a command's stdout to the
 * next stage of a pipeline, into a {@code $(…)} word, to a file or to the screen. Unwraps wrappers
 * ({@code sh -c}, {@code sudo}, {@code xargs}, {@code docker exec} …) and walks their inner command.
 * Secret data that reaches the screen, and anything it cannot analyse, is a deny; the first deny wins.
 */
final class Walker {
    private static final int MAX_DEPTH = 32;

    final GuardContext context;
    final SecretNames names;
    final SensitivePaths paths;
    final String home;
    final Map<String, Leak> written = new HashMap<>();
    /** Files written earlier in the line, by absolute path: their text when known, else null. */
    final Map<String, String> scripts = new HashMap<>();
    private final Commands commands;
    private Decision decision;
    private int depth;
    /** The text the last printer wrote, when all of it was literal (for {@code echo .env | xargs cat}). */
    String printed;
    /** The files the last {@code find} listed, as one absolute glob, when its -name said which. */
    String listedFiles;
    /** What the previous stage of this pipeline listed, for {@code find … -name '*.py' | xargs grep …}. */
    String pipedFiles;

    Walker(GuardContext context, SecretNames names, SensitivePaths paths) {
        this.context = context;
        this.names = names;
        this.paths = paths;
        this.home = context.home() == null ? "/root" : context.home().toString();
        this.commands = new Commands(this);
    }

    Decision run(Node root) {
        Scope scope = Scope.top();
        scope.cwd = Glob.escape(context.cwd() == null ? "/" : context.cwd().toString());
        Leak out = node(root, In.NONE, Sink.TO_SCREEN, scope);
        if (decision == null && out != null) {
            decision = out.toScreen();
        }
        return decision == null ? Decision.allow() : decision;
    }

    Commands commands() {
        return commands;
    }

    boolean denied() {
        return decision != null;
    }

    void deny(Decision d) {
        if (decision == null) {
            decision = d;
        }
    }

    void deny(String rule, String reason, String alternative) {
        deny(Decision.deny(rule, reason, alternative));
    }

    void unanalysable(String reason) {
        deny(Advice.UNANALYSABLE, reason, Advice.LITERAL);
    }

    // ---- nodes

    Leak node(Node node, In in, Sink err, Scope scope) {
        if (decision != null) {
            return null;
        }
        if (++depth > MAX_DEPTH) {
            depth--;
            unanalysable("the command nests wrappers and substitutions too deeply to check");
            return null;
        }
        try {
            if (node instanceof Node.Simple simple) {
                return simple(simple, in, err, scope);
            }
            if (node instanceof Node.Pipeline pipeline) {
                return pipeline(pipeline, in, err, scope);
            }
            if (node instanceof Node.Sequence sequence) {
                Leak out = null;
                for (Node item : sequence.items()) {
                    out = first(out, node(item, in, err, scope));
                }
                return out;
            }
            if (node instanceof Node.Subshell subshell) {
                return redirected(List.of(subshell.body()), subshell.redirects(), in, err, scope.child());
            }
            if (node instanceof Node.Group group) {
                return redirected(List.of(group.body()), group.redirects(), in, err, scope);
            }
            if (node instanceof Node.Compound compound) {
                return compound(compound, in, err, scope);
            }
            return null;
        } finally {
            depth--;
        }
    }

    private Leak pipeline(Node.Pipeline pipeline, In in, Sink err, Scope scope) {
        In stageIn = in;
        Leak out = null;
        List<Node> stages = pipeline.stages();
        String outerPipedFiles = pipedFiles;
        pipedFiles = null;
        for (int i = 0; i < stages.size(); i++) {
            printed = null;
            listedFiles = null;
            Scope stage = scope.child();
            out = node(stages.get(i), stageIn, err, stage);
            stageIn = new In(out, true, printed, null);
            pipedFiles = listedFiles;
            if (i == stages.size() - 1 && stages.size() > 1) {
                // zsh (and bash with lastpipe) runs the last stage in the shell itself: `… | read x` sets x
                scope.vars.putAll(stage.vars);
            }
        }
        pipedFiles = outerPipedFiles;
        return out;
    }

    private Leak redirected(List<Node> bodies, List<Redirect> redirects, In in, Sink err, Scope scope) {
        Streams streams = streams(redirects, in, err, scope);
        Sink inner = sinkFor(streams.err, err);
        Leak out = null;
        for (Node body : bodies) {
            out = first(out, node(body, streams.in, inner, scope));
        }
        if (inner.kind == Sink.COLLECT) {
            out = first(out, inner.collected);
        }
        return route(out, streams.out, err, scope);
    }

    private Leak compound(Node.Compound compound, In in, Sink err, Scope scope) {
        String keyword = compound.keyword();
        List<Word> words = compound.words();
        switch (keyword) {
            case "function" -> {
                if (!words.isEmpty() && !compound.bodies().isEmpty()) {
                    String name = text(words.get(0), scope);
                    if (name != null) {
                        scope.functions.put(name, compound.bodies().get(0));
                    }
                }
                return null;
            }
            case "for", "select" -> {
                if (words.isEmpty()) {
                    return redirected(compound.bodies(), compound.redirects(), in, err, scope);
                }
                String variable = text(words.get(0), scope);
                List<Word> list = words.subList(1, words.size());
                Leak listLeak = null;
                for (Word word : list) {
                    listLeak = first(listLeak, wordLeak(word, scope, err));
                }
                if (variable == null || list.isEmpty() || list.size() > 8) {
                    if (variable != null) {
                        scope.vars.put(variable, new Binding(null, listLeak));
                    }
                    return redirected(compound.bodies(), compound.redirects(), in, err, scope);
                }
                Leak out = null;
                for (Word word : list) {
                    scope.vars.put(variable, new Binding(word, listLeak));
                    out = first(out, redirected(compound.bodies(), compound.redirects(), in, err, scope));
                    if (decision != null) {
                        break;
                    }
                }
                return out;
            }
            case "case", "[[", "((" -> {
                boolean match = false;
                Leak matched = null;
                for (Word word : words) {
                    match |= "=~".equals(word.literal());
                }
                for (Word word : words) {
                    Leak leak = wordLeak(word, scope, err);
                    matched = first(matched, leak);
                    String literal = keyword.equals("((") ? word.literal() : null;
                    leak = first(leak, literal == null ? null : arithmeticLeak(literal, scope, err));
                    if (leak != null && keyword.equals("((")) {
                        receive(err, leak);
                    }
                }
                if (match && keyword.equals("[[")) {
                    scope.vars.put("BASH_REMATCH", new Binding(null, matched));
                    scope.vars.put("match", new Binding(null, matched));
                    scope.vars.put("MATCH", new Binding(null, matched));
                }
                return redirected(compound.bodies(), compound.redirects(), in, err, scope);
            }
            default -> {
                return redirected(compound.bodies(), compound.redirects(), in, err, scope);
            }
        }
    }

    private Leak simple(Node.Simple simple, In in, Sink err, Scope scope) {
        printed = null;
        List<Word> words = simple.words();
        for (Assignment assignment : simple.assignments()) {
            Leak leak = assignment.value() == null ? null : wordLeak(assignment.value(), scope, err);
            for (Word element : assignment.array()) {
                leak = first(leak, wordLeak(element, scope, err));
            }
            if (words.isEmpty()) {
                scope.vars.put(assignment.name(), new Binding(assignment.array().isEmpty() ? assignment.value() : null,
                        leak));
            }
        }
        if (words.isEmpty()) {
            Streams streams = streams(simple.redirects(), in, err, scope);
            Leak out = streams.in == in ? null : streams.in.leak();
            if (streams.in != in && streams.in.unknown() != null) {
                unanalysable("the file " + streams.in.unknown() + " is read to the screen, and it is not a literal");
            }
            return route(out, streams.out, err, scope);
        }
        Argv argv = argv(words, scope, err);
        if (decision != null) {
            return null;
        }
        return invoke(argv, simple.redirects(), in, err, scope);
    }

    /** Runs a command with its redirections: where its stdout and stderr go, what its stdin is. */
    private Leak invoke(Argv argv, List<Redirect> redirects, In in, Sink err, Scope scope) {
        Streams streams = streams(redirects, in, err, scope);
        Sink inner = sinkFor(streams.err, err);
        printed = null;
        Leak out = commands.run(argv, streams.in, inner, scope);
        if (inner.kind == Sink.COLLECT) {
            out = first(out, inner.collected);
        }
        if (streams.out.kind() == Dest.FILE && streams.out.path() != null) {
            String content = printed;
            if (content == null && argv.is(0, "cat") && argv.size() == 1) {
                content = streams.in.text();
            }
            boolean append = false;
            for (Redirect redirect : redirects) {
                append |= redirect.operator().equals(">>") || redirect.operator().equals("&>>");
            }
            String before = scripts.get(streams.out.path());
            if (append && scripts.containsKey(streams.out.path())) {
                content = before == null || content == null ? null : before + "\n" + content;
            }
            scripts.put(streams.out.path(), content);
        }
        return route(out, streams.out, err, scope);
    }

    /**
     * Runs a script file written earlier in the same line ({@code echo 'cat .env' > s; sh s}, see
     * {@link #scripts}): walks its text, or denies when its text is not known.
     */
    Leak script(String path, In in, Sink err, Scope scope, String excerpt) {
        String text = scripts.get(path);
        if (text == null) {
            unanalysable("\"" + excerpt + "\" runs the file \"" + path + "\", written earlier in the line with"
                    + " text that cannot be known before it runs");
            return null;
        }
        return text(text, in, err, scope);
    }

    /** Walks a piece of shell text given as a string ({@code sh -c}, {@code eval}, {@code watch}). */
    Leak text(String source, In in, Sink err, Scope scope) {
        Node parsed;
        try {
            parsed = ShellParser.parse(source);
        } catch (ShellSyntaxException e) {
            deny(Advice.PARSE_ERROR, "the inner command \"" + shorten(source) + "\" does not parse: " + e.getMessage(),
                    Advice.PARSE);
            return null;
        }
        return node(parsed, in, err, scope);
    }

    /** The whitespace-separated tokens of a text. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    static String shorten(String text) {
        String one = text.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }

    // ---- data flow

    static Leak first(Leak a, Leak b) {
        return a != null ? a : b;
    }

    void receive(Sink sink, Leak leak) {
        if (leak == null) {
            return;
        }
        switch (sink.kind) {
            case Sink.SCREEN -> deny(leak.toScreen());
            case Sink.FILE -> {
                if (sink.path != null) {
                    written.putIfAbsent(sink.path, leak);
                }
            }
            case Sink.COLLECT -> {
                if (sink.collected == null) {
                    sink.collected = leak;
                }
            }
            default -> {
            }
        }
    }

    private Sink sinkFor(Dest dest, Sink parent) {
        return switch (dest.kind()) {
            case Dest.ERR -> parent;
            case Dest.OUT -> new Sink(Sink.COLLECT, null);
            case Dest.DISCARD -> Sink.TO_NOWHERE;
            case Dest.FILE -> new Sink(Sink.FILE, dest.path());
            default -> Sink.TO_SCREEN;
        };
    }

    /** Sends a command's stdout where its redirections say; returns what reaches the enclosing stdout. */
    private Leak route(Leak leak, Dest dest, Sink err, Scope scope) {
        switch (dest.kind()) {
            case Dest.OUT:
                return leak;
            case Dest.ERR:
                receive(err, leak);
                return null;
            case Dest.FILE:
                if (leak != null && dest.path() != null) {
                    written.putIfAbsent(dest.path(), leak);
                }
                return null;
            case Dest.SCREEN:
                if (leak != null) {
                    deny(leak.toScreen());
                }
                return null;
            case Dest.PROC:
                return node(dest.proc(), new In(leak, true, null, null), err, scope.child());
            default:
                return null;
        }
    }

    private static final class Streams {
        Dest out = Dest.TO_OUT;
        Dest err = Dest.TO_ERR;
        In in;
    }

    private Streams streams(List<Redirect> redirects, In in, Sink err, Scope scope) {
        Streams streams = new Streams();
        streams.in = in;
        for (Redirect redirect : redirects) {
            String op = redirect.operator();
            Word target = redirect.target();
            int fd = fd(redirect.fd(), op);
            switch (op) {
                case ">", ">>", ">|" -> set(streams, fd, output(target, streams, scope, err));
                case "&>", "&>>" -> {
                    Dest dest = output(target, streams, scope, err);
                    streams.out = dest;
                    streams.err = dest;
                }
                case ">&" -> {
                    String t = target.literal();
                    if ("1".equals(t)) {
                        set(streams, fd, streams.out);
                    } else if ("2".equals(t)) {
                        set(streams, fd, streams.err);
                    } else if ("-".equals(t)) {
                        set(streams, fd, Dest.NOWHERE);
                    } else if (t != null && !t.isEmpty() && Character.isDigit(t.charAt(0))) {
                        set(streams, fd, Dest.NOWHERE);
                    } else if (redirect.fd() == null) {
                        Dest dest = output(target, streams, scope, err);
                        streams.out = dest;
                        streams.err = dest;
                    } else {
                        set(streams, fd, output(target, streams, scope, err));
                    }
                }
                case "<", "<>" -> {
                    if (fd == 0) {
                        streams.in = input(target, scope, err);
                    } else if (redirect.fd() != null) {
                        if (scope.fds == null) {
                            scope.fds = new HashMap<>();
                        }
                        scope.fds.put(redirect.fd(), input(target, scope, err));
                    }
                }
                case "<&" -> {
                    String t = target.literal();
                    In opened = t == null || scope.fds == null ? null : scope.fds.get(t);
                    if (fd == 0 && opened != null) {
                        streams.in = opened;
                    }
                }
                case "<<<" -> {
                    Leak leak = wordLeak(target, scope, err);
                    String text = target.literal();
                    streams.in = new In(leak, false, text == null ? null : text + "\n", null);
                }
                case "<<", "<<-" -> {
                    Leak leak = wordLeak(target, scope, err);
                    if (leak != null && leak.source() == null) {
                        leak = new Leak(leak.rule(), leak.what(), "a here-document", leak.alternative());
                    }
                    String text = target.literal() != null ? target.literal() : text(target, scope);
                    streams.in = new In(leak, false, text, null);
                }
                default -> {
                }
            }
        }
        return streams;
    }

    private static int fd(String fd, String op) {
        if (fd == null) {
            return op.startsWith("<") ? 0 : 1;
        }
        if (fd.equals("0")) {
            return 0;
        }
        if (fd.equals("1")) {
            return 1;
        }
        if (fd.equals("2")) {
            return 2;
        }
        return 9;
    }

    private static void set(Streams streams, int fd, Dest dest) {
        if (fd == 1) {
            streams.out = dest;
        } else if (fd == 2) {
            streams.err = dest;
        }
    }

    private Dest output(Word target, Streams streams, Scope scope, Sink err) {
        for (Part part : target.parts()) {
            if (part instanceof Part.ProcessSub sub) {
                return new Dest(Dest.PROC, null, sub.body());
            }
        }
        wordLeak(target, scope, err);
        String path = path(target, scope);
        if (path == null) {
            return new Dest(Dest.FILE, null, null);
        }
        switch (path) {
            case "/dev/null":
                return Dest.NOWHERE;
            case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
                return streams.out;
            case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
                return streams.err;
            case "/dev/tty", "/dev/console":
                return Dest.TTY;
            default:
                return new Dest(Dest.FILE, path, null);
        }
    }

    private In input(Word target, Scope scope, Sink err) {
        for (Part part : target.parts()) {
            if (part instanceof Part.ProcessSub sub) {
                Leak leak = node(sub.body(), In.NONE, err, scope.child());
                return new In(leak, true, null, null);
            }
        }
        Leak wordLeak = wordLeak(target, scope, err);
        String pattern = pattern(target, scope);
        if (pattern == null) {
            return new In(wordLeak, false, null, "\"" + Excerpt.of(target) + "\"");
        }
        Leak leak = fileLeak(pattern, Excerpt.of(target), "< " + Excerpt.of(target), false);
        String plain = Glob.unescape(pattern);
        if (scripts.containsKey(plain)) {
            String text = scripts.get(plain);
            return new In(leak, false, text, text == null ? "\"" + Excerpt.of(target) + "\" (written earlier in the line)"
                    : null);
        }
        return new In(leak, false, null, null);
    }

    /** The secret data reading a file gives: key material, a credential file, or one written earlier. */
    Leak fileLeak(String pattern, String shown, String source, boolean findStyle) {
        SensitivePaths.Kind kind = paths.classify(pattern, findStyle);
        switch (kind) {
            case KEY:
                return new Leak(Advice.KEY_MATERIAL, "the private key \"" + shown + "\"", source, Advice.KEY);
            case CREDENTIAL:
                return new Leak(Advice.CREDENTIAL_FILE, "the credential file \"" + shown + "\"", source,
                        Advice.CREDENTIALS);
            case ENVIRON:
                return new Leak(Advice.ENV_DUMP, "a process's environment (\"" + shown + "\")", source, Advice.ENV);
            default:
                break;
        }
        if (!written.isEmpty()) {
            String plain = Glob.unescape(pattern);
            Leak earlier = written.get(plain);
            if (earlier == null && Glob.hasGlob(pattern)) {
                for (Map.Entry<String, Leak> entry : written.entrySet()) {
                    if (Glob.matches(pattern, entry.getKey(), true)) {
                        earlier = entry.getValue();
                        break;
                    }
                }
            }
            if (earlier != null) {
                return new Leak(earlier.rule(), earlier.what() + ", written to \"" + shown + "\" earlier in the line,",
                        earlier.source(), earlier.alternative());
            }
        }
        return null;
    }

    // ---- words

    Argv argv(List<Word> words, Scope scope, Sink err) {
        int n = words.size();
        Word[] array = new Word[n];
        String[] text = new String[n];
        Leak[] leaks = new Leak[n];
        for (int i = 0; i < n; i++) {
            Word word = words.get(i);
            array[i] = word;
            text[i] = text(word, scope);
            leaks[i] = text[i] != null && isPlain(word) ? null : wordLeak(word, scope, err);
        }
        return new Argv(array, text, leaks, 0);
    }

    private static boolean isPlain(Word word) {
        for (Part part : word.parts()) {
            if (!(part instanceof Part.Literal) && !(part instanceof Part.Tilde)) {
                return false;
            }
        }
        return true;
    }

    /** The secret data a word's expansions carry when it is expanded, or null. Walks its substitutions. */
    Leak wordLeak(Word word, Scope scope, Sink err) {
        Leak found = null;
        for (Part part : word.parts()) {
            Leak leak = null;
            if (part instanceof Part.Param param) {
                leak = paramLeak(param, scope, err);
            } else if (part instanceof Part.CommandSub sub) {
                leak = node(sub.body(), In.NONE, err, scope.child());
            } else if (part instanceof Part.ProcessSub sub) {
                leak = node(sub.body(), In.NONE, err, scope.child());
            } else if (part instanceof Part.Brace brace) {
                for (Word alternative : brace.alternatives()) {
                    leak = first(leak, wordLeak(alternative, scope, err));
                }
            } else if (part instanceof Part.Arith arith) {
                leak = arithmeticLeak(arith.expression(), scope, err);
                receive(err, leak);
            }
            found = first(found, leak);
        }
        return found;
    }

    /** The secret data the expansions inside an arithmetic expression carry (its error shows them). */
    Leak arithmeticLeak(String expression, Scope scope, Sink err) {
        Leak named = arithmeticNames(expression, scope);
        if (expression.indexOf('$') < 0 && expression.indexOf('`') < 0) {
            return named;
        }
        try {
            return first(named, wordLeak(ShellParser.parseArithmetic(expression), scope, err));
        } catch (ShellSyntaxException e) {
            unanalysable("the arithmetic expression \"" + shorten(expression) + "\" does not parse");
            return null;
        }
    }

    /**
     * The secret data of variables named bare in an arithmetic expression ({@code $((TOKEN))}): their value
     * is evaluated, and an error message shows it.
     */
    private Leak arithmeticNames(String expression, Scope scope) {
        int n = expression.length();
        int i = 0;
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
                boolean expanded = start > 0 && (expression.charAt(start - 1) == '$'
                        || expression.charAt(start - 1) == '{' || expression.charAt(start - 1) == '#');
                if (!expanded) {
                    Leak leak = valueLeak(expression.substring(start, i), scope);
                    if (leak != null) {
                        return leak;
                    }
                }
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isLetterOrDigit(expression.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return null;
    }

    private Leak paramLeak(Part.Param param, Scope scope, Sink err) {
        String op = param.operator();
        if ("length".equals(op) || "names".equals(op)) {
            return null;
        }
        Leak argument = param.argument() == null ? null : wordLeak(param.argument(), scope, err);
        if (":+".equals(op) || "+".equals(op)) {
            return argument;
        }
        if (":?".equals(op) || "?".equals(op)) {
            receive(err, argument);
        }
        if ((":=".equals(op) || "=".equals(op)) && param.argument() != null && !SecretNames.isSpecial(param.name())) {
            Leak value = first(valueLeak(param.name(), scope), argument);
            if (scope.vars.get(param.name()) == null) {
                scope.vars.put(param.name(), new Binding(null, value));
            }
            return value;
        }
        if ("indirect".equals(op)) {
            Word target = known(new Part.Param(param.name(), null, null, false), scope, 0);
            String name = target == null || target == HOME_WORD || target == PWD_WORD ? null : text(target, scope);
            if (name == null) {
                return new Leak(Advice.UNANALYSABLE, "the value of the variable that $" + param.name() + " names",
                        null, Advice.LITERAL);
            }
            return valueLeak(name, scope);
        }
        return first(valueLeak(param.name(), scope), argument);
    }

    /** The secret data expanding the variable gives, or null. */
    Leak valueLeak(String name, Scope scope) {
        if (scope.positional != null && name.length() == 1 && Character.isDigit(name.charAt(0))) {
            int index = name.charAt(0) - '0';
            return index < scope.positional.length && scope.positional[index] != null
                    ? scope.positional[index].leak() : null;
        }
        Binding binding = scope.vars.get(name);
        if (binding != null) {
            return binding.leak();
        }
        if (isSecret(name, scope)) {
            return new Leak(Advice.SECRET_VARIABLE, "the value of $" + name, null, Advice.variable(name));
        }
        return null;
    }

    boolean isSecret(String name, Scope scope) {
        return names.isSecret(name) || scope.extraSecret.contains(name)
                || scope.strict && !SecretNames.wellKnown(name);
    }

    /** The word's text when it is known before it runs ({@code ~} and {@code $HOME} resolved), else null. */
    String text(Word word, Scope scope) {
        List<Part> parts = word.parts();
        if (parts.size() == 1 && parts.get(0) instanceof Part.Literal literal) {
            return literal.text();
        }
        StringBuilder out = new StringBuilder();
        return appendText(out, word, scope, 0) ? out.toString() : null;
    }

    private boolean appendText(StringBuilder out, Word word, Scope scope, int level) {
        for (Part part : word.parts()) {
            if (part instanceof Part.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Part.Tilde tilde) {
                out.append(tildeHome(tilde));
            } else if (part instanceof Part.Param param) {
                Word bound = known(param, scope, level);
                if (bound == null) {
                    return false;
                }
                if (bound == HOME_WORD) {
                    out.append(home);
                } else if (bound == PWD_WORD) {
                    out.append(Glob.unescape(scope.cwd));
                } else if (!appendText(out, bound, scope, level + 1)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static final Word HOME_WORD = Word.of("$HOME");
    private static final Word PWD_WORD = Word.of("$PWD");

    /** The word a variable is known to hold, or null. */
    private Word known(Part.Param param, Scope scope, int level) {
        String op = param.operator();
        if (level > 4 || op != null && !op.equals(":-") && !op.equals("-")) {
            return null;
        }
        String name = param.name();
        if (scope.positional != null && name.length() == 1 && Character.isDigit(name.charAt(0))) {
            int index = name.charAt(0) - '0';
            Binding binding = index < scope.positional.length ? scope.positional[index] : null;
            return binding == null ? null : binding.word();
        }
        Binding binding = scope.vars.get(name);
        if (binding != null) {
            return binding.word();
        }
        if (name.equals("HOME")) {
            return HOME_WORD;
        }
        if (name.equals("PWD") && !scope.cwd.contains("*")) {
            return PWD_WORD;
        }
        return null;
    }

    private String tildeHome(Part.Tilde tilde) {
        String user = tilde.user();
        if (user == null || user.isEmpty()) {
            return home;
        }
        return user.equals("root") ? "/root" : "/home/" + user;
    }

    /** An absolute, normalised path for a word that names one file (no glob), or null. */
    String path(Word word, Scope scope) {
        String pattern = pattern(word, scope);
        return pattern == null || Glob.hasGlob(pattern) ? null : Glob.unescape(pattern);
    }

    /**
     * The word as an absolute, normalised glob pattern (literal text escaped), or null when part of it is
     * not known. A brace expansion gives the first alternative that is sensitive, else the first.
     */
    String pattern(Word word, Scope scope) {
        List<String> all = patterns(word, scope);
        if (all == null || all.isEmpty()) {
            return null;
        }
        if (all.size() > 1) {
            for (String candidate : all) {
                if (paths.classify(candidate, false) != SensitivePaths.Kind.NONE) {
                    return candidate;
                }
            }
        }
        return all.get(0);
    }

    /** Every pattern a word (with brace expansion) stands for, absolute and normalised; null if unknown. */
    List<String> patterns(Word word, Scope scope) {
        List<StringBuilder> outs = new ArrayList<>(1);
        outs.add(new StringBuilder());
        if (!appendPattern(outs, word, scope, 0)) {
            return null;
        }
        List<String> result = new ArrayList<>(outs.size());
        for (StringBuilder out : outs) {
            result.add(absolute(out.toString(), scope));
        }
        return result;
    }

    private boolean appendPattern(List<StringBuilder> outs, Word word, Scope scope, int level) {
        for (Part part : word.parts()) {
            if (part instanceof Part.Literal literal) {
                append(outs, Glob.escape(literal.text()));
            } else if (part instanceof Part.Tilde tilde) {
                append(outs, Glob.escape(tildeHome(tilde)));
            } else if (part instanceof Part.Glob glob) {
                String pattern = glob.pattern();
                boolean extglob = pattern.length() > 1 && pattern.charAt(1) == '('
                        && "?*+@!".indexOf(pattern.charAt(0)) >= 0;
                append(outs, extglob ? "*" : pattern);
            } else if (part instanceof Part.Param param) {
                Word bound = known(param, scope, level);
                if (bound == null) {
                    return false;
                }
                if (bound == HOME_WORD) {
                    append(outs, Glob.escape(home));
                } else if (bound == PWD_WORD) {
                    append(outs, scope.cwd);
                } else if (!appendPattern(outs, bound, scope, level + 1)) {
                    return false;
                }
            } else if (part instanceof Part.Brace brace) {
                List<StringBuilder> next = new ArrayList<>();
                for (StringBuilder out : outs) {
                    for (Word alternative : brace.alternatives()) {
                        List<StringBuilder> one = new ArrayList<>(1);
                        one.add(new StringBuilder(out));
                        if (!appendPattern(one, alternative, scope, level + 1)) {
                            return false;
                        }
                        next.addAll(one);
                        if (next.size() > 32) {
                            return false;
                        }
                    }
                }
                outs.clear();
                outs.addAll(next);
            } else {
                return false;
            }
        }
        return true;
    }

    private static void append(List<StringBuilder> outs, String text) {
        for (StringBuilder out : outs) {
            out.append(text);
        }
    }

    /** Makes a pattern absolute against the scope's folder and removes {@code .}, {@code ..} and {@code //}. */
    static String absolute(String pattern, Scope scope) {
        String full = pattern.startsWith("/") ? pattern : scope.cwd + "/" + pattern;
        if (full.indexOf("/.") < 0 && full.indexOf("//") < 0 && !full.endsWith("/")) {
            return full;
        }
        String[] segments = full.split("/");
        String[] stack = new String[segments.length];
        int top = 0;
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (top > 0) {
                    top--;
                }
                continue;
            }
            stack[top++] = segment;
        }
        if (top == 0) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < top; i++) {
            out.append('/').append(stack[i]);
        }
        return out.toString();
    }

    /** Binds words to $0, $1, … for an inner shell or a function. */
    Binding[] positional(Argv argv, int from) {
        int count = Math.max(argv.size() - from, 0);
        Binding[] bindings = new Binding[Math.min(count, 10)];
        for (int i = 0; i < bindings.length; i++) {
            bindings[i] = new Binding(argv.word(from + i), argv.leak(from + i));
        }
        return bindings;
    }
}
