package dev.vault.core.manifest;

import dev.vault.core.VaultException;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The manifest's names, dates and periods are checked by hand; each check accepts exactly what the regular
 * expression (and for dates {@code LocalDate.parse}) it replaced accepted, on every short string over the
 * characters that matter and on the edges of each rule.
 */
class ManifestCheckTest {
    private static final String ALICE = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";

    /** Every string of up to {@code length} characters over {@code alphabet}, and {@code extra}. */
    static List<String> strings(String alphabet, int length, String... extra) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int n = 1; n <= length; n++) {
            List<String> next = new ArrayList<>();
            for (String prefix : last) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            last = next;
        }
        all.addAll(List.of(extra));
        return all;
    }

    @Test
    void identityNamesAreWhatTheirExpressionAccepted() {
        Pattern expression = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
        for (String name : strings("az09._-A/ \u00e9\n", 3, "a".repeat(63), "a".repeat(64), "a".repeat(65),
                "b" + "-".repeat(63), "b" + "-".repeat(64))) {
            assertEquals(expression.matcher(name).matches(), ManifestReader.isIdentityName(name), name);
        }
        assertEquals(false, ManifestReader.isIdentityName(null));
    }

    @Test
    void envNamesAreWhatTheirExpressionAccepted() {
        Pattern expression = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        for (String name : strings("aAzZ09_-.$ \u00e9", 3, "A".repeat(300), "_9" + "x".repeat(100))) {
            assertEquals(expression.matcher(name).matches(), ManifestReader.isEnvName(name), name);
        }
        assertEquals(false, ManifestReader.isEnvName(null));
    }

    private static String manifestWith(String field, String value) {
        return "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\nsecrets:\n  a:\n    purpose: \"x\"\n"
                + "    " + field + ": " + ManifestEditor.quote(value) + "\n";
    }

    @Test
    void datesAreWhatTheirExpressionAndLocalDateParseAccepted() throws Exception {
        Pattern expression = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        List<String> dates = new ArrayList<>(List.of("", "2026-1-01", "2026-01-1", "20260101", "2026/01/01",
                "+2026-01-01", "2026-01-01 ", "02026-01-01", "2026-0a-01", "2026-01-01T00:00", "\u0662026-01-01"));
        for (String year : List.of("0000", "0001", "1900", "2000", "2024", "2026", "9999")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    dates.add(String.format("%s-%02d-%02d", year, month, day));
                }
            }
        }
        for (String date : dates) {
            LocalDate expected = null;
            if (expression.matcher(date).matches()) {
                try {
                    expected = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    // not a day
                }
            }
            String text = manifestWith("rotated", date);
            if (expected != null) {
                assertEquals(expected, ManifestReader.read(text, "m").secrets().get(0).rotated(), date);
            } else {
                VaultException e = assertThrows(VaultException.class, () -> ManifestReader.read(text, "m"), date);
                assertEquals("m:8:14: \"rotated\" is not a date: \"" + date + "\"", e.getMessage());
            }
        }
    }

    @Test
    void periodsAreWhatTheirExpressionAccepted() throws Exception {
        Pattern expression = Pattern.compile("([1-9][0-9]{0,3})([dwmy])");
        for (String period : strings("019dwmyx ", 3, "9999d", "10000d", "1000y", "0999w", "12345m", "1dd", "d1")) {
            Matcher matcher = expression.matcher(period);
            String text = manifestWith("rotate_every", period);
            if (matcher.matches()) {
                int count = Integer.parseInt(matcher.group(1));
                Period expected = matcher.group(2).equals("d") ? Period.ofDays(count)
                        : matcher.group(2).equals("w") ? Period.ofWeeks(count)
                        : matcher.group(2).equals("m") ? Period.ofMonths(count) : Period.ofYears(count);
                assertEquals(expected, ManifestReader.read(text, "m").secrets().get(0).rotateEvery(), period);
            } else {
                VaultException e = assertThrows(VaultException.class, () -> ManifestReader.read(text, "m"), period);
                assertEquals("m:8:19: invalid rotate_every \"" + period + "\"", e.getMessage());
            }
        }
    }

    /** Messages that name where the problem is are built only when there is one; their words stay the same. */
    @Test
    void errorsThatNameTheEntryOrSectionSayWhichOne() {
        String identity = "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n";
        String[][] cases = {
            {"version: 1\nidentities: 5\n", "m:2:13: \"identities\" must be a mapping, found a number"},
            {"version: 1\nsecrets: [a]\n", "m:2:10: \"secrets\" must be a mapping, found a list"},
            {"version: 1\nidentities:\n  alice: x\n", "m:3:10: identity \"alice\" must be a mapping, found text"},
            {identity + "secrets:\n  a: [x]\n", "m:6:6: secret \"a\" must be a mapping, found a list"},
            {identity + "    colour: red\n", "m:5:5: unknown key \"colour\" in identity \"alice\""},
            {identity + "colour: red\n", "m:5:1: unknown key \"colour\" at the top level"},
            {identity + "secrets:\n  a:\n    purpose: x\n    colour: red\n", "m:8:5: unknown key \"colour\" in secret \"a\""},
            {identity + "admins: [alice, alice]\n", "m:5:17: admins lists \"alice\" twice"},
            {identity + "admins: [bob]\n", "m:5:10: admins has an unknown reader \"bob\""},
            {identity + "secrets:\n  a:\n    purpose: x\n    readers: [alice, alice]\n",
                "m:8:22: secret \"a\" lists \"alice\" twice"},
        };
        for (String[] c : cases) {
            VaultException e = assertThrows(VaultException.class, () -> ManifestReader.read(c[0], "m"), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
    }
}
