package dev.vault.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser; no data binding. */
final class YamlTreeReader {
    private final String[] lines;
    private final JsonParser parser;

    private YamlTreeReader(String text) throws IOException {
        this.lines = text.split("\n", -1);
        this.parser = new YAMLFactory().createParser(text);
    }

    /** Parses a whole document; an empty document gives null. */
    static YamlNode read(String text) throws YamlException {
        try {
            YamlTreeReader reader = new YamlTreeReader(text);
            JsonToken first = reader.parser.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = reader.value(first, 0);
            if (reader.parser.nextToken() != null) {
                JsonLocation at = reader.parser.currentTokenLocation();
                throw new YamlException(at.getLineNr(), at.getColumnNr(), "only one YAML document is allowed",
                        "keep one document: remove the \"---\" line and what follows it, or merge the two");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw YamlProblem.of(e);
        } catch (IOException e) {
            throw new YamlException(1, 1, "not readable: " + e.getMessage());
        }
    }

    private YamlNode value(JsonToken token, int keyLine) throws IOException, YamlException {
        JsonLocation start = parser.currentTokenLocation();
        int line = start.getLineNr();
        int column = start.getColumnNr();
        switch (token) {
            case START_OBJECT:
                return mapping(line, column, keyLine);
            case START_ARRAY:
                return sequence(line, column, keyLine);
            default:
                String text = parser.getText();
                int endLine = scalarEndLine(token, text, keyLine);
                return new YamlNode.Scalar(text, token, line, column, endLine);
        }
    }

    private YamlNode.Mapping mapping(int line, int column, int keyLine) throws IOException, YamlException {
        boolean flow = startsWith(line, column, '{');
        List<YamlNode.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int endLine = keyLine;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            JsonLocation at = parser.currentTokenLocation();
            String key = parser.getText();
            if (!keys.add(key)) {
                throw new YamlException(at.getLineNr(), at.getColumnNr(), "duplicate key \"" + key + "\"",
                        "merge the two into one");
            }
            YamlNode value = value(parser.nextToken(), at.getLineNr());
            YamlNode.Entry entry = new YamlNode.Entry(key, at.getLineNr(), at.getColumnNr(), value);
            entries.add(entry);
            endLine = Math.max(endLine, entry.lastLine());
        }
        if (flow) {
            endLine = Math.max(endLine, parser.currentLocation().getLineNr());
        }
        return new YamlNode.Mapping(List.copyOf(entries), flow, line, column, endLine);
    }

    private YamlNode.Sequence sequence(int line, int column, int keyLine) throws IOException, YamlException {
        boolean flow = startsWith(line, column, '[');
        List<YamlNode> items = new ArrayList<>();
        int endLine = keyLine;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            YamlNode item = value(token, parser.currentTokenLocation().getLineNr());
            items.add(item);
            endLine = Math.max(endLine, item.endLine);
        }
        if (flow) {
            endLine = Math.max(endLine, parser.currentLocation().getLineNr());
        }
        return new YamlNode.Sequence(List.copyOf(items), flow, line, column, endLine);
    }

    /** The last line a scalar's text occupies: block scalars end at column 1 of the line after, blank lines trimmed. */
    private int scalarEndLine(JsonToken token, String text, int keyLine) {
        if (token == JsonToken.VALUE_NULL && text.isEmpty()) {
            return keyLine;
        }
        JsonLocation end = parser.currentLocation();
        int endLine = end.getLineNr();
        if (end.getColumnNr() == 1 && endLine > keyLine) {
            endLine--;
        }
        while (endLine > keyLine && endLine - 1 < lines.length && lines[endLine - 1].isBlank()) {
            endLine--;
        }
        return endLine;
    }

    private boolean startsWith(int line, int column, char expected) {
        if (line < 1 || line > lines.length) {
            return false;
        }
        String text = lines[line - 1];
        return column >= 1 && column <= text.length() && text.charAt(column - 1) == expected;
    }
}
