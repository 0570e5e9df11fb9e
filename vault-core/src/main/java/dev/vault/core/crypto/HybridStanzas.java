package dev.vault.core.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * age's post-quantum recipient type, mlkem768x25519 (age v1.3): the file key sealed with HPKE over the
 * ML-KEM-768 + X25519 hybrid KEM (X-Wing), HKDF-SHA256 and ChaCha20-Poly1305. Bouncy Castle's HPKE, loaded
 * only when a post-quantum key or stanza is used.
 */
final class HybridStanzas {
    static final String TYPE = "mlkem768x25519";
    private static final byte[] INFO = "age-encryption.org/mlkem768x25519".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_AAD = new byte[0];
    private static final int ENC_LENGTH = 1120;
    private static final int MLKEM_CIPHERTEXT_LENGTH = 1088;
    private static final int BODY_LENGTH = 32;
    /** Any clamped scalar: multiplying a point of small order by it gives the all-zero value. */
    private static final byte[] PROBE_SCALAR = new byte[32];

    static {
        Arrays.fill(PROBE_SCALAR, (byte) 0x5a);
    }

    private HybridStanzas() {
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X_WING, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
    }

    /** The 1216-byte public key (ML-KEM-768 encapsulation key, then X25519) of a 32-byte seed. */
    static byte[] publicKey(byte[] seed) {
        HPKE hpke = hpke();
        return hpke.serializePublicKey(hpke.deserializePrivateKey(seed, null).getPublic());
    }

    static RecipientStanzaWriter writer(byte[] publicKey) {
        HPKE hpke = hpke();
        AsymmetricKeyParameter recipient = hpke.deserializePublicKey(publicKey);
        return fileKey -> {
            byte[] key = fileKey.getEncoded();
            try {
                byte[][] sealed = hpke.seal(recipient, INFO, NO_AAD, key, null, null, null);
                return List.of(new AgeStanza(TYPE, List.of(AgeStanza.base64(sealed[1])), sealed[0]));
            } catch (InvalidCipherTextException | RuntimeException e) {
                // e.g. a recipient whose X25519 part is a low-order point
                throw new GeneralSecurityException("HPKE seal to a post-quantum recipient failed", e);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        };
    }

    /** Opens mlkem768x25519 stanzas with the identity whose seed is given; ignores stanzas of other types. */
    static RecipientStanzaReader reader(byte[] seed) {
        HPKE hpke = hpke();
        AsymmetricCipherKeyPair keyPair = hpke.deserializePrivateKey(seed, null);
        return stanzas -> {
            List<Exception> failures = new ArrayList<>();
            for (RecipientStanza stanza : stanzas) {
                if (TYPE.equals(stanza.getType())) {
                    try {
                        return open(hpke, keyPair, stanza);
                    } catch (InvalidCipherTextException e) {
                        failures.add(e);
                    }
                }
            }
            if (failures.isEmpty()) {
                throw AgeStanza.noMatch("no mlkem768x25519 (post-quantum) stanza in the header");
            }
            throw AgeStanza.noMatch("no mlkem768x25519 stanza opens with this post-quantum identity");
        };
    }

    private static FileKey open(HPKE hpke, AsymmetricCipherKeyPair keyPair, RecipientStanza stanza)
            throws GeneralSecurityException, InvalidCipherTextException {
        List<String> arguments = stanza.getArguments();
        if (arguments.size() != 1) {
            throw new MalformedStanzaException("mlkem768x25519 stanza has " + arguments.size()
                    + " arguments, expected 1");
        }
        byte[] enc = AgeStanza.argument(arguments.get(0), ENC_LENGTH, "mlkem768x25519 encapsulated key");
        byte[] body = AgeStanza.body(stanza, BODY_LENGTH);
        byte[] share = Arrays.copyOfRange(enc, MLKEM_CIPHERTEXT_LENGTH, ENC_LENGTH);
        if (!X25519.calculateAgreement(PROBE_SCALAR, 0, share, 0, new byte[32], 0)) {
            throw new MalformedStanzaException("the X25519 share of the mlkem768x25519 stanza is a low-order point");
        }
        byte[] key = hpke.open(enc, keyPair, INFO, NO_AAD, body, null, null, null);
        try {
            return new FileKey(key.clone()); // FileKey keeps the array it is given
        } catch (IllegalArgumentException e) {
            throw new MalformedStanzaException("the mlkem768x25519 stanza holds a file key of the wrong length");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
