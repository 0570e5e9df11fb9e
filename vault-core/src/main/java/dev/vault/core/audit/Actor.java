package dev.vault.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who is acting: the OS user and uid, host and process, and the agent context found in the environment.
 * {@code VAULT_ACTOR} and {@code VAULT_SESSION} are how a harness describes itself; otherwise a known
 * agent is recognised by the variable it sets in the shells it runs (see docs/audit-format.md).
 */
public final class Actor {
    /** Variable set by an agent in its shells, and the agent's name; the first one present wins. */
    private static final String[][] KNOWN_AGENTS = {
        {"CLAUDECODE", "claude-code"},
        {"CODEX_SANDBOX", "codex"},
        {"CODEX_SANDBOX_NETWORK_DISABLED", "codex"},
        {"GEMINI_CLI", "gemini-cli"},
        {"CURSOR_AGENT", "cursor"},
        {"COPILOT_AGENT", "copilot"},
    };

    private final String user;
    private final Long uid;
    private final String host;
    private final long pid;
    private final String agent;
    private final String session;

    public Actor(String user, Long uid, String host, long pid, String agent, String session) {
        this.user = user;
        this.uid = uid;
        this.host = host;
        this.pid = pid;
        this.agent = agent;
        this.session = session;
    }

    /**
     * The actor of this process, from its environment. Cheap: no name service look-up, and on Linux the uid
     * and pid come from one read of {@code /proc/self/status} (asking {@link ProcessHandle} first sets up its
     * process reaper's executor: some 10 ms on a cold JVM).
     */
    public static Actor current(Map<String, String> env) {
        String user = env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        String status = procSelfStatus();
        long uid = statusNumber(status, "Uid:");
        long pid = statusNumber(status, "Tgid:");
        return new Actor(user, uid < 0 ? null : uid, hostName(env), pid < 0 ? ProcessHandle.current().pid() : pid,
                agent(env), nonEmpty(env.get("VAULT_SESSION")));
    }

    static String agent(Map<String, String> env) {
        String stated = nonEmpty(env.get("VAULT_ACTOR"));
        if (stated != null) {
            return stated;
        }
        for (String[] known : KNOWN_AGENTS) {
            if (nonEmpty(env.get(known[0])) != null) {
                return known[1];
            }
        }
        return null;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The text of {@code /proc/self/status}, or "" where there is none (not Linux). */
    private static String procSelfStatus() {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/self/status")), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The first number on the line of {@code status} (a {@code /proc/PID/status} text) that starts with
     * {@code key}, such as the real uid on the {@code Uid:} line; -1 when there is no such line or number.
     */
    static long statusNumber(String status, String key) {
        int at = status.indexOf(key);
        while (at > 0 && status.charAt(at - 1) != '\n') {
            at = status.indexOf(key, at + 1);
        }
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        while (i < status.length() && (status.charAt(i) == '\t' || status.charAt(i) == ' ')) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < status.length() && i - start < 18 && status.charAt(i) >= '0' && status.charAt(i) <= '9') {
            value = value * 10 + status.charAt(i++) - '0';
        }
        return i == start ? -1 : value;
    }

    private static String hostName(Map<String, String> env) {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return env.getOrDefault("HOSTNAME", "unknown");
        }
    }

    public String user() {
        return user;
    }

    public Long uid() {
        return uid;
    }

    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    /** The agent context, or null. */
    public String agent() {
        return agent;
    }

    /** The agent's session id, or null. */
    public String session() {
        return session;
    }
}
