package dev.vault.core.guard;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which files hold key material or credentials, by absolute path. A path may be a glob pattern
 * (escaped as {@link Glob} reads it): it is sensitive when it could match a sensitive file.
 */
final class SensitivePaths {
    enum Kind { NONE, KEY, CREDENTIAL, ENVIRON }

    private static final Set<String> SSH_PUBLIC = Set.of("config", "known_hosts", "known_hosts.old",
            "authorized_keys", "authorized_keys2", "environment", "rc");
    private static final Set<String> CREDENTIAL_NAMES = Set.of(".netrc", "_netrc", ".git-credentials", ".pgpass",
            ".my.cnf", ".mylogin.cnf", ".pypirc", ".npmrc", ".vault-token", ".dockercfg", ".boto", ".s3cfg",
            ".htpasswd", "credentials.json", "application_default_credentials.json", "credentials.tfrc.json",
            "secrets.yml", "secrets.yaml", "secrets.json", "secrets.toml", ".yarnrc.yml", "kubeconfig",
            "access_tokens.db", "credentials.db", "accessTokens.json", "msal_token_cache.json",
            "msal_token_cache.bin", "service_principal_entries.json", "settings-security.xml", ".dev.vars");
    private static final String[] CREDENTIAL_TAILS = {"/.aws/credentials", "/.docker/config.json",
            "/.config/gh/hosts.yml", "/.config/hub", "/.config/git/credentials", "/.cargo/credentials",
            "/.cargo/credentials.toml", "/.gem/credentials", "/.config/doctl/config.yaml", "/.config/hcloud/cli.toml",
            "/.fly/config.yml", "/.config/netlify/config.json", "/.netlify/config.json", "/.vercel/auth.json",
            "/com.vercel.cli/auth.json", "/.terraform.d/credentials.tfrc.json", "/etc/shadow", "/etc/gshadow",
            "/.config/gcloud/credentials.db", "/.config/heroku/credentials", "/.m2/settings.xml",
            "/.gradle/gradle.properties"};
    private static final String[] CREDENTIAL_FOLDERS = {"/.aws/sso/cache/", "/.aws/cli/cache/",
            "/.config/gcloud/legacy_credentials/", "/.kube/", "/.azure/", "/.docker/", "/run/secrets/",
            "/var/run/secrets/"};
    private static final String[] ENV_SAFE_WORDS = {"example", "sample", "template", "dist", "defaults", "default",
            "schema", "tmpl", "tpl", "skel", "spec", "types", "d.ts"};
    private static final String[] PUBLIC_PEM_WORDS = {"cert", "chain", "ca.", "ca-", "-ca", "_ca", "pub", "bundle",
            "csr", "crt", "dhparam", "trust", "root"};
    /** Names a glob is tried against; a pattern that matches one of these in a sensitive place is sensitive. */
    private static final String[] NAMED = {".env", ".env.local", ".env.production", ".env.development",
            "credentials", "config", "config.json", "hosts.yml", "token", "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa",
            ".netrc",
            ".pgpass", ".my.cnf", ".npmrc", ".pypirc", ".git-credentials", ".vault-token", "keys.txt",
            "identity.txt", "environ", "secrets.yml", "credentials.json", "kubeconfig", "terraform.tfstate"};
    /** Names that only a pattern with some literal text is tried against ({@code *.pem}, not {@code *}). */
    private static final String[] BY_EXTENSION = {"key.pem", "server.key", "cert.p12", "cert.pfx", "key.ppk",
            "prod.env", "x.age-key", "release.jks", "release.keystore", "AuthKey.p8", "state.tfstate"};
    private static final String[] FOLDERS = {"/.ssh", "/.aws", "/.kube", "/.docker", "/.config/gh",
            "/.config/age", "/.config/sops/age", "/.config/vault", "/.gnupg/private-keys-v1.d", "/.config/gcloud",
            "/.azure"};

    private final Set<String> protectedPaths;
    private final String home;

