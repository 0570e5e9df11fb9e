package dev.vault.core;

/**
 * How a variable that the manifest maps to a secret stands where it is used (a process, an env file),
 * told by fingerprint, never by value: {@code found} is null when the variable is missing or empty.
 */
public record EnvCheck(String variable, SecretName secret, Status status, String expected, String found) {
    /** The variable holds the vault's value, another one, an empty string, or is not set at all. */
    public enum Status {
        MATCH("match"), DIFFERS("differs"), EMPTY("empty"), MISSING("missing");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
