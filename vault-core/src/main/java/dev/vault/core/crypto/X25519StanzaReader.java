package dev.vault.core.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * An X25519 key as a Jagged stanza reader, for files that Jagged's format code reads (armored ones, and
 * identities that also hold post-quantum keys or passphrases). It unwraps through the same
 * {@link X25519Unwrapper} as {@link X25519Decryptor}, so a stanza is judged alike on both paths.
 */
final class X25519StanzaReader implements RecipientStanzaReader {
    private final X25519Unwrapper key;

    X25519StanzaReader(X25519Unwrapper key) {
        this.key = key;
    }

    @Override
    public FileKey getFileKey(Iterable<RecipientStanza> stanzas) throws GeneralSecurityException {
        boolean seen = false;
        for (RecipientStanza stanza : stanzas) {
            if (X25519Unwrapper.TYPE.equals(stanza.getType())) {
                seen = true;
                byte[] fileKey = key.unwrap(stanza.getArguments(), stanza.getBody());
                if (fileKey != null) {
                    try {
                        return new FileKey(fileKey.clone()); // FileKey keeps the array it is given
                    } finally {
                        Arrays.fill(fileKey, (byte) 0);
                    }
                }
            }
        }
        throw AgeStanza.noMatch(seen ? "no X25519 stanza opens with this key" : "no X25519 stanza in the header");
    }
}
