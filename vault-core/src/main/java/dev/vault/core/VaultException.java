package dev.vault.core;

/**
 * A failure the user can act on: the message says what went wrong (naming the value that was wrong, in
 * quotes), the hint what to do about it. Neither ever carries secret material.
 */
public class VaultException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; the command line maps each kind to a stable exit code. */
    public enum Kind {
        /** Bad input, a missing secret or vault, a broken file: the request cannot be carried out. */
        FAILED,
        /** The identity cannot open the secret, or the identity file itself is refused. */
        NO_ACCESS,
        /** The audit log could not be written, so nothing was released or changed. */
        AUDIT
    }

    private final Kind kind;
    private final String hint;

    public VaultException(Kind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public VaultException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public static VaultException failed(String message) {
        return new VaultException(Kind.FAILED, message, null);
    }

    public static VaultException failed(String message, String hint) {
        return new VaultException(Kind.FAILED, message, hint);
    }

    public Kind kind() {
        return kind;
    }

    /** What to do about it, or null when there is nothing useful to say. */
    public String hint() {
        return hint;
    }
}
