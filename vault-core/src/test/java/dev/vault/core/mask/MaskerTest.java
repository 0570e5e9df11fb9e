package dev.vault.core.mask;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The masker: every form of every value, however the output is split into writes; exact bytes out. */
class MaskerTest {
    private static final String TOKEN = "tok-9f8e7d6c5b";

    @Test
    void aValueIsReplacedByItsMarkerAndEverythingElsePassesAsItCame() throws IOException {
        Masker masker = Masker.builder().add("API_TOKEN", bytes(TOKEN)).build();
        assertEquals("curl -H 'Authorization: Bearer [masked:API_TOKEN]' ok\n",
                mask(masker, "curl -H 'Authorization: Bearer " + TOKEN + "' ok\n"));
        assertEquals("[masked:API_TOKEN][masked:API_TOKEN]", mask(masker, TOKEN + TOKEN), "two touching matches");
        assertEquals("tok-9f8e7d6c5 tok-9f8e7d6c5", mask(masker, "tok-9f8e7d6c5 tok-9f8e7d6c5"),
                "a value cut short is not the value");
        assertFalse(masker.isEmpty());
        assertEquals(List.of(), masker.unmasked());
    }

    @Test
    void aValueLongerThanTheLimitIsNotMaskedAndSaysSo() throws IOException {
        byte[] big = new byte[Masker.MAX_LENGTH + 1];
        Arrays.fill(big, (byte) 'k');
        byte[] limit = Arrays.copyOf(big, Masker.MAX_LENGTH);
        Masker masker = Masker.builder().add("KEYSTORE", big).add("AT_LIMIT", limit).add("API_TOKEN", bytes(TOKEN)).build();
        assertEquals(List.of(new Masker.Unmasked("KEYSTORE", true, 0, true)), masker.unmasked());
        String atLimit = new String(limit, StandardCharsets.US_ASCII);
        assertEquals("x [masked:AT_LIMIT] [masked:API_TOKEN]\n", mask(masker, "x " + atLimit + " " + TOKEN + "\n"),
                "a value of exactly the limit is masked");
    }

