package dev.vault.core.guard;

import dev.vault.core.guard.Flow.In;
import dev.vault.core.guard.Flow.Sink;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Commands that copy what they read to stdout: {@code cat}, {@code head}, {@code grep}, {@code sed},
 * {@code base64}, {@code xxd}, {@code jq} … Reading a key or a credential file (or its stdin) puts it on
 * stdout; a file operand that is not a literal is unanalysable. Editors show what they open on the screen
 * whatever stdout is. {@code tee}, {@code cp} and {@code dd} are here too.
 */
final class Readers {
    /** How a reader takes its operands: all files, or a script/pattern first unless given by option. */
    private record Spec(boolean scriptFirst, String shortValues, Set<String> longValues, String quietShorts,
                        Set<String> quietLongs, String scriptShorts) {
    }

    private static final Map<String, Spec> TABLE = new HashMap<>();
    /** Filters that read only stdin and copy it out, changed: their operands are not files. */
    private static final Set<String> FILTERS = Set.of("tr", "ts", "lolcat", "col", "colrm", "numfmt", "ansi2html",
            "aha", "dos2unix", "unix2dos", "mac2unix", "unix2mac");
    private static final Set<String> EDITORS = Set.of("vim", "vi", "nvim", "view", "nano", "emacs", "micro", "pico",
            "joe", "mcedit", "ed", "ex", "kak", "hx", "helix", "vimdiff", "gvim", "mvim", "sudoedit", "rvim");
    private static final Set<String> GREP_LONG = Set.of("--regexp", "--file", "--max-count", "--after-context",
            "--before-context", "--context", "--label", "--color", "--colour", "--devices", "--directories",
            "--binary-files", "--exclude-from", "--glob", "--iglob", "--type", "--type-not", "--replace",
            "--max-depth", "--threads", "--encoding", "--max-columns", "--sort", "--sortr", "--colors", "--pre",
            "--pre-glob", "--type-add", "--max-filesize", "--ignore-file", "--engine", "--context-separator",
            "--field-match-separator", "--path-separator", "--include", "--exclude", "--exclude-dir");
    private static final Set<String> GREP_QUIET = Set.of("--count", "--quiet", "--silent", "--files-with-matches",
            "--files-without-match", "--files", "--count-matches", "--type-list");

