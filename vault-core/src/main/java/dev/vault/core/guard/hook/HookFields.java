package dev.vault.core.guard.hook;

import dev.vault.core.json.JsonValue;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

/** Reading the fields of a hook input, with messages that name the field and its type, never its value. */
final class HookFields {
    private HookFields() {
    }

    static String string(JsonObject object, String field) throws HookInputException {
        JsonValue value = object.get(field);
        if (value == null) {
            throw new HookInputException("the hook input has no \"" + field + "\"");
        }
        if (!(value instanceof JsonString string)) {
            throw new HookInputException("\"" + field + "\" in the hook input is " + article(value.typeName())
                    + ", not a string");
        }
        return string.value();
    }

    /** The string, or null when the field is absent or null; any other type is an error. */
    static String optionalString(JsonObject object, String field) throws HookInputException {
        JsonValue value = object.get(field);
        if (value == null || value instanceof JsonValue.JsonNull) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new HookInputException("\"" + field + "\" in the hook input is " + article(value.typeName())
                    + ", not a string");
        }
        return string.value();
    }

    static JsonObject object(JsonObject object, String field) throws HookInputException {
        JsonValue value = object.get(field);
        if (value == null) {
            throw new HookInputException("the hook input has no \"" + field + "\"");
        }
        if (!(value instanceof JsonObject inner)) {
            throw new HookInputException("\"" + field + "\" in the hook input is " + article(value.typeName())
                    + ", not an object");
        }
        return inner;
    }

    static String article(String typeName) {
        return (typeName.startsWith("a") || typeName.startsWith("o") ? "an " : "a ") + typeName;
    }
}
