package dev.vault.core.crypto;

import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;

/** The header's scrypt stanza is there and the passphrase does not open it: a "no match", told apart. */
final class WrongPassphraseException extends UnsupportedRecipientStanzaException {
    private static final long serialVersionUID = 1L;

    WrongPassphraseException() {
        super("the passphrase does not open the scrypt stanza");
    }
}
