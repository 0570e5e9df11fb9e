package dev.vault.core.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;

import dev.vault.core.SecretBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/**
 * age files in memory through Jagged's format code (its channels, armor and javax.crypto primitives): every
 * encryption, and the decryptions that {@link X25519Decryptor} leaves. A class of its own so that loading
 * {@link AgeCodec} loads none of Jagged's framework classes.
 */
final class JaggedChannels {
    private static final int CHUNK = 64 * 1024;

    private JaggedChannels() {
    }

    /** An age file of {@code plaintext} with a stanza from each writer, armored or binary. */
    static byte[] encrypt(byte[] plaintext, List<RecipientStanzaWriter> writers, boolean armored)
            throws GeneralSecurityException, IOException {
        StandardEncryptingChannelFactory factory;
        if (armored) {
            factory = new ArmoredEncryptingChannelFactory();
        } else {
            factory = new StandardEncryptingChannelFactory();
        }
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
     * Decrypts a whole age file with the given stanza readers. The plaintext is returned only when every
     * chunk authenticated; a failure part way through wipes what was read and throws.
     */
    static SecretBytes decrypt(byte[] ageFile, List<RecipientStanzaReader> readers, boolean armored)
            throws DecryptException {
        ReadableByteChannel source = Channels.newChannel(new ByteArrayInputStream(ageFile));
        StandardDecryptingChannelFactory factory;
        if (armored) {
            factory = new ArmoredDecryptingChannelFactory();
        } else {
            factory = new StandardDecryptingChannelFactory();
        }
        byte[] plain = new byte[0];
        int length = 0;
        try (ReadableByteChannel channel = factory.newDecryptingChannel(source, readers)) {
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