    private SensitivePaths(Set<String> protectedPaths, String home) {
        this.protectedPaths = protectedPaths;
        this.home = home;
    }

    static SensitivePaths of(List<Path> protectedPaths, Path home) {
        Set<String> paths = new HashSet<>();
        if (protectedPaths != null) {
            for (Path path : protectedPaths) {
                paths.add(path.toAbsolutePath().normalize().toString());
            }
        }
        return new SensitivePaths(paths, home == null ? "/" : home.toString());
    }

    /** What kind of file an absolute path pattern is, or could be when it is a glob. */
    Kind classify(String pattern, boolean dotMatches) {
        if (!Glob.hasGlob(pattern)) {
            return classifyPath(Glob.unescape(pattern));
        }
        int slash = pattern.lastIndexOf('/');
        String dir = slash <= 0 ? "" : pattern.substring(0, slash);
        String base = pattern.substring(slash + 1);
        boolean literalText = hasLiteral(base);
        if (matchesProtected(dir, base, dotMatches)) {
            return Kind.KEY;
        }
        if (Glob.hasGlob(dir)) {
            for (String folder : FOLDERS) {
                Kind kind = tryIn(Glob.escape(home + folder), base, literalText, true, dir, dotMatches);
                if (kind != Kind.NONE) {
                    return kind;
                }
            }
            if (pattern.startsWith("/proc/") && base.equals("environ")) {
                return Kind.ENVIRON;
            }
            return tryIn("/x", base, literalText, false, null, dotMatches);
        }
        return tryIn(dir, base, literalText, false, null, dotMatches);
    }

    /** Whether the pattern {@code dir/base} could match one of the protected files, in its own folder. */
    private boolean matchesProtected(String dir, String base, boolean dot) {
        for (String path : protectedPaths) {
            int slash = path.lastIndexOf('/');
            if (Glob.matches(dir, slash <= 0 ? "" : path.substring(0, slash), true)
                    && Glob.matches(base, path.substring(slash + 1), false, !dot)) {
                return true;
            }
        }
        return false;
    }

    private Kind tryIn(String dir, String base, boolean literalText, boolean checkDir, String dirPattern,
                      boolean dot) {
        if (checkDir && !Glob.matches(dirPattern, Glob.unescape(dir), true)) {
            return Kind.NONE;
        }
        // a pattern of wildcards only (src/*) could match an id_rsa anywhere; that is only likely in a key folder
        boolean keyFolder = literalText || isSensitiveFolder(Glob.unescape(dir));
        for (String name : NAMED) {
            if (!keyFolder && !name.startsWith(".")) {
                continue;
            }
            Kind kind = tryName(dir, base, name, dot);
            if (kind != Kind.NONE) {
                return kind;
            }
        }
        if (literalText) {
            for (String name : BY_EXTENSION) {
                Kind kind = tryName(dir, base, name, dot);
                if (kind != Kind.NONE) {
                    return kind;
                }
            }
        }
        return Kind.NONE;
    }

    private Kind tryName(String dir, String base, String name, boolean dot) {
        return Glob.matches(base, name, false, !dot) ? classifyPath(Glob.unescape(dir) + "/" + name) : Kind.NONE;
    }

