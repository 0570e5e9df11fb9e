package dev.vault.core.guard;

import dev.vault.core.guard.Flow.In;
import dev.vault.core.guard.Flow.Sink;
import java.util.Locale;
import java.util.Set;

/**
 * Programs whose job is to print a credential or plaintext: the vault itself ({@code vault get}), cloud
 * and tool CLIs ({@code gh auth token}, {@code aws configure get}, {@code kubectl get secret -o yaml} …),
 * decrypters ({@code age -d}, {@code sops -d}, {@code gpg -d}, {@code pass show} …), key generators that
 * print a private key, and HTTP clients that trace a secret header. Any other program is taken to keep its
 * stdin and arguments to itself.
 */
final class Tools {
    private static final Set<String> VAULT_GLOBAL_VALUES = Set.of("--vault", "-i", "--identity");
    private static final Set<String> SECRET_WORDS = Set.of("secret", "token", "password", "key", "credential",
            "auth", "passwd", "extraheader", "pass");

    private final Walker walker;

    Tools(Walker walker) {
        this.walker = walker;
    }

    private Leak cli(Argv a, String what) {
        return new Leak(Advice.CREDENTIAL_CLI, what, a.excerpt(), Advice.CLI);
    }

    private Leak decrypted(Argv a, String what) {
        return new Leak(Advice.DECRYPT, what, a.excerpt(), Advice.DECRYPTED);
    }

    private Leak key(Argv a, String what) {
        return new Leak(Advice.KEY_MATERIAL, what, a.excerpt(), Advice.KEY);
    }

    // ---- the vault

    /** {@code vault get NAME} prints the value unless {@code -o FILE}; {@code vault exec -- CMD} runs CMD strictly. */
    Leak vault(Argv a, int i, In in, Sink err, Scope scope) {
        while (i < a.size() && a.text(i) != null && a.text(i).startsWith("-")) {
            i += VAULT_GLOBAL_VALUES.contains(a.text(i)) ? 2 : 1;
        }
        String sub = a.text(i);
        if (sub == null) {
            return null;
        }
        switch (sub) {
            case "get": {
                Options options = Options.parse(a, i + 1, "o", Set.of("--output", "--version", "--purpose", "--vault",
                        "--identity"), false);
                String name = options.operandCount() > 0 ? a.text(options.operand(0)) : null;
                String output = options.value('o', "--output");
                Leak leak = new Leak(Advice.SECRET_OUTPUT, "the value of secret \"" + (name == null ? "…" : name)
                        + "\"", a.excerpt(), Advice.secretOutput(name));
                if (output == null && (options.has('o') || options.has("--output"))) {
                    return null;
                }
                if (output == null || toScreen(output)) {
                    return leak;
                }
                walker.written.putIfAbsent(Walker.absolute(Glob.escape(output), scope).replace("\\", ""), leak);
                return null;
            }
            case "exec": {
                int dashes = a.indexOf("--", i + 1);
                int start;
                if (dashes > 0) {
                    start = dashes + 1;
                } else {
                    start = Options.parse(a, i + 1, "i", Set.of("--only", "--keep-env", "--purpose", "--vault",
                            "--identity"), true).stop();
                }
                if (start >= a.size()) {
                    return null;
                }
                if (a.indexOf("--no-mask", i + 1) > 0 && a.indexOf("--no-mask", i + 1) < start) {
                    return new Leak(Advice.SECRET_OUTPUT, "the injected values unmasked in its output", a.excerpt(),
                            "drop --no-mask: vault exec masks the values in what the command prints");
                }
                Scope inner = scope.child();
                inner.strict = true;
                return walker.commands().run(a.from(start), in, err, inner);
            }
            case "identity": {
                if (!a.is(i + 1, "new")) {
                    return null;
                }
                Options options = Options.parse(a, i + 2, "o", Set.of("--output", "--note", "--vault", "--identity"),
                        false);
                String output = options.value('o', "--output");
                return output != null && toScreen(output) ? key(a, "the new identity's private key") : null;
            }
            case "redact": {
                // masks the vault's own values only: a credential file or a key read through it shows whole
                Leak fed = in.leak();
                return fed == null || Advice.SECRET_OUTPUT.equals(fed.rule())
                        || Advice.SECRET_VARIABLE.equals(fed.rule()) ? null : fed;
            }
            case "kv", "read":
                return a.is(i + 1, "list") ? null : cli(a, "secrets from a HashiCorp Vault server");
            case "print":
                return a.is(i + 1, "token") ? cli(a, "the HashiCorp Vault token") : null;
            case "token":
                return a.is(i + 1, "create") ? cli(a, "a new HashiCorp Vault token") : null;
            case "login":
                return a.indexOf("-no-print", i) > 0 ? null : cli(a, "a HashiCorp Vault token");
            default:
                return null;
        }
    }

