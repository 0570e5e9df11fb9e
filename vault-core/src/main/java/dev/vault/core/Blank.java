package dev.vault.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Whether a value is blank: empty, or only white space and invisible characters (any Unicode ones). */
final class Blank {
    private Blank() {
    }

    static boolean is(byte[] value) {
        boolean ascii = true;
        for (byte b : value) {
            if (b < 0) {
                ascii = false;
            } else if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        if (ascii) {
            return true;
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            return false;
        }
        try {
            return chars.codePoints().allMatch(Blank::invisible);
        } finally {
            Arrays.fill(chars.array(), '\0');
        }
    }

    /** White space (also no-break spaces) and format characters such as the zero-width space and BOM. */
    static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT || codePoint == 0x200B;
    }
}