    /** A folder whose files are mostly keys or credentials: ~/.ssh, ~/.aws, /run/secrets, … */
    private boolean isSensitiveFolder(String dir) {
        for (String folder : FOLDERS) {
            if (dir.endsWith(folder) || dir.contains(folder + "/")) {
                return true;
            }
        }
        for (String folder : CREDENTIAL_FOLDERS) {
            if ((dir + "/").contains(folder)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLiteral(String base) {
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c != '*' && c != '?') {
                return true;
            }
        }
        return false;
    }

    /** What kind of file an absolute, normalised path is. */
    Kind classifyPath(String path) {
        if (protectedPaths.contains(path)) {
            return Kind.KEY;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "" : path.substring(0, slash);
        String base = path.substring(slash + 1);
        if (path.startsWith("/proc/") && base.equals("environ")) {
            return Kind.ENVIRON;
        }
        if (isKey(dir, base)) {
            return Kind.KEY;
        }
        if (isCredential(path, dir, base)) {
            return Kind.CREDENTIAL;
        }
        return Kind.NONE;
    }

    private static boolean isKey(String dir, String base) {
        String lower = base.toLowerCase(Locale.ROOT);
        if (dir.endsWith("/.ssh")) {
            return !lower.endsWith(".pub") && !SSH_PUBLIC.contains(lower) && !lower.startsWith("known_hosts")
                    && !lower.startsWith("authorized_keys") && !lower.endsWith(".sock") && !lower.startsWith("config")
                    && !lower.endsWith(".conf") && !lower.startsWith("agent") && !lower.endsWith(".md");
        }
        if (base.startsWith("id_") && !lower.endsWith(".pub") && (lower.startsWith("id_rsa")
                || lower.startsWith("id_ed25519") || lower.startsWith("id_ecdsa") || lower.startsWith("id_dsa"))) {
            return true;
        }
        if (dir.endsWith("/etc/ssh") && base.startsWith("ssh_host_") && base.endsWith("_key")) {
            return true;
        }
        if (lower.startsWith("identity") && lower.endsWith(".txt")
                && (dir.endsWith("/.config/vault") || dir.endsWith("/vault") || dir.contains("/.config/vault/"))) {
            return true;
        }
        if (dir.endsWith("/.config/vault/identities") || dir.endsWith("/vault/identities")) {
            return true;
        }
        if (lower.endsWith(".age-key") || lower.endsWith(".agekey")
                || dir.endsWith("/.config/age") || dir.endsWith("/sops/age")) {
            return true;
        }
        if (dir.contains("/.gnupg/private-keys-v1.d") || lower.equals("secring.gpg")) {
            return true;
        }
        if (lower.endsWith(".key")) {
            return !lower.contains("pub");
        }
        if (lower.endsWith(".pem")) {
            for (String word : PUBLIC_PEM_WORDS) {
                if (lower.contains(word)) {
                    return false;
                }
            }
            return true;
        }
        return lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".ppk") || lower.endsWith(".jks")
                || lower.endsWith(".keystore") || (lower.endsWith(".p8") && lower.contains("key"));
    }

    private static boolean isCredential(String path, String dir, String base) {
        if (isEnvFile(base)) {
            return true;
        }
        if (CREDENTIAL_NAMES.contains(base) || base.endsWith(".tfstate") || base.endsWith(".tfstate.backup")
                || base.endsWith(".kubeconfig")) {
            return true;
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") && (lower.contains("service-account") || lower.contains("service_account")
                || lower.startsWith("client_secret") || lower.contains("credentials"))) {
            return true;
        }
        for (String tail : CREDENTIAL_TAILS) {
            if (path.endsWith(tail)) {
                return true;
            }
        }
        if (dir.endsWith("/.kube") && base.startsWith("config")) {
            return true;
        }
        for (String folder : CREDENTIAL_FOLDERS) {
            if (folder.equals("/.kube/") || folder.equals("/.azure/") || folder.equals("/.docker/")) {
                continue;
            }
            if (path.contains(folder)) {
                return true;
            }
        }
        return false;
    }

    /** {@code .env}, {@code .env.local}, {@code prod.env}; not {@code .env.example} and the like. */
    static boolean isEnvFile(String base) {
        String lower = base.toLowerCase(Locale.ROOT);
        while (lower.endsWith("~")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        boolean env = lower.equals(".env") || lower.startsWith(".env.")
                || (lower.endsWith(".env") && lower.length() > 4);
        if (!env) {
            return false;
        }
        for (String word : ENV_SAFE_WORDS) {
            if (lower.contains(word)) {
                return false;
            }
        }
        return !lower.endsWith(".py") && !lower.endsWith(".ts") && !lower.endsWith(".js") && !lower.endsWith(".go")
                && !lower.endsWith(".rs") && !lower.endsWith(".java") && !lower.endsWith(".md");
    }
}
