package dev.vault.core;

import dev.vault.core.crypto.AgeKeys;
import dev.vault.core.manifest.Manifest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which kinds of key a secret may be encrypted to. age's rule for one file: its keys (the readers' and the
 * admins') are all post-quantum (mlkem768x25519, {@code age1pq1…}) or all X25519, never both, since a
 * quantum computer could open the file through an X25519 key. The manifest's rule: a secret that requires
 * post-quantum ({@code post_quantum: true}, its own or the vault's) has no X25519 key at all. Kinds are told
 * apart by the recipient's prefix only, so checking loads no Bouncy Castle class.
 */
final class PostQuantumRule {
    private PostQuantumRule() {
    }

    /**
     * A secret whose keys break the rule: the identities that hold each kind (admins that are not readers
     * named "admin NAME"), and what requires post-quantum (null when only the mix is wrong).
     */
    record Breach(String secret, String requiredBy, List<String> postQuantum, List<String> x25519,
                  boolean throughAdmins) {
        /** What the vault says when it refuses to encrypt the secret. */
        String refusal() {
            return "refusing to encrypt \"" + secret + "\" to " + kinds() + ": " + why();
        }

        /** What doctor says of the manifest's entry. */
        String finding() {
            return "\"" + secret + "\" would be encrypted to " + kinds() + ": " + why();
        }

        /**
         * What to do: list keys of one kind as its readers, with {@code --reader} for a secret that has no
         * entry yet ({@code newSecret}), else in the manifest, then rekey it when it has a value ({@code stored}).
         */
        String fix(boolean newSecret, boolean stored) {
            String where;
            if (newSecret) {
                where = throughAdmins ? "with --reader, and under admins in manifest.yaml" : "with --reader";
            } else {
                where = (throughAdmins ? "under its readers and admins" : "under its readers") + " in manifest.yaml"
                        + (stored ? ", then vault rekey " + secret : "");
            }
            return "list post-quantum identities only (vault identity new NAME --pq makes one)"
                    + (requiredBy == null ? " or X25519 ones only " : " ") + where;
        }

        VaultException refuse(boolean newSecret, boolean stored) {
            return VaultException.failed(refusal(), fix(newSecret, stored));
        }

        private String kinds() {
            return requiredBy == null ? "post-quantum and X25519 keys at once" : "X25519 keys";
        }

        private String why() {
            return requiredBy == null
                    ? "a quantum computer could open the file through its X25519 keys (post-quantum: "
                            + String.join(", ", postQuantum) + "; X25519: " + String.join(", ", x25519) + ")"
                    : requiredBy + " requires post-quantum keys only (X25519: " + String.join(", ", x25519) + ")";
        }
    }

    /** How the keys the manifest gives {@code entry} break the rule, or null when they keep it. */
    static Breach of(Manifest manifest, Manifest.SecretEntry entry) {
        String requiredBy = manifest.requiresPostQuantum() ? "the vault's post_quantum: true"
                : entry.postQuantum() ? "its entry's post_quantum: true" : null;
        return of(manifest, entry.name(), manifest.decryptors(entry), manifest.readerIdentities(entry), requiredBy);
    }

    /**
     * How the keys of a secret that has no entry yet break the rule when {@code readers} (identity and group
     * names, each known; null: every identity) read it, or null when they keep it.
     */
    static Breach ofNew(Manifest manifest, String secret, List<String> readers) {
        Set<String> readerIdentities = new LinkedHashSet<>();
        for (String reader : readers == null ? manifest.identityNames() : readers) {
            readerIdentities.addAll(manifest.resolve(reader));
        }
        return of(manifest, secret, manifest.decryptors(readers), readerIdentities,
                manifest.requiresPostQuantum() ? "the vault's post_quantum: true" : null);
    }

    private static Breach of(Manifest manifest, String secret, List<String> decryptors,
                             Collection<String> readerIdentities, String requiredBy) {
        List<String> postQuantum = new ArrayList<>();
        List<String> x25519 = new ArrayList<>();
        boolean pqAdmin = false;
        boolean x25519Admin = false;
        for (String name : decryptors) {
            boolean adminOnly = !readerIdentities.contains(name) && manifest.isAdmin(name);
            String shown = adminOnly ? "admin " + name : name;
            if (AgeKeys.isPostQuantum(manifest.identity(name).orElseThrow().recipient())) {
                postQuantum.add(shown);
                pqAdmin |= adminOnly;
            } else {
                x25519.add(shown);
                x25519Admin |= adminOnly;
            }
        }
        if (x25519.isEmpty() || (requiredBy == null && postQuantum.isEmpty())) {
            return null;
        }
        boolean throughAdmins = requiredBy != null ? x25519Admin : pqAdmin || x25519Admin;
        return new Breach(secret, requiredBy, postQuantum, x25519, throughAdmins);
    }
}
