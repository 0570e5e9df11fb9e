package dev.vault.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One JSON document a command prints, on one line, through jackson-core's generator. The shapes are
 * documented in docs/json.md: a field with no value is written as null, never left out.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private Json() {
    }

    /** The document and a newline, flushed. */
    static void write(PrintStream stream, Body body) {
        try (JsonGenerator out = FACTORY.createGenerator(stream)) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stream.println();
        stream.flush();
    }

    /** One line of JSON Lines: the document and a newline, left in {@code writer}'s buffer (not flushed). */
    static void line(Writer writer, Body body) throws IOException {
        try (JsonGenerator out = FACTORY.createGenerator(writer)) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            body.write(out);
        }
        writer.write('\n');
    }
}
