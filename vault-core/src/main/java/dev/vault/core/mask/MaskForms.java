package dev.vault.core.mask;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The byte strings that stand for one value in output: the value; the value without the white space
 * around it (a shell's {@code $(…)} drops a trailing newline); each line of a multi-line value, without
 * the white space (and {@code \r}) around it; and the base64, URL and JSON forms of the value and of
 * the value without its surrounding white space. A form shorter than {@link Masker#MIN_LENGTH} bytes
 * is left out: masking it would hide ordinary output and say what the value is.
 */
final class MaskForms {
    private final List<byte[]> forms;
    private final boolean tooShort;
    private final int shortLines;

    private MaskForms(List<byte[]> forms, boolean tooShort, int shortLines) {
        this.forms = forms;
        this.tooShort = tooShort;
        this.shortLines = shortLines;
    }

    static MaskForms of(byte[] value) {
        byte[] trimmed = trim(value, 0, value.length);
        if (trimmed.length < Masker.MIN_LENGTH) {
            Arrays.fill(trimmed, (byte) 0);
            return new MaskForms(List.of(), true, 0);
        }
        Set<ByteBuffer> found = new LinkedHashSet<>();
        int shortLines = 0;
        List<byte[]> wholes = Arrays.equals(value, trimmed) ? List.of(trimmed) : List.of(value.clone(), trimmed);
        wholes.forEach(whole -> add(found, whole));
        for (byte[] whole : wholes) {
            Base64Forms.of(whole, form -> add(found, form));
            UrlForms.of(whole, form -> add(found, form));
            JsonForms.of(whole, form -> add(found, form));
        }
        int lineStart = 0;
        for (int i = 0; i <= trimmed.length; i++) {
            if (i == trimmed.length || trimmed[i] == '\n') {
                if (i < trimmed.length || lineStart > 0) {
                    byte[] line = trim(trimmed, lineStart, i);
                    if (line.length >= Masker.MIN_LENGTH) {
                        add(found, line);
                    } else if (line.length > 0) {
                        shortLines++;
                    }
                }
                lineStart = i + 1;
            }
        }
        List<byte[]> forms = new ArrayList<>(found.size());
        for (ByteBuffer form : found) {
            forms.add(form.array());
        }
        return new MaskForms(forms, false, shortLines);
    }

    /** Keeps {@code form} (a fresh array) if it is long enough and new; else wipes it. */
    private static void add(Set<ByteBuffer> found, byte[] form) {
        if (form.length < Masker.MIN_LENGTH || !found.add(ByteBuffer.wrap(form))) {
            Arrays.fill(form, (byte) 0);
        }
    }

    /** A copy of {@code value[from, to)} without the white space (space, tab, CR, LF, FF, VT) at either end. */
    private static byte[] trim(byte[] value, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isSpace(value[start])) {
            start++;
        }
        while (end > start && isSpace(value[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(value, start, end);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0b;
    }

    /** The forms, each at least {@link Masker#MIN_LENGTH} bytes, none twice. */
    List<byte[]> forms() {
        return forms;
    }

    /** Whether the value, without the white space around it, is too short to be masked at all. */
    boolean tooShort() {
        return tooShort;
    }

    /** How many lines of a multi-line value are too short to be masked on their own (blank ones aside). */
    int shortLines() {
        return shortLines;
    }
}
