package dev.vault.core;

import dev.vault.core.manifest.Manifest;
import dev.vault.core.manifest.ManifestReader;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which rotations and expiries are due, on a fixed day: the logic `vault list --due` and doctor share. */
class DueTest {
    private static final LocalDate TODAY = LocalDate.of(2030, 6, 15);

    private static final String MANIFEST = "version: 1\n"
            + "identities:\n"
            + "  alice:\n"
            + "    recipient: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n"
            + "secrets:\n"
            + "  a/overdue:\n"
            + "    purpose: p\n"
            + "    rotate_every: 1m\n"
            + "    rotated: 2030-05-14\n"          // due 2030-06-14: yesterday
            + "  b/tomorrow:\n"
            + "    purpose: p\n"
            + "    rotate_every: 1w\n"
            + "    rotated: 2030-06-09\n"          // due 2030-06-16
            + "    expires: 2030-06-15\n"          // today
            + "  c/edge:\n"
            + "    purpose: p\n"
            + "    rotate_every: 2w\n"
            + "    rotated: 2030-06-15\n"          // due 2030-06-29: 14 days, in the window
            + "    expires: 2030-06-30\n"          // 15 days: not yet
            + "  d/expired:\n"
            + "    purpose: p\n"
            + "    expires: 2030-06-14\n"
            + "  e/no-dates:\n"
            + "    purpose: p\n"
            + "  f/removed:\n"
            + "    purpose: p\n"
            + "    expires: 2030-01-01\n"
            + "  g/rotated-unknown:\n"
            + "    purpose: p\n"
            + "    rotate_every: 1d\n";

    private static List<String> due(List<String> stored) throws VaultException {
        Manifest manifest = ManifestReader.read(MANIFEST, "manifest.yaml");
        List<SecretName> names = new ArrayList<>();
        for (String name : stored) {
            names.add(SecretName.of(name));
        }
        List<String> lines = new ArrayList<>();
        for (Due due : Due.of(manifest, names, TODAY)) {
            lines.add(due.secret() + " " + due.kind().id() + " " + due.date() + " " + due.days() + " "
                    + due.status() + " / " + due.when() + (due.passed() ? " / passed" : ""));
        }
        return lines;
    }

    @Test
    void passedAndWithinTwoWeeksSoonestFirst() throws VaultException {
        assertEquals(List.of(
                        "a/overdue rotation 2030-06-14 -1 overdue / 1 day ago / passed",
                        "d/expired expiry 2030-06-14 -1 expired / 1 day ago / passed",
                        "b/tomorrow expiry 2030-06-15 0 expires today / today",
                        "b/tomorrow rotation 2030-06-16 1 due in 1 day / in 1 day",
                        "c/edge rotation 2030-06-29 14 due in 14 days / in 14 days"),
                due(List.of("e/no-dates", "d/expired", "c/edge", "b/tomorrow", "a/overdue", "g/rotated-unknown")));
    }

    @Test
    void onlyStoredSecretsWithAnEntry() throws VaultException {
        assertEquals(List.of(), due(List.of("e/no-dates", "not/in-manifest")));
        assertEquals(List.of("f/removed expiry 2030-01-01 -165 expired / 165 days ago / passed"), due(List.of("f/removed")));
    }
}