    // ---- everything else

    Leak run(String base, Argv a, In in, Sink err, Scope scope) {
        switch (base) {
            case "gh":
                if (a.is(1, "auth") && a.is(2, "token")) {
                    return cli(a, "the GitHub token");
                }
                if (a.is(1, "auth") && a.is(2, "status") && (a.indexOf("-t", 3) > 0
                        || a.indexOf("--show-token", 3) > 0)) {
                    return cli(a, "the GitHub token");
                }
                if (a.is(1, "config") && a.is(2, "get") && a.indexOf("oauth_token", 3) > 0) {
                    return cli(a, "the GitHub token");
                }
                return null;
            case "glab":
                return a.is(1, "auth") && a.is(2, "status") && (a.indexOf("-t", 3) > 0
                        || a.indexOf("--show-token", 3) > 0) ? cli(a, "the GitLab token") : null;
            case "aws":
                return aws(a);
            case "gcloud":
                if (a.indexOf("print-access-token", 1) > 0 || a.indexOf("print-identity-token", 1) > 0
                        || a.indexOf("print-refresh-token", 1) > 0 || a.indexOf("config-helper", 1) > 0) {
                    return cli(a, "a Google Cloud access token");
                }
                int secrets = a.indexOf("secrets", 1);
                if (secrets > 0 && a.is(secrets + 1, "versions") && a.is(secrets + 2, "access")) {
                    return cli(a, "a Secret Manager secret");
                }
                return null;
            case "az":
                if (a.is(1, "account") && (a.is(2, "get-access-token"))) {
                    return cli(a, "an Azure access token");
                }
                if (a.is(1, "keyvault") && a.is(2, "secret") && (a.is(3, "show") || a.is(3, "download"))) {
                    return cli(a, "a Key Vault secret");
                }
                if (a.indexOf("create-for-rbac", 1) > 0 || a.is(1, "storage") && a.indexOf("keys", 2) > 0
                        && a.indexOf("list", 2) > 0 || a.indexOf("--expose-token", 1) > 0) {
                    return cli(a, "Azure credentials");
                }
                return null;
            case "kubectl", "oc", "k":
                return kubectl(a);
            case "helm":
                return null;
            case "docker", "podman", "nerdctl":
                return docker(a);
            case "heroku":
                if (a.is(1, "config") || a.is(1, "config:get") || a.is(1, "auth:token")) {
                    return cli(a, "Heroku config values");
                }
                return null;
            case "vercel":
                if (a.is(1, "env") && a.is(2, "pull")) {
                    String file = a.text(3);
                    return "/dev/stdout".equals(file) || "-".equals(file) ? cli(a, "the project's environment values")
                            : null;
                }
                return null;
            case "netlify":
                return a.is(1, "env:get") || a.is(1, "env:list") ? cli(a, "Netlify environment values") : null;
            case "railway":
                return a.is(1, "variables") || a.is(1, "vars") ? cli(a, "Railway variables") : null;
            case "firebase":
                return a.is(1, "login:ci") ? cli(a, "a Firebase token") : null;
            case "stripe":
                return a.is(1, "config") && a.indexOf("--list", 2) > 0 ? cli(a, "Stripe API keys") : null;
            case "git":
                return git(a, scope);
            case "pulumi":
                if (a.indexOf("--show-secrets", 1) > 0) {
                    return cli(a, "Pulumi secrets in plaintext");
                }
                if (a.indexOf("config", 1) > 0 && a.indexOf("get", 1) > a.indexOf("config", 1)) {
                    int get = a.indexOf("get", 1);
                    String key = get + 1 < a.size() ? a.text(get + 1) : null;
                    String last = key == null ? "" : key.substring(key.lastIndexOf(':') + 1);
                    if (key == null || SecretNames.looksSecret(snake(last))) {
                        return cli(a, "a Pulumi config value, decrypted");
                    }
                }
                return null;
            case "transcrypt":
                return has(a, "-d", "--display") ? cli(a, "the transcrypt password") : null;
            case "blackbox_cat", "blackbox_decrypt_file":
                return base.equals("blackbox_cat") ? decrypted(a, "decrypted data") : null;
            case "security":
                if ((a.is(1, "find-generic-password") || a.is(1, "find-internet-password"))) {
                    if (has(a, "-w", null)) {
                        return cli(a, "a keychain password");
                    }
                    if (has(a, "-g", null)) {
                        walker.receive(err, cli(a, "a keychain password"));
                    }
                }
                return a.is(1, "dump-keychain") && a.indexOf("-d", 2) > 0 ? cli(a, "keychain passwords") : null;
            case "secret-tool":
                return a.is(1, "lookup") ? cli(a, "a keyring secret") : null;
            case "keyring":
                return a.is(1, "get") ? cli(a, "a keyring secret") : null;
            case "kwallet-query":
                return a.indexOf("-r", 1) > 0 || a.indexOf("--read-password", 1) > 0 ? cli(a, "a wallet secret") : null;
            case "op":
                if (a.is(1, "read")) {
                    return a.indexOf("-o", 2) > 0 || a.indexOf("--out-file", 2) > 0 ? null : cli(a, "a 1Password secret");
                }
                if (a.is(1, "inject")) {
                    return a.indexOf("-o", 2) > 0 || a.indexOf("--out-file", 2) > 0 ? null
                            : cli(a, "a template with 1Password secrets filled in");
                }
                if (a.is(1, "item") && a.is(2, "get") && (a.indexOf("--reveal", 3) > 0 || a.indexOf("--fields", 3) > 0
                        || a.indexOf("--format", 3) > 0 || a.indexOf("--otp", 3) > 0)) {
                    return cli(a, "a 1Password item's secrets");
                }
                return a.is(1, "signin") && a.indexOf("--raw", 2) > 0 ? cli(a, "a 1Password session token") : null;
            case "bw":
                if (a.is(1, "get") && !a.is(2, "template") || a.is(1, "unlock") && a.indexOf("--raw", 2) > 0
                        || a.is(1, "export") && a.indexOf("--output", 2) < 0) {
                    return cli(a, "a Bitwarden secret");
                }
                return null;
            case "lpass":
                return a.is(1, "show") ? cli(a, "a LastPass secret") : null;
            case "doppler":
                if (a.is(1, "secrets") && a.indexOf("--only-names", 2) < 0 && !a.is(2, "set")
                        && !a.is(2, "delete") && !a.is(2, "upload")) {
                    return cli(a, "Doppler secrets");
                }
                return null;
            case "infisical":
                return a.is(1, "secrets") && !a.is(2, "set") || a.is(1, "export") ? cli(a, "Infisical secrets") : null;
            case "chamber":
                return a.is(1, "read") || a.is(1, "export") ? cli(a, "Chamber secrets") : null;
            case "npm", "pnpm", "yarn":
                if (a.is(1, "token") && (a.is(2, "list") || a.is(2, "create") || a.is(2, "ls"))) {
                    return cli(a, "npm tokens");
                }
                if (a.is(1, "config") && a.is(2, "get") && a.text(3) != null && secretKey(a.text(3))) {
                    return cli(a, "a registry token");
                }
                return null;
            case "terraform", "tofu", "terragrunt":
                if (a.is(1, "output") && (a.indexOf("-raw", 2) > 0 || a.indexOf("-json", 2) > 0)) {
                    return cli(a, "Terraform outputs, sensitive ones included");
                }
                if (a.is(1, "state") && a.is(2, "pull") || a.is(1, "show") && a.indexOf("-json", 2) > 0) {
                    return cli(a, "the Terraform state, secrets included");
                }
                return null;
            case "age", "rage":
                if (has(a, "-d", "--decrypt") && !toFile(a, "-o", "--output")) {
                    return decrypted(a, "decrypted data");
                }
                return null;
            case "age-keygen", "rage-keygen":
                if (has(a, "-y", null) || has(a, "-o", "--output")) {
                    return null;
                }
                return key(a, "a new private key");
            case "sops":
                if ((has(a, "-d", "--decrypt") || a.is(1, "decrypt")) && !has(a, null, "--output")) {
                    return decrypted(a, "decrypted secrets");
                }
                if (a.size() == 2 && a.text(1) != null && !a.text(1).startsWith("-")) {
                    walker.deny(Advice.DECRYPT, "\"" + a.excerpt() + "\" opens the decrypted file in an editor on the"
                            + " screen", Advice.DECRYPTED);
                }
                return null;
            case "gpg", "gpg2":
                boolean export = gpgOption(a, "--export-secret-keys", 10) || gpgOption(a, "--export-secret-subkeys", 10);
                if ((has(a, "-d", "--decrypt") || gpgOption(a, "--decrypt", 5) || export)
                        && !toFile(a, "-o", "--output")) {
                    return export ? key(a, "a secret key") : decrypted(a, "decrypted data");
                }
                return null;
            case "pass", "passage", "gopass":
                return pass(a);
            case "ansible-vault":
                if (a.is(1, "view") || a.is(1, "edit")) {
                    return decrypted(a, "decrypted vault data");
                }
                if (a.is(1, "decrypt") && (a.indexOf("--output=-", 2) > 0 || a.indexOf("-", 2) > 0
                        && a.indexOf("--output", 2) > 0 || a.indexOf("--output=/dev/stdout", 2) > 0)) {
                    return decrypted(a, "decrypted vault data");
                }
                return null;
            case "git-crypt":
                return a.is(1, "export-key") && (a.is(2, "-") || a.is(2, "/dev/stdout")) ? key(a, "the git-crypt key")
                        : null;
            case "openssl":
                return openssl(a, scope);
            case "wg":
                if (a.is(1, "genkey") || a.is(1, "genpsk") || a.is(1, "showconf")
                        || a.is(1, "show") && a.indexOf("private-key", 2) > 0) {
                    return key(a, "a WireGuard private key");
                }
                return null;
            case "curl":
                return first(fileUrls(a, scope), curl(a));
            case "sqlite3", "sqlite", "duckdb": {
                Options options = Options.parse(a, 1, "", Set.of("-cmd", "-separator", "-nullvalue", "-newline"),
                        false);
                if (options.operandCount() == 0 || a.text(options.operand(0)) == null) {
                    return null;
                }
                String file = a.text(options.operand(0));
                return walker.fileLeak(Walker.absolute(Glob.escape(file), scope), file, a.excerpt(), false);
            }
            case "wget":
                if (has(a, "-d", "--debug") && secretRequest(a)) {
                    trace(a);
                }
                return fileUrls(a, scope);
            case "http", "https", "xh":
                if (has(a, "-v", "--verbose") && secretRequest(a)) {
                    trace(a);
                }
                return null;
            default:
                return null;
        }
    }

