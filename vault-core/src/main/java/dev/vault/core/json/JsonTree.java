package dev.vault.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * Reads one JSON document into a {@link JsonValue} tree with jackson-core's streaming parser, and writes
 * a tree back, compact or pretty. Strict: one value and nothing after it, no duplicate member names (two
 * readers could disagree about which one counts), at most {@value #MAX_DEPTH} levels of nesting.
 */
public final class JsonTree {
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonTree() {
    }

    /** A document that is not one well-formed JSON value; the message says where, never quotes the input. */
    public static final class MalformedJsonException extends IOException {
        MalformedJsonException(String message) {
            super(message);
        }
    }

    public static JsonValue parse(byte[] document) throws MalformedJsonException {
        try (JsonParser parser = FACTORY.createParser(document)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJsonException("it is empty");
            }
            JsonValue value = read(parser, first, 1);
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("there is more after the JSON value (line "
                        + parser.currentTokenLocation().getLineNr() + ")");
            }
            return value;
        } catch (MalformedJsonException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(describe(e));
        } catch (IOException e) {
            throw new MalformedJsonException("it cannot be read: " + e.getClass().getSimpleName());
        }
    }

    public static JsonValue parse(String document) throws MalformedJsonException {
        return parse(document.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        if (what != null && what.startsWith("Duplicate field")) {
            what = "a member name appears twice in one object";
        } else if (what != null && what.contains("end-of-input")) {
            what = "it ends in the middle of a value";
        } else {
            what = "it is not valid JSON";
        }
        return e.getLocation() == null ? what
                : what + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static JsonValue read(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException("it nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT:
                JsonObject object = JsonObject.empty();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken(), depth + 1));
                }
                return object;
            case START_ARRAY:
                JsonArray array = JsonArray.empty();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next, depth + 1));
                }
                return array;
            case VALUE_STRING:
                return new JsonString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(parser.getText());
            case VALUE_TRUE:
                return new JsonBoolean(true);
            case VALUE_FALSE:
                return new JsonBoolean(false);
            case VALUE_NULL:
                return new JsonNull();
            default:
                throw new MalformedJsonException("it is not valid JSON");
        }
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
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
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
