package dev.vault.core.crypto;

import dev.vault.core.SecretBytes;

import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.List;

/**
 * Decrypts a binary age file for an identity of X25519 keys only, the common case, with Bouncy Castle's
 * lightweight primitives alone. Jagged's format code reaches the same result through javax.crypto, whose
 * provider start-up (about 17 ms for one Mac) every {@code vault get} would pay; so this path does not
 * use it. Files this path leaves to Jagged: see {@link #decrypt}.
 */
final class X25519Decryptor {
    private static final String HEADER_LABEL = "header";

    private X25519Decryptor() {
    }

    /**
     * The plaintext, released only when the header MAC and every payload chunk authenticated; or null when
     * the header holds a stanza that another kind of key reads (scrypt, mlkem768x25519), whose rules live
     * with Jagged's path (an scrypt stanza must be alone). Failures are classified as {@link AgeCodec#decrypt}
     * classifies them: no stanza opens with the keys, a malformed header or stanza, a changed header, a
     * truncated or changed payload.
     */
    static SecretBytes decrypt(byte[] file, List<X25519Unwrapper> keys) throws DecryptException {
        AgeHeader header;
        try {
            header = AgeHeader.read(file);
        } catch (AgeHeader.MalformedHeaderException e) {
            throw DecryptException.of(DecryptException.Failure.HEADER, e);
        }
        for (AgeHeader.Stanza stanza : header.stanzas()) {
            if (stanza.type().equals(ScryptStanzas.TYPE) || stanza.type().equals(HybridStanzas.TYPE)) {
                return null;
            }
        }
        byte[] fileKey = fileKey(header.stanzas(), keys);
        try {
            byte[] macKey = HmacSha256.hkdf(fileKey, new byte[0], HEADER_LABEL, HmacSha256.LENGTH);
            byte[] mac;
            try {
                mac = HmacSha256.mac(macKey, file, 0, header.macInputLength());
            } finally {
                Arrays.fill(macKey, (byte) 0);
            }
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(mac, header.mac())) {
                throw DecryptException.of(DecryptException.Failure.HMAC,
                        new SignatureException("the header MAC does not match"));
            }
            return SecretBytes.wrap(PayloadStream.decrypt(file, header.payloadOffset(), fileKey));
        } catch (PayloadStream.MissingNonceException e) {
            throw DecryptException.of(DecryptException.Failure.HEADER, e);
        } catch (PayloadStream.PayloadException e) {
            throw DecryptException.of(DecryptException.Failure.PAYLOAD, e);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    /**
     * The file key, as age finds it: each key in turn tries each X25519 stanza; a malformed X25519 stanza
     * met on the way refuses the file.
     */
    private static byte[] fileKey(List<AgeHeader.Stanza> stanzas, List<X25519Unwrapper> keys) throws DecryptException {
        for (X25519Unwrapper key : keys) {
            for (AgeHeader.Stanza stanza : stanzas) {
                if (X25519Unwrapper.TYPE.equals(stanza.type())) {
                    byte[] fileKey;
                    try {
                        fileKey = key.unwrap(stanza.arguments(), stanza.body());
                    } catch (MalformedStanzaException e) {
                        throw DecryptException.of(DecryptException.Failure.HEADER, e);
                    }
                    if (fileKey != null) {
                        return fileKey;
                    }
                }
            }
        }
        throw DecryptException.of(DecryptException.Failure.NO_MATCH,
                new GeneralSecurityException("no X25519 stanza opens with a key of the identity"));
    }
}