    /** True for an output file name that is the screen: {@code -}, {@code /dev/stdout}, {@code /dev/fd/1} …. */
    static boolean toScreen(String output) {
        return switch (output) {
            case "-", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/console", "/dev/fd/1", "/dev/fd/2",
                    "/proc/self/fd/1", "/proc/self/fd/2" -> true;
            default -> false;
        };
    }

    /** The value of {@code -o}/{@code --output} (also {@code -oFILE}, {@code --output=FILE}), or null. */
    private static String output(Argv a, String shortName, String longName) {
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                continue;
            }
            if (t.equals("--")) {
                return null;
            }
            if (t.equals(shortName) || t.equals(longName)) {
                return a.text(i + 1) == null ? "?" : a.text(i + 1);
            }
            if (longName != null && t.startsWith(longName + "=")) {
                return t.substring(longName.length() + 1);
            }
            if (shortName != null && t.startsWith(shortName) && t.length() > 2) {
                return t.substring(2);
            }
        }
        return null;
    }

    /** True when {@code a} writes to a file rather than to stdout (an {@code -o -} is stdout). */
    private static boolean toFile(Argv a, String shortName, String longName) {
        String output = output(a, shortName, longName);
        return output != null && !toScreen(output);
    }

    /** A gpg long option, which gpg also takes abbreviated ({@code --dec}, {@code --export-secret-key}). */
    private static boolean gpgOption(Argv a, String option, int shortest) {
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t != null && t.length() >= shortest && t.startsWith("--") && option.startsWith(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Argv a, String shortName, String longName) {
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                continue;
            }
            if (t.equals("--")) {
                return false;
            }
            if (shortName != null && t.equals(shortName)) {
                return true;
            }
            if (longName != null && (t.equals(longName) || t.startsWith(longName + "="))) {
                return true;
            }
            if (shortName != null && t.length() > 2 && t.charAt(0) == '-' && t.charAt(1) != '-'
                    && t.indexOf(shortName.charAt(1)) > 0 && t.length() <= 5) {
                return true;
            }
        }
        return false;
    }

    private static boolean secretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".helper") || lower.endsWith(".username") || lower.endsWith(".usehttppath")
                || lower.endsWith("_id") && !lower.contains("secret")) {
            return lower.contains("access_key_id");
        }
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private Leak aws(Argv a) {
        String service = null;
        int i = 1;
        while (i < a.size()) {
            String t = a.text(i);
            if (t != null && t.startsWith("--")) {
                i += t.contains("=") || t.equals("--debug") || t.equals("--no-verify-ssl") ? 1 : 2;
                continue;
            }
            service = t;
            break;
        }
        if (service == null) {
            return null;
        }
        String op = a.text(i + 1);
        if (op == null) {
            return null;
        }
        switch (service) {
            case "configure":
                if (op.equals("export-credentials")) {
                    return cli(a, "AWS credentials");
                }
                if (op.equals("get") && a.text(i + 2) != null && secretKey(a.text(i + 2))) {
                    return cli(a, "an AWS credential");
                }
                if (op.equals("list") || op.equals("set")) {
                    return null;
                }
                return null;
            case "ecr", "ecr-public":
                return op.startsWith("get-login") ? cli(a, "a registry password") : null;
            case "sts":
                return op.equals("get-session-token") || op.startsWith("assume-role") || op.equals("get-federation-token")
                        ? cli(a, "temporary AWS credentials") : null;
            case "secretsmanager":
                return op.equals("get-secret-value") || op.equals("batch-get-secret-value") ? cli(a, "a secret value")
                        : null;
            case "ssm":
                return op.startsWith("get-parameter") && a.indexOf("--with-decryption", i) > 0
                        ? cli(a, "a decrypted parameter") : null;
            case "iam":
                return op.equals("create-access-key") ? cli(a, "a new access key") : null;
            case "codeartifact":
                return op.equals("get-authorization-token") ? cli(a, "a registry token") : null;
            case "eks":
                return op.equals("get-token") ? cli(a, "a cluster token") : null;
            case "rds":
                return op.equals("generate-db-auth-token") ? cli(a, "a database token") : null;
            default:
                return null;
        }
    }

    private Leak kubectl(Argv a) {
        int get = a.indexOf("get", 1);
        if (get > 0 && get < 4) {
            boolean secret = false;
            for (int i = get + 1; i < a.size(); i++) {
                String t = a.text(i);
                if (t != null && (t.equals("secret") || t.equals("secrets") || t.startsWith("secret/")
                        || t.startsWith("secrets/") || t.startsWith("secret,") || t.contains(",secret"))) {
                    secret = true;
                }
            }
            if (secret) {
                String output = null;
                for (int i = 1; i < a.size(); i++) {
                    String t = a.text(i);
                    if (t == null) {
                        continue;
                    }
                    if (t.equals("-o") || t.equals("--output")) {
                        output = a.text(i + 1);
                    } else if (t.startsWith("-o") && t.length() > 2) {
                        output = t.substring(t.charAt(2) == '=' ? 3 : 2);
                    } else if (t.startsWith("--output=")) {
                        output = t.substring(9);
                    }
                }
                if (output != null && !output.equals("name") && !output.equals("wide")
                        && !output.startsWith("custom-columns=NAME")) {
                    return cli(a, "Kubernetes secret data");
                }
            }
            return null;
        }
        if (a.is(1, "config") && a.is(2, "view") && (a.indexOf("--raw", 3) > 0 || a.indexOf("--flatten", 3) > 0)) {
            return cli(a, "cluster credentials");
        }
        if (a.is(1, "create") && a.is(2, "token")) {
            return cli(a, "a service account token");
        }
        if (a.is(1, "view-secret")) {
            return cli(a, "Kubernetes secret data");
        }
        int create = a.indexOf("create", 1);
        if (create > 0 && create < 4 && a.is(create + 1, "secret")) {
            boolean printed = false;
            boolean fromFile = false;
            for (int i = create + 2; i < a.size(); i++) {
                String t = a.text(i);
                if (t == null) {
                    continue;
                }
                printed |= t.equals("-o") || t.startsWith("--output") || t.startsWith("-o") && t.length() > 2;
                fromFile |= t.startsWith("--from-file") || t.startsWith("--from-env-file");
            }
            if (printed && fromFile) {
                return cli(a, "the files' contents, base64-encoded in the secret it prints");
            }
        }
        return null;
    }

    private Leak docker(Argv a) {
        int i = 1;
        while (i < a.size() && a.text(i) != null && a.text(i).startsWith("-")) {
            i++;
        }
        String sub = a.text(i);
        if (sub == null) {
            return null;
        }
        if ((sub.equals("container") || sub.equals("image") || sub.equals("service")) && a.is(i + 1, "inspect")) {
            sub = "inspect";
        }
        if (sub.equals("inspect")) {
            String format = null;
            for (int k = i + 1; k < a.size(); k++) {
                String t = a.text(k);
                if (t == null) {
                    continue;
                }
                if (t.equals("-f") || t.equals("--format")) {
                    format = a.text(k + 1);
                } else if (t.startsWith("--format=")) {
                    format = t.substring(9);
                }
            }
            if (format != null && !format.contains("Env") && !format.contains("json .")
                    && !format.contains("json .Config") && !format.equals("{{json .}}") && !format.contains(".Config}}")) {
                return null;
            }
            return cli(a, "the container's configuration, environment values included");
        }
        return null;
    }

    private Leak git(Argv a, Scope scope) {
        int i = 1;
        while (i < a.size() && a.text(i) != null && a.text(i).startsWith("-")) {
            String t = a.text(i);
            i += t.equals("-C") || t.equals("-c") || t.equals("--git-dir") || t.equals("--work-tree")
                    || t.equals("--namespace") ? 2 : 1;
        }
        String sub = a.text(i);
        if (sub == null) {
            return null;
        }
        switch (sub) {
            case "credential", "credential-store", "credential-cache", "credential-manager", "credential-osxkeychain":
                return a.is(i + 1, "fill") || a.is(i + 1, "get") ? cli(a, "stored git credentials") : null;
            case "config": {
                int get = -1;
                for (int k = i + 1; k < a.size(); k++) {
                    if (a.is(k, "--get") || a.is(k, "get") || a.is(k, "--get-all") || a.is(k, "--get-regexp")
                            || a.is(k, "--get-urlmatch")) {
                        get = k;
                    }
                }
                Options options = Options.parse(a, i + 1, "f", Set.of("--file", "--blob", "--default", "--type"),
                        false);
                if (get < 0 && options.operandCount() == 1 && a.text(options.operand(0)) != null
                        && !options.has("--unset") && !options.has("--unset-all") && !options.has("--add")
                        && !options.has("--replace-all") && !options.has('l') && !options.has("--list")) {
                    get = options.operand(0) - 1;
                }
                if (get > 0) {
                    for (int k = get + 1; k < a.size(); k++) {
                        String t = a.text(k);
                        if (t != null && !t.startsWith("-") && secretKey(t)) {
                            return cli(a, "a credential from git's configuration");
                        }
                    }
                }
                return null;
            }
            case "show", "diff", "log", "blame", "cat-file", "annotate", "grep", "archive": {
                if (sub.equals("archive") && (has(a, "-o", "--output") || a.indexOf("--remote", i) > 0)) {
                    return null;
                }
                Leak out = null;
                boolean content = !sub.equals("log") || a.indexOf("-p", i) > 0 || a.indexOf("--patch", i) > 0;
                if (!content || a.indexOf("--stat", i) > 0 || a.indexOf("--name-only", i) > 0
                        || a.indexOf("--name-status", i) > 0) {
                    return null;
                }
                for (int k = i + 1; k < a.size(); k++) {
                    String t = a.text(k);
                    if (t == null || t.startsWith("-")) {
                        continue;
                    }
                    int colon = t.indexOf(':');
                    String path = colon >= 0 ? t.substring(colon + 1) : t;
                    if (path.isEmpty()) {
                        continue;
                    }
                    Leak leak = walker.fileLeak(Walker.absolute(Glob.escape(path), scope), path, a.excerpt(), false);
                    out = out != null ? out : leak;
                }
                return out;
            }
            default:
                return null;
        }
    }

    private Leak pass(Argv a) {
        if (a.size() == 1) {
            return null;
        }
        String sub = a.text(1);
        if (sub == null) {
            return cli(a, "a password");
        }
        switch (sub) {
            case "ls", "list", "find", "search", "init", "rm", "mv", "cp", "git", "insert", "help", "version",
                    "--help", "--version", "delete", "remove", "sync", "setup", "config", "recipients", "mounts":
                return null;
            case "generate":
                return has(a, "-c", "--clip") || has(a, "-q", "--qrcode") ? null
                        : decrypted(a, "a new password");
            case "edit":
                walker.deny(Advice.DECRYPT, "\"" + a.excerpt() + "\" opens a decrypted password in an editor on the"
                        + " screen", Advice.DECRYPTED);
                return null;
            default:
                return has(a, "-c", "--clip") || has(a, "-q", "--qrcode") ? null
                        : decrypted(a, "a decrypted password");
        }
    }

    private Leak openssl(Argv a, Scope scope) {
        String sub = a.text(1);
        if (sub == null) {
            return null;
        }
        boolean out = a.indexOf("-out", 2) > 0;
        switch (sub) {
            case "rsa", "pkey", "ec", "dsa", "pkcs8": {
                boolean text = a.indexOf("-text", 2) > 0;
                if (!text && (a.indexOf("-pubout", 2) > 0 || a.indexOf("-noout", 2) > 0 || out)) {
                    return null;
                }
                if (out && !text) {
                    return null;
                }
                return key(a, "a private key");
            }
            case "pkcs12":
                return a.indexOf("-nokeys", 2) > 0 || out ? null : key(a, "the private key in a PKCS#12 file");
            case "genrsa", "genpkey", "gendsa":
                return out ? null : key(a, "a new private key");
            case "ecparam":
                return a.indexOf("-genkey", 2) > 0 && !out ? key(a, "a new private key") : null;
            case "req":
                return a.indexOf("-newkey", 2) > 0 && a.indexOf("-keyout", 2) < 0 && a.indexOf("-nodes", 2) > 0
                        ? key(a, "a new private key") : null;
            case "enc", "base64", "aes-256-cbc", "aes-128-cbc", "aes-256-gcm", "des3", "bf", "chacha20":
            case "smime", "cms", "pkeyutl", "rsautl": {
                boolean decrypt = a.indexOf("-d", 2) > 0 || a.indexOf("-decrypt", 2) > 0;
                int in = a.indexOf("-in", 2);
                if (decrypt && !out) {
                    return decrypted(a, "decrypted data");
                }
                if (in > 0 && a.text(in + 1) != null && !out) {
                    return walker.fileLeak(Walker.absolute(Glob.escape(a.text(in + 1)), scope), a.text(in + 1),
                            a.excerpt(), false);
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** {@code dbPassword} as {@code db_Password}, so that the secret-name rules see its words. */
    private static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code curl file:///…/.env}: a local file fetched to stdout, by whatever reads it. */
    private Leak fileUrls(Argv a, Scope scope) {
        Leak out = null;
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                var parts = a.word(i).parts();
                if (!parts.isEmpty() && parts.get(0) instanceof dev.vault.core.guard.shell.Part.Literal literal
                        && literal.text().regionMatches(true, 0, "file:", 0, 5)) {
                    walker.unanalysable("\"" + a.excerpt() + "\" fetches a local file that is not named by a literal");
                    return null;
                }
                continue;
            }
            if (!t.regionMatches(true, 0, "file:", 0, 5)) {
                continue;
            }
            String path = t.substring(5);
            if (path.startsWith("//")) {
                path = path.substring(2);
                path = path.startsWith("/") ? path : path.substring(Math.max(path.indexOf('/'), 0));
            }
            out = first(out, walker.fileLeak(Walker.absolute(Glob.escape(path), scope), t, a.excerpt(), false));
        }
        return out;
    }

    private static Leak first(Leak a, Leak b) {
        return a != null ? a : b;
    }

    private Leak curl(Argv a) {
        boolean verbose = false;
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                continue;
            }
            if (t.equals("--verbose") || t.startsWith("--trace") || t.equals("--libcurl")) {
                verbose = true;
            } else if (t.length() > 1 && t.charAt(0) == '-' && t.charAt(1) != '-') {
                for (int k = 1; k < t.length(); k++) {
                    char c = t.charAt(k);
                    if (c == 'v') {
                        verbose = true;
                        break;
                    }
                    if ("dHoXuAebcFTwxKErmyYzCUPQt".indexOf(c) >= 0) {
                        break;
                    }
                }
            }
        }
        if (verbose && secretRequest(a)) {
            trace(a);
        }
        return null;
    }

    /** True when the request carries a secret: an expanded secret, credentials, or an auth header. */
    private boolean secretRequest(Argv a) {
        if (a.leakFrom(1) != null) {
            return true;
        }
        for (int i = 1; i < a.size(); i++) {
            String t = a.text(i);
            if (t == null) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (t.equals("-u") || t.equals("--user") || t.equals("--oauth2-bearer") || t.equals("--password")
                    || t.startsWith("--password=") || t.startsWith("--http-password") || t.startsWith("--user=")) {
                return true;
            }
            if (lower.startsWith("authorization:") || lower.startsWith("cookie:") || lower.startsWith("x-api-key:")
                    || lower.startsWith("private-token:") || lower.startsWith("x-auth-token:")
                    || lower.startsWith("--header=authorization") || lower.startsWith("authorization:bearer")
                    || lower.contains("token:") || lower.startsWith("proxy-authorization:")) {
                return true;
            }
        }
        return false;
    }

    private void trace(Argv a) {
        walker.deny(Advice.TRACING, "\"" + a.excerpt() + "\" prints the request it sends, credentials included,"
                + " with its verbose or debug output", Advice.TRACE);
    }
}
