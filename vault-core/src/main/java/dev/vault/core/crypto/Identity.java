package dev.vault.core.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;

import dev.vault.core.VaultException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One or more age private keys (X25519 or post-quantum mlkem768x25519), as read from an identity file, and
 * the recipient of the first. {@code toString} shows only the recipient. Reading X25519 keys starts no JCA
 * provider: they are Bouncy Castle's lightweight X25519 (see {@link X25519Decryptor}).
 */
public final class Identity {
    private final List<Key> keys;
    /** The key whose recipient {@link #recipient} is, or null (passphrases only). */
    private final Key first;
    private final String source;
    private final byte[] fingerprintSeed;
    private String recipient;

    private Identity(List<Key> keys, Key first, String source, byte[] fingerprintSeed) {
        this.keys = List.copyOf(keys);
        this.first = first;
        this.source = source;
        this.fingerprintSeed = fingerprintSeed;
    }

    /**
     * Parses identity file text: one key a line; blank lines and lines starting with '#' are skipped.
     *
     * @param text the file's content; the caller wipes it afterwards
     * @param source what to call the file in messages, such as its path
     */
    public static Identity parse(char[] text, String source) throws VaultException {
        List<Key> parsed = new ArrayList<>();
        Key first = null;
        byte[] seed = null;
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            lineNumber++;
            int trimmedEnd = end;
            while (trimmedEnd > start && Character.isWhitespace(text[trimmedEnd - 1])) {
                trimmedEnd--;
            }
            int trimmedStart = start;
            while (trimmedStart < trimmedEnd && Character.isWhitespace(text[trimmedStart])) {
                trimmedStart++;
            }
            if (trimmedStart < trimmedEnd && text[trimmedStart] != '#') {
                String line = new String(text, trimmedStart, trimmedEnd - trimmedStart);
                String problem = AgeKeys.identityProblem(line);
                if (problem != null) {
                    throw new VaultException(VaultException.Kind.NO_ACCESS,
                            "identity file \"" + source + "\" line " + lineNumber + ": " + problem,
                            "an identity file holds lines like those `vault identity new` writes: "
                                    + "AGE-SECRET-KEY-1 followed by 58 characters");
                }
                try {
                    // the first key's public key is derived in the background: it names the identity in a get
                    Key key = Key.of(line, first == null);
                    parsed.add(key);
                    if (first == null) {
                        first = key;
                        seed = fingerprintSeedOf(line);
                    }
                } catch (GeneralSecurityException | RuntimeException e) {
                    throw new VaultException(VaultException.Kind.NO_ACCESS,
                            "identity file \"" + source + "\" line " + lineNumber + ": the key is not usable",
                            null);
                }
            }
            start = end + 1;
        }
        if (parsed.isEmpty()) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "identity file \"" + source + "\" holds no key",
                    "an identity file holds a line starting with AGE-SECRET-KEY-1; make one with `vault identity new NAME`");
        }
        return new Identity(parsed, first, source, seed);
    }

    /**
     * An identity that opens passphrase-encrypted (scrypt) files, one passphrase per entry; it has no
     * recipient and no fingerprint seed. Work factors above {@code maxWorkFactor} are refused.
     */
    static Identity ofPassphrases(List<char[]> passphrases, int maxWorkFactor, String source) {
        return new Identity(passphraseReaders(passphrases, maxWorkFactor), null, source, new byte[0]);
    }

    /** This identity's keys and the given passphrases together, as age takes several -i files. */
    Identity withPassphrases(List<char[]> passphrases, int maxWorkFactor) {
        List<Key> all = new ArrayList<>(keys);
        all.addAll(passphraseReaders(passphrases, maxWorkFactor));
        return new Identity(all, first, source, fingerprintSeed);
    }

    private static List<Key> passphraseReaders(List<char[]> passphrases, int maxWorkFactor) {
        List<Key> readers = new ArrayList<>();
        for (char[] passphrase : passphrases) {
            readers.add(new Key(null, ScryptStanzas.reader(passphrase, maxWorkFactor), null));
        }
        return readers;
    }

    /**
     * A secret of the first key, for keyed fingerprints: HMAC-SHA256 under the key of a fixed label. The key
     * string in upper case, as age writes identities, so that one key has one seed however it is spelt.
     */
    private static byte[] fingerprintSeedOf(String identityLine) {
        byte[] encoded = identityLine.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] label = "vault fingerprint seed v1".getBytes(StandardCharsets.US_ASCII);
        try {
            return HmacSha256.mac(encoded, label, 0, label.length);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * A 32-byte secret derived from the first key (not the key itself), from which fingerprints of values
     * are keyed: whoever holds this identity gets the same fingerprints, nobody else can make them. A copy.
     */
    public byte[] fingerprintSeed() {
        return fingerprintSeed.clone();
    }

    /**
     * One key of an identity: an X25519 key, which either decrypt path reads, or a key of another kind
     * (post-quantum, passphrase) as the stanza reader that Jagged's path uses, with its recipient, if any.
     */
    private record Key(X25519Unwrapper x25519, RecipientStanzaReader other, String otherRecipient) {
        static Key of(String line, boolean inBackground) throws GeneralSecurityException {
            if (AgeKeys.isPostQuantumIdentity(line)) {
                // the only path that loads Bouncy Castle's HPKE
                byte[] seed = AgeKeys.data(line);
                try {
                    return new Key(null, HybridStanzas.reader(seed),
                            AgeKeys.encode(AgeKeys.PQ_RECIPIENT_HRP, HybridStanzas.publicKey(seed)));
                } finally {
                    Arrays.fill(seed, (byte) 0);
                }
            }
            if (!line.startsWith(AgeKeys.IDENTITY_PREFIX)) {
                // age and Jagged read X25519 identities in upper case only
                throw new GeneralSecurityException("an X25519 identity in lower case");
            }
            byte[] secret = AgeKeys.data(line);
            try {
                return new Key(X25519Unwrapper.of(secret, inBackground), null, null);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        /** The recipient; for an X25519 key it waits for the public key (see {@link X25519Unwrapper#of}). */
        String recipient() {
            return x25519 != null ? AgeKeys.encode("age", x25519.publicKey()) : otherRecipient;
        }

        @Override
        public String toString() {
            return "Key[" + recipient() + "]";
        }
    }

    /** The recipient of the first key: what to encrypt to so that this identity can read it; null for passphrases. */
    public synchronized String recipient() {
        if (recipient == null && first != null) {
            recipient = first.recipient();
        }
        return recipient;
    }

    /** Where the identity came from, as given to {@link #parse}. */
    public String source() {
        return source;
    }

    /** All keys as one stanza reader, so that age's rules about the whole header hold (see {@link HeaderRules}). */
    List<RecipientStanzaReader> readers() {
        List<RecipientStanzaReader> readers = new ArrayList<>(keys.size());
        for (Key key : keys) {
            // an if rather than ?: so that verifying this class loads no Jagged interface on the X25519 path
            if (key.x25519() != null) {
                readers.add(new X25519StanzaReader(key.x25519()));
            } else {
                readers.add(key.other());
            }
        }
        return List.of(new HeaderRules(readers));
    }

    /** The keys, when every one is an X25519 key (the case {@link X25519Decryptor} reads); else an empty list. */
    List<X25519Unwrapper> x25519Keys() {
        List<X25519Unwrapper> x25519 = new ArrayList<>(keys.size());
        for (Key key : keys) {
            if (key.x25519() == null) {
                return List.of();
            }
            x25519.add(key.x25519());
        }
        return x25519;
    }

    @Override
    public String toString() {
        return "Identity[" + recipient() + "]";
    }
}