    static {
        Spec plain = new Spec(false, "", Set.of(), "", Set.of(), "");
        for (String name : new String[]{"cat", "tac", "more", "most", "pg", "rev", "comm", "zcat", "gzcat", "bzcat",
                "xzcat", "zstdcat", "lz4cat", "zless", "zmore", "less", "jless", "hexyl", "pr", "column",
                "fmt", "expand", "unexpand", "paste", "bat", "batcat", "xxd", "strings", "hexdump", "hd",
                "od", "base64", "base32", "basenc", "diff", "sdiff", "colordiff", "fold", "nl", "head", "tail",
                "sort", "uniq", "cut", "join", "iconv", "shuf", "cmp", "diff3", "wdiff", "vimcat", "plutil",
                "xmllint", "csvlook", "fx", "mlr", "tsort"}) {
            TABLE.put(name, plain);
        }
        TABLE.put("head", new Spec(false, "nc", Set.of("--lines", "--bytes"), "", Set.of(), ""));
        TABLE.put("tail", new Spec(false, "ncs", Set.of("--lines", "--bytes", "--pid", "--sleep-interval"), "",
                Set.of(), ""));
        TABLE.put("nl", new Spec(false, "bdfhilnsvw", Set.of(), "", Set.of(), ""));
        TABLE.put("sort", new Spec(false, "kotST", Set.of("--key", "--output", "--field-separator", "--buffer-size",
                "--temporary-directory", "--parallel"), "", Set.of(), ""));
        TABLE.put("uniq", new Spec(false, "fsw", Set.of(), "", Set.of(), ""));
        TABLE.put("cut", new Spec(false, "bcdf", Set.of("--bytes", "--characters", "--delimiter", "--fields"), "",
                Set.of(), ""));
        TABLE.put("xxd", new Spec(false, "cglsoC", Set.of(), "", Set.of(), ""));
        TABLE.put("od", new Spec(false, "AjNtw", Set.of(), "", Set.of(), ""));
        TABLE.put("hexdump", new Spec(false, "nsef", Set.of(), "", Set.of(), ""));
        TABLE.put("base64", new Spec(false, "w", Set.of("--wrap"), "", Set.of(), ""));
        TABLE.put("strings", new Spec(false, "nte", Set.of("--bytes", "--radix", "--encoding"), "", Set.of(), ""));
        TABLE.put("diff", new Spec(false, "CUDLFIxXS", Set.of("--label", "--unified", "--context"), "q",
                Set.of("--brief", "--quiet"), ""));
        TABLE.put("bat", new Spec(false, "lmrH", Set.of("--language", "--line-range", "--highlight-line", "--style",
                "--theme", "--map-syntax", "--tabs", "--wrap", "--terminal-width", "--color", "--paging", "--pager"),
                "", Set.of(), ""));
        TABLE.put("batcat", TABLE.get("bat"));
        TABLE.put("fold", new Spec(false, "w", Set.of(), "", Set.of(), ""));
        TABLE.put("join", new Spec(false, "12jteoav", Set.of(), "", Set.of(), ""));
        TABLE.put("iconv", new Spec(false, "fto", Set.of(), "", Set.of(), ""));
        TABLE.put("paste", new Spec(false, "d", Set.of(), "", Set.of(), ""));
        TABLE.put("column", new Spec(false, "sctoNRHWEdlw", Set.of(), "", Set.of(), ""));
        TABLE.put("cmp", new Spec(false, "inIN", Set.of(), "s", Set.of("--quiet", "--silent"), ""));
        Spec grep = new Spec(true, "efmABCDd", GREP_LONG, "cqlL", GREP_QUIET, "ef");
        for (String name : new String[]{"grep", "egrep", "fgrep", "zgrep", "zegrep", "pcregrep", "ugrep"}) {
            TABLE.put(name, grep);
        }
        Spec rg = new Spec(true, "efmABCgtTjMrE", GREP_LONG, "cqlL", GREP_QUIET, "ef");
        for (String name : new String[]{"rg", "ag", "ack"}) {
            TABLE.put(name, rg);
        }
        TABLE.put("sed", new Spec(true, "efl", Set.of("--expression", "--file", "--line-length"), "",
                Set.of(), "ef"));
        Spec awk = new Spec(true, "fvF", Set.of("--file", "--assign", "--field-separator"), "", Set.of(), "f");
        for (String name : new String[]{"awk", "gawk", "mawk", "nawk", "busybox-awk"}) {
            TABLE.put(name, awk);
        }
        Spec jq = new Spec(true, "fL", Set.of("--indent", "--from-file", "--arg", "--argjson", "--slurpfile",
                "--rawfile"), "e", Set.of(), "f");
        TABLE.put("jq", jq);
        TABLE.put("gojq", jq);
        TABLE.put("jaq", jq);
        TABLE.put("yq", new Spec(true, "Ioep", Set.of("--indent", "--output-format", "--input-format", "--from-file"),
                "", Set.of(), ""));
        TABLE.put("dasel", new Spec(false, "frws", Set.of("--file", "--read", "--write", "--selector"), "", Set.of(),
                ""));
    }

    private final Walker walker;
    private final Interpreters interpreters;

    Readers(Walker walker) {
        this.walker = walker;
        this.interpreters = new Interpreters(walker);
    }

    boolean handles(String base) {
        return TABLE.containsKey(base) || FILTERS.contains(base) || EDITORS.contains(base) || base.equals("tee") || base.equals("cp")
                || base.equals("mv") || base.equals("dd") || base.equals("install") || base.equals("ln")
                || base.equals("gzip") || base.equals("gunzip") || base.equals("bzip2") || base.equals("xz")
                || base.equals("zstd") || base.equals("unzip") || base.equals("tar") || base.equals("rsync")
                || base.equals("scp") || base.equals("zip") || base.equals("split") || base.equals("uuencode")
                || base.equals("look");
    }

