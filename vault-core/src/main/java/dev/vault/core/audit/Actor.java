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

    /** The actor of this process, from its environment. Cheap: no name service look-up. */
    public static Actor current(Map<String, String> env) {
        String user = env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        return new Actor(user, currentUid(), hostName(env), ProcessHandle.current().pid(), agent(env),
                nonEmpty(env.get("VAULT_SESSION")));
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

    private static Long currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the user name stands alone
        }
        return null;
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
