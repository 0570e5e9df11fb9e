package dev.vault.core.crypto;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;

import dev.vault.core.SecretBytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** A freshly generated identity: the identity file's text (secret) and its recipient (public). */
public final class NewIdentity {
    private final SecretBytes fileContent;
    private final String recipient;

    private NewIdentity(SecretBytes fileContent, String recipient) {
        this.fileContent = fileContent;
        this.recipient = recipient;
    }

    /** Generates an X25519 key and renders it in the layout of age-keygen's output. */
    public static NewIdentity generate(Instant now) throws GeneralSecurityException {
        KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
        byte[] key = pair.getPrivate().getEncoded();
        try {
            return render(now, pair.getPublic().toString(), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Generates a post-quantum (mlkem768x25519) key, a 32-byte seed, in the layout of {@code age-keygen -pq}.
     * Loads Bouncy Castle.
     */
    public static NewIdentity generatePostQuantum(Instant now) {
        byte[] seed = new byte[AgeKeys.PQ_SEED_LENGTH];
        new SecureRandom().nextBytes(seed);
        byte[] key = null;
        try {
            String recipient = AgeKeys.encode(AgeKeys.PQ_RECIPIENT_HRP, HybridStanzas.publicKey(seed));
            key = AgeKeys.encode(AgeKeys.PQ_IDENTITY_HRP, seed).getBytes(StandardCharsets.US_ASCII);
            return render(now, recipient, key);
        } finally {
            Arrays.fill(seed, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static NewIdentity render(Instant now, String recipient, byte[] key) {
        byte[] header = ("# created: " + now.truncatedTo(ChronoUnit.SECONDS) + "\n# public key: " + recipient + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[header.length + key.length + 1];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(key, 0, content, header.length, key.length);
        content[content.length - 1] = '\n';
        return new NewIdentity(SecretBytes.wrap(content), recipient);
    }

    /**
     * The same identity with its file encrypted under a passphrase, as {@code age -p -a} would write it
     * (age and vault both read it, asking for the passphrase). Use {@link #DEFAULT_WORK_FACTOR}; a lower
     * work factor is for tests. Wipes this identity's plain text.
     */
    public NewIdentity withPassphrase(char[] passphrase, int workFactor) throws GeneralSecurityException, IOException {
        try {
            byte[] encrypted = AgeCodec.encryptWithPassphrase(fileContent.reveal(), passphrase, workFactor);
            return new NewIdentity(SecretBytes.wrap(encrypted), recipient);
        } finally {
            fileContent.close();
        }
    }

    /** age's scrypt work factor for passphrase-encrypted files: 2^18. */
    public static final int DEFAULT_WORK_FACTOR = ScryptStanzas.DEFAULT_WORK_FACTOR;

    /** The identity file's text. Secret: write it to a 0600 file and nowhere else. */
    public SecretBytes fileContent() {
        return fileContent;
    }

    public String recipient() {
        return recipient;
    }

    @Override
    public String toString() {
        return "NewIdentity[" + recipient + "]";
    }
}
