package dev.vault.core.guard;

import dev.vault.core.guard.Flow.In;
import dev.vault.core.guard.Flow.Sink;
import java.util.Set;

/**
 * Interpreter one-liners ({@code python -c}, {@code node -e}, {@code perl -e}, {@code ruby -e},
 * {@code php -r}, awk programs, jq filters …) that read the environment or a key or credential file.
 * The program text is scanned: an environment access is fine when it names a non-secret variable; a
 * whole-environment access, a secret variable, or a string naming a sensitive file is a deny.
 */
final class Interpreters {
    private static final Set<String> NAMES = Set.of("python", "python2", "python3", "pypy", "pypy3", "node",
            "nodejs", "deno", "bun", "perl", "ruby", "php", "lua", "luajit", "Rscript", "pwsh", "powershell",
            "osascript", "tclsh", "groovy", "jshell", "irb", "julia");

    private static final Set<String> WHOLE = Set.of("items", "values", "copy", "to_h", "toObject", "each", "to_a",
            "inspect", "dup", "entries", "to_hash", "each_pair", "toJSON", "select", "map", "filter", "reject",
            "sort", "__dict__", "_data", "data");

    private final Walker walker;

    Interpreters(Walker walker) {
        this.walker = walker;
    }

    boolean handles(String base) {
        return NAMES.contains(base) || base.startsWith("python3.") || base.startsWith("python2.");
    }

    Leak run(String base, Argv a, In in, Sink err, Scope scope) {
        String flagChars;
        String family;
        if (base.startsWith("python") || base.startsWith("pypy")) {
            flagChars = "c";
            family = "python";
        } else if (base.equals("node") || base.equals("nodejs") || base.equals("bun")) {
            flagChars = "ep";
            family = "node";
        } else if (base.equals("perl") || base.equals("ruby")) {
            flagChars = "eE";
            family = base;
        } else if (base.equals("php")) {
            flagChars = "r";
            family = "php";
        } else if (base.equals("pwsh") || base.equals("powershell")) {
            flagChars = "cC";
            family = "pwsh";
        } else {
            flagChars = "e";
            family = base;
        }
        int bodyIndex = -1;
        String body = null;
        int i = 1;
        if (base.equals("deno") && a.is(1, "eval")) {
            bodyIndex = 2;
        }
        while (bodyIndex < 0 && i < a.size()) {
            String t = a.text(i);
            if (t == null) {
                break;
            }
            if (t.equals("--eval") || t.equals("--print") || t.equals("-Command") || t.equals("-command")) {
                bodyIndex = i + 1;
                break;
            }
            if (t.startsWith("-") && !t.startsWith("--") && t.length() > 1) {
                if (family.equals("python") && (t.equals("-m") || t.equals("-W") || t.equals("-X"))) {
                    if (t.equals("-m")) {
                        return null;
                    }
                    i += 2;
                    continue;
                }
                char last = t.charAt(t.length() - 1);
                int at = -1;
                for (int k = 1; k < t.length(); k++) {
                    if (flagChars.indexOf(t.charAt(k)) >= 0) {
                        at = k;
                        break;
                    }
                }
                if (at > 0) {
                    if (at == t.length() - 1) {
                        bodyIndex = i + 1;
                    } else {
                        body = t.substring(at + 1);
                        bodyIndex = i;
                    }
                    break;
                }
                if ((family.equals("perl") || family.equals("ruby")) && (last == 'M' || last == 'I')) {
                    i++;
                }
                i++;
                continue;
            }
            if (t.equals("-")) {
                break;
            }
            return null;
        }
        Leak out = null;
        if (bodyIndex >= 0 && bodyIndex < a.size()) {
            if (body == null) {
                body = a.text(bodyIndex);
                if (body == null) {
                    Leak leak = a.leak(bodyIndex);
                    if (leak != null) {
                        return new Leak(leak.rule(), leak.what(), a.excerpt(), leak.alternative());
                    }
                    walker.unanalysable("the program of \"" + a.excerpt() + "\" is not a literal, so what it reads"
                            + " cannot be checked");
                    return null;
                }
            }
            out = scan(body, family, a.excerpt(), scope);
            if (out == null) {
                for (int k = bodyIndex + 1; k < a.size(); k++) {
                    String t = a.text(k);
                    if (t != null && !t.startsWith("-")) {
                        Leak file = walker.fileLeak(Walker.absolute(Glob.escape(t), scope), t, a.excerpt(), false);
                        if (file != null) {
                            return new Leak(Advice.INTERPRETER_ENV, file.what(), file.source(), file.alternative());
                        }
                    }
                }
            }
            return out != null ? out : in.leak();
        }
        if (in.text() != null) {
            out = scan(in.text(), family, a.excerpt(), scope);
            for (int k = i; out == null && k < a.size(); k++) {
                String t = a.text(k);
                if (t != null && !t.startsWith("-")) {
                    Leak file = walker.fileLeak(Walker.absolute(Glob.escape(t), scope), t, a.excerpt(), false);
                    if (file != null) {
                        out = new Leak(Advice.INTERPRETER_ENV, file.what(), file.source(), file.alternative());
                    }
                }
            }
            return out;
        }
        if (in.piped() || in.unknown() != null) {
            walker.unanalysable("\"" + a.excerpt() + "\" runs a program read from its standard input, which cannot"
                    + " be known before it runs");
            return null;
        }
        return in.leak();
    }

