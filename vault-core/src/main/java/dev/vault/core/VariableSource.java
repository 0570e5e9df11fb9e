package dev.vault.core;

import java.time.Instant;

/** Where `vault exec` takes a variable from: the secret, its current version, when that was set, its fingerprint. */
public record VariableSource(String variable, SecretName secret, int version, Instant changed, String fingerprint) {
}
