package dev.vault.core.json;

import dev.vault.core.json.JsonValue.JsonObject;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTreeTest {
    @Test
    void keepsMemberOrderAndNumberText() throws Exception {
        String text = "{\"z\":1.0,\"a\":[true,false,null,12345678901234567890],\"m\":{\"s\":\"x\\u00e9\\n\"}}";
        assertEquals(text.replace("\\u00e9", "é"), JsonTree.compact(JsonTree.parse(text)));
    }

    @Test
    void writesPrettyWithTwoSpaces() throws Exception {
        assertEquals("{\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n    }\n  ],\n  \"d\": {}\n}\n",
                JsonTree.pretty(JsonTree.parse("{\"a\":[1,{\"b\":\"c\"}],\"d\":{}}")));
    }

    @Test
    void refusesWhatIsNotOneValue() {
        assertEquals("it is empty", assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse("  ")).getMessage());
        assertEquals("it ends in the middle of a value (line 1, column 12)",
                assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse("{\"a\":[1,2,3")).getMessage());
        assertEquals("there is more after the JSON value (line 1)",
                assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse("{} {}")).getMessage());
        assertEquals("it is not valid JSON (line 1, column 7)",
                assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse("{\"a\": hunter2}")).getMessage());
    }

    @Test
    void refusesDuplicateNamesWhichReadersResolveDifferently() {
        assertEquals("a member name appears twice in one object (line 1, column 8)",
                assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse("{\"a\":1,\"a\":2}")).getMessage());
    }

    @Test
    void limitsNesting() throws Exception {
        String deep = "[".repeat(JsonTree.MAX_DEPTH) + "]".repeat(JsonTree.MAX_DEPTH);
        JsonTree.parse(deep);
        String deeper = "[" + deep + "]";
        assertEquals("it nests deeper than 64 levels",
                assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse(deeper)).getMessage());
    }

    @Test
    void messagesNeverQuoteTheInput() {
        String secret = "sk_live_0123456789abcdef";
        for (String document : new String[] {"{\"c\": " + secret + "}", "[\"" + secret, secret, "{\"" + secret + "\":1,\"" + secret + "\":2}"}) {
            String message = assertThrows(JsonTree.MalformedJsonException.class, () -> JsonTree.parse(document)).getMessage();
            assertEquals(-1, message.indexOf("sk_live"), message);
        }
    }

    @Test
    void objectsAreChangeable() throws Exception {
        JsonObject object = assertInstanceOf(JsonObject.class, JsonTree.parse("{\"b\":1}"));
        object.put("a", "x");
        assertEquals("{\"b\":1,\"a\":\"x\"}", JsonTree.compact(object));
    }
}
