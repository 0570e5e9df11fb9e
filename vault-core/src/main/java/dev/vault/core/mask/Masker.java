package dev.vault.core.mask;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Masks secret values in output. Built from named values (the variable's name for {@code vault exec},
 * the secret's name for {@code vault redact}); knows every form of each that {@link MaskForms} lists;
 * {@link #filter} wraps an output stream so that each occurrence of any form is replaced by
 * {@code [masked:NAME]}. Values too short to mask are reported by {@link #unmasked()}, by name.
 *
 * <p>The masker holds bytes derived from the values: {@link #close()} wipes them. It is immutable
 * otherwise, and one masker may feed several streams at once (a child's stdout and stderr).
 */
public final class Masker implements AutoCloseable {
    /** Forms shorter than this many bytes are not masked. */
    public static final int MIN_LENGTH = 4;
    /**
     * Values longer than this many bytes are not masked: their forms would cost about 1 KiB of memory per
     * byte of value (a 1 MB keystore would not fit in the heap). A private key in PEM is about 3 KB.
     */
    public static final int MAX_LENGTH = 16 * 1024;

    private final Automaton automaton;
    private final byte[][] markers;
    private final List<Unmasked> unmasked;
    private final boolean empty;

    private Masker(Automaton automaton, byte[][] markers, List<Unmasked> unmasked, boolean empty) {
        this.automaton = automaton;
        this.markers = markers;
        this.unmasked = unmasked;
        this.empty = empty;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What replaces a masked run of bytes: {@code [masked:NAME]}. */
    public static String marker(String name) {
        return "[masked:" + name + "]";
    }

    /**
     * A stream that writes to {@code out} what is written to it, with every form of every value replaced
     * by its marker. It holds back only the last bytes that could still begin a match; call
     * {@link MaskingOutputStream#finish()} or {@code close()} at the end of the output.
     */
    public MaskingOutputStream filter(OutputStream out) {
        return new MaskingOutputStream(Objects.requireNonNull(out, "out"), automaton, markers);
    }

    /** The values that are not masked, or only in part, because they or some of their lines are too short. */
    public List<Unmasked> unmasked() {
        return unmasked;
    }

    /** Whether there is nothing to mask: no value given, or none long enough. */
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public void close() {
        automaton.wipe();
    }

    @Override
    public String toString() {
        return "Masker[" + markers.length + " names]";
    }

    /**
     * A value that is not masked ({@code whole}: it has fewer than {@link #MIN_LENGTH} bytes besides the white
     * space around it, or {@code tooLong}: more than {@link #MAX_LENGTH}), or whose {@code shortLines} lines of
     * fewer than {@link #MIN_LENGTH} bytes are not masked on their own (the whole value still is).
     */
    public record Unmasked(String name, boolean whole, int shortLines, boolean tooLong) {
        public Unmasked(String name, boolean whole, int shortLines) {
            this(name, whole, shortLines, false);
        }
    }

    /** Collects named values; each value's bytes are read when it is added and not kept. */
    public static final class Builder {
        private final Map<ByteBuffer, Integer> patterns = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<Unmasked> unmasked = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds {@code value}, to be masked as {@code [masked:NAME]}. A form two values share is named after
         * the first one added.
         */
        public Builder add(String name, byte[] value) {
            Objects.requireNonNull(name, "name");
            if (value.length > MAX_LENGTH) {
                unmasked.add(new Unmasked(name, true, 0, true));
                return this;
            }
            MaskForms forms = MaskForms.of(value);
            if (forms.tooShort() || forms.shortLines() > 0) {
                unmasked.add(new Unmasked(name, forms.tooShort(), forms.shortLines()));
            }
            int index = names.indexOf(name);
            if (index < 0) {
                index = names.size();
                names.add(name);
            }
            for (byte[] form : forms.forms()) {
                if (patterns.putIfAbsent(ByteBuffer.wrap(form), index) != null) {
                    Arrays.fill(form, (byte) 0);
                }
            }
            return this;
        }

        /** The masker; the builder's copies of the forms are wiped. */
        public Masker build() {
            List<byte[]> forms = new ArrayList<>(patterns.size());
            int[] formNames = new int[patterns.size()];
            for (Map.Entry<ByteBuffer, Integer> pattern : patterns.entrySet()) {
                formNames[forms.size()] = pattern.getValue();
                forms.add(pattern.getKey().array());
            }
            Automaton automaton = Automaton.of(forms, formNames);
            forms.forEach(form -> Arrays.fill(form, (byte) 0));
            patterns.clear();
            byte[][] markers = new byte[names.size()][];
            for (int i = 0; i < markers.length; i++) {
                markers[i] = marker(names.get(i)).getBytes(StandardCharsets.UTF_8);
            }
            return new Masker(automaton, markers, Collections.unmodifiableList(new ArrayList<>(unmasked)),
                    forms.isEmpty());
        }
    }
}