    /** Scans program text; the leak it gives when it reads the environment or a sensitive file. */
    Leak scan(String body, String family, String excerpt, Scope scope) {
        String[] markers = {"environ", "getenv", "process.env", "Deno.env", "Bun.env", "ENV", "$_ENV", "$_SERVER",
                "$env:", "import.meta.env"};
        for (String marker : markers) {
            int at = marker.equals("environ") ? indexOfIgnoreCase(body, marker, 0) : body.indexOf(marker);
            while (at >= 0) {
                if (marker.equals("ENV") && !standalone(body, at, marker.length())) {
                    at = body.indexOf(marker, at + 1);
                    continue;
                }
                String problem = access(body, at + marker.length(), scope, marker);
                if (problem != null) {
                    return new Leak(Advice.INTERPRETER_ENV, problem, excerpt, Advice.INTERPRETER);
                }
                at = marker.equals("environ") ? indexOfIgnoreCase(body, marker, at + 1)
                        : body.indexOf(marker, at + 1);
            }
        }
        if (family.equals("pwsh")) {
            int at = indexOfIgnoreCase(body, "env:", 0);
            while (at >= 0) {
                int end = at + 4;
                boolean named = end < body.length() && (Character.isLetterOrDigit(body.charAt(end))
                        || body.charAt(end) == '_');
                boolean variable = at > 0 && body.charAt(at - 1) == '$';
                if (!named && !variable) {
                    return new Leak(Advice.INTERPRETER_ENV, "the whole environment", excerpt, Advice.INTERPRETER);
                }
                at = indexOfIgnoreCase(body, "env:", at + 1);
            }
        }
        if (family.equals("osascript") && indexOfIgnoreCase(body, "system attribute", 0) >= 0) {
            return new Leak(Advice.INTERPRETER_ENV, "environment values (system attribute)", excerpt,
                    Advice.INTERPRETER);
        }
        if (family.equals("jq")) {
            int at = body.indexOf("env");
            while (at >= 0) {
                if (standalone(body, at, 3)) {
                    String problem = access(body, at + 3, scope, "env");
                    if (problem != null) {
                        return new Leak(Advice.INTERPRETER_ENV, problem, excerpt, Advice.INTERPRETER);
                    }
                }
                at = body.indexOf("env", at + 1);
            }
        }
        return strings(body, excerpt, scope);
    }

    private static boolean standalone(String body, int at, int length) {
        boolean before = at == 0 || !Character.isLetterOrDigit(body.charAt(at - 1)) && body.charAt(at - 1) != '_'
                || body.charAt(at - 1) == '$' || body.charAt(at - 1) == '%';
        int end = at + length;
        boolean after = end >= body.length() || !Character.isLetterOrDigit(body.charAt(end)) && body.charAt(end) != '_';
        return before && after;
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        int n = needle.length();
        for (int i = Math.max(from, 0); i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    /** What an environment access at {@code i} reads: null when it names a non-secret variable. */
    private String access(String body, int i, Scope scope, String marker) {
        int n = body.length();
        while (i < n && body.charAt(i) == ' ') {
            i++;
        }
        if (i < n && body.charAt(i) == '.') {
            int s = i + 1;
            int e = s;
            while (e < n && (Character.isLetterOrDigit(body.charAt(e)) || body.charAt(e) == '_')) {
                e++;
            }
            if (WHOLE.contains(body.substring(s, e))) {
                return "the whole environment";
            }
        }
        if (body.startsWith(".get", i)) {
            i += 4;
        } else if (body.startsWith(".fetch", i)) {
            i += 6;
        } else if (body.startsWith(".keys", i) || body.startsWith(".key?", i) || body.startsWith(".include?", i)
                || body.startsWith(".has", i)) {
            return null;
        }
        if (i < n && (body.charAt(i) == '[' || body.charAt(i) == '(' || body.charAt(i) == '{' || body.charAt(i) == '.')) {
            i++;
        } else if (marker.equals("$env:")) {
            // pwsh: $env:NAME
        } else {
            return "the whole environment";
        }
        while (i < n && (body.charAt(i) == ' ' || body.charAt(i) == '\'' || body.charAt(i) == '"')) {
            i++;
        }
        int start = i;
        while (i < n && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
            i++;
        }
        if (i == start) {
            return "the whole environment";
        }
        String name = body.substring(start, i);
        if (walker.isSecret(name, scope)) {
            int before = Math.max(0, start - 30);
            String prefix = body.substring(before, start);
            if (prefix.contains("len(") || prefix.contains("bool(") || prefix.contains("length")) {
                return null;
            }
            return "the value of $" + name;
        }
        return null;
    }

    /** Quoted strings in the program that name a key or credential file (or run {@code env}). */
    private Leak strings(String body, String excerpt, Scope scope) {
        int n = body.length();
        int i = 0;
        while (i < n) {
            char q = body.charAt(i);
            if (q != '\'' && q != '"' && q != '`') {
                i++;
                continue;
            }
            int end = body.indexOf(q, i + 1);
            if (end < 0) {
                break;
            }
            String text = body.substring(i + 1, end);
            i = end + 1;
            if (text.equals("env") || text.equals("printenv") || text.equals("set")) {
                return new Leak(Advice.INTERPRETER_ENV, "the whole environment", excerpt, Advice.INTERPRETER);
            }
            for (String token : text.split(" ")) {
                if (token.isEmpty() || token.length() > 200) {
                    continue;
                }
                String path = token.startsWith("~/") ? walker.home + token.substring(1) : token;
                if (path.indexOf('/') < 0 && path.indexOf('.') < 0 && !path.startsWith("id_")) {
                    continue;
                }
                Leak file = walker.fileLeak(Walker.absolute(Glob.escape(path), scope), token, excerpt, false);
                if (file != null) {
                    return new Leak(Advice.INTERPRETER_ENV, file.what(), excerpt, Advice.INTERPRETER);
                }
            }
        }
        return null;
    }
}
