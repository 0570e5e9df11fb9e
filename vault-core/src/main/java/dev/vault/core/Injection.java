package dev.vault.core;

/** A secret to set in a child's environment: the variable and the value. */
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
