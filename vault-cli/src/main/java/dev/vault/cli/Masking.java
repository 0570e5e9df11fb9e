package dev.vault.cli;

import dev.vault.core.mask.Masker;
import dev.vault.core.mask.MaskingOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Function;

/** What exec and redact share of masking: the warnings about what is not masked, and copying through a masker. */
final class Masking {
    private Masking() {
    }

    /**
     * One warning for each value that is not masked, or not all of whose lines are: {@code label} is how
     * the command names it (a variable, or a secret's name in quotes). Never the value.
     */
    static void warnOfUnmasked(Masker masker, PrintStream err, Function<String, String> label) {
        for (Masker.Unmasked unmasked : masker.unmasked()) {
            String name = label.apply(unmasked.name());
            if (unmasked.tooLong()) {
                err.println("vault: warning: " + name + " is not masked: its value is longer than "
                        + Masker.MAX_LENGTH / 1024 + " KiB");
            } else if (unmasked.whole()) {
                err.println("vault: warning: " + name + " is not masked: its value has fewer than "
                        + Masker.MIN_LENGTH + " bytes besides white space");
            } else {
                err.println("vault: warning: " + unmasked.shortLines() + (unmasked.shortLines() == 1 ? " line" : " lines")
                        + " of " + name + " " + (unmasked.shortLines() == 1 ? "has" : "have") + " fewer than "
                        + Masker.MIN_LENGTH + " bytes and " + (unmasked.shortLines() == 1 ? "is" : "are")
                        + " not masked on " + (unmasked.shortLines() == 1 ? "its" : "their") + " own (the whole value is)");
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} through {@code masker} (null: as it is), flushing after each read so
     * that output is not held back beyond a possible match, and writing the held-back bytes at the end.
     * Returns false when {@code to} failed (a closed pipe): the copy stops, and {@code from} is closed so
     * that a writing child gets SIGPIPE as it would have without vault in between.
     */
    static boolean copy(InputStream from, PrintStream to, Masker masker) throws IOException {
        OutputStream sink = masker == null ? to : masker.filter(to);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            sink.write(buffer, 0, read);
            sink.flush();
            if (to.checkError()) {
                from.close();
                return false;
            }
        }
        if (sink instanceof MaskingOutputStream) {
            ((MaskingOutputStream) sink).finish();
        }
        to.flush();
        return !to.checkError();
    }
}
