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

    @org.junit.jupiter.api.Test
    void validNamesAreWhatTheSegmentExpressionAccepted() {
        java.util.regex.Pattern segment = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]*");
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("", "a".repeat(200), "a".repeat(201),
                "a/".repeat(99) + "ab", "a/".repeat(100) + "a"));
        java.util.List<String> last = java.util.List.of("");
        for (int length = 1; length <= 4; length++) {       // every name of up to 4 characters over these
            java.util.List<String> next = new java.util.ArrayList<>();
            for (String prefix : last) {
                for (char c : "a9._-/A \u00e9".toCharArray()) {
                    next.add(prefix + c);
                }
            }
            names.addAll(next);
            last = next;
        }
        for (String name : names) {
            boolean expected = !name.isEmpty() && name.length() <= SecretName.MAX_LENGTH;
            for (String part : name.split("/", -1)) {
                expected &= segment.matcher(part).matches();
            }
            assertEquals(expected, SecretName.isValid(name), name);
        }
        assertEquals(false, SecretName.isValid(null));
    }
}
