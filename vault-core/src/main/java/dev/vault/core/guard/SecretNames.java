package dev.vault.core.guard;

import java.util.Locale;
import java.util.Set;

/**
 * Which environment variable names hold secrets: the manifest's names (from {@link GuardContext}) and
 * names that look secret ({@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}, {@code *_KEY}, …),
 * compared without case. Names of paths and switches ({@code TOKEN_FILE}, {@code SSH_AUTH_SOCK}) are
 * not secret: they hold where a secret is, not the secret.
 */
final class SecretNames {
    private static final String[] CONTAINS = {"TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "APIKEY",
            "API_KEY", "PRIVATE_KEY", "PRIVATEKEY", "ACCESS_KEY", "ACCESSKEY", "CREDENTIAL", "DATABASE_URL",
            "CONNECTION_STRING", "CONN_STR", "WEBHOOK", "COOKIE", "BEARER", "SIGNING_KEY", "CLIENT_KEY", "AUTHORIZATION"};
    private static final Set<String> SEGMENTS = Set.of("AUTH", "PASS", "PWD", "PW", "KEY", "DSN", "JWT",
            "OTP", "SALT", "HMAC");
    private static final String[] NOT_SECRET_SUFFIXES = {"_FILE", "_PATH", "_DIR", "_SOCK", "_SOCKET", "_HOST",
            "_PORT", "_USER", "_USERNAME", "_ID", "_NAME", "_ENABLED", "_TYPE", "_MODE", "_EXPIRY", "_EXPIRES_AT"};
    private static final Set<String> SAFE = Set.of("HOME", "PATH", "USER", "LOGNAME", "SHELL", "PWD", "OLDPWD",
            "LANG", "LANGUAGE", "TERM", "TMPDIR", "HOSTNAME", "EDITOR", "VISUAL", "PAGER", "SHLVL", "_", "IFS",
            "PS1", "PS2", "PS4", "COLUMNS", "LINES", "UID", "EUID", "PPID", "RANDOM", "LINENO", "SECONDS",
            "DISPLAY", "TZ", "GOPATH", "GOROOT", "JAVA_HOME", "VIRTUAL_ENV", "CONDA_PREFIX", "NODE_ENV", "CI",
            "MAVEN_OPTS", "JAVA_OPTS", "HOSTTYPE", "OSTYPE", "MACHTYPE", "BASH", "BASH_VERSION", "ZSH_VERSION",
            "SSH_AUTH_SOCK", "SSH_AGENT_PID", "GPG_TTY", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "KUBECONFIG", "AWS_PROFILE", "AWS_REGION",
            "AWS_DEFAULT_REGION", "GOOGLE_APPLICATION_CREDENTIALS", "DOCKER_HOST", "XDG_CONFIG_HOME",
            "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "MANPATH", "INFOPATH", "CDPATH", "HISTFILE",
            "PROMPT_COMMAND", "COLORTERM", "TERM_PROGRAM", "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "MAIL");

    private final Set<String> manifest;

    private SecretNames(Set<String> manifest) {
        this.manifest = manifest;
    }

    static SecretNames of(Set<String> manifestNames) {
        return new SecretNames(manifestNames == null ? Set.of() : manifestNames);
    }

    /** True for a name a non-secret, well-known variable has ({@code HOME}, {@code PATH}, {@code LC_ALL}…). */
    static boolean wellKnown(String name) {
        return SAFE.contains(name) || name.startsWith("LC_") || name.startsWith("XDG_") || isSpecial(name);
    }

    /** {@code $1}, {@code $@}, {@code $?}…: positional and special parameters. */
    static boolean isSpecial(String name) {
        if (name.isEmpty()) {
            return true;
        }
        char c = name.charAt(0);
        return !(Character.isLetter(c) || c == '_') || name.equals("_");
    }

    /** True when the variable named so holds a secret. */
    boolean isSecret(String name) {
        if (manifest.contains(name)) {
            return true;
        }
        if (wellKnown(name)) {
            return false;
        }
        return looksSecret(name);
    }

    static boolean looksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.contains("PUBLIC")) {
            return false;
        }
        for (String suffix : NOT_SECRET_SUFFIXES) {
            if (upper.endsWith(suffix)) {
                return false;
            }
        }
        for (String part : CONTAINS) {
            if (upper.contains(part)) {
                return true;
            }
        }
        int start = 0;
        int length = upper.length();
        for (int i = 0; i <= length; i++) {
            if (i == length || upper.charAt(i) == '_') {
                if (i > start && SEGMENTS.contains(upper.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
