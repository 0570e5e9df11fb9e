package dev.vault.core.crypto;

import java.security.GeneralSecurityException;

/**
 * A recipient stanza (or the set of them) breaks the age spec: the whole file is refused as a header
 * failure, whatever other stanza might have matched.
 */
final class MalformedStanzaException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    MalformedStanzaException(String message) {
        super(message);
    }
}
