package dev.vault.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import dev.vault.core.json.JsonValue.JsonArray;
import dev.vault.core.json.JsonValue.JsonBoolean;
import dev.vault.core.json.JsonValue.JsonNull;
import dev.vault.core.json.JsonValue.JsonNumber;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads one JSON document into a {@link JsonValue} tree with our own {@link JsonReader}, and writes a tree
 * back, compact or pretty, with jackson-core's generator. Strict: one value and nothing after it, no
 * duplicate member names (two readers could disagree about which one counts), at most {@value #MAX_DEPTH}
 * levels of nesting.
 */
public final class JsonTree {
    public static final int MAX_DEPTH = 64;

    /** Only for writing, and built on the first write: a hook check that allows reads only. */
    private static final class Generators {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private JsonTree() {
    }

    /** A document that is not one well-formed JSON value; the message says where, never quotes the input. */
    public static final class MalformedJsonException extends IOException {
        MalformedJsonException(String message) {
            super(message);
        }
    }

    /** The document's one value; see {@link JsonReader} for how strict it is. */
    public static JsonValue parse(byte[] document) throws MalformedJsonException {
        return JsonReader.read(document);
    }

    public static JsonValue parse(String document) throws MalformedJsonException {
        return parse(document.getBytes(StandardCharsets.UTF_8));
    }

    /** The value on one line, no spaces. */
    public static String compact(JsonValue value) {
        return write(value, false);
    }

    /** The value indented by two spaces, one member per line, with a newline at the end. */
    public static String pretty(JsonValue value) {
        return write(value, true) + "\n";
    }

    private static String write(JsonValue value, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Generators.FACTORY.createGenerator(out)) {
            if (pretty) {
                DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                        .withSeparators(Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                .withObjectEmptySeparator("").withArrayEmptySeparator(""));
                generator.setPrettyPrinter(printer);
            }
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator out, JsonValue value) throws IOException {
        if (value instanceof JsonObject object) {
            out.writeStartObject();
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                out.writeFieldName(member.getKey());
                write(out, member.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof JsonArray array) {
            out.writeStartArray();
            for (JsonValue item : array.items()) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof JsonString string) {
            out.writeString(string.value());
        } else if (value instanceof JsonNumber number) {
            out.writeNumber(number.text());
        } else if (value instanceof JsonBoolean bool) {
            out.writeBoolean(bool.value());
        } else {
            out.writeNull();
        }
    }
}
