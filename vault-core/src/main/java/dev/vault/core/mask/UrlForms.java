package dev.vault.core.mask;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * How a value looks percent-encoded, as common encoders write it: each keeps letters, digits and a set
 * of punctuation of its own, and writes every other byte as {@code %XX} (upper or lower case hex), a
 * space as {@code %20} or {@code +}.
 */
final class UrlForms {
    /** Encoders: the punctuation each leaves as it is, and whether a space becomes '+'. */
    private enum Style {
        /** RFC 3986 unreserved characters only (Go url.PathEscape, curl, most libraries). */
        RFC3986("-._~", false),
        /** Form encoding of the same (Go url.QueryEscape, Python quote_plus). */
        RFC3986_FORM("-._~", true),
        /** Python urllib.parse.quote: '/' is safe by default. */
        PYTHON_QUOTE("-._~/", false),
        /** JavaScript encodeURIComponent. */
        URI_COMPONENT("-._~!'()*", false),
        /** JavaScript encodeURI: reserved characters are kept too. */
        URI("-._~!'()*;,/?:@&=+$#", false),
        /** Java URLEncoder and HTML forms (application/x-www-form-urlencoded). */
        FORM("-._*", true);

        private final String keep;
        private final boolean plusForSpace;

        Style(String keep, boolean plusForSpace) {
            this.keep = keep;
            this.plusForSpace = plusForSpace;
        }
    }

    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER = "0123456789abcdef".toCharArray();

    private UrlForms() {
    }

    static void of(byte[] value, Consumer<byte[]> forms) {
        for (Style style : Style.values()) {
            forms.accept(encode(value, style, UPPER));
            forms.accept(encode(value, style, LOWER));
        }
    }

    private static byte[] encode(byte[] value, Style style, char[] hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length * 3);
        for (byte b : value) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c < 0x80 && style.keep.indexOf(c) >= 0) {
                out.write(c);
            } else if (c == ' ' && style.plusForSpace) {
                out.write('+');
            } else {
                out.write('%');
                out.write(hex[c >> 4]);
                out.write(hex[c & 0xf]);
            }
        }
        return out.toByteArray();
    }
}
