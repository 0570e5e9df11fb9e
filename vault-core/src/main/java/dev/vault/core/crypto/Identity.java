package dev.vault.core.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;

import dev.vault.core.VaultException;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One or more age private keys (X25519 or post-quantum mlkem768x25519), as read from an identity file, and
 * the recipient of the first. {@code toString} shows only the recipient.
 */
public final class Identity {
    private final List<RecipientStanzaReader> keys;
    private final String recipient;
    private final String source;
    private final byte[] fingerprintSeed;

    private Identity(List<RecipientStanzaReader> keys, String recipient, String source, byte[] fingerprintSeed) {
        this.keys = List.copyOf(keys);
        this.recipient = recipient;
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
        List<RecipientStanzaReader> readers = new ArrayList<>();
        String firstRecipient = null;
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
                    KeyLine key = KeyLine.of(line);
                    readers.add(key.reader);
                    if (firstRecipient == null) {
                        firstRecipient = key.recipient;
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
        if (readers.isEmpty()) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "identity file \"" + source + "\" holds no key",
                    "an identity file holds a line starting with AGE-SECRET-KEY-1; make one with `vault identity new NAME`");
        }
        return new Identity(readers, firstRecipient, source, seed);
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
        List<RecipientStanzaReader> all = new ArrayList<>(keys);
        all.addAll(passphraseReaders(passphrases, maxWorkFactor));
        return new Identity(all, recipient, source, fingerprintSeed);
    }

    private static List<RecipientStanzaReader> passphraseReaders(List<char[]> passphrases, int maxWorkFactor) {
        List<RecipientStanzaReader> readers = new ArrayList<>();
        for (char[] passphrase : passphrases) {
            readers.add(ScryptStanzas.reader(passphrase, maxWorkFactor));
        }
        return readers;
    }

    /**
     * A secret of the first key, for keyed fingerprints: HMAC-SHA256 under the key of a fixed label. The key
     * string in upper case, as age writes identities, so that one key has one seed however it is spelt.
     */
    private static byte[] fingerprintSeedOf(String identityLine) throws GeneralSecurityException {
        byte[] encoded = identityLine.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(encoded, "HmacSHA256"));
            return mac.doFinal("vault fingerprint seed v1".getBytes(StandardCharsets.US_ASCII));
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

    /** The age recipient (public key) of an X25519 identity string. */
    static String recipientOf(String identityLine) throws GeneralSecurityException {
        byte[] encoded = identityLine.getBytes(StandardCharsets.US_ASCII);
        try {
            return new X25519KeyFactory().translateKey(new SecretKeySpec(encoded, "X25519")).toString();
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** One key of an identity file: what reads its stanzas, and its recipient. */
    private static final class KeyLine {
        final RecipientStanzaReader reader;
        final String recipient;

        private KeyLine(RecipientStanzaReader reader, String recipient) {
            this.reader = reader;
            this.recipient = recipient;
        }

        static KeyLine of(String line) throws GeneralSecurityException {
            if (AgeKeys.isPostQuantumIdentity(line)) {
                // the only path that loads Bouncy Castle's HPKE
                byte[] seed = AgeKeys.data(line);
                try {
                    return new KeyLine(HybridStanzas.reader(seed),
                            AgeKeys.encode(AgeKeys.PQ_RECIPIENT_HRP, HybridStanzas.publicKey(seed)));
                } finally {
                    Arrays.fill(seed, (byte) 0);
                }
            }
            return new KeyLine(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(line), recipientOf(line));
        }
    }

    /** The recipient of the first key: what to encrypt to so that this identity can read it; null for passphrases. */
    public String recipient() {
        return recipient;
    }

    /** Where the identity came from, as given to {@link #parse}. */
    public String source() {
        return source;
    }

    /** All keys as one stanza reader, so that age's rules about the whole header hold (see {@link HeaderRules}). */
    List<RecipientStanzaReader> readers() {
        return List.of(new HeaderRules(keys));
    }

    @Override
    public String toString() {
        return "Identity[" + recipient + "]";
    }
}
