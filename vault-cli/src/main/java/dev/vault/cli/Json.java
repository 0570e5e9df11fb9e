package dev.vault.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** One JSON document a command, on one line, through jackson-core's generator. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private Json() {
    }

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
}
