package dev.vault.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;

import dev.vault.core.json.JsonValue.JsonArray;
import dev.vault.core.json.JsonValue.JsonBoolean;
import dev.vault.core.json.JsonValue.JsonNull;
import dev.vault.core.json.JsonValue.JsonNumber;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link JsonReader} against jackson-core, which JsonTree read with before (its code is kept here as the
 * reference): on generated, mutated, random and exhaustively enumerated documents both must accept the same
 * ones, into the same tree. The one difference allowed is the one JsonReader documents: it refuses what is
 * not well-formed UTF-8, which jackson reads (in strings) or takes for UTF-16 or UTF-32.
 */
class JsonReaderAgainstJacksonTest {
    private static final JsonFactory JACKSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Bytes that matter to a JSON reader: structure, literals, numbers, controls, UTF-8 leads and tails. */
    private static final byte[] INTERESTING = bytes("{}[],:\"\\/ \t\n\r0123456789-+.eEtrufalsnx'#*aAbBuU",
            0x00, 0x01, 0x08, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF,
            0xF0, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF);

    private int documents;
    private int accepted;
    private int utf8Differences; // refused here for their UTF-8, accepted by jackson or read by it as UTF-16/32

    @Test
    void agreesOnGeneratedDocumentsAndTheirMutations() {
        Random random = new Random(8259);
        for (int i = 0; i < 10_000; i++) {
            byte[] document = new Generator(random, 1 + random.nextInt(8)).document();
            check(document);
            for (int m = 0; m < 4; m++) {
                check(mutate(random, document, 1 + random.nextInt(3)));
            }
        }
        assertTrue(accepted > 15_000 && accepted < documents - 15_000, accepted + " of " + documents + " accepted");
    }

    @Test
    void agreesOnDeepNesting() {
        Random random = new Random(64);
        for (int depth = JsonTree.MAX_DEPTH - 3; depth <= JsonTree.MAX_DEPTH + 3; depth++) {
            for (int i = 0; i < 300; i++) {
                StringBuilder open = new StringBuilder();
                StringBuilder close = new StringBuilder();
                for (int d = 0; d < depth; d++) {
                    if (random.nextBoolean()) {
                        open.append(random.nextBoolean() ? "[" : "[1, ");
                        close.insert(0, "]");
                    } else {
                        open.append("{\"k\": ");
                        close.insert(0, "}");
                    }
                }
                String inner = random.nextInt(3) == 0 ? "" : new Generator(random, 2).text();
                byte[] document = (open + inner + close).getBytes(StandardCharsets.UTF_8);
                check(document);
                check(mutate(random, document, 1));
            }
        }
    }

    @Test
    void agreesOnRandomBytes() {
        Random random = new Random(3629);
        for (int i = 0; i < 50_000; i++) {
            byte[] document = new byte[random.nextInt(12)];
            for (int j = 0; j < document.length; j++) {
                document[j] = i % 4 == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
            }
            check(document);
        }
    }

    @Test
    void agreesOnEveryShortDocument() {
        byte[] alphabet = bytes("{}[],:\"\\0-.e tu\n", 0xC3, 0xA9);
        for (int length = 0; length <= 4; length++) {
            for (int n = 0; n < Math.pow(alphabet.length, length); n++) {
                byte[] document = new byte[length];
                for (int j = 0, rest = n; j < length; j++, rest /= alphabet.length) {
                    document[j] = alphabet[rest % alphabet.length];
                }
                check(document);
            }
        }
    }

