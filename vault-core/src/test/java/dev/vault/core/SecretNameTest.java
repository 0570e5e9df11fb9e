package dev.vault.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "db/password", "prod/db-1/pass_word.v2", "0", "x.age.v3"})
    void acceptsLowercaseSegments(String name) throws VaultException {
        assertEquals(name, SecretName.of(name).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../b", "a//b", "a/", ".hidden", "A", "a b", "a\\b", "-x",
            "a/./b", "é", "a\nb"})
    void refusesAnythingElse(String name) {
        VaultException e = assertThrows(VaultException.class, () -> SecretName.of(name));
        assertEquals(VaultException.Kind.FAILED, e.kind());
    }

    @org.junit.jupiter.api.Test
    void theErrorShowsControlCharactersAsQuestionMarks() {
        VaultException e = assertThrows(VaultException.class, () -> SecretName.of("a\nb"));
        assertEquals("invalid secret name \"a?b\"", e.getMessage());
    }
}
