package dev.vault.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What rekey did to one secret. {@code added} and {@code removed} name the identities (or, for a key no
 * longer in the manifest, the recipient) whose access changed; {@code removed} is null when the earlier
 * recipients were not recorded. {@code problem} says why a {@link Status#FAILED} secret was left as it was.
 */
public record RekeyResult(SecretName secret, Status status, List<String> added, List<String> removed,
                          String problem) {
    public enum Status {
        /** Encrypted again to the manifest's recipients. */
        REKEYED,
        /** Already encrypted to them. */
        UNCHANGED,
        /** Left as it was; see {@link #problem()}. */
        FAILED
    }

    /** Hears of each secret as rekey finishes it: the {@code done}th of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void done(RekeyResult result, int done, int total);
    }

    /** Whoever lost access could read the value before: it should be rotated. */
    public boolean shouldRotate() {
        return status == Status.REKEYED && removed != null && !removed.isEmpty();
    }

    /** Who gained and lost access, by name, such as "added bob; removed carol". */
    public String change() {
        return change(added, removed);
    }

    static String change(List<String> added, List<String> removed) {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (removed == null) {
            parts.add("earlier recipients not recorded");
        } else if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return parts.isEmpty() ? "recipients recorded" : String.join("; ", parts);
    }
}
