package dev.vault.core.audit;

/**
 * One access: what was done to which secret (and version), by which identity, for what stated purpose,
 * and how it ended. Never a value, nor anything derived from one.
 */
public final class AuditEvent {
    /** How the access ended. */
    public enum Result {
        OK("ok"), DENIED("denied"), ERROR("error");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String action;
    private final String secret;
    private final Integer version;
    private final String identity;
    private final String purpose;
    private final Result result;
    private final String reason;

    private AuditEvent(String action, String secret, Integer version, String identity, String purpose,
                       Result result, String reason) {
        this.action = action;
        this.secret = secret;
        this.version = version;
        this.identity = identity;
        this.purpose = purpose;
        this.result = result;
        this.reason = reason;
    }

    public static AuditEvent ok(String action, String secret, Integer version, String identity, String purpose) {
        return new AuditEvent(action, secret, version, identity, purpose, Result.OK, null);
    }

    public static AuditEvent denied(String action, String secret, Integer version, String identity, String purpose,
                                    String reason) {
        return new AuditEvent(action, secret, version, identity, purpose, Result.DENIED, reason);
    }

    public static AuditEvent of(String action, String secret, Integer version, String identity, String purpose,
                                Result result, String reason) {
        return new AuditEvent(action, secret, version, identity, purpose, result, reason);
    }

    public static AuditEvent error(String action, String secret, Integer version, String identity, String purpose,
                                   String reason) {
        return new AuditEvent(action, secret, version, identity, purpose, Result.ERROR, reason);
    }

    public String action() {
        return action;
    }

    /** The secret's name, or null for an access that concerns no one secret. */
    public String secret() {
        return secret;
    }

    public Integer version() {
        return version;
    }

    /** The recipient of the identity used, or null when none was needed. */
    public String identity() {
        return identity;
    }

    public String purpose() {
        return purpose;
    }

    public Result result() {
        return result;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "AuditEvent[" + action + " " + secret + " v" + version + " " + result.label() + "]";
    }
}