    Leak run(String base, Argv a, In in, Sink err, Scope scope) {
        if (EDITORS.contains(base)) {
            return editor(a, in, err, scope);
        }
        if (FILTERS.contains(base)) {
            return stdin(in, a.excerpt());
        }
        switch (base) {
            case "tee":
                return tee(a, in, err, scope);
            case "cp", "mv", "install", "ln":
                return copy(a, Options.parse(a, 1, "tSmogb", Set.of("--target-directory", "--suffix", "--mode",
                        "--owner", "--group"), false), err, scope);
            case "rsync", "scp":
                return copy(a, Options.parse(a, 1, "eBfTPcFiJloS", Set.of("--rsh", "--exclude", "--include",
                        "--filter", "--exclude-from", "--include-from", "--files-from", "--rsync-path",
                        "--backup-dir", "--suffix", "--chmod", "--chown", "--temp-dir", "--partial-dir",
                        "--compare-dest", "--copy-dest", "--link-dest", "--log-file", "--password-file"), false),
                        err, scope);
            case "uuencode":
                return read(a, in, err, scope);
            case "look": {
                Options options = Options.parse(a, 1, "t", Set.of("--terminate"), false);
                return options.operandCount() > 1
                        ? operand(a, options.operand(1), in, err, scope, a.excerpt()) : null;
            }
            case "split":
                return split(a, in, err, scope);
            case "zip":
                return zip(a, in, err, scope);
            case "dd":
                return dd(a, in, err, scope);
            case "gzip", "gunzip", "bzip2", "xz", "zstd":
                return a.indexOf("-c", 1) > 0 || a.indexOf("-dc", 1) > 0 || a.indexOf("-cd", 1) > 0
                        || a.indexOf("--stdout", 1) > 0 || a.indexOf("--to-stdout", 1) > 0
                        ? read(a, in, err, scope) : null;
            case "unzip":
                return a.indexOf("-p", 1) > 0 || a.indexOf("-c", 1) > 0 ? read(a, in, err, scope) : null;
            case "tar":
                return tar(a, in, err, scope);
            default:
                break;
        }
        Spec spec = TABLE.get(base);
        Options options = Options.parse(a, 1, spec.shortValues, spec.longValues, false);
        for (int i = 0; i < spec.quietShorts.length(); i++) {
            if (options.has(spec.quietShorts.charAt(i))) {
                return null;
            }
        }
        for (String quiet : spec.quietLongs) {
            if (options.has(quiet)) {
                return null;
            }
        }
        if (base.equals("cmp") && !options.has('l') && !options.has('b') && !options.has("--verbose")
                && !options.has("--print-bytes")) {
            return null;
        }
        if (base.equals("sed") && (options.has('i') || options.has("--in-place"))) {
            return null;
        }
        int firstFile = 0;
        boolean scriptGiven = false;
        for (int i = 0; i < spec.scriptShorts.length(); i++) {
            scriptGiven |= options.has(spec.scriptShorts.charAt(i));
        }
        scriptGiven |= options.has("--regexp") || options.has("--file") || options.has("--expression")
                || options.has("--from-file");
        if (spec.scriptFirst && !scriptGiven) {
            firstFile = 1;
            if (base.equals("yq") && options.operandCount() > 0) {
                String sub = a.text(options.operand(0));
                if ("e".equals(sub) || "eval".equals(sub) || "ea".equals(sub) || "eval-all".equals(sub)) {
                    firstFile = 2;
                }
            }
        }
        Leak out = null;
        if (firstFile > 0 && options.operandCount() > 0 && (base.endsWith("awk") || base.endsWith("jq")
                || base.equals("yq") || base.equals("jaq"))) {
            int program = options.operand(firstFile - 1);
            String text = a.text(program);
            if (text != null) {
                out = interpreters.scan(text, base.endsWith("awk") ? "awk" : "jq", a.excerpt(), scope);
            } else if (a.leak(program) == null) {
                walker.unanalysable("the program of \"" + a.excerpt() + "\" is not a literal");
                return null;
            }
        }
        if (base.equals("grep") || base.equals("egrep") || base.equals("rg") || base.equals("ag")
                || base.equals("ack") || base.equals("ugrep")) {
            out = recursiveSecretSearch(base, a, options, firstFile, scope);
        }
        String excerpt = a.excerpt();
        int files = 0;
        for (int k = firstFile; k < options.operandCount(); k++) {
            int index = options.operand(k);
            if ((base.endsWith("awk")) && a.text(index) != null && a.text(index).indexOf('=') > 0
                    && a.text(index).indexOf('/') < 0) {
                continue;
            }
            files++;
            out = first(out, operand(a, index, in, err, scope, excerpt));
            if (walker.denied()) {
                return null;
            }
        }
        if (files == 0) {
            if (scope.argFiles != null) {
                out = first(out, argFiles(scope, excerpt, a));
            }
            out = first(out, stdin(in, excerpt));
        }
        return out;
    }

