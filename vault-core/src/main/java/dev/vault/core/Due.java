package dev.vault.core;

import dev.vault.core.manifest.Manifest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A date a stored secret must be acted on by, from its manifest entry: when its rotation is due
 * ({@code rotated} plus {@code rotate_every}) or when it {@code expires}. What {@code vault list --due}
 * lists and {@code vault doctor} reports: each such date that has passed or comes within
 * {@link #WINDOW_DAYS} days.
 *
 * @param days days from today to {@code date}: negative once it has passed
 */
public record Due(SecretName secret, Kind kind, LocalDate date, long days) {
    /** How many days ahead a date counts as due soon. */
    public static final int WINDOW_DAYS = 14;

    /** Which date of the entry this is. */
    public enum Kind {
        ROTATION("rotation"),
        EXPIRY("expiry");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * The dates of {@code stored} secrets' entries that have passed or come within {@link #WINDOW_DAYS}
     * days of {@code today}, soonest (most overdue) first, then by name. Secrets with no entry are left out.
     */
    public static List<Due> of(Manifest manifest, Collection<SecretName> stored, LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (SecretName name : stored) {
            Manifest.SecretEntry entry = manifest.secret(name).orElse(null);
            if (entry == null) {
                continue;
            }
            add(due, name, Kind.ROTATION, entry.rotationDue(), today);
            add(due, name, Kind.EXPIRY, entry.expires(), today);
        }
        due.sort(Comparator.comparing(Due::date).thenComparing(Due::secret).thenComparing(Due::kind));
        return due;
    }

    private static void add(List<Due> due, SecretName name, Kind kind, LocalDate date, LocalDate today) {
        if (date != null) {
            long days = ChronoUnit.DAYS.between(today, date);
            if (days <= WINDOW_DAYS) {
                due.add(new Due(name, kind, date, days));
            }
        }
    }

    /** Whether the date has passed: the rotation is overdue, or the secret has expired. */
    public boolean passed() {
        return days < 0;
    }

    /** In words: overdue, due today, due in N days, expired, expires today, expires in N days. */
    public String status() {
        boolean rotation = kind == Kind.ROTATION;
        if (days < 0) {
            return rotation ? "overdue" : "expired";
        }
        return (rotation ? "due " : "expires ") + when();
    }

    /** When, from today: today, in N days, or N days ago. */
    public String when() {
        long n = Math.abs(days);
        String span = n + (n == 1 ? " day" : " days");
        return days == 0 ? "today" : days > 0 ? "in " + span : span + " ago";
    }
}
