package dev.vault.core.crypto;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;

import dev.vault.core.SecretBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Encrypts to age recipients and decrypts with an {@link Identity}, in memory, through Jagged's format code. */
public final class AgeCodec {
    private static final int CHUNK = 64 * 1024;

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
        return encrypt(plaintext, writers, new StandardEncryptingChannelFactory());
    }

    /**
     * An armored age file that opens with {@code passphrase} alone (an scrypt stanza at work factor
     * 2^{@code workFactor}), as {@code age -p -a} writes; age reads such a file as an encrypted identity file.
     */
    static byte[] encryptWithPassphrase(byte[] plaintext, char[] passphrase, int workFactor)
            throws GeneralSecurityException, IOException {
        return encrypt(plaintext, List.of(ScryptStanzas.writer(passphrase, workFactor)),
                new ArmoredEncryptingChannelFactory());
    }

    private static byte[] encrypt(byte[] plaintext, List<RecipientStanzaWriter> writers,
            StandardEncryptingChannelFactory factory) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 256);
        try (WritableByteChannel channel = factory.newEncryptingChannel(Channels.newChannel(out), writers)) {
            ByteBuffer buffer = ByteBuffer.wrap(plaintext);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        return out.toByteArray();
    }

    /**
     * Decrypts a whole age file. The plaintext is returned only when every chunk authenticated; a failure
     * part way through wipes what was read and throws, so no partial value is ever released.
     */
    public static SecretBytes decrypt(byte[] ageFile, Identity identity, boolean armored)
            throws DecryptException {
        ReadableByteChannel source = Channels.newChannel(new ByteArrayInputStream(ageFile));
        StandardDecryptingChannelFactory factory = armored
                ? new ArmoredDecryptingChannelFactory() : new StandardDecryptingChannelFactory();
        byte[] plain = new byte[0];
        int length = 0;
        try (ReadableByteChannel channel = factory.newDecryptingChannel(source, identity.readers())) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) {
                    plain = drain(buffer, plain, length);
                    length += CHUNK;
                }
            }
            int tail = buffer.position();
            plain = drain(buffer, plain, length);
            length += tail;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            Arrays.fill(plain, (byte) 0);
            throw DecryptException.classify(e);
        }
        byte[] exact = Arrays.copyOf(plain, length);
        Arrays.fill(plain, (byte) 0);
        return SecretBytes.wrap(exact);
    }

    /** Appends the buffer's content to {@code plain} (growing it, wiping the old copy) and wipes the buffer. */
    private static byte[] drain(ByteBuffer buffer, byte[] plain, int length) {
        int count = buffer.position();
        byte[] grown = plain;
        if (length + count > plain.length) {
            grown = Arrays.copyOf(plain, Math.max(plain.length * 2, length + count));
            Arrays.fill(plain, (byte) 0);
        }
        System.arraycopy(buffer.array(), 0, grown, length, count);
        Arrays.fill(buffer.array(), (byte) 0);
        buffer.clear();
        return grown;
    }
}
