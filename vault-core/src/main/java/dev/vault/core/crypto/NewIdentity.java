package dev.vault.core.crypto;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;

import dev.vault.core.SecretBytes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** A freshly generated X25519 identity: the identity file's text (secret) and its recipient (public). */
public final class NewIdentity {
    private final SecretBytes fileContent;
    private final String recipient;

    private NewIdentity(SecretBytes fileContent, String recipient) {
        this.fileContent = fileContent;
        this.recipient = recipient;
    }

    /** Generates a key and renders it in the layout of age-keygen's output. */
    public static NewIdentity generate(Instant now) throws GeneralSecurityException {
        KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
        String recipient = pair.getPublic().toString();
        byte[] key = pair.getPrivate().getEncoded();
        byte[] header = ("# created: " + now.truncatedTo(ChronoUnit.SECONDS) + "\n# public key: " + recipient + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[header.length + key.length + 1];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(key, 0, content, header.length, key.length);
        content[content.length - 1] = '\n';
        Arrays.fill(key, (byte) 0);
        return new NewIdentity(SecretBytes.wrap(content), recipient);
    }

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