    @Test
    void agreesOnEveryShortNumber() {
        byte[] alphabet = bytes("019-+.eE");
        for (int length = 1; length <= 5; length++) {
            for (int n = 0; n < Math.pow(alphabet.length, length); n++) {
                StringBuilder number = new StringBuilder();
                for (int j = 0, rest = n; j < length; j++, rest /= alphabet.length) {
                    number.append((char) alphabet[rest % alphabet.length]);
                }
                check(number.toString().getBytes(StandardCharsets.US_ASCII));
                check(("[" + number + "]").getBytes(StandardCharsets.US_ASCII));
                check(("{\"n\":" + number + " }").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void agreesOnEveryEscape() {
        for (int b = 0; b < 256; b++) {
            check(concat(bytes("\"\\"), new byte[] {(byte) b}, bytes("\"")));
            check(concat(bytes("{\"\\"), new byte[] {(byte) b}, bytes("\":1}")));
        }
        String[] units = {"0000", "001f", "0020", "0041", "00e9", "00E9", "20AC", "d800", "D83D", "dbff", "dc00",
            "DE00", "dfff", "e000", "fffe", "FFFF", "12g4", "12", "+123", " 123"};
        for (String first : units) {
            check(bytes("\"\\u" + first + "\""));
            for (String second : units) {
                check(bytes("\"\\u" + first + "\\u" + second + "\""));
                check(bytes("{\"\\u" + first + "\\u" + second + "\":\"x\\u" + second + "\"}"));
            }
        }
    }

    @Test
    void agreesOnEveryUtf8SequenceButTheOnesJacksonLetsThrough() {
        int[] tails = {0x22, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
        for (int lead = 0x80; lead <= 0xFF; lead++) {
            for (int second : tails) {
                for (int third : new int[] {0x80, 0xBF, 0x41}) {
                    for (int fourth : new int[] {0x80, 0xBF, 0x22}) {
                        byte[] sequence = {(byte) lead, (byte) second, (byte) third, (byte) fourth};
                        check(concat(bytes("\""), sequence, bytes("\"")));
                        check(concat(bytes("[\"a"), sequence, bytes("b\"]")));
                        check(concat(bytes("{\""), sequence, bytes("\":0}")));
                        check(concat(bytes("\""), java.util.Arrays.copyOf(sequence, 2)));
                        check(concat(sequence, bytes(" 1")));
                    }
                }
            }
        }
        // overlong forms, encoded surrogates and F4 90 80 80 and above, in strings
        assertTrue(utf8Differences > 100, utf8Differences + " documents");
    }

    @Test
    void agreesOnByteOrderMarksAndOtherEncodings() {
        byte[] bom = bytes("", 0xEF, 0xBB, 0xBF);
        for (String text : new String[] {"", " ", "1", "{}", "[\"\uFEFF\"]", "\uFEFF1", " \uFEFF1"}) {
            check(bytes(text));
            check(concat(bom, bytes(text)));
            check(concat(bom, bom, bytes(text)));
            check(text.getBytes(StandardCharsets.UTF_16BE));
            check(text.getBytes(StandardCharsets.UTF_16LE));
            check(text.getBytes(StandardCharsets.UTF_16));
            check(text.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
            check(text.getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
        }
        assertTrue(utf8Differences > 10, utf8Differences + " documents");
    }

    @Test
    void agreesAtTheLengthLimits() {
        for (int digits : new int[] {JsonReader.MAX_NUMBER_DIGITS, JsonReader.MAX_NUMBER_DIGITS + 1}) {
            String many = "7".repeat(digits);
            check(bytes(many));
            check(bytes("[-" + many + "]"));
            check(bytes("-1." + many.substring(1)));
            check(bytes("1." + many.substring(2) + "e+5"));
            check(bytes("[1" + many.substring(2) + "E-05]"));
            check(bytes("0." + many.substring(1)));
        }
        for (int bytes : new int[] {JsonReader.MAX_NAME_BYTES, JsonReader.MAX_NAME_BYTES + 1}) {
            checkName("a".repeat(bytes));
            checkName("\u00e9".repeat(bytes / 2) + "a".repeat(bytes % 2));
            checkName("\\u00e9".repeat(bytes / 2) + "a".repeat(bytes % 2));
            checkName("\u20ac".repeat(bytes / 3) + "a".repeat(bytes % 3));
            checkName("\\u20ac".repeat(bytes / 3) + "a".repeat(bytes % 3));
            checkName("\uD83D\uDE00".repeat(bytes / 4) + "a".repeat(bytes % 4));
            checkName("\\ud83d\\ude00".repeat(bytes / 6) + "a".repeat(bytes % 6));
            checkName("\\n".repeat(bytes));
        }
        for (int units : new int[] {JsonReader.MAX_STRING_UNITS, JsonReader.MAX_STRING_UNITS + 1}) {
            check(bytes("[\"" + "s".repeat(units) + "\"]"));
        }
        // a character outside the BMP is two units
        check(bytes("\"" + "\uD83D\uDE00".repeat(JsonReader.MAX_STRING_UNITS / 2) + "x\""));
    }

    private void checkName(String name) {
        check(bytes("{\"" + name + "\":1}"));
    }

    /** One document through both readers; fails unless they agree as the class comment says. */
    private void check(byte[] document) {
        documents++;
        Object ours;
        try {
            ours = JsonReader.read(document);
        } catch (JsonTree.MalformedJsonException e) {
            ours = e.getMessage();
        }
        Object theirs = jackson(document);
        boolean jacksonOnly = theirs instanceof JsonValue && !wellFormedUtf8(document) || theirs == OTHER_ENCODING;
        if (ours instanceof JsonValue) {
            accepted++;
            if (!(theirs instanceof JsonValue) || jacksonOnly) {
                fail("only JsonReader accepts " + show(document) + "; jackson: " + theirs);
            }
            assertEquals(shape((JsonValue) theirs), shape((JsonValue) ours), show(document));
        } else if (theirs instanceof JsonValue && !jacksonOnly) {
            fail("only jackson accepts " + show(document) + "; JsonReader: " + ours);
        } else if (jacksonOnly) {
            utf8Differences++;
        }
    }

    private static final String OTHER_ENCODING = "jackson read it as UTF-16 or UTF-32";

    /** What JsonTree.parse did before JsonReader: a JsonValue, or the reason jackson refused. */
    private static Object jackson(byte[] document) {
        try (JsonParser parser = JACKSON.createParser(document)) {
            if (!(parser instanceof UTF8StreamJsonParser)) {
                return OTHER_ENCODING;
            }
            JsonToken first = parser.nextToken();
            if (first == null) {
                return "it is empty";
            }
            JsonValue value = read(parser, first, 1);
            return parser.nextToken() == null ? value : "there is more after the JSON value";
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static JsonValue read(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > JsonTree.MAX_DEPTH) {
            throw new JsonProcessingException("it nests deeper than 64 levels") { };
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
                throw new IllegalStateException(token.toString());
        }
    }

    private static boolean wellFormedUtf8(byte[] document) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A tree as text that shows every type, member order and UTF-16 unit. */
    private static String shape(JsonValue value) {
        StringBuilder out = new StringBuilder();
        shape(value, out);
        return out.toString();
    }

    private static void shape(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                units(member.getKey(), out.append("name:"));
                shape(member.getValue(), out.append('='));
                out.append(';');
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            for (JsonValue item : array.items()) {
                shape(item, out);
                out.append(';');
            }
            out.append(']');
        } else if (value instanceof JsonString string) {
            units(string.value(), out.append("string:"));
        } else if (value instanceof JsonNumber number) {
            out.append("number:").append(number.text());
        } else {
            out.append(value);
        }
    }

    private static void units(String text, StringBuilder out) {
        out.append(text.length()).append(':');
        for (int i = 0; i < Math.min(text.length(), 200); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("<%04x>", (int) c));
        }
        out.append(text.length() > 200 ? "…:" + text.hashCode() : "");
    }

    private static byte[] mutate(Random random, byte[] document, int times) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : document) {
            bytes.add(b);
        }
        for (int t = 0; t < times; t++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
            byte some = INTERESTING[random.nextInt(INTERESTING.length)];
            switch (random.nextInt(6)) {
                case 0 -> bytes.add(at, some);
                case 1 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                case 2 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, some);
                    }
                }
                case 3 -> bytes.subList(at, bytes.size()).clear();
                case 4 -> {
                    int to = at + random.nextInt(Math.min(8, bytes.size() - at + 1));
                    bytes.addAll(at, new ArrayList<>(bytes.subList(at, to)));
                }
                default -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) random.nextInt(256));
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        Iterator<Byte> each = bytes.iterator();
        for (int i = 0; i < out.length; i++) {
            out[i] = each.next();
        }
        return out;
    }

    /** Random well-formed JSON text (but for the duplicate member names it may write). */
    private static final class Generator {
        private static final String[] WHITESPACE = {"", "", "", " ", "\n", "\r\n", "\t", "\r", " \n  "};
        private static final String[] NAMES = {"a", "b", "command", "tool_input", "\\u0061", "\u00e9", "\\u00e9", ""};
        private static final String[] CHARACTERS = {"a", "Z", " ", "~", "\u007f", "\\\"", "\\\\", "\\/", "\\b",
            "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u001F", "\\u00e9", "\\uD83D\\uDE00", "\\ud800", "\\udfff",
            "\\uDBFF\\uDFFF", "\u0080", "\u00e9", "\u07ff", "\u0800", "\u20ac", "\uffff", "\ue000", "\uD83D\uDE00",
            "\uDBFF\uDFFF", "\uFEFF", "'", "/", "*"};
        private final Random random;
        private final int maxDepth;
        private final StringBuilder out = new StringBuilder();

        Generator(Random random, int maxDepth) {
            this.random = random;
            this.maxDepth = maxDepth;
        }

        byte[] document() {
            return text().getBytes(StandardCharsets.UTF_8);
        }

        String text() {
            space();
            value(0);
            space();
            return out.toString();
        }

        private void value(int depth) {
            int kind = random.nextInt(depth >= maxDepth ? 6 : 9);
            switch (kind) {
                case 0, 1 -> string();
                case 2, 3 -> number();
                case 4 -> out.append(random.nextBoolean() ? "true" : "false");
                case 5 -> out.append("null");
                case 6, 7 -> {
                    out.append('{');
                    int members = random.nextInt(4);
                    for (int i = 0; i < members; i++) {
                        space();
                        out.append('"').append(NAMES[random.nextInt(NAMES.length)]);
                        if (random.nextInt(3) == 0) {
                            out.append(i);
                        }
                        out.append('"');
                        space();
                        out.append(':');
                        space();
                        value(depth + 1);
                        space();
                        out.append(i + 1 < members ? "," : "");
                    }
                    space();
                    out.append('}');
                }
                default -> {
                    out.append('[');
                    int items = random.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        space();
                        value(depth + 1);
                        space();
                        out.append(i + 1 < items ? "," : "");
                    }
                    space();
                    out.append(']');
                }
            }
        }

        private void string() {
            out.append('"');
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                out.append(CHARACTERS[random.nextInt(CHARACTERS.length)]);
            }
            out.append('"');
        }

        private void number() {
            out.append(random.nextInt(3) == 0 ? "-" : "");
            out.append(random.nextInt(4) == 0 ? "0" : String.valueOf(1 + random.nextInt(999)) + digits(random.nextInt(3) * 7));
            if (random.nextInt(3) == 0) {
                out.append('.').append(digits(1 + random.nextInt(5)));
            }
            if (random.nextInt(3) == 0) {
                out.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                        .append(digits(1 + random.nextInt(3)));
            }
        }

        private String digits(int count) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        }

        private void space() {
            out.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
        }
    }

    private static byte[] bytes(String text, int... more) {
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + more.length);
        for (int i = 0; i < more.length; i++) {
            all[head.length + i] = (byte) more[i];
        }
        return all;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String show(byte[] document) {
        StringBuilder out = new StringBuilder("document of " + document.length + " bytes: ");
        for (int i = 0; i < Math.min(document.length, 120); i++) {
            int b = document[i] & 0xFF;
            out.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("<%02x>", b));
        }
        return out.toString();
    }
}
