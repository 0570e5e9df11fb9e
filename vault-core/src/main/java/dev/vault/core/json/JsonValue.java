package dev.vault.core.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a small tree, for the few places that must read or rewrite a whole document (an
 * agent's hook input, an agent's settings file) without Jackson databind. Objects keep their members in
 * source order and numbers keep their source text, so a document read and written back changes only
 * where it was edited.
 */
public sealed interface JsonValue permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString,
        JsonValue.JsonNumber, JsonValue.JsonBoolean, JsonValue.JsonNull {

    /** A short name of the value's JSON type, for messages: object, array, string, number, boolean, null. */
    String typeName();

    /** An object; members in insertion order; changeable, for merging. */
    final class JsonObject implements JsonValue {
        private final Map<String, JsonValue> members = new LinkedHashMap<>();

        public static JsonObject empty() {
            return new JsonObject();
        }

        private JsonObject() {
        }

        public JsonValue get(String name) {
            return members.get(name);
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        public JsonObject put(String name, JsonValue value) {
            members.put(name, value);
            return this;
        }

        public JsonObject put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public Map<String, JsonValue> members() {
            return members;
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** An array; changeable, for merging. */
    final class JsonArray implements JsonValue {
        private final List<JsonValue> items = new ArrayList<>();

        public static JsonArray empty() {
            return new JsonArray();
        }

        private JsonArray() {
        }

        public JsonArray add(JsonValue value) {
            items.add(value);
            return this;
        }

        public List<JsonValue> items() {
            return items;
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    record JsonString(String value) implements JsonValue {
        @Override
        public String typeName() {
            return "string";
        }

        @Override
        public String toString() {
            return "JsonString[" + value.length() + " chars]";
        }
    }

    /** A number, as its source text (so 1.0 stays 1.0 and large integers are not rounded). */
    record JsonNumber(String text) implements JsonValue {
        @Override
        public String typeName() {
            return "number";
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record JsonNull() implements JsonValue {
        @Override
        public String typeName() {
            return "null";
        }
    }
}
