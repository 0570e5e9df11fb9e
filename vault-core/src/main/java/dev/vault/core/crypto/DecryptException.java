package dev.vault.core.crypto;

import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecodingException;

import java.security.SignatureException;

/** An age file that did not decrypt, with the kind of failure told apart where Jagged's exception allows. */
public final class DecryptException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Kinds of failure, named as in the age test vectors. */
    public enum Failure {
        /** No stanza in the header opens with the identity: the file was not encrypted to it. */
        NO_MATCH("no key in the identity opens it"),
        /** The header is malformed. */
        HEADER("its header is malformed"),
        /** The header's MAC does not match: the header was changed. */
        HMAC("its header failed authentication"),
        /** The payload is truncated, changed or malformed. */
        PAYLOAD("its content failed authentication or is truncated"),
        /** The ASCII armor is malformed. */
        ARMOR("its armor is malformed");

        private final String description;

        Failure(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Failure failure;

    private DecryptException(Failure failure, Throwable cause) {
        super(failure.description(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    /** A failure whose kind is known where it happened, as on the path that does not use Jagged. */
    static DecryptException of(Failure failure, Exception cause) {
        return new DecryptException(failure, cause);
    }

    /** Names the kind of failure from Jagged's exception or our stanza readers'. */
    static DecryptException classify(Exception e) {
        Failure failure;
        if (e instanceof MalformedStanzaException) {
            failure = Failure.HEADER;
        } else if (e instanceof ArmoredDecodingException) {
            failure = Failure.ARMOR;
        } else if (e instanceof PayloadException) {
            failure = Failure.PAYLOAD;
        } else if (e instanceof SignatureException) {
            failure = Failure.HMAC;
        } else if (e instanceof UnsupportedRecipientStanzaException) {
            failure = Failure.NO_MATCH;
        } else {
            failure = Failure.HEADER;
        }
        return new DecryptException(failure, e);
    }
}
