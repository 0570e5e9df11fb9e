package dev.vault.core.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.SCrypt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * age's passphrase recipient type: the file key wrapped under scrypt(passphrase). Used for identity files
 * that are themselves encrypted with a passphrase. Scrypt is Bouncy Castle's, loaded only here.
 */
final class ScryptStanzas {
    static final String TYPE = "scrypt";
    private static final byte[] LABEL = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern WORK_FACTOR = Pattern.compile("[1-9][0-9]?");
    /** age's default work factor for new passphrase-encrypted files (2^18: about 256 MiB, most of a second). */
    static final int DEFAULT_WORK_FACTOR = 18;
    /** age's limit when decrypting: a higher factor is refused rather than computed. */
    static final int MAX_WORK_FACTOR = 22;
    private static final int SALT_LENGTH = 16;
    private static final int BODY_LENGTH = 32;

    private ScryptStanzas() {
    }

    /** Encrypts the file key under a passphrase, with a fresh salt, at work factor 2^{@code logN}. */
    static RecipientStanzaWriter writer(char[] passphrase, int logN) {
        if (logN < 1 || logN > MAX_WORK_FACTOR) {
            throw new IllegalArgumentException("scrypt work factor out of range: " + logN);
        }
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("an empty passphrase");
        }
        return fileKey -> {
            byte[] salt = new byte[SALT_LENGTH];
            new SecureRandom().nextBytes(salt);
            byte[] wrapKey = wrapKey(passphrase, salt, logN);
            byte[] key = fileKey.getEncoded();
            try {
                byte[] body = FileKeyWrap.seal(wrapKey, key);
                return List.of(new AgeStanza(TYPE, List.of(AgeStanza.base64(salt), Integer.toString(logN)), body));
            } finally {
                Arrays.fill(wrapKey, (byte) 0);
                Arrays.fill(key, (byte) 0);
            }
        };
    }

    /**
     * Opens the header's scrypt stanza with a passphrase; refuses work factors above {@code maxLogN}. Holds
     * the caller's array, which the caller wipes when done; its UTF-8 bytes exist only while scrypt runs.
     */
    static RecipientStanzaReader reader(char[] passphrase, int maxLogN) {
        return stanzas -> {
            for (RecipientStanza stanza : stanzas) {
                if (TYPE.equals(stanza.getType())) {
                    return open(stanza, passphrase, maxLogN);
                }
            }
            throw AgeStanza.noMatch("no scrypt (passphrase) stanza in the header");
        };
    }

    private static FileKey open(RecipientStanza stanza, char[] passphrase, int maxLogN) throws GeneralSecurityException {
        List<String> arguments = stanza.getArguments();
        if (arguments.size() != 2) {
            throw new MalformedStanzaException("scrypt stanza has " + arguments.size() + " arguments, expected 2");
        }
        byte[] salt = AgeStanza.argument(arguments.get(0), SALT_LENGTH, "scrypt salt");
        String factor = arguments.get(1);
        if (!WORK_FACTOR.matcher(factor).matches()) {
            throw new MalformedStanzaException("scrypt work factor is not a decimal number from 1 to 99");
        }
        int logN = Integer.parseInt(factor);
        if (logN > maxLogN) {
            throw new MalformedStanzaException("scrypt work factor 2^" + logN + " is above the limit 2^" + maxLogN);
        }
        long memory = 1024L << logN;
        if (memory > Runtime.getRuntime().maxMemory() / 2) {
            throw new MalformedStanzaException("scrypt work factor 2^" + logN + " needs " + (memory >> 20)
                    + " MiB of memory, more than this JVM may use");
        }
        byte[] body = AgeStanza.body(stanza, BODY_LENGTH);
        byte[] wrapKey = wrapKey(passphrase, salt, logN);
        byte[] key = null;
        try {
            key = FileKeyWrap.open(wrapKey, body);
            return new FileKey(key.clone()); // FileKey keeps the array it is given
        } catch (InvalidCipherTextException e) {
            throw new WrongPassphraseException();
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** scrypt over the passphrase's UTF-8 bytes, which are wiped as soon as it returns. */
    private static byte[] wrapKey(char[] passphrase, byte[] salt, int logN) {
        byte[] fullSalt = new byte[LABEL.length + salt.length];
        System.arraycopy(LABEL, 0, fullSalt, 0, LABEL.length);
        System.arraycopy(salt, 0, fullSalt, LABEL.length, salt.length);
        byte[] secret = utf8(passphrase);
        try {
            return SCrypt.generate(secret, fullSalt, 1 << logN, 8, 1, 32);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** UTF-8 into an array of the exact size, with no intermediate copy left behind. */
    private static byte[] utf8(char[] passphrase) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] buffer = new byte[passphrase.length * 3];
        ByteBuffer out = ByteBuffer.wrap(buffer);
        encoder.encode(CharBuffer.wrap(passphrase), out, true);
        encoder.flush(out);
        byte[] bytes = Arrays.copyOf(buffer, out.position());
        Arrays.fill(buffer, (byte) 0);
        return bytes;
    }
}
