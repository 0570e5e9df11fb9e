package dev.vault.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a dotenv file: {@code KEY=VALUE} lines, an optional {@code export} prefix, blank lines and
 * {@code #} comments skipped, CRLF and a lone CR taken as LF (as python-dotenv and node's dotenv do), a
 * leading BOM ignored. A value is unquoted (trailing white
 * space and a {@code #comment} after white space dropped), single-quoted (literal), or double-quoted
 * ({@code \n \r \t \" \\ \$} escapes); quoted values may span lines. Values are taken as written: no
 * {@code $VAR} interpolation (docker compose would expand it). A key given twice keeps the last value.
 * Errors name the line, never a value.
 */
public final class EnvFile {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private EnvFile(String text, String source) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        this.text = unix.startsWith("\ufeff") ? unix.substring(1) : unix;
        this.source = source;
    }

    /** The variables of {@code text}, in file order. */
    public static Map<String, String> parse(String text, String source) throws VaultException {
        return new EnvFile(text, source).variables();
    }

    private Map<String, String> variables() throws VaultException {
        Map<String, String> variables = new LinkedHashMap<>();
        while (pos < text.length()) {
            skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '\n') {
                newline();
                continue;
            }
            if (c == '#') {
                skipToEndOfLine();
                continue;
            }
            if (text.startsWith("export ", pos) || text.startsWith("export\t", pos)) {
                pos += 7;
                skipBlanks();
            }
            int keyLine = line;
            String key = key();
            skipBlanks();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error(keyLine, "expected KEY=VALUE");
            }
            pos++;
            skipBlanks();
            variables.put(key, value(keyLine));
        }
        return variables;
    }

    private String key() throws VaultException {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.' || text.charAt(pos) == '-')) {
            pos++;
        }
        if (pos == start || Character.isDigit(text.charAt(start))) {
            throw error(line, "expected a variable name");
        }
        return text.substring(start, pos);
    }

    private String value(int keyLine) throws VaultException {
        if (pos >= text.length() || text.charAt(pos) == '\n') {
            return "";
        }
        char quote = text.charAt(pos);
        if (quote != '\'' && quote != '"') {
            int start = pos;
            int end = text.indexOf('\n', pos);
            end = end < 0 ? text.length() : end;
            String raw = text.substring(start, end);
            int comment = indexOfComment(raw);
            pos = end;
            return (comment >= 0 ? raw.substring(0, comment) : raw).stripTrailing();
        }
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(keyLine, "the quoted value has no closing " + quote);
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && quote == '"' && pos < text.length()) {
                char next = text.charAt(pos++);
                if (next == '\n') {
                    line++;
                }
                switch (next) {
                    case 'n': value.append('\n'); break;
                    case 'r': value.append('\r'); break;
                    case 't': value.append('\t'); break;
                    case '"': case '\\': case '$': value.append(next); break;
                    default: value.append('\\').append(next);
                }
                continue;
            }
            value.append(c);
        }
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == '#') {
            skipToEndOfLine();
        }
        if (pos < text.length() && text.charAt(pos) != '\n') {
            throw error(line, "unexpected text after the closing " + quote);
        }
        return value.toString();
    }

    /** Where an inline comment starts in an unquoted value: a '#' after white space. */
    private static int indexOfComment(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && i > 0 && Character.isWhitespace(raw.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void newline() {
        pos++;
        line++;
    }

    private VaultException error(int at, String what) {
        return VaultException.failed(source + ":" + at + ": " + what,
                "each line is KEY=VALUE, # comment, or blank; quote values with spaces or # in \"\" or ''");
    }
}
