package dev.vault.core.guard;

import dev.vault.core.guard.Flow.In;
import dev.vault.core.guard.Flow.Sink;
import dev.vault.core.guard.Scope.Binding;
import dev.vault.core.guard.shell.Node;
import dev.vault.core.guard.shell.Part;
import dev.vault.core.guard.shell.Word;
import java.util.Set;

/**
 * What one command does with secret data, by its name: wrappers are unwrapped and their inner command
 * run; shells and {@code eval} walk their text; printers put their arguments on stdout; readers put the
 * files they read on stdout; the environment rules, credential tools, decrypters and interpreters are
 * asked in turn. Returns the secret data the command writes to stdout, or null.
 */
final class Commands {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "yash",
            "posh", "fish");
    private static final Set<String> PRINTERS = Set.of("echo", "printf", "print", "yes", "figlet", "toilet",
            "cowsay", "banner");
    private static final Set<String> NONE = Set.of();
    /** Commands whose operands are paths: a secret used as one shows up in the error message. */
    private static final Set<String> PATH_COMMANDS = Set.of("ls", "cd", "pushd", "stat", "file", "du", "wc", "touch",
            "mkdir", "rmdir", "rm", "readlink", "realpath", "basename", "dirname", "chmod", "chown");
    private static final Set<String> SUDO_LONG = Set.of("--user", "--group", "--prompt", "--close-from", "--chdir",
            "--role", "--type", "--other-user", "--command-timeout", "--host", "--chroot");
    private static final Set<String> DOCKER_EXEC_LONG = Set.of("--env", "--env-file", "--user", "--workdir",
            "--detach-keys");
    private static final Set<String> DOCKER_RUN_LONG = Set.of("--env", "--env-file", "--volume", "--publish",
            "--name", "--workdir", "--user", "--network", "--entrypoint", "--memory", "--mount", "--platform",
            "--label", "--cpus", "--add-host", "--device", "--restart", "--hostname", "--log-driver", "--log-opt",
            "--cap-add", "--cap-drop", "--security-opt", "--tmpfs", "--ulimit", "--pull", "--gpus", "--shm-size",
            "--dns", "--ipc", "--pid", "--volumes-from", "--link", "--expose", "--label-file", "--cidfile",
            "--health-cmd", "--stop-signal", "--stop-timeout", "--runtime", "--memory-swap", "--cpuset-cpus",
            "--group-add", "--userns", "--uts", "--network-alias", "--ip", "--mac-address", "--attach",
            "--detach-keys", "--cgroupns", "--isolation", "--env-from");
    private static final Set<String> KUBECTL_LONG = Set.of("--namespace", "--container", "--context", "--kubeconfig",
            "--pod-running-timeout", "--cluster", "--user", "--filename");
    private static final Set<String> SSH_LONG = NONE;
    private static final Set<String> INIT_PRINTERS = Set.of("ssh-agent", "direnv", "pyenv", "rbenv", "nodenv",
            "goenv", "jenv", "brew", "conda", "mamba", "micromamba", "starship", "zoxide", "fnm", "mise", "rtx",
            "thefuck", "opam", "luarocks", "dircolors", "keychain", "docker-machine", "minikube", "nvm", "atuin",
            "fzf", "kubectl", "helm", "gh", "rustup", "npm", "pip", "uv", "poetry", "register-python-argcomplete",
            "oh-my-posh", "asdf", "navi", "mcfly", "tmuxifier", "sdkman", "lesspipe", "lesspipe.sh", "ng",
            "glab", "docker", "podman", "terraform", "aws_completer", "deno", "bun", "cargo", "rg", "just");

    /** Where {@code pbcopy} and the like put data, for a {@code pbpaste} later in the line. */
    private static final String CLIPBOARD = "<clipboard>";

    private final Walker walker;
    private final Readers readers;
    private final EnvRules env;
    private final Tools tools;
    private final Interpreters interpreters;

    Commands(Walker walker) {
        this.walker = walker;
        this.readers = new Readers(walker);
        this.env = new EnvRules(walker);
        this.env.setCommands(this);
        this.tools = new Tools(walker);
        this.interpreters = new Interpreters(walker);
    }

    Leak run(Argv a, In in, Sink err, Scope scope) {
        if (a.size() == 0 || walker.denied()) {
            return null;
        }
        String name = a.text(0);
        if (name == null) {
            Leak leak = a.leak(0);
            if (leak != null && Advice.SECRET_VARIABLE.equals(leak.rule())) {
                walker.deny(leak.rule(), "\"" + a.excerpt() + "\" runs the value of a secret variable as a command,"
                        + " and an error would show it", leak.alternative());
            } else {
                walker.unanalysable("the command name \"" + Excerpt.of(a.word(0))
                        + "\" is not a literal, so what runs cannot be checked");
            }
            return null;
        }
        Node function = scope.functions.get(name);
        if (function != null) {
            Scope inner = scope.child();
            inner.positional = walker.positional(a, 0);
            inner.functions.remove(name);
            Leak out = walker.node(function, in, err, inner);
            scope.vars.putAll(inner.vars);
            return out;
        }
        String alias = scope.aliases.get(name);
        if (alias != null) {
            Scope inner = scope.child();
            Binding[] positional = walker.positional(a, 0);
            inner.positional = positional;
            java.util.Map<String, String> rest = new java.util.HashMap<>(scope.aliases);
            rest.remove(name);
            inner.aliases = rest;
            StringBuilder text = new StringBuilder(alias);
            for (int i = 1; i < positional.length; i++) {
                text.append(" \"$").append(i).append('"');
            }
            if (a.size() > positional.length) {
                walker.unanalysable("\"" + a.excerpt() + "\" passes too many words to an alias to check");
                return null;
            }
            return walker.text(text.toString(), in, err, inner);
        }
        if (name.indexOf('/') >= 0) {
            String path = walker.path(a.word(0), scope);
            if (path != null && walker.scripts.containsKey(path)) {
                Scope inner = scope.child();
                inner.positional = walker.positional(a, 0);
                return walker.script(path, in, err, inner, a.excerpt());
            }
        }
        if (scope.argFiles != null && name.contains("{}")) {
            walker.unanalysable("\"" + a.excerpt() + "\" runs commands named by its input, which cannot be known"
                    + " before it runs");
            return null;
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (PATH_COMMANDS.contains(base)) {
            for (int i = 1; i < a.size(); i++) {
                Leak leak = a.leak(i);
                if (leak != null && !Advice.UNANALYSABLE.equals(leak.rule())) {
                    walker.deny(leak.rule(), "\"" + a.excerpt() + "\" would show " + leak.what()
                            + " in an error message (it is used as a file name)", leak.alternative());
                    return null;
                }
            }
        }
        if (base.equals("vault") || base.equals("vault.jar")) {
            return tools.vault(a, 1, in, err, scope);
        }
        switch (base) {
            case "java":
                return java(a, in, err, scope);
            case "sudo":
            case "doas":
                if (a.indexOf("-e", 1) > 0 || a.indexOf("--edit", 1) > 0) {
                    return readers.editor(a, in, err, scope);
                }
                return wrapped(a, "ugpChDrtUTR", SUDO_LONG, in, err, scope, false);
            case "nohup", "builtin", "chronic", "unbuffer", "caffeinate", "catchsegv", "proxychains",
                    "proxychains4", "torsocks", "firejail", "tsp", "pv", "rlwrap":
                if (base.equals("pv") && a.size() > 1 && walker.denied()) {
                    return null;
                }
                if (base.equals("pv")) {
                    return readers.read(a, in, err, scope);
                }
                return wrapped(a, "", NONE, in, err, scope, false);
            case "nice":
                return wrapped(a, "n", Set.of("--adjustment"), in, err, scope, false);
            case "busybox", "toybox":
                return inner(a, 1, in, err, scope, false);
            case "chroot":
                return inner(a, Options.parse(a, 1, "", Set.of("--userspec", "--groups"), true).stop() + 1, in, err,
                        scope, false);
            case "taskset": {
                Options options = Options.parse(a, 1, "", NONE, true);
                return options.has('p') ? null : inner(a, options.stop() + 1, in, err, scope, false);
            }
            case "chrt": {
                Options options = Options.parse(a, 1, "T", Set.of("--sched-runtime", "--sched-deadline",
                        "--sched-period"), true);
                return options.has('p') ? null : inner(a, options.stop() + 1, in, err, scope, false);
            }
            case "runuser", "su": {
                Options options = Options.parse(a, 1, "cgGsuwC", Set.of("--command", "--group", "--supp-group",
                        "--shell", "--user", "--whitelist-environment", "--session-command"), true);
                String body = options.value('c', "--command");
                if (body == null) {
                    body = options.value('C', "--session-command");
                }
                if (body != null) {
                    return walker.text(body, in, err, scope.child());
                }
                if (options.has('c') || options.has("--command") || options.has('C')) {
                    walker.unanalysable("the command of \"" + a.excerpt() + "\" is not a literal");
                    return null;
                }
                int start = options.stop();
                if (base.equals("su") || !options.has('u') && !options.has("--user")) {
                    start++;
                }
                return inner(a, start, in, err, scope, false);
            }
            case "strace", "ltrace":
                return wrapped(a, "eoOpPsSuUEIXbaA", Set.of("--output", "--trace", "--signal", "--user",
                        "--attach", "--string-limit", "--env", "--decode-fds", "--absolute-timestamps",
                        "--columns", "--inject", "--fault", "--status"), in, err, scope, false);
            case "proot":
                return wrapped(a, "rbmwqk", Set.of("--rootfs", "--bind", "--mount", "--pwd", "--cwd", "--qemu",
                        "--kernel-release"), in, err, scope, false);
            case "unshare":
                return wrapped(a, "S" + "G" + "R" + "w", Set.of("--setuid", "--setgid", "--root", "--wd",
                        "--propagation", "--map-user", "--map-group", "--map-users", "--map-groups"), in, err, scope,
                        false);
            case "nsenter":
                return wrapped(a, "tSGrwWe", Set.of("--target", "--setuid", "--setgid", "--root", "--wd",
                        "--env"), in, err, scope, false);
            case "systemd-run":
                return wrapped(a, "pEMuH", Set.of("--property", "--setenv", "--machine", "--unit", "--host",
                        "--description", "--slice", "--uid", "--gid", "--nice", "--working-directory",
                        "--on-active", "--on-calendar", "--timer-property", "--path-property", "--socket-property",
                        "--service-type"), in, err, scope, false);
            case "parallel":
                return parallel(a, in, err, scope);
            case "ionice":
                return wrapped(a, "cnp", Set.of("--class", "--classdata"), in, err, scope, false);
            case "stdbuf":
                return wrapped(a, "ioe", Set.of("--input", "--output", "--error"), in, err, scope, false);
            case "setsid":
                return wrapped(a, "", NONE, in, err, scope, false);
            case "time":
                return wrapped(a, "fo", Set.of("--format", "--output"), in, err, scope, false);
            case "exec":
                return wrapped(a, "a", NONE, in, err, scope, false);
            case "command":
                if (a.is(1, "-v") || a.is(1, "-V") || a.is(1, "-pv") || a.is(1, "-vp")) {
                    return null;
                }
                return wrapped(a, "", NONE, in, err, scope, false);
            case "timeout": {
                Options options = Options.parse(a, 1, "sk", Set.of("--signal", "--kill-after"), true);
                return inner(a, options.stop() + 1, in, err, scope, false);
            }
            case "flock": {
                Options options = Options.parse(a, 1, "wEc", Set.of("--wait", "--timeout", "--conflict-exit-code",
                        "--command"), true);
                String body = options.value('c', "--command");
                if (body != null) {
                    return walker.text(body, in, err, scope.child());
                }
                return inner(a, options.stop() + 1, in, err, scope, false);
            }
            case "script": {
                Options options = Options.parse(a, 1, "cOTIBE", Set.of("--command", "--log-out", "--log-in",
                        "--log-io", "--log-timing", "--echo"), false);
                String body = options.value('c', "--command");
                return body == null ? null : walker.text(body, in, err, scope.child());
            }
            case "watch":
                return watch(a, in, err, scope);
            case "xargs":
                return xargs(a, in, err, scope);
            case "find":
                return find(a, in, err, scope);
            case "eval":
                return eval(a, in, err, scope);
            case "source":
            case ".":
                return source(a, in, err, scope);
            case "trap":
                if (a.size() > 2 && a.text(1) != null && !a.text(1).startsWith("-")) {
                    return walker.text(a.text(1), In.NONE, err, scope.child());
                }
                return null;
            case "alias":
                for (int i = 1; i < a.size(); i++) {
                    String t = a.text(i);
                    int eq = t == null ? -1 : t.indexOf('=');
                    if (eq > 0) {
                        walker.text(t.substring(eq + 1), In.NONE, err, scope.child());
                        java.util.Map<String, String> aliases = new java.util.HashMap<>(scope.aliases);
                        aliases.put(t.substring(0, eq), t.substring(eq + 1));
                        scope.aliases = aliases;
                    } else if (t == null) {
                        walker.unanalysable("\"" + a.excerpt() + "\" defines an alias that is not a literal");
                        return null;
                    }
                }
                return null;
            case "let":
                for (int i = 1; i < a.size(); i++) {
                    String t = a.text(i);
                    Leak leak = t == null ? a.leak(i) : walker.arithmeticLeak(t, scope, err);
                    walker.receive(err, leak);
                    int eq = t == null ? -1 : t.indexOf('=');
                    if (eq > 0 && !SecretNames.isSpecial(t.substring(0, eq))) {
                        scope.vars.put(t.substring(0, eq), new Binding(null, leak));
                    }
                }
                return null;
            case "cd":
            case "pushd":
                cd(a, scope);
                return null;
            case "read":
            case "mapfile":
            case "readarray":
                read(a, in, err, scope);
                return null;
            case "ssh":
                return ssh(a, in, err, scope);
            case "docker":
            case "podman":
            case "nerdctl":
                return docker(a, 1, in, err, scope);
            case "docker-compose":
                return compose(a, 1, in, err, scope);
            case "kubectl":
            case "oc":
            case "k":
                if (a.indexOf("exec", 1) > 0 && a.indexOf("exec", 1) < 4) {
                    return kubectlExec(a, a.indexOf("exec", 1) + 1, in, err, scope);
                }
                if (a.indexOf("cp", 1) > 0 && a.indexOf("cp", 1) < 4) {
                    return containerCopy(a, a.indexOf("cp", 1) + 1, err, scope);
                }
                return tools.run(base, a, in, err, scope);
            case "npx", "bunx", "pnpx":
                return inner(a, Options.parse(a, 1, "p", Set.of("--package", "--call"), true).stop(), in, err, scope,
                        false);
            case "pbcopy", "xclip", "xsel", "wl-copy", "clip.exe":
                if (a.indexOf("-o", 1) > 0 || a.indexOf("--output", 1) > 0) {
                    return walker.written.get(CLIPBOARD);
                }
                if (in.leak() != null) {
                    walker.written.putIfAbsent(CLIPBOARD, in.leak());
                }
                return null;
            case "pbpaste", "wl-paste":
                return walker.written.get(CLIPBOARD);
            case "op", "doppler", "infisical", "chamber", "aws-vault", "teller", "envchain", "dotenv",
                    "dotenvx", "with-secrets", "sops", "berglas", "summon", "dotenv-cli":
                if (secretRunner(base, a)) {
                    return secretRun(a, in, err, scope);
                }
                return tools.run(base, a, in, err, scope);
            case "uv", "poetry", "pipenv", "pdm", "rye", "hatch", "bundle", "pnpm", "yarn", "npm", "conda":
                if (a.is(1, "run") || a.is(1, "exec")) {
                    int start = base.equals("conda") ? Options.parse(a, 2, "np", Set.of("--name", "--prefix"),
                            true).stop() : Options.parse(a, 2, "", NONE, true).stop();
                    if (base.equals("npm") || base.equals("yarn") || base.equals("pnpm")) {
                        if (a.is(1, "run")) {
                            return null;
                        }
                    }
                    return inner(a, start, in, err, scope, false);
                }
                return tools.run(base, a, in, err, scope);
            default:
                break;
        }
        if (SHELLS.contains(base)) {
            return shell(a, in, err, scope);
        }
        if (PRINTERS.contains(base)) {
            return print(base, a, err, scope);
        }
        Leak out = env.run(base, a, in, err, scope);
        if (out != null || walker.denied() || env.handles(base)) {
            return out;
        }
        if (interpreters.handles(base)) {
            return interpreters.run(base, a, in, err, scope);
        }
        if (readers.handles(base)) {
            return readers.run(base, a, in, err, scope);
        }
        return tools.run(base, a, in, err, scope);
    }

    // ---- wrappers

    private Leak wrapped(Argv a, String shortValues, Set<String> longValues, In in, Sink err, Scope scope,
                         boolean strict) {
        Options options = Options.parse(a, 1, shortValues, longValues, true);
        return inner(a, options.stop(), in, err, scope, strict);
    }

    /** Runs the inner command starting at {@code start}; with {@code strict} every variable is secret. */
    Leak inner(Argv a, int start, In in, Sink err, Scope scope, boolean strict) {
        if (start >= a.size()) {
            return null;
        }
        if (!strict) {
            return run(a.from(start), in, err, scope);
        }
        Scope inner = scope.child();
        inner.strict = true;
        return run(a.from(start), in, err, inner);
    }

    private Leak java(Argv a, In in, Sink err, Scope scope) {
        int jar = a.indexOf("-jar", 1);
        if (jar > 0 && a.text(jar + 1) != null) {
            String path = a.text(jar + 1);
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.contains("vault") && file.endsWith(".jar")) {
                return tools.vault(a, jar + 2, in, err, scope);
            }
        }
        return null;
    }

    private Leak shell(Argv a, In in, Sink err, Scope scope) {
        int i = 1;
        String body = null;
        boolean command = false;
        while (i < a.size()) {
            String t = a.text(i);
            if (t == null) {
                break;
            }
            if (t.equals("--") || t.equals("-")) {
                i++;
                break;
            }
            if (t.startsWith("-") || t.startsWith("+")) {
                if (t.equals("-o") || t.equals("+o") || t.equals("-O") || t.equals("+O")) {
                    if (a.is(i + 1, "xtrace")) {
                        trace(a);
                        return null;
                    }
                    i += 2;
                    continue;
                }
                if (t.startsWith("--")) {
                    if (t.equals("--xtrace")) {
                        trace(a);
                        return null;
                    }
                    i++;
                    continue;
                }
                if (t.startsWith("-") && t.indexOf('x') > 0) {
                    trace(a);
                    return null;
                }
                if (t.startsWith("-") && t.indexOf('c') > 0) {
                    command = true;
                }
                i++;
                continue;
            }
            break;
        }
        if (command) {
            if (i >= a.size()) {
                return null;
            }
            body = a.text(i);
            if (body == null) {
                Leak leak = a.leak(i);
                if (leak != null) {
                    walker.deny(leak.rule(), "\"" + a.excerpt() + "\" puts " + leak.what()
                            + " into a shell's script, and it is not a literal", leak.alternative());
                } else {
                    walker.unanalysable("the script of \"" + a.excerpt() + "\" is not a literal, so what it runs"
                            + " cannot be checked");
                }
                return null;
            }
            Scope inner = scope.child();
            inner.positional = walker.positional(a, i + 1);
            return walker.text(body, in, err, inner);
        }
        boolean stdin = false;
        for (int k = 1; k < i; k++) {
            String t = a.text(k);
            stdin |= t != null && t.startsWith("-") && !t.startsWith("--") && t.indexOf('s') > 0;
        }
        if (i < a.size() && !stdin) {
            String path = walker.path(a.word(i), scope);
            if (path != null && walker.scripts.containsKey(path)) {
                Scope inner = scope.child();
                inner.positional = walker.positional(a, i);
                return walker.script(path, in, err, inner, a.excerpt());
            }
            if (a.text(i) == null && walker.pattern(a.word(i), scope) == null) {
                walker.unanalysable("the script \"" + Excerpt.of(a.word(i)) + "\" of \"" + a.excerpt()
                        + "\" is not a literal file name, so what it runs cannot be checked");
            }
            return null;
        }
        if (in.text() != null) {
            return walker.text(in.text(), In.NONE, err, scope.child());
        }
        if (in.piped() || in.unknown() != null || in.leak() != null) {
            walker.unanalysable("\"" + a.excerpt() + "\" runs a script read from its standard input,"
                    + " which cannot be known before it runs");
        }
        return null;
    }

    private void trace(Argv a) {
        walker.deny(Advice.TRACING, "\"" + a.excerpt() + "\" turns on tracing, which prints every command with"
                + " its variables expanded, secrets included", Advice.TRACE);
    }

    private Leak watch(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "nqd", Set.of("--interval", "--differences"), true);
        int start = options.stop();
        if (start >= a.size()) {
            return null;
        }
        if (options.has('x') || options.has("--exec")) {
            return inner(a, start, in, err, scope, false);
        }
        StringBuilder text = new StringBuilder();
        for (int i = start; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                walker.unanalysable("the command of \"" + a.excerpt() + "\" is not a literal");
                return null;
            }
            text.append(i == start ? "" : " ").append(t);
        }
        return walker.text(text.toString(), in, err, scope.child());
    }

    private Leak xargs(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "IELnPsda", Set.of("--max-args", "--max-procs", "--delimiter",
                "--arg-file", "--max-lines", "--max-chars", "--eof", "--replace", "--process-slot-var"), true);
        String argFile = options.value('a', "--arg-file");
        Leak args = in.leak();
        String files = "";
        if (argFile != null) {
            args = walker.fileLeak(Walker.absolute(Glob.escape(argFile), scope), argFile, a.excerpt(), false);
        } else if (in.leak() == null && !in.piped()) {
            files = "";
        }
        if (args != null && (options.has('t') || options.has('p') || options.has("--verbose")
                || options.has("--interactive"))) {
            walker.deny(Advice.TRACING, "\"" + a.excerpt() + "\" prints each command it runs, with "
                    + args.what() + " in it", Advice.TRACE);
            return null;
        }
        if (argFile == null && in.text() == null && in.leak() == null && walker.pipedFiles != null) {
            files = walker.pipedFiles;
        }
        if (argFile == null && in.text() != null) {
            files = null;
            for (String token : Walker.tokens(in.text())) {
                if (token.isEmpty()) {
                    continue;
                }
                String pattern = Walker.absolute(Glob.escape(token), scope);
                boolean sensitive = walker.paths.classify(pattern, false) != SensitivePaths.Kind.NONE;
                if (files == null || sensitive) {
                    files = pattern;
                    if (sensitive) {
                        break;
                    }
                }
            }
        }
        int start = options.stop();
        Scope inner = scope.child();
        inner.argFiles = files;
        if (start >= a.size()) {
            return args;
        }
        String name = a.text(start);
        if (name != null && PRINTERS.contains(name.substring(name.lastIndexOf('/') + 1))) {
            return first(args, run(a.from(start), In.NONE, err, inner));
        }
        return run(a.from(start), new In(null, false, null, null), err, inner);
    }

    /**
     * {@code parallel CMD ::: ARGS} (also {@code :::+}, {@code ::::} files of arguments): the command runs
     * through a shell once per argument; the arguments are the files it reads, as with {@code xargs}.
     */
    private Leak parallel(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "jdaSIENLnsX", Set.of("--jobs", "--delimiter", "--arg-file",
                "--sshlogin", "--replace", "--eof", "--max-args", "--max-lines", "--joblog", "--results",
                "--tmpdir", "--workdir", "--colsep", "--timeout", "--retries", "--halt", "--tag-string",
                "--basefile", "--env", "--memfree", "--load", "--delay", "--sshloginfile"), true);
        int start = options.stop();
        int sep = start;
        while (sep < a.size() && !(a.text(sep) != null && a.text(sep).startsWith(":::"))) {
            sep++;
        }
        String files = null;
        boolean unknown = false;
        for (int i = sep; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                unknown = true;
                continue;
            }
            if (t.startsWith(":::")) {
                unknown |= t.equals("::::");
                continue;
            }
            String pattern = Walker.absolute(Glob.escape(t), scope);
            if (files == null || walker.paths.classify(pattern, false) != SensitivePaths.Kind.NONE) {
                files = pattern;
            }
        }
        if (sep >= a.size()) {
            files = in.text() == null ? "" : null;
            if (in.text() != null) {
                for (String token : Walker.tokens(in.text())) {
                    String pattern = Walker.absolute(Glob.escape(token), scope);
                    if (files == null || walker.paths.classify(pattern, false) != SensitivePaths.Kind.NONE) {
                        files = pattern;
                    }
                }
            }
        } else if (unknown && (files == null || walker.paths.classify(files, false) == SensitivePaths.Kind.NONE)) {
            files = "";
        }
        if (start >= sep) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = start; i < sep; i++) {
            String t = a.text(i);
            if (t == null) {
                walker.unanalysable("the command of \"" + a.excerpt() + "\" is not a literal");
                return null;
            }
            text.append(i == start ? "" : " ").append(t);
        }
        Scope inner = scope.child();
        inner.argFiles = files == null ? "" : files;
        return walker.text(text.toString(), In.NONE, err, inner);
    }

    private Leak find(Argv a, In in, Sink err, Scope scope) {
        String root = null;
        String name = null;
        boolean unknown = false;
        Leak out = null;
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                if (root == null && i == 1) {
                    unknown = true;
                }
                continue;
            }
            if (root == null && !t.startsWith("-") && !t.equals("!") && !t.equals("(")) {
                root = t;
                continue;
            }
            switch (t) {
                case "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename" -> {
                    String value = a.text(i + 1);
                    if (value == null || i > 1 && (a.is(i - 1, "!") || a.is(i - 1, "-not"))) {
                        i++;
                        continue;
                    }
                    String pattern = t.contains("name") && !t.contains("whole") ? value
                            : value.substring(value.lastIndexOf('/') + 1);
                    name = name == null ? pattern : "*";
                    i++;
                }
                case "-exec", "-execdir", "-ok", "-okdir" -> {
                    int end = i + 1;
                    while (end < a.size() && !a.is(end, ";") && !a.is(end, "+")) {
                        end++;
                    }
                    Scope inner = scope.child();
                    if (unknown || name == null || name.equals("*")) {
                        inner.argFiles = "";
                    } else {
                        String dir = root == null ? "." : root;
                        inner.argFiles = Walker.absolute(Glob.escape(dir), scope) + "*/" + name;
                    }
                    out = first(out, runSlice(a, i + 1, end, err, inner));
                    i = end;
                }
                case "-fprint", "-fprintf", "-fprint0", "-fls" -> i++;
                default -> {
                }
            }
        }
        walker.listedFiles = unknown || name == null || name.equals("*") ? null
                : Walker.absolute(Glob.escape(root == null ? "." : root), scope) + "*/" + name;
        return out;
    }

    /** Runs the words {@code from..end} of {@code a} as a command. */
    private Leak runSlice(Argv a, int from, int end, Sink err, Scope scope) {
        if (from >= end) {
            return null;
        }
        java.util.List<Word> words = new java.util.ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            words.add(a.word(i));
        }
        Argv inner = walker.argv(words, scope, err);
        return run(inner, In.NONE, err, scope);
    }

    private Leak eval(Argv a, In in, Sink err, Scope scope) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                Leak leak = a.leak(i);
                if (leak == null && initPrinter(a.word(i))) {
                    continue;
                }
                if (leak != null) {
                    walker.deny(leak.rule(), "\"" + a.excerpt() + "\" runs " + leak.what() + " as shell code",
                            leak.alternative());
                } else {
                    walker.unanalysable("\"" + a.excerpt() + "\" evaluates text that is not a literal, so what it"
                            + " runs cannot be checked");
                }
                return null;
            }
            text.append(text.length() == 0 ? "" : " ").append(t);
        }
        return text.length() == 0 ? null : walker.text(text.toString(), in, err, scope);
    }

    /** {@code "$(ssh-agent -s)"} and the like: a tool that prints shell set-up code, run for eval/source. */
    private boolean initPrinter(Word word) {
        for (Part part : word.parts()) {
            Node body;
            if (part instanceof Part.CommandSub sub) {
                body = sub.body();
            } else if (part instanceof Part.ProcessSub sub) {
                body = sub.body();
            } else if (part instanceof Part.Literal literal && literal.text().isBlank()) {
                continue;
            } else {
                return false;
            }
            if (!(body instanceof Node.Simple simple) || simple.words().isEmpty()) {
                return false;
            }
            String name = simple.words().get(0).literal();
            if (name == null) {
                return false;
            }
            name = name.substring(name.lastIndexOf('/') + 1);
            if (!INIT_PRINTERS.contains(name)) {
                return false;
            }
            for (Word w : simple.words()) {
                String t = w.literal();
                if (t == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private Leak source(Argv a, In in, Sink err, Scope scope) {
        if (a.size() < 2) {
            return null;
        }
        String file = a.text(1);
        if ("/dev/stdin".equals(file) || "-".equals(file) || "/dev/fd/0".equals(file)
                || "/proc/self/fd/0".equals(file)) {
            if (in.text() != null) {
                return walker.text(in.text(), In.NONE, err, scope);
            }
            if (in.piped() || in.unknown() != null || in.leak() != null) {
                walker.unanalysable("\"" + a.excerpt() + "\" runs a script read from its standard input, which"
                        + " cannot be known before it runs");
            }
            return null;
        }
        String path = walker.path(a.word(1), scope);
        if (path != null && walker.scripts.containsKey(path)) {
            return walker.script(path, In.NONE, err, scope, a.excerpt());
        }
        String pattern = walker.pattern(a.word(1), scope);
        if (pattern != null && walker.paths.classify(pattern, false) == SensitivePaths.Kind.CREDENTIAL) {
            // `source .env`: the variables it sets, whatever their names, hold secrets from here on
            scope.strict = true;
        }
        if (a.text(1) == null && walker.pattern(a.word(1), scope) == null) {
            Leak leak = a.leak(1);
            if (leak != null) {
                walker.deny(leak.rule(), "\"" + a.excerpt() + "\" runs " + leak.what() + " as shell code",
                        leak.alternative());
                return null;
            }
            if (initPrinter(a.word(1))) {
                return null;
            }
            walker.unanalysable("\"" + a.excerpt() + "\" runs a script that is not named by a literal, so what it"
                    + " runs cannot be checked");
        }
        return null;
    }

    private void cd(Argv a, Scope scope) {
        int i = 1;
        while (i < a.size() && a.text(i) != null && a.text(i).startsWith("-") && a.text(i).length() > 1) {
            i++;
        }
        if (i >= a.size()) {
            scope.cwd = a.size() == 1 ? Glob.escape(walker.home) : scope.cwd;
            return;
        }
        String pattern = walker.pattern(a.word(i), scope);
        scope.cwd = pattern == null || a.is(i, "-") ? "/*" : pattern;
    }

    private void read(Argv a, In in, Sink err, Scope scope) {
        boolean map = !a.is(0, "read");
        Options options = Options.parse(a, 1, map ? "dnOsuCc" : "adpntuNi", NONE, false);
        String prompt = options.value('p', null);
        if (prompt == null && options.has('p')) {
            int p = a.indexOf("-p", 1);
            Leak leak = p > 0 && p + 1 < a.size() ? a.leak(p + 1) : null;
            walker.receive(err, leak);
        }
        String array = options.value('a', null);
        if (array != null) {
            scope.vars.put(array, new Binding(null, in.leak()));
        }
        for (int k = 0; k < options.operandCount(); k++) {
            String name = a.text(options.operand(k));
            if (name != null) {
                scope.vars.put(name, new Binding(null, in.leak()));
            }
        }
        if (options.operandCount() == 0) {
            scope.vars.put("REPLY", new Binding(null, in.leak()));
            scope.vars.put("MAPFILE", new Binding(null, in.leak()));
        }
    }

    private Leak ssh(Argv a, In in, Sink err, Scope scope) {
        Options options = Options.parse(a, 1, "BbcDEeFIiJLlmOoPpQRSWw", SSH_LONG, true);
        int host = options.stop();
        if (host + 1 >= a.size()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = host + 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                Leak leak = a.leak(i);
                if (leak != null) {
                    walker.deny(leak.rule(), "\"" + a.excerpt() + "\" sends " + leak.what()
                            + " in a remote command whose output comes back", leak.alternative());
                } else {
                    walker.unanalysable("the remote command of \"" + a.excerpt() + "\" is not a literal");
                }
                return null;
            }
            text.append(i == host + 1 ? "" : " ").append(t);
        }
        Scope remote = scope.child();
        remote.cwd = "/*";
        remote.vars.clear();
        return walker.text(text.toString(), in, err, remote);
    }

    private Leak docker(Argv a, int i, In in, Sink err, Scope scope) {
        while (i < a.size() && a.text(i) != null && a.text(i).startsWith("-")) {
            String t = a.text(i);
            i += t.equals("-H") || t.equals("--host") || t.equals("--context") || t.equals("-c")
                    || t.equals("--config") || t.equals("-l") || t.equals("--log-level") ? 2 : 1;
        }
        String sub = a.text(i);
        if (sub == null) {
            return null;
        }
        if (sub.equals("container") && (a.is(i + 1, "exec") || a.is(i + 1, "run"))) {
            i++;
            sub = a.text(i);
        }
        switch (sub) {
            case "exec": {
                Options options = Options.parse(a, i + 1, "euw", DOCKER_EXEC_LONG, true);
                return inner(a, options.stop() + 1, in, err, scope, true);
            }
            case "run": {
                Options options = Options.parse(a, i + 1, "evpwulmhc", DOCKER_RUN_LONG, true);
                return inner(a, options.stop() + 1, in, err, scope, false);
            }
            case "compose":
                return compose(a, i + 1, in, err, scope);
            case "cp":
                return containerCopy(a, i + 1, err, scope);
            default:
                return tools.run("docker", a, in, err, scope);
        }
    }

    /**
     * {@code docker cp web:/app/.env -} and {@code kubectl cp pod:/app/.env /dev/stdout}: a file copied out of
     * a container to stdout (a tar stream for docker, with the bytes in it) or to a file read later.
     */
    private Leak containerCopy(Argv a, int i, Sink err, Scope scope) {
        Options options = Options.parse(a, i, "c", Set.of("--container", "--namespace", "--retries"), false);
        if (options.operandCount() < 2) {
            return null;
        }
        String source = a.text(options.operand(0));
        String dest = a.text(options.operand(1));
        if (source == null || dest == null) {
            return null;
        }
        int colon = source.indexOf(':');
        String inside = colon > 0 && !source.startsWith("/") && !source.startsWith(".") ? source.substring(colon + 1)
                : source;
        Scope remote = scope.child();
        remote.cwd = "/";
        Leak data = walker.fileLeak(Walker.absolute(Glob.escape(inside), colon > 0 ? remote : scope), source,
                a.excerpt(), false);
        if (data == null) {
            return null;
        }
        if (Tools.toScreen(dest)) {
            return data;
        }
        String path = walker.path(dev.vault.core.guard.shell.Word.of(dest), scope);
        if (path != null) {
            walker.written.putIfAbsent(path, data);
            walker.written.putIfAbsent(path + inside.substring(inside.lastIndexOf('/')), data);
        }
        return null;
    }

    private Leak compose(Argv a, int i, In in, Sink err, Scope scope) {
        while (i < a.size() && a.text(i) != null && a.text(i).startsWith("-")) {
            String t = a.text(i);
            i += t.equals("-f") || t.equals("--file") || t.equals("-p") || t.equals("--project-name")
                    || t.equals("--env-file") || t.equals("--profile") || t.equals("--project-directory") ? 2 : 1;
        }
        String sub = a.text(i);
        if ("exec".equals(sub) || "run".equals(sub)) {
            Options options = Options.parse(a, i + 1, "euwpv", DOCKER_RUN_LONG, true);
            return inner(a, options.stop() + 1, in, err, scope, "exec".equals(sub));
        }
        if ("config".equals(sub)) {
            return new Leak(Advice.CREDENTIAL_CLI, "the resolved configuration with every environment value",
                    a.excerpt(), Advice.CLI);
        }
        return null;
    }

    private Leak kubectlExec(Argv a, int i, In in, Sink err, Scope scope) {
        int dashes = a.indexOf("--", i);
        if (dashes > 0) {
            return inner(a, dashes + 1, in, err, scope, true);
        }
        Options options = Options.parse(a, i, "ncf", KUBECTL_LONG, true);
        return inner(a, options.stop() + 1, in, err, scope, true);
    }

    private static boolean secretRunner(String base, Argv a) {
        return switch (base) {
            case "op", "doppler", "infisical", "teller", "berglas" -> a.is(1, "run") || a.is(1, "exec");
            case "chamber", "aws-vault" -> a.is(1, "exec");
            case "sops" -> a.is(1, "exec-env");
            case "envchain", "dotenv", "dotenvx", "with-secrets", "summon", "dotenv-cli" -> true;
            default -> false;
        };
    }

    private Leak secretRun(Argv a, In in, Sink err, Scope scope) {
        int dashes = a.indexOf("--", 1);
        Scope inner = scope.child();
        inner.strict = true;
        if (dashes > 0) {
            return run(a.from(dashes + 1), in, err, inner);
        }
        String base = a.text(0).substring(a.text(0).lastIndexOf('/') + 1);
        if (base.equals("sops") && a.size() > 3) {
            String body = a.text(3);
            if (body == null) {
                walker.unanalysable("the command of \"" + a.excerpt() + "\" is not a literal");
                return null;
            }
            return walker.text(body, in, err, inner);
        }
        if (base.equals("envchain") && a.size() > 2) {
            return run(a.from(2), in, err, inner);
        }
        if (base.equals("dotenv") || base.equals("dotenvx") || base.equals("with-secrets") || base.equals("summon")
                || base.equals("dotenv-cli")) {
            int start = Options.parse(a, base.equals("dotenvx") ? 2 : 1, "efpvc", Set.of("--env-file", "-f"), true)
                    .stop();
            if (base.equals("dotenv") && (a.is(start, "get") || a.is(start, "list"))
                    || base.equals("dotenvx") && (a.is(1, "get") || a.is(1, "decrypt"))) {
                return new Leak(Advice.CREDENTIAL_FILE, "values from a .env file", a.excerpt(), Advice.CREDENTIALS);
            }
            return start < a.size() ? run(a.from(start), in, err, inner) : null;
        }
        return null;
    }

    private Leak print(String base, Argv a, Sink err, Scope scope) {
        int start = 1;
        if (base.equals("echo")) {
            while (start < a.size() && a.text(start) != null && a.text(start).length() > 1
                    && a.text(start).startsWith("-") && "neE".indexOf(a.text(start).charAt(1)) >= 0) {
                start++;
            }
        }
        if (base.equals("printf") && a.is(1, "-v") && a.text(2) != null) {
            scope.vars.put(a.text(2), new Binding(null, a.leakFrom(3)));
            return null;
        }
        Leak leak = a.leakFrom(start);
        StringBuilder text = new StringBuilder();
        for (int i = base.equals("printf") && a.size() > 2 ? 2 : start; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                text = null;
                break;
            }
            text.append(text.length() == 0 ? "" : "\n").append(t);
        }
        walker.printed = text == null ? null : base.equals("printf") && a.size() == 2
                ? text.toString().replace("\\n", "\n").replace("\\t", "\t").replace("\\0", "\n").replace("%%", "%")
                : text.toString();
        if (leak == null) {
            return null;
        }
        return leak.source() == null ? new Leak(leak.rule(), leak.what(), a.excerpt(), leak.alternative()) : leak;
    }

    static Leak first(Leak a, Leak b) {
        return a != null ? a : b;
    }
}
