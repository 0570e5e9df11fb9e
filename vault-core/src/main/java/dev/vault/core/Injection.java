package dev.vault.core;

/**
 * A secret value read for a command: the variable {@code vault exec} sets from it (its env name; null when
 * it has none and it was read for {@code vault redact}), the secret, and the value.
 */
public final class Injection implements AutoCloseable {
    private final String variable;
    private final SecretName secret;
    private final SecretBytes value;

    Injection(String variable, SecretName secret, SecretBytes value) {
        this.variable = variable;
        this.secret = secret;
        this.value = value;
    }

    public String variable() {
        return variable;
    }

    public SecretName secret() {
        return secret;
    }

    public SecretBytes value() {
        return value;
    }

    @Override
    public void close() {
        value.close();
    }

    @Override
    public String toString() {
        return "Injection[" + variable + " from " + secret + "]";
    }
}