    /** Reads stdin and copies it out. */
    private Leak stdin(In in, String excerpt) {
        if (in.unknown() != null) {
            walker.unanalysable("\"" + excerpt + "\" reads the file " + in.unknown() + ", which is not a literal");
            return null;
        }
        return in.leak();
    }

    private Leak argFiles(Scope scope, String excerpt, Argv a) {
        if (scope.argFiles.isEmpty()) {
            walker.unanalysable("\"" + excerpt + "\" reads files whose names come from its input, which cannot be"
                    + " known before it runs");
            return null;
        }
        return walker.fileLeak(scope.argFiles, "{}", excerpt, true);
    }

    /** The data reading one operand gives; a non-literal operand is unanalysable. */
    Leak operand(Argv a, int index, In in, Sink err, Scope scope, String excerpt) {
        String text = a.text(index);
        if ("-".equals(text) || "/dev/stdin".equals(text) || "/dev/fd/0".equals(text)
                || "/proc/self/fd/0".equals(text)) {
            return stdin(in, excerpt);
        }
        String fd = text == null ? null : text.startsWith("/dev/fd/") ? text.substring(8)
                : text.startsWith("/proc/self/fd/") ? text.substring(14) : null;
        if (fd != null && scope.fds != null && scope.fds.get(fd) != null) {
            Flow.In opened = scope.fds.get(fd);
            return opened.unknown() != null ? stdin(opened, excerpt) : opened.leak();
        }
        if (text != null && text.contains("{}") && scope.argFiles != null) {
            return argFiles(scope, excerpt, a);
        }
        Leak leak = a.leak(index);
        if (hasProcessSub(a, index)) {
            return leak;
        }
        String pattern = walker.pattern(a.word(index), scope);
        if (pattern == null) {
            String shown = Excerpt.of(a.word(index));
            String environ = environPattern(a, index, scope);
            if (environ != null) {
                return walker.fileLeak(environ, shown, excerpt, false);
            }
            if (leak != null) {
                walker.deny(leak.rule(), "\"" + excerpt + "\" would show " + leak.what()
                        + " in an error message (it is used as a file name)", leak.alternative());
                return null;
            }
            walker.unanalysable("\"" + excerpt + "\" reads \"" + shown + "\", which is not a literal, so what it"
                    + " shows cannot be checked");
            return null;
        }
        return walker.fileLeak(pattern, text != null ? text : Excerpt.of(a.word(index)), excerpt, false);
    }

    private static boolean hasProcessSub(Argv a, int index) {
        for (var part : a.word(index).parts()) {
            if (part instanceof dev.vault.core.guard.shell.Part.ProcessSub) {
                return true;
            }
        }
        return false;
    }

