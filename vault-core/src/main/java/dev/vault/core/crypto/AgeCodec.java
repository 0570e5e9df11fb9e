package dev.vault.core.crypto;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;

import dev.vault.core.SecretBytes;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts to age recipients and decrypts with an {@link Identity}, in memory: through Jagged's format code,
 * except binary files read by X25519 keys alone, which {@link X25519Decryptor} reads without JCA.
 */
public final class AgeCodec {
    private AgeCodec() {
    }

    /**
     * An age file (binary, not armored) that each of {@code recipients} can decrypt. As age does, refuses
     * to mix post-quantum ({@code age1pq1…}) and X25519 recipients in one file: the file would be only as
     * strong as its classical stanza.
     */
    public static byte[] encrypt(byte[] plaintext, List<String> recipients) throws GeneralSecurityException, IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
        long postQuantum = recipients.stream().filter(AgeKeys::isPostQuantum).count();
        if (postQuantum != 0 && postQuantum != recipients.size()) {
            throw new GeneralSecurityException("post-quantum and X25519 recipients cannot share one file");
        }
        List<RecipientStanzaWriter> writers = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            try {
                writers.add(AgeKeys.isPostQuantum(recipient)
                        ? HybridStanzas.writer(AgeKeys.data(recipient))
                        : X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient));
            } catch (RuntimeException e) {
                // Bouncy Castle refuses a public key that is not a valid ML-KEM key with an unchecked exception
                throw new GeneralSecurityException("recipient " + AgeKeys.abbreviate(recipient) + " is not a usable public key", e);
            }
        }
        return JaggedChannels.encrypt(plaintext, writers, false);
    }

    /**
     * An armored age file that opens with {@code passphrase} alone (an scrypt stanza at work factor
     * 2^{@code workFactor}), as {@code age -p -a} writes; age reads such a file as an encrypted identity file.
     */
    static byte[] encryptWithPassphrase(byte[] plaintext, char[] passphrase, int workFactor)
            throws GeneralSecurityException, IOException {
        return JaggedChannels.encrypt(plaintext, List.of(ScryptStanzas.writer(passphrase, workFactor)), true);
    }

    /**
     * Decrypts a whole age file. The plaintext is returned only when every chunk authenticated; a failure
     * part way through wipes what was read and throws, so no partial value is ever released.
     */
    public static SecretBytes decrypt(byte[] ageFile, Identity identity, boolean armored)
            throws DecryptException {
        List<X25519Unwrapper> x25519 = identity.x25519Keys();
        if (!armored && !x25519.isEmpty()) {
            SecretBytes plain = X25519Decryptor.decrypt(ageFile, x25519);
            if (plain != null) {
                return plain;
            }
        }
        return decryptWithJagged(ageFile, identity, armored);
    }

    /** {@link #decrypt} through Jagged's format code, whatever the keys: armor, passphrases, post-quantum keys. */
    static SecretBytes decryptWithJagged(byte[] ageFile, Identity identity, boolean armored)
            throws DecryptException {
        return JaggedChannels.decrypt(ageFile, identity.readers(), armored);
    }
}
