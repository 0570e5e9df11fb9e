package dev.vault.core.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of one identity as a single stanza reader, so that rules about the whole header hold whichever
 * key is tried: an scrypt stanza must be alone, and a malformed stanza refuses the file even when another
 * key would have matched. Used on Jagged's path; {@link X25519Decryptor} sends every header that holds an
 * scrypt stanza here.
 */
final class HeaderRules implements RecipientStanzaReader {
    private final List<RecipientStanzaReader> keys;

    HeaderRules(List<RecipientStanzaReader> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public FileKey getFileKey(Iterable<RecipientStanza> stanzas) throws GeneralSecurityException {
        requireAlone(stanzas);
        List<GeneralSecurityException> failures = new ArrayList<>();
        for (RecipientStanzaReader key : keys) {
            try {
                return key.getFileKey(stanzas);
            } catch (MalformedStanzaException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        UnsupportedRecipientStanzaException none = new UnsupportedRecipientStanzaException(
                "no key of the identity matches a stanza");
        failures.forEach(none::addSuppressed);
        throw none;
    }

    /**
     * age's rule for every identity, not only passphrases: an scrypt stanza must be the only stanza, so a
     * passphrase-encrypted file is known to come from whoever knows the passphrase.
     */
    private static void requireAlone(Iterable<RecipientStanza> stanzas) throws MalformedStanzaException {
        int count = 0;
        boolean scrypt = false;
        for (RecipientStanza stanza : stanzas) {
            count++;
            scrypt |= ScryptStanzas.TYPE.equals(stanza.getType());
        }
        if (scrypt && count > 1) {
            throw new MalformedStanzaException("an scrypt stanza must be the only stanza in the header");
        }
    }
}