    /** {@code /proc/$PID/environ}: known to be an environment whatever the process. */
    private String environPattern(Argv a, int index, Scope scope) {
        var parts = a.word(index).parts();
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.get(0) instanceof dev.vault.core.guard.shell.Part.Literal first
                && parts.get(parts.size() - 1) instanceof dev.vault.core.guard.shell.Part.Literal last
                && first.text().startsWith("/proc/") && last.text().endsWith("/environ")) {
            return "/proc/*/environ";
        }
        return null;
    }

    /** {@code grep -r TOKEN .}: a recursive search for a secret's name shows the lines of .env files. */
    private Leak recursiveSecretSearch(String base, Argv a, Options options, int firstFile, Scope scope) {
        boolean recursive = base.equals("grep") || base.equals("egrep") || base.equals("ugrep")
                ? options.has('r') || options.has('R') || options.has("--recursive")
                || options.has("--dereference-recursive")
                : options.has("--hidden") || options.has('u') || options.has("--no-ignore") || options.has('.');
        if (!recursive || firstFile == 0 || options.operandCount() == 0) {
            return null;
        }
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t != null && (t.startsWith("--exclude") || t.startsWith("--glob") || t.startsWith("-g")
                    || t.startsWith("--include")) && (t.contains(".env") || t.contains("include"))) {
                return null;
            }
        }
        String pattern = a.text(options.operand(0));
        if (pattern == null) {
            return null;
        }
        if (pattern.contains("PRIVATE KEY") || pattern.contains("AGE-SECRET-KEY") || pattern.contains("BEGIN OPENSSH")) {
            return new Leak(Advice.KEY_MATERIAL, "private keys found by searching for \"" + Walker.shorten(pattern)
                    + "\"", a.excerpt(), Advice.KEY);
        }
        boolean everything = options.has('v') || options.has("--invert-match") || matchesAnyLine(pattern);
        if (!everything && !secretPattern(pattern) || !searchesProject(a, options, firstFile, scope)) {
            return null;
        }
        return new Leak(Advice.CREDENTIAL_FILE, "the lines of credential files such as .env that match \""
                + Walker.shorten(pattern) + "\"", a.excerpt(), Advice.CREDENTIALS);
    }

    /** True when a recursive search covers the working folder, a folder above it, or home. */
    private boolean searchesProject(Argv a, Options options, int firstFile, Scope scope) {
        if (options.operandCount() <= firstFile) {
            return true;
        }
        String cwd = scope.cwd;
        for (int k = firstFile; k < options.operandCount(); k++) {
            String pattern = walker.pattern(a.word(options.operand(k)), scope);
            if (pattern == null) {
                return true;
            }
            if (cwd.startsWith(pattern) && (cwd.length() == pattern.length() || cwd.charAt(pattern.length()) == '/'
                    || pattern.equals("/")) || pattern.equals(Glob.escape(walker.home))) {
                return true;
            }
        }
        return false;
    }

    /** {@code .}, {@code ^}, {@code ''}, {@code .*}, {@code =}: a pattern every line of a .env file matches. */
    private static boolean matchesAnyLine(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (".^$*=+?()|\\".indexOf(pattern.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean secretPattern(String pattern) {
        int start = -1;
        for (int i = 0; i <= pattern.length(); i++) {
            boolean word = i < pattern.length()
                    && (Character.isLetterOrDigit(pattern.charAt(i)) || pattern.charAt(i) == '_');
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = pattern.substring(start, i);
                if (walker.names.isSecret(token) || SecretNames.looksSecret(token)) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** Any reader, used by wrappers such as {@code pv}: every operand is a file. */
    Leak read(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "", Set.of(), false);
        Leak out = null;
        String excerpt = a.excerpt();
        for (int k = 0; k < options.operandCount(); k++) {
            out = first(out, operand(a, options.operand(k), in, err, scope, excerpt));
        }
        return options.operandCount() == 0 ? first(out, stdin(in, excerpt)) : out;
    }

    /** An editor shows the file it opens on the screen, whatever its stdout is. */
    Leak editor(Argv a, In in, Sink err, Scope scope) {
        String base = a.text(0) == null ? "" : a.text(0).substring(a.text(0).lastIndexOf('/') + 1);
        boolean exMode = base.equals("ed") || base.equals("red") || base.equals("ex");
        for (int i = 1; i < a.size() && !exMode; i++) {
            String t = a.text(i);
            exMode = t != null && t.length() > 1 && t.charAt(0) == '-' && t.charAt(1) != '-'
                    && (t.indexOf('e') > 0 || t.indexOf('E') > 0);
        }
        Options options = Options.parse(a, 1, exMode ? "cuSTUiwWrtqp" : "cuSTUiwWrstq", Set.of("--cmd"), false);
        String excerpt = a.excerpt();
        for (int k = 0; k < options.operandCount(); k++) {
            int index = options.operand(k);
            String text = a.text(index);
            if (text != null && text.startsWith("+")) {
                continue;
            }
            Leak leak = operand(a, index, in, err, scope, excerpt);
            if (leak != null) {
                walker.deny(leak.rule(), "\"" + excerpt + "\" would open " + leak.what() + " on the screen",
                        leak.alternative());
                return null;
            }
        }
        return null;
    }

    private Leak tee(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "", Set.of("--output-error"), false);
        for (int k = 0; k < options.operandCount(); k++) {
            String path = walker.path(a.word(options.operand(k)), scope);
            if (path == null) {
                continue;
            }
            switch (path) {
                case "/dev/stderr", "/dev/fd/2" -> walker.receive(err, in.leak());
                case "/dev/tty", "/dev/console" -> {
                    if (in.leak() != null) {
                        walker.deny(in.leak().toScreen());
                    }
                }
                default -> {
                    if (in.leak() != null) {
                        walker.written.putIfAbsent(path, in.leak());
                    }
                }
            }
        }
        return in.leak();
    }

    private Leak copy(Argv a, Options options, Sink err, Scope scope) {
        int count = options.operandCount();
        if (count < 2) {
            return null;
        }
        String dest = walker.path(a.word(options.operand(count - 1)), scope);
        Leak data = null;
        String excerpt = a.excerpt();
        for (int k = 0; k < count - 1; k++) {
            String pattern = walker.pattern(a.word(options.operand(k)), scope);
            if (pattern != null) {
                data = first(data, walker.fileLeak(pattern, Excerpt.of(a.word(options.operand(k))), excerpt, false));
            }
        }
        if (dest == null) {
            return null;
        }
        switch (dest) {
            case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
                return data;
            case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
                walker.receive(err, data);
                return null;
            case "/dev/tty", "/dev/console":
                if (data != null) {
                    walker.deny(data.toScreen());
                }
                return null;
            default:
                if (data != null) {
                    walker.written.putIfAbsent(dest, data);
                    for (int k = 0; k < count - 1; k++) {
                        String source = walker.path(a.word(options.operand(k)), scope);
                        if (source != null) {
                            walker.written.putIfAbsent(dest + source.substring(source.lastIndexOf('/')), data);
                        }
                    }
                }
                return null;
        }
    }

    /** {@code tar -cf - FILE}: the archive (with the file's bytes) on stdout; {@code tar -xO}: members on stdout. */
    private Leak tar(Argv a, In in, Sink err, Scope scope) {
        String first = a.size() > 1 ? a.text(1) : null;
        StringBuilder flags = new StringBuilder();
        String archive = null;
        boolean archiveGiven = false;
        boolean toStdout = false;
        java.util.List<Integer> operands = new java.util.ArrayList<>();
        int i = 1;
        if (first != null && !first.startsWith("-") && letters(first)) {
            flags.append(first);
            i = 2;
            if (first.indexOf('f') >= 0) {
                archive = a.text(2);
                archiveGiven = true;
                i = 3;
            }
        }
        for (; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                operands.add(i);
                continue;
            }
            if (t.startsWith("--")) {
                toStdout |= t.equals("--to-stdout") || t.startsWith("--to-command");
                if (t.equals("--create")) {
                    flags.append('c');
                } else if (t.equals("--extract") || t.equals("--get")) {
                    flags.append('x');
                } else if (t.startsWith("--file")) {
                    archiveGiven = true;
                    archive = t.indexOf('=') > 0 ? t.substring(t.indexOf('=') + 1) : a.text(++i);
                } else if (t.equals("--directory") || t.equals("--exclude") || t.equals("--transform")) {
                    i++;
                }
                continue;
            }
            if (t.startsWith("-") && t.length() > 1) {
                for (int k = 1; k < t.length(); k++) {
                    char c = t.charAt(k);
                    flags.append(c);
                    if (c == 'f' || c == 'C' || c == 'T' || c == 'X' || c == 'b' || c == 'I') {
                        String value = k == t.length() - 1 ? a.text(++i) : t.substring(k + 1);
                        if (c == 'f') {
                            archiveGiven = true;
                            archive = value;
                        }
                        break;
                    }
                }
                continue;
            }
            operands.add(i);
        }
        toStdout |= flags.indexOf("O") >= 0;
        boolean stdoutArchive = !archiveGiven || "-".equals(archive);
        String excerpt = a.excerpt();
        if (flags.indexOf("c") >= 0 && stdoutArchive) {
            Leak out = null;
            for (int index : operands) {
                out = first(out, operand(a, index, in, err, scope, excerpt));
            }
            return out;
        }
        if (flags.indexOf("x") >= 0 && toStdout) {
            Leak out = stdoutArchive ? stdin(in, excerpt) : null;
            for (int index : operands) {
                String pattern = walker.pattern(a.word(index), scope);
                if (pattern != null) {
                    out = first(out, walker.fileLeak(pattern, Excerpt.of(a.word(index)), excerpt, true));
                }
            }
            return out;
        }
        return null;
    }

    private static boolean letters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** {@code zip - FILE…}: the archive, with the files' bytes, on stdout. */
    private Leak zip(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "bnPtx", Set.of("--password", "--temp-path", "--suffixes"), false);
        if (options.operandCount() < 2 || !"-".equals(a.text(options.operand(0)))) {
            return null;
        }
        Leak out = null;
        for (int k = 1; k < options.operandCount(); k++) {
            out = first(out, operand(a, options.operand(k), in, err, scope, a.excerpt()));
        }
        return out;
    }

    /** {@code split --filter=CMD FILE}: the pieces go to CMD's stdin; else to files PREFIXaa, PREFIXab …. */
    private Leak split(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "abClnt", Set.of("--suffix-length", "--bytes", "--line-bytes",
                "--lines", "--number", "--separator", "--filter", "--additional-suffix", "--numeric-suffixes",
                "--hex-suffixes"), false);
        Leak data = options.operandCount() == 0 ? stdin(in, a.excerpt())
                : operand(a, options.operand(0), in, err, scope, a.excerpt());
        if (walker.denied()) {
            return null;
        }
        String filter = options.value((char) 0, "--filter");
        if (filter != null) {
            return walker.text(filter, new In(data, true, null, null), err, scope.child());
        }
        if (options.has("--filter")) {
            walker.unanalysable("the filter of \"" + a.excerpt() + "\" is not a literal");
            return null;
        }
        if (data != null) {
            String prefix = options.operandCount() > 1 ? a.text(options.operand(1)) : "x";
            if (prefix != null) {
                String path = Glob.unescape(Walker.absolute(Glob.escape(prefix), scope));
                walker.written.putIfAbsent(path + "aa", data);
                walker.written.putIfAbsent(path + "00", data);
            }
        }
        return null;
    }

    private Leak dd(Argv a, In in, Sink err, Scope scope) {
        Leak data = in.leak();
        String out = null;
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                continue;
            }
            if (t.startsWith("if=")) {
                data = walker.fileLeak(Walker.absolute(Glob.escape(t.substring(3)), scope), t.substring(3),
                        a.excerpt(), false);
            } else if (t.startsWith("of=")) {
                out = Walker.absolute(t.substring(3), scope);
            }
        }
        if (out == null || out.equals("/dev/stdout")) {
            return data;
        }
        if (data != null) {
            walker.written.putIfAbsent(out, data);
        }
        return null;
    }

    private static Leak first(Leak a, Leak b) {
        return a != null ? a : b;
    }
}
