package dev.vault.core.audit;

/**
 * One entry of the audit chain as it is on disk: its place ({@code seq}), when, who, what, how it ended,
 * and the hashes that chain it. docs/audit-format.md defines its bytes.
 */
public final class AuditEntry {
    /** The {@code prev} of the first entry of a log. */
    public static final String GENESIS = "0".repeat(64);

    long seq;
    String time;
    String user;
    Long uid;
    String host;
    long pid;
    String identity;
    String agent;
    String session;
    String action;
    String secret;
    Integer version;
    String purpose;
    String result;
    String reason;
    String prev;
    String hash;

    AuditEntry() {
    }

    public long seq() {
        return seq;
    }

    /** UTC, to the millisecond: {@code 2026-11-21T09:30:00.000Z}. */
    public String time() {
        return time;
    }

    public String user() {
        return user;
    }

    /** The numeric user id, or null where the OS did not say. */
    public Long uid() {
        return uid;
    }

    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    /** The recipient of the identity used, or null. */
    public String identity() {
        return identity;
    }

    /** The agent or actor that says it is acting ({@code VAULT_ACTOR} or a known agent), or null. */
    public String agent() {
        return agent;
    }

    /** The agent's session id, or null. */
    public String session() {
        return session;
    }

    public String action() {
        return action;
    }

    public String secret() {
        return secret;
    }

    public Integer version() {
        return version;
    }

    public String purpose() {
        return purpose;
    }

    /** {@code ok}, {@code denied} or {@code error}. */
    public String result() {
        return result;
    }

    public String reason() {
        return reason;
    }

    public String prev() {
        return prev;
    }

    public String hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "AuditEntry[" + seq + " " + action + " " + secret + " " + result + "]";
    }
}
