package dev.vault.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Who is acting: the OS user, host and process, and an agent's self-description from {@code VAULT_ACTOR}. */
public final class Actor {
    private final String user;
    private final String host;
    private final long pid;
    private final String agent;

    public Actor(String user, String host, long pid, String agent) {
        this.user = user;
        this.host = host;
        this.pid = pid;
        this.agent = agent;
    }

    /** The actor of this process, from its environment. Cheap: no name service look-up. */
    public static Actor current(Map<String, String> env) {
        String user = env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        return new Actor(user, hostName(env), ProcessHandle.current().pid(), env.get("VAULT_ACTOR"));
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
}
