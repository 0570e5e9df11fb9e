package dev.vault.core.manifest;

import com.fasterxml.jackson.core.JsonToken;

import java.util.List;

/** A node of a parsed YAML document with where it stands in the text (lines and columns from 1). */
abstract class YamlNode {
    final int line;
    final int column;
    /** The last line of this node's text, for splicing edits; for an empty value, its key's line. */
    final int endLine;

    YamlNode(int line, int column, int endLine) {
        this.line = line;
        this.column = column;
        this.endLine = endLine;
    }

    abstract String describe();

    /** A scalar: its text as written and the token type the parser gave it (string, number, boolean, null). */
    static final class Scalar extends YamlNode {
        final String text;
        final JsonToken type;

        Scalar(String text, JsonToken type, int line, int column, int endLine) {
            super(line, column, endLine);
            this.text = text;
            this.type = type;
        }

        boolean isEmpty() {
            return type == JsonToken.VALUE_NULL && text.isEmpty();
        }

        @Override
        String describe() {
            switch (type) {
                case VALUE_STRING:
                    return "text";
                case VALUE_NULL:
                    return "nothing";
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return "a boolean";
                default:
                    return "a number";
            }
        }
    }

    /** A mapping, in the order its keys were written. */
    static final class Mapping extends YamlNode {
        final List<Entry> entries;
        final boolean flow;

        Mapping(List<Entry> entries, boolean flow, int line, int column, int endLine) {
            super(line, column, endLine);
            this.entries = entries;
            this.flow = flow;
        }

        Entry entry(String key) {
            for (Entry entry : entries) {
                if (entry.key.equals(key)) {
                    return entry;
                }
            }
            return null;
        }

        @Override
        String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    static final class Sequence extends YamlNode {
        final List<YamlNode> items;
        final boolean flow;

        Sequence(List<YamlNode> items, boolean flow, int line, int column, int endLine) {
            super(line, column, endLine);
            this.items = items;
            this.flow = flow;
        }

        @Override
        String describe() {
            return "a list";
        }
    }

    /** One key of a mapping and its value; {@link #lastLine()} is where the pair's text ends. */
    static final class Entry {
        final String key;
        final int line;
        final int column;
        final YamlNode value;

        Entry(String key, int line, int column, YamlNode value) {
            this.key = key;
            this.line = line;
            this.column = column;
            this.value = value;
        }

        int lastLine() {
            return Math.max(line, value.endLine);
        }
    }
}