    @Test
    void aValueSplitAcrossWritesIsMaskedAtEverySplitPoint() throws IOException {
        Masker masker = Masker.builder().add("API_TOKEN", bytes(TOKEN)).build();
        byte[] input = bytes("before " + TOKEN + " middle " + TOKEN + TOKEN.substring(0, 5) + " after\n");
        String expected = "before [masked:API_TOKEN] middle [masked:API_TOKEN]tok-9 after\n";
        for (int i = 0; i <= input.length; i++) {
            assertEquals(expected, text(mask(masker, input, i)), "split at " + i);
            for (int j = i; j <= input.length; j++) {
                assertEquals(expected, text(mask(masker, input, i, j)), "split at " + i + " and " + j);
            }
        }
        assertEquals(expected, text(maskInWritesOf(masker, input, 1)), "one byte per write");
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            assertEquals(expected, text(maskInRandomWrites(masker, input, random)), "round " + round);
        }
    }

    @Test
    void onlyBytesThatCouldStillBeginAMatchAreHeldBack() throws IOException {
        Masker masker = Masker.builder().add("SHORT", bytes("secret")).add("LONG", bytes("secret-extended")).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MaskingOutputStream stream = masker.filter(out);
        stream.write(bytes("log: secr"));
        assertEquals("log: ", out.toString(StandardCharsets.UTF_8));
        stream.write(bytes("et!"));
        assertEquals("log: [masked:SHORT]!", out.toString(StandardCharsets.UTF_8));
        stream.write(bytes(" secret-ext"));
        assertEquals("log: [masked:SHORT]! ", out.toString(StandardCharsets.UTF_8),
                "\"secret-ext\" may still become the longer value");
        stream.write(bytes("ended."));
        assertEquals("log: [masked:SHORT]! [masked:LONG].", out.toString(StandardCharsets.UTF_8));
        stream.write(bytes(" secret-ext"));
        stream.flush();
        assertEquals("log: [masked:SHORT]! [masked:LONG]. ", out.toString(StandardCharsets.UTF_8),
                "flush does not give up held bytes");
        stream.finish();
        assertEquals("log: [masked:SHORT]! [masked:LONG]. [masked:SHORT]-ext", out.toString(StandardCharsets.UTF_8));
        stream.write(bytes("tail sec"));
        stream.close();
        assertEquals("log: [masked:SHORT]! [masked:LONG]. [masked:SHORT]-exttail sec",
                out.toString(StandardCharsets.UTF_8), "close writes the held bytes as they are");
    }

    @Test
    void aValueThatIsAPrefixOfAnotherMasksTheLongerWhereItIsWhole() throws IOException {
        Masker masker = Masker.builder().add("SHORT", bytes("secret")).add("LONG", bytes("secret-extended")).build();
        assertEquals("[masked:LONG] [masked:SHORT]-ext [masked:SHORT]",
                mask(masker, "secret-extended secret-ext secret"));
        Masker reversed = Masker.builder().add("LONG", bytes("secret-extended")).add("SHORT", bytes("secret")).build();
        assertEquals("[masked:LONG] [masked:SHORT]-ext", mask(reversed, "secret-extended secret-ext"));
    }

    @Test
    void overlappingValuesMaskTheirUnionOnce() throws IOException {
        Masker masker = Masker.builder().add("A", bytes("abcdef12")).add("B", bytes("ef12ghij")).build();
        assertEquals("xx[masked:A]yy", mask(masker, "xxabcdef12ghijyy"), "B overlaps A: one run, named by A");
        assertEquals("xx[masked:A][masked:B]yy", mask(masker, "xxabcdef12ef12ghijyy"), "touching runs keep a marker each");
        assertEquals("[masked:B]cdef12", mask(masker, "ef12ghijcdef12"));
        Masker chain = Masker.builder().add("A", bytes("0123456")).add("B", bytes("456789A")).add("C", bytes("89ABCDE"))
                .build();
        assertEquals("<[masked:A]>", mask(chain, "<0123456789ABCDE>"), "a chain of overlaps is one run");
        byte[] input = bytes("<0123456789ABCDE>");
        for (int i = 0; i <= input.length; i++) {
            assertEquals("<[masked:A]>", text(mask(chain, input, i)), "split at " + i);
        }
    }

    @Test
    void eachLineOfAMultiLineValueIsMaskedOnItsOwn() throws IOException {
        String key = "-----BEGIN TEST KEY-----\r\nMIIBVwIBADANBgkqhkiG\r\n  9w0BAQEFAASCAT8w  \r\nab\r\n\r\n"
                + "-----END TEST KEY-----\r\n";
        Masker masker = Masker.builder().add("TLS_KEY", bytes(key)).build();
        assertEquals("[masked:TLS_KEY]", mask(masker, key));
        assertEquals("line 2: [masked:TLS_KEY]\nindented: \t[masked:TLS_KEY]\n", mask(masker,
                "line 2: MIIBVwIBADANBgkqhkiG\nindented: \t9w0BAQEFAASCAT8w\n"));
        assertEquals("[masked:TLS_KEY]\n[masked:TLS_KEY]\n[masked:TLS_KEY]\nab\n[masked:TLS_KEY]\n",
                mask(masker, key.replace("\r\n", "\n").replace("  ", "").replace("\n\n", "\n")),
                "the same key with LF line ends, one line at a time");
        assertEquals(List.of(new Masker.Unmasked("TLS_KEY", false, 1)), masker.unmasked(),
                "\"ab\" is too short to mask alone; the blank line is not counted");
    }

    @Test
    void aValueIsMaskedWithoutTheWhiteSpaceAroundIt() throws IOException {
        Masker masker = Masker.builder().add("PASSWORD", bytes("hunter22\n")).build();
        assertEquals("pw=[masked:PASSWORD];", mask(masker, "pw=hunter22;"));
        assertEquals("[masked:PASSWORD]", mask(masker, "hunter22\n"));
        assertEquals("[masked:PASSWORD]", mask(masker, b64("hunter22")), "base64 of the value as $(…) gives it");
    }

    @Test
    void base64OfTheValueAloneIsMaskedWithItsPadding() throws IOException {
        for (String value : new String[] {"hunter22", "hunter222", "hunter2222"}) {
            Masker masker = Masker.builder().add("PW", bytes(value)).build();
            byte[] raw = bytes(value);
            for (String encoded : new String[] {b64(value), Base64.getEncoder().withoutPadding().encodeToString(raw),
                    Base64.getUrlEncoder().encodeToString(raw), Base64.getUrlEncoder().withoutPadding().encodeToString(raw)}) {
                assertEquals("echo [masked:PW] | base64 -d\n", mask(masker, "echo " + encoded + " | base64 -d\n"),
                        value + " as " + encoded);
            }
        }
    }

    @Test
    void base64OfTheValueWithItsFirstOneOrTwoBytesDroppedIsMasked() throws IOException {
        for (String value : new String[] {"correct-horse-battery", "correct-horse-battery!", "correct-horse-battery!?"}) {
            Masker masker = Masker.builder().add("PW", bytes(value)).build();
            for (int drop = 1; drop <= 2; drop++) {
                byte[] rest = bytes(value.substring(drop));
                int end = 8 * rest.length / 6;
                for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder(),
                        Base64.getEncoder().withoutPadding()}) {
                    String encoded = encoder.encodeToString(rest);
                    assertEquals("x [masked:PW]" + encoded.substring(end) + " y", mask(masker, "x " + encoded + " y"),
                            value + " without its first " + drop + " as " + encoded);
                }
            }
        }
    }

    @Test
    void base64OfALargerBlobMasksEveryCharacterThatComesFromTheValueAtEachOffset() throws IOException {
        byte[] value = new byte[] {(byte) 0xfb, (byte) 0xff, 0x3e, 's', 'e', 'c', 'r', 'e', 't', '?', (byte) 0xbf, '~'};
        Masker masker = Masker.builder().add("BLOB", value).build();
        for (int before = 0; before <= 7; before++) {
            for (int after = 1; after <= 3; after++) {
                byte[] blob = new byte[before + value.length + after];
                Arrays.fill(blob, (byte) '.');
                System.arraycopy(value, 0, blob, before, value.length);
                int first = (8 * before + 5) / 6;
                int end = (8 * (before + value.length)) / 6;
                for (boolean urlSafe : new boolean[] {false, true}) {
                    String encoded = (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(blob);
                    String expected = encoded.substring(0, first) + "[masked:BLOB]" + encoded.substring(end);
                    assertEquals(expected, mask(masker, encoded), before + " bytes before, " + after + " after, "
                            + (urlSafe ? "URL-safe" : "standard"));
                    for (int split = 0; split <= encoded.length(); split++) {
                        assertEquals(expected, text(mask(masker, bytes(encoded), split)), "split at " + split);
                    }
                }
            }
        }
    }

    @Test
    void wrappedBase64OfALongValueIsMasked() throws IOException {
        byte[] value = new byte[120];
        new Random(5).nextBytes(value);
        Masker masker = Masker.builder().add("CERT", value).build();
        String coreutils = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(value) + "\n";
        assertEquals("[masked:CERT]\n", mask(masker, coreutils), "base64 wraps at 76 columns");
        String pem = "-----BEGIN X-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(value)
                + "\n-----END X-----\n";
        assertEquals("-----BEGIN X-----\n[masked:CERT]\n-----END X-----\n", mask(masker, pem), "PEM wraps at 64");
    }

    @Test
    void urlEncodingsAreMaskedInEitherCaseWithEitherSpace() throws IOException {
        String value = "p@ss w/rd:é+&~*";
        Masker masker = Masker.builder().add("DB_PASSWORD", bytes(value)).build();
        List<String> encodings = List.of(
                URLEncoder.encode(value, StandardCharsets.UTF_8),
                "p%40ss%20w%2Frd%3A%C3%A9%2B%26~%2A",
                "p%40ss%20w%2frd%3a%c3%a9%2b%26~%2a",
                "p%40ss+w%2Frd%3A%C3%A9%2B%26~%2A",
                "p%40ss%20w/rd%3A%C3%A9%2B%26~%2A",
                "p%40ss%20w%2Frd%3A%C3%A9%2B%26~*",
                "p@ss%20w/rd:%C3%A9+&~*");
        assertEquals("p%40ss+w%2Frd%3A%C3%A9%2B%26%7E*", encodings.get(0), "what Java's URLEncoder writes");
        for (String encoded : encodings) {
            assertEquals("postgres://app:[masked:DB_PASSWORD]@db/x", mask(masker, "postgres://app:" + encoded + "@db/x"),
                    encoded);
        }
    }

    @Test
    void jsonEscapesAreMaskedAsEncodersWriteThem() throws IOException {
        String value = "q\"b\\s/l\n\t\u0001<é😀";
        Masker masker = Masker.builder().add("API_KEY", bytes(value)).build();
        List<String> encodings = List.of(
                "q\\\"b\\\\s/l\\n\\t\\u0001<é😀",
                "q\\\"b\\\\s/l\\n\\t\\u0001<\\u00e9\\ud83d\\ude00",
                "q\\\"b\\\\s/l\\n\\t\\u0001<\\u00E9\\uD83D\\uDE00",
                "q\\\"b\\\\s\\/l\\n\\t\\u0001<é😀",
                "q\\\"b\\\\s/l\\n\\t\\u0001\\u003cé😀",
                "q\\\"b\\\\s/l\\n\\t\\u0001\\u003C\\u00E9\\uD83D\\uDE00");
        for (String encoded : encodings) {
            assertEquals("{\"key\":\"[masked:API_KEY]\"}", mask(masker, "{\"key\":\"" + encoded + "\"}"), encoded);
        }
    }

    @Test
    void coloursInvalidUtf8AndCarriageReturnsPassByteForByte() throws IOException {
        Masker masker = Masker.builder().add("API_TOKEN", bytes(TOKEN)).build();
        byte[] input = concat(bytes("\u001b[1;31merror\u001b[0m: \u001b[33m" + TOKEN + "\u001b[0m\r\n"),
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\r', 0, '\n'});
        byte[] expected = concat(bytes("\u001b[1;31merror\u001b[0m: \u001b[33m[masked:API_TOKEN]\u001b[0m\r\n"),
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\r', 0, '\n'});
        assertArrayEquals(expected, mask(masker, input));
        assertArrayEquals(expected, maskInWritesOf(masker, input, 1));
        Masker none = Masker.builder().build();
        assertTrue(none.isEmpty());
        assertArrayEquals(input, mask(none, input), "with nothing to mask every byte passes");
    }

    @Test
    void valuesTooShortToMaskAreReportedAndLeftAlone() throws IOException {
        Masker masker = Masker.builder().add("PIN", bytes("123")).add("BLANKISH", bytes(" ab \n")).add("OK", bytes("1234"))
                .build();
        assertEquals(List.of(new Masker.Unmasked("PIN", true, 0), new Masker.Unmasked("BLANKISH", true, 0)),
                masker.unmasked());
        assertEquals("123 ab [masked:OK]", mask(masker, "123 ab 1234"));
        assertTrue(Masker.builder().add("PIN", bytes("123")).build().isEmpty());
    }

    @Test
    void aRepetitiveInputFindsTheMatchAfterManyFalseStarts() throws IOException {
        Masker masker = Masker.builder().add("X", bytes("aaaab")).build();
        assertEquals("aaaaaaa[masked:X]aaa", mask(masker, "aaaaaaaaaaabaaa"));
        byte[] input = new byte[100_000];
        Arrays.fill(input, (byte) 'a');
        input[input.length - 1] = 'b';
        byte[] out = maskInWritesOf(masker, input, 7);
        assertEquals(input.length - 5 + "[masked:X]".length(), out.length);
        assertEquals("aaa[masked:X]", text(Arrays.copyOfRange(out, out.length - 13, out.length)));
    }

    @Test
    void agreesWithANaiveMaskerOnRandomValuesInputsAndWrites() throws IOException {
        Random random = new Random(2024);
        byte[] alphabet = bytes("ab+/=%\\\"\n");
        for (int round = 0; round < 300; round++) {
            Masker.Builder builder = Masker.builder();
            List<byte[]> values = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int v = 0; v < count; v++) {
                byte[] value = new byte[4 + random.nextInt(6)];
                for (int i = 0; i < value.length; i++) {
                    value[i] = alphabet[random.nextInt(alphabet.length)];
                }
                values.add(value);
                builder.add("V" + v, value);
            }
            Masker masker = builder.build();
            List<List<byte[]>> forms = new ArrayList<>();
            for (byte[] value : values) {
                forms.add(MaskForms.of(value).forms());
            }
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            while (input.size() < 300) {
                if (random.nextInt(4) == 0) {
                    List<byte[]> some = forms.get(random.nextInt(forms.size()));
                    if (!some.isEmpty()) {
                        input.writeBytes(some.get(random.nextInt(some.size())));
                    }
                } else {
                    input.write(alphabet[random.nextInt(alphabet.length)]);
                }
            }
            byte[] bytes = input.toByteArray();
            byte[] expected = naive(bytes, forms);
            assertEquals(text(expected), text(maskInRandomWrites(masker, bytes, random)), "round " + round);
        }
    }

    /**
     * The reference: every occurrence of every form, by brute force; overlapping ones joined, named by the
     * one that starts first (then the longest; then the value added first).
     */
    private static byte[] naive(byte[] input, List<List<byte[]>> forms) {
        List<long[]> matches = new ArrayList<>();
        for (int name = 0; name < forms.size(); name++) {
            for (byte[] form : forms.get(name)) {
                for (int at = 0; at + form.length <= input.length; at++) {
                    if (Arrays.equals(input, at, at + form.length, form, 0, form.length)) {
                        matches.add(new long[] {at, at + form.length, name});
                    }
                }
            }
        }
        matches.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
                : x[1] != y[1] ? Long.compare(y[1], x[1]) : Long.compare(x[2], y[2]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int m = 0;
        while (at < input.length) {
            if (m < matches.size() && matches.get(m)[0] == at) {
                long end = matches.get(m)[1];
                out.writeBytes(bytes("[masked:V" + matches.get(m)[2] + "]"));
                while (m < matches.size() && matches.get(m)[0] < end) {
                    end = Math.max(end, matches.get(m)[1]);
                    m++;
                }
                at = (int) end;
            } else {
                while (m < matches.size() && matches.get(m)[0] < at) {
                    m++;
                }
                if (m < matches.size() && matches.get(m)[0] == at) {
                    continue;
                }
                out.write(input[at++]);
            }
        }
        return out.toByteArray();
    }

    private static String mask(Masker masker, String input) throws IOException {
        return text(mask(masker, bytes(input)));
    }

    /** Masks {@code input} written in pieces split at {@code splits}. */
    private static byte[] mask(Masker masker, byte[] input, int... splits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MaskingOutputStream stream = masker.filter(out)) {
            int from = 0;
            for (int split : splits) {
                stream.write(input, from, split - from);
                from = split;
            }
            stream.write(input, from, input.length - from);
        }
        return out.toByteArray();
    }

    private static byte[] maskInWritesOf(Masker masker, byte[] input, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MaskingOutputStream stream = masker.filter(out)) {
            for (int from = 0; from < input.length; from += size) {
                if (size == 1) {
                    stream.write(input[from]);
                } else {
                    stream.write(input, from, Math.min(size, input.length - from));
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] maskInRandomWrites(Masker masker, byte[] input, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MaskingOutputStream stream = masker.filter(out)) {
            int from = 0;
            while (from < input.length) {
                int size = Math.min(input.length - from, random.nextInt(random.nextBoolean() ? 4 : 40));
                stream.write(input, from, size);
                from += size;
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
