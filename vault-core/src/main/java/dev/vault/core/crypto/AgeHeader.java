package dev.vault.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of a binary age v1 file, read strictly by the ABNF of C2SP age.md: the version line, one or
 * more stanzas ({@code -> } and space-separated arguments of visible ASCII, then a canonical base64 body in
 * lines of exactly 64 columns ended by a shorter line), and {@code --- } with 43 base64 characters of MAC.
 * Anything else is refused: there is no second spelling of a header, so the MAC is over the bytes as read.
 *
 * @param stanzas the recipient stanzas, in order
 * @param macInputLength how many bytes from the start of the file the MAC covers (through the {@code ---})
 * @param mac the 32-byte header MAC
 * @param payloadOffset where the payload (its nonce, then the chunks) starts
 */
record AgeHeader(List<Stanza> stanzas, int macInputLength, byte[] mac, int payloadOffset) {
    private static final byte[] VERSION_LINE = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STANZA_START = "-> ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_START = "--- ".getBytes(StandardCharsets.US_ASCII);
    private static final int COLUMNS = 64;
    private static final int MAC_CHARACTERS = 43;

    /** A recipient stanza: its type (the first argument), the other arguments, and the decoded body. */
    record Stanza(String type, List<String> arguments, byte[] body) {
    }

    /** Reads the header at the start of {@code file}; a {@link MalformedHeaderException} names the first fault. */
    static AgeHeader read(byte[] file) throws MalformedHeaderException {
        if (!startsWith(file, 0, VERSION_LINE)) {
            throw new MalformedHeaderException("the file does not start with the line \"age-encryption.org/v1\"");
        }
        List<Stanza> stanzas = new ArrayList<>();
        int position = VERSION_LINE.length;
        while (startsWith(file, position, STANZA_START)) {
            int end = lineEnd(file, position);
            List<String> arguments = arguments(file, position + STANZA_START.length, end);
            position = end + 1;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int length;
            do {
                end = lineEnd(file, position);
                length = end - position;
                if (length > COLUMNS) {
                    throw new MalformedHeaderException("a stanza body line is longer than 64 columns");
                }
                body.write(file, position, length);
                position = end + 1;
            } while (length == COLUMNS);
            byte[] encoded = body.toByteArray();
            try {
                stanzas.add(new Stanza(arguments.get(0), List.copyOf(arguments.subList(1, arguments.size())),
                        AgeBase64.decode(encoded, 0, encoded.length)));
            } catch (IllegalArgumentException e) {
                throw new MalformedHeaderException("a stanza body is not canonical base64");
            }
        }
        if (stanzas.isEmpty()) {
            throw new MalformedHeaderException("the header has no recipient stanza");
        }
        if (!startsWith(file, position, END_START)) {
            throw new MalformedHeaderException("a stanza is followed by neither another stanza nor the \"---\" line");
        }
        int macInputLength = position + END_START.length - 1;
        int macStart = position + END_START.length;
        int end = lineEnd(file, macStart);
        if (end - macStart != MAC_CHARACTERS) {
            throw new MalformedHeaderException("the header MAC is " + (end - macStart) + " characters, expected 43");
        }
        byte[] mac;
        try {
            mac = AgeBase64.decode(file, macStart, MAC_CHARACTERS);
        } catch (IllegalArgumentException e) {
            throw new MalformedHeaderException("the header MAC is not canonical base64");
        }
        return new AgeHeader(List.copyOf(stanzas), macInputLength, mac, end + 1);
    }

    /** The arguments of a stanza line: at least one, each of visible ASCII, one space between each. */
    private static List<String> arguments(byte[] file, int start, int end) throws MalformedHeaderException {
        List<String> arguments = new ArrayList<>();
        int argumentStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || file[i] == ' ') {
                if (i == argumentStart) {
                    throw new MalformedHeaderException("a stanza line has an empty argument");
                }
                arguments.add(new String(file, argumentStart, i - argumentStart, StandardCharsets.US_ASCII));
                argumentStart = i + 1;
            } else if (file[i] < 0x21 || file[i] > 0x7e) {
                throw new MalformedHeaderException("a stanza line holds the byte " + (file[i] & 0xff)
                        + ", which is not visible ASCII");
            }
        }
        return arguments;
    }

    /** The index of the line feed ending the line that starts at {@code start}. */
    private static int lineEnd(byte[] file, int start) throws MalformedHeaderException {
        for (int i = start; i < file.length; i++) {
            if (file[i] == '\n') {
                return i;
            }
        }
        throw new MalformedHeaderException("the header ends before its \"---\" line");
    }

    private static boolean startsWith(byte[] file, int offset, byte[] prefix) {
        return file.length - offset >= prefix.length
                && Arrays.equals(file, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /** The header breaks age's grammar. */
    static final class MalformedHeaderException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedHeaderException(String message) {
            super(message);
        }
    }
}
