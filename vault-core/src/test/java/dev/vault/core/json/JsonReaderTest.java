package dev.vault.core.json;

import dev.vault.core.json.JsonTree.MalformedJsonException;
import dev.vault.core.json.JsonValue.JsonArray;
import dev.vault.core.json.JsonValue.JsonNumber;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonReaderTest {
    @Test
    void readsTheExamplesOfRfc8259() throws Exception {
        String image = """
                {
                  "Image": {
                    "Width":  800,
                    "Height": 600,
                    "Title":  "View from 15th Floor",
                    "Thumbnail": {
                      "Url":    "http://www.example.com/image/481989943",
                      "Height": 125,
                      "Width":  100
                    },
                    "Animated" : false,
                    "IDs": [116, 943, 234, 38793]
                  }
                }
                """;
        assertEquals("{\"Image\":{\"Width\":800,\"Height\":600,\"Title\":\"View from 15th Floor\",\"Thumbnail\":"
                + "{\"Url\":\"http://www.example.com/image/481989943\",\"Height\":125,\"Width\":100},\"Animated\":false,"
                + "\"IDs\":[116,943,234,38793]}}", compact(image));
        String places = """
                [
                  {
                     "precision": "zip",
                     "Latitude":  37.7668,
                     "Longitude": -122.3959,
                     "Address":   "",
                     "City":      "SAN FRANCISCO",
                     "State":     "CA",
                     "Zip":       "94107",
                     "Country":   "US"
                  },
                  {
                     "precision": "zip",
                     "Latitude":  37.371991,
                     "Longitude": -122.026020,
                     "Address":   "",
                     "City":      "SUNNYVALE",
                     "State":     "CA",
                     "Zip":       "94085",
                     "Country":   "US"
                  }
                ]""";
        assertEquals("[{\"precision\":\"zip\",\"Latitude\":37.7668,\"Longitude\":-122.3959,\"Address\":\"\",\"City\":"
                + "\"SAN FRANCISCO\",\"State\":\"CA\",\"Zip\":\"94107\",\"Country\":\"US\"},{\"precision\":\"zip\","
                + "\"Latitude\":37.371991,\"Longitude\":-122.026020,\"Address\":\"\",\"City\":\"SUNNYVALE\",\"State\":\"CA\","
                + "\"Zip\":\"94085\",\"Country\":\"US\"}]", compact(places));
        assertEquals(new JsonString("Hello world!"), JsonTree.parse("\"Hello world!\""));
        assertEquals(new JsonNumber("42"), JsonTree.parse("42"));
        assertEquals(new JsonValue.JsonBoolean(true), JsonTree.parse("true"));
        assertEquals(new JsonValue.JsonNull(), JsonTree.parse(" \t\r\n null \r\n"));
    }

    @Test
    void keepsTheTextOfEveryNumberTheGrammarAllows() throws Exception {
        for (String number : List.of("0", "-0", "7", "-12", "0.5", "-0.0", "1e5", "1E5", "1e+5", "1E-05", "10.25e-3",
                "123456789012345678901234567890", "0e0")) {
            assertEquals(new JsonNumber(number), JsonTree.parse(number), number);
            JsonArray array = assertInstanceOf(JsonArray.class, JsonTree.parse("[" + number + "," + number + "]"));
            assertEquals(List.of(new JsonNumber(number), new JsonNumber(number)), array.items());
        }
    }

    @Test
    void decodesEveryEscape() throws Exception {
        assertEquals(new JsonString("\" \\ / \b \f \n \r \t \u0000 \u001f é €"),
                JsonTree.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u001F \\u00e9 \\u20AC\""));
        assertEquals(new JsonString("\uD83D\uDE00"), JsonTree.parse("\"\\ud83d\\uDE00\""));
        assertEquals(1, ((JsonString) JsonTree.parse("\"\\ud83d\\uDE00\"")).value().codePointCount(0, 2));
    }

    @Test
    void keepsALoneEscapedSurrogateAsJacksonDoes() throws Exception {
        assertEquals(new JsonString("a\uD800b"), JsonTree.parse("\"a\\uD800b\""));
        assertEquals(new JsonString("\uDE00\uD83D"), JsonTree.parse("\"\\uDE00\\uD83D\""));
    }

    @Test
    void readsUtf8OfEveryLength() throws Exception {
        String text = "a\u007f\u0080\u00e9\u07ff\u0800\u20ac\uffff\uD800\uDC00\uD83D\uDE00\uDBFF\uDFFF";
        assertEquals(new JsonString(text), JsonTree.parse(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8)));
        JsonObject object = assertInstanceOf(JsonObject.class, JsonTree.parse("{\"" + text + "\":1}"));
        assertEquals(List.of(text), List.copyOf(object.members().keySet()));
    }

    @Test
    void skipsAUtf8ByteOrderMarkAtTheStartOnly() throws Exception {
        assertEquals("{}", JsonTree.compact(JsonTree.parse(bytes(0xEF, 0xBB, 0xBF, '{', '}'))));
        assertEquals("it is empty", refusal(bytes(0xEF, 0xBB, 0xBF, ' ')));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal(bytes(' ', 0xEF, 0xBB, 0xBF, '1')));
        assertEquals("it is not valid JSON (line 1, column 1)", refusal(bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, '1')));
        assertEquals(new JsonString("\uFEFF"), JsonTree.parse("\"\uFEFF\""));
    }

    @Test
    void refusesUtf16AndUtf32() {
        assertEquals("it is not valid JSON (line 1, column 1)", refusal("{}".getBytes(StandardCharsets.UTF_16)));
        assertEquals("it is not valid JSON (line 1, column 1)", refusal("{}".getBytes(StandardCharsets.UTF_16BE)));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal("{}".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void refusesMalformedUtf8WhereItsSequenceStarts() {
        int[][] sequences = {
            {0x80}, {0xBF}, // a continuation byte on its own
            {0xC0, 0xAF}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF}, {0xF0, 0x80, 0x80, 0xAF},
            {0xF0, 0x8F, 0xBF, 0xBF}, // overlong
            {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, // an encoded surrogate
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xFF}, // above U+10FFFF
            {0xC3, 0x41}, {0xE2, 0x82, 0x41}, {0xF0, 0x9F, 0x98, 0x41}, {0xC3, 0xC3, 0xA9}, // a continuation missing
        };
        for (int[] sequence : sequences) {
            byte[] document = new byte[sequence.length + 6];
            document[0] = '[';
            document[1] = '"';
            document[2] = (byte) 0xC3; // é, one character
            document[3] = (byte) 0xA9;
            for (int i = 0; i < sequence.length; i++) {
                document[4 + i] = (byte) sequence[i];
            }
            document[document.length - 2] = '"';
            document[document.length - 1] = ']';
            assertEquals("it is not valid JSON (line 1, column 4)", refusal(document), java.util.Arrays.toString(sequence));
        }
        assertEquals("it ends in the middle of a value (line 1, column 4)", refusal(bytes('"', 'a', 0xF0, 0x9F, 0x98)));
        assertEquals("it is not valid JSON (line 1, column 1)", refusal(bytes(0xC3, 0xA9)));
    }

    @Test
    void saysWhereTheFirstCharacterIsThatCannotBeJson() {
        String[][] cases = {
            {"[01]", "3"}, {"-01", "3"}, {"[+1]", "2"}, {"[.5]", "2"}, {"[1.]", "4"}, {"[1.e5]", "4"}, {"[1e]", "4"},
            {"[1e+]", "5"}, {"[-]", "3"}, {"[--1]", "3"}, {"[0x1F]", "3"}, {"NaN", "1"}, {"[-Infinity]", "3"},
            {"[Infinity]", "2"}, {"[nul]", "5"}, {"[True]", "2"}, {"[1,]", "4"}, {"[,1]", "2"}, {"[1 2]", "4"},
            {"{\"a\":1,}", "8"}, {"{,}", "2"}, {"{\"a\" 1}", "6"}, {"{\"a\":}", "6"}, {"{a:1}", "2"}, {"{'a':1}", "2"},
            {"['a']", "2"}, {"/* c */ 1", "1"}, {"# c\n1", "1"}, {"[1] // c", "5"}, {"\"a\tb\"", "3"},
            {"\"a\u0000\"", "3"}, {"\"a\u001fb\"", "3"}, {"\"\\x\"", "3"}, {"\"\\'\"", "3"}, {"\"\\U0041\"", "3"},
            {"\"\\u12g4\"", "6"}, {"\"\\u 123\"", "4"}, {"\"é\\é\"", "4"},
        };
        for (String[] c : cases) {
            String expected = c[0].startsWith("[1] // c") ? "there is more after the JSON value (line 1)"
                    : "it is not valid JSON (line 1, column " + c[1] + ")";
            assertEquals(expected, refusal(c[0]), c[0]);
        }
        assertEquals("it is not valid JSON (line 3, column 2)", refusal("[\r\n1,\r\n x]"));
        assertEquals("it is not valid JSON (line 4, column 1)", refusal("[\r1,\n\n]"));
        assertEquals("it is not valid JSON (line 2, column 2)", refusal("[\n\t\f1]"));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal("[\u00a01]"));
        assertEquals("it is not valid JSON (line 1, column 7)", refusal("[\"€😀\" x]"));
    }

    @Test
    void saysWhereTheInputEnds() {
        String[][] cases = {
            {"[1,", "1, column 4"}, {"{\"a\"", "1, column 5"}, {"{\"a\":", "1, column 6"}, {"\"abc", "1, column 5"},
            {"tru", "1, column 4"}, {"-", "1, column 2"}, {"1.", "1, column 3"}, {"1e-", "1, column 4"},
            {"\"\\u12", "1, column 6"}, {"\"\\", "1, column 3"}, {"{\n\"a\":[\n", "3, column 1"}, {"[\"é", "1, column 4"},
        };
        for (String[] c : cases) {
            assertEquals("it ends in the middle of a value (line " + c[1] + ")", refusal(c[0]), c[0]);
        }
    }

    @Test
    void refusesMoreAfterTheValue() {
        assertEquals("there is more after the JSON value (line 1)", refusal("1 2"));
        assertEquals("there is more after the JSON value (line 1)", refusal("{}{}"));
        assertEquals("there is more after the JSON value (line 1)", refusal("[1]]"));
        assertEquals("there is more after the JSON value (line 3)", refusal("[]\n\r\n x"));
        assertEquals("there is more after the JSON value (line 1)", refusal("\"a\"\u0000"));
    }

    @Test
    void refusesARepeatedMemberNameWhereItStarts() throws Exception {
        assertEquals("a member name appears twice in one object (line 1, column 8)", refusal("{\"a\":1,\"\\u0061\":2}"));
        assertEquals("a member name appears twice in one object (line 2, column 3)", refusal("{\"é\":{},\n  \"é\":[]}"));
        assertEquals("{\"a\":{\"a\":1},\"b\":[{\"a\":2},{\"a\":3}]}",
                JsonTree.compact(JsonTree.parse("{\"a\":{\"a\":1},\"b\":[{\"a\":2},{\"a\":3}]}")));
    }

    @Test
    void countsAScalarAsALevelOfNesting() throws Exception {
        String deep = "[".repeat(JsonTree.MAX_DEPTH - 1) + "7" + "]".repeat(JsonTree.MAX_DEPTH - 1);
        assertEquals(deep, JsonTree.compact(JsonTree.parse(deep)));
        assertEquals("it nests deeper than 64 levels", refusal("[" + deep + "]"));
        assertEquals("it nests deeper than 64 levels", refusal("{\"a\":".repeat(JsonTree.MAX_DEPTH) + "{}"));
        assertEquals("it ends in the middle of a value (line 1, column 65)", refusal("[".repeat(JsonTree.MAX_DEPTH)));
    }

    @Test
    void refusesWhatIsOverJacksonsLimitsWhereItStarts() throws Exception {
        String digits = "9".repeat(JsonReader.MAX_NUMBER_DIGITS);
        assertEquals(new JsonNumber("-" + digits), JsonTree.parse("-" + digits));
        assertEquals(new JsonNumber("0." + digits.substring(1)), JsonTree.parse("0." + digits.substring(1)));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal("[-" + digits + "9]"));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal("[1." + digits + "]"));
        assertEquals("it is not valid JSON (line 1, column 1)", refusal("1e" + digits));
        String name = "n".repeat(JsonReader.MAX_NAME_BYTES - 2);
        assertInstanceOf(JsonObject.class, JsonTree.parse("{\"" + name + "é\":1}"));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal("{\"" + name + "\\u00e9n\":1}"));
        assertEquals("it is not valid JSON (line 1, column 2)", refusal("{\"" + name + "\\u0800\":1}"));
    }

    @Test
    void refusesAnEmptyDocument() {
        for (String empty : new String[] {"", " ", "\n\r\n\t "}) {
            assertEquals("it is empty", refusal(empty));
        }
    }

    private static String compact(String document) throws MalformedJsonException {
        return JsonTree.compact(JsonTree.parse(document));
    }

    private static String refusal(String document) {
        return refusal(document.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(byte[] document) {
        return assertThrows(MalformedJsonException.class, () -> JsonTree.parse(document)).getMessage();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
