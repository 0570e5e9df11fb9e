package dev.vault.core.crypto;

import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.codec.CanonicalBase64;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A recipient stanza we write, and the checks our stanza readers share. */
final class AgeStanza implements RecipientStanza {
    private final String type;
    private final List<String> arguments;
    private final byte[] body;

    AgeStanza(String type, List<String> arguments, byte[] body) {
        this.type = type;
        this.arguments = List.copyOf(arguments);
        this.body = body.clone();
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public List<String> getArguments() {
        return arguments;
    }

    @Override
    public byte[] getBody() {
        return body.clone();
    }

    static String base64(byte[] bytes) {
        return CanonicalBase64.getEncoder().encodeToString(bytes);
    }

    /** Decodes a canonical base64 argument of exactly {@code length} bytes, or refuses the stanza. */
    static byte[] argument(String encoded, int length, String what) throws MalformedStanzaException {
        byte[] decoded;
        try {
            decoded = CanonicalBase64.getDecoder().decode(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new MalformedStanzaException(what + " is not canonical base64");
        }
        if (decoded.length != length) {
            throw new MalformedStanzaException(what + " is " + decoded.length + " bytes, expected " + length);
        }
        return decoded;
    }

    /** Refuses a body that is not exactly 32 bytes before any decryption (age's partitioning-oracle rule). */
    static byte[] body(RecipientStanza stanza, int length) throws MalformedStanzaException {
        byte[] body = stanza.getBody();
        if (body.length != length) {
            throw new MalformedStanzaException(stanza.getType() + " stanza body is " + body.length
                    + " bytes, expected " + length);
        }
        return body;
    }

    /** The file key did not open: not ours, which the reader reports as no match. */
    static UnsupportedRecipientStanzaException noMatch(String message) {
        return new UnsupportedRecipientStanzaException(message);
    }
}
