package dev.vault.core.manifest;

import dev.vault.core.VaultException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits manifest text where the vault must (a new identity, a new secret, a changed purpose or env) and
 * leaves every other line as the user wrote it: comments, order and formatting survive. Each edit returns
 * new text, which the caller reads again before writing it.
 */
public final class ManifestEditor {
    private ManifestEditor() {
    }

    /** Adds an identity; the caller has checked that the name is free. */
    public static String addIdentity(Manifest manifest, String name, String recipient, String note)
            throws VaultException {
        List<String> fields = new ArrayList<>();
        fields.add("recipient: " + recipient);
        if (note != null) {
            fields.add("note: " + quote(note));
        }
        return addEntry(manifest, "identities", name, fields);
    }

    /**
     * Sets fields of a secret's entry to YAML values already written out (see {@link #quote},
     * {@link #flowList}, or a date), adding the entry when there is none.
     */
    public static String setSecretYaml(Manifest manifest, String name, Map<String, String> rendered)
            throws VaultException {
        if (secretFields(manifest, name) == null) {
            List<String> lines = new ArrayList<>();
            rendered.forEach((key, value) -> lines.add(key + ": " + value));
            return addEntry(manifest, "secrets", name, lines);
        }
        String text = manifest.text();
        for (Map.Entry<String, String> field : rendered.entrySet()) {
            Manifest current = ManifestReader.read(text, "manifest");
            text = setField(current.text(), secretFields(current, name), field.getKey(), field.getValue());
        }
        return text;
    }

    /**
     * Sets a list field of an existing secret's entry to {@code items}. A block list written one item a
     * line gains and loses only the lines of the items added and removed, so comments beside the others
     * stay; any other form, or a list that becomes empty, is written again as {@code [a, b]}.
     */
    public static String setSecretList(Manifest manifest, String name, String key, List<String> items)
            throws VaultException {
        YamlNode.Mapping fields = secretFields(manifest, name);
        if (fields == null) {
            throw VaultException.failed("the manifest has no entry for \"" + name + "\"");
        }
        YamlNode.Entry existing = fields.entry(key);
        if (existing != null && existing.value instanceof YamlNode.Sequence && !items.isEmpty()) {
            String edited = editBlockList(manifest.text(), (YamlNode.Sequence) existing.value, items);
            if (edited != null) {
                return edited;
            }
        }
        return setField(manifest.text(), fields, key, flowList(items));
    }

    private static YamlNode.Mapping secretFields(Manifest manifest, String name) {
        YamlNode.Entry section = manifest.root().entry("secrets");
        YamlNode.Entry entry = section != null && section.value instanceof YamlNode.Mapping
                ? ((YamlNode.Mapping) section.value).entry(name) : null;
        return entry != null && entry.value instanceof YamlNode.Mapping ? (YamlNode.Mapping) entry.value : null;
    }

    /** Line edits of a block list, or null when the list is not written one plain item a line. */
    private static String editBlockList(String text, YamlNode.Sequence list, List<String> items) {
        if (list.flow || list.items.isEmpty()) {
            return null;
        }
        List<String> lines = lines(text);
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        int previous = -1;
        for (YamlNode node : list.items) {
            if (!(node instanceof YamlNode.Scalar) || node.line == previous || node.endLine != node.line) {
                return null;
            }
            String line = lines.get(node.line - 1);
            String item = ((YamlNode.Scalar) node).text;
            String rest = line.substring(Math.min(line.length(), node.column - 1));
            if (!line.substring(0, Math.min(line.length(), node.column - 1)).trim().equals("-")
                    || !(rest.startsWith(item) || rest.startsWith(quote(item)) || rest.startsWith("'" + item + "'"))) {
                return null;
            }
            lineOf.put(item, node.line - 1);
            previous = node.line;
        }
        YamlNode last = list.items.get(list.items.size() - 1);
        String prefix = lines.get(last.line - 1).substring(0, last.column - 1);
        List<String> added = new ArrayList<>();
        for (String item : items) {
            if (!lineOf.containsKey(item)) {
                added.add(prefix + plainOrQuoted(item));
            }
        }
        lines.addAll(last.line, added);
        List<Integer> removed = new ArrayList<>();
        lineOf.forEach((item, index) -> {
            if (!items.contains(item)) {
                removed.add(index);
            }
        });
        removed.sort(null);
        for (int i = removed.size() - 1; i >= 0; i--) {
            lines.remove((int) removed.get(i));
        }
        return String.join("\n", lines);
    }

    /** A YAML flow list of names: [a, b]. */
    public static String flowList(List<String> items) {
        List<String> rendered = new ArrayList<>();
        for (String item : items) {
            rendered.add(plainOrQuoted(item));
        }
        return "[" + String.join(", ", rendered) + "]";
    }

    /** A name as a plain scalar when YAML reads it back as that text, else quoted. */
    private static String plainOrQuoted(String item) {
        boolean plain = item.matches("[a-z][a-z0-9._/-]*")
                && !List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n").contains(item);
        return plain ? item : quote(item);
    }

    private static String setField(String text, YamlNode.Mapping fields, String key, String rendered)
            throws VaultException {
        requireBlock(fields, key);
        List<String> lines = lines(text);
        YamlNode.Entry existing = fields.entry(key);
        if (existing != null) {
            int first = existing.line - 1;
            int last = existing.lastLine() - 1;
            String comment = first == last ? trailingComment(lines.get(first), existing) : "";
            lines.subList(first, last + 1).clear();
            lines.add(first, spaces(existing.column - 1) + key + ": " + rendered + comment);
        } else {
            int indent = fields.entries.get(0).column - 1;
            lines.add(fields.endLine, spaces(indent) + key + ": " + rendered);
        }
        return String.join("\n", lines);
    }

    /**
     * The comment after a one-line value, with the space before it ("" when none), so that replacing the
     * value keeps it: {@code rotated: 2026-01-01   # by hand}.
     */
    private static String trailingComment(String line, YamlNode.Entry entry) {
        int at = entry.value.column - 1;
        if (entry.value.line != entry.line || at < 0 || at > line.length()) {
            return "";
        }
        char open = at < line.length() ? line.charAt(at) : ' ';
        int after = at;
        if (open == '"' || open == '\'') {
            after = at + 1;
            while (after < line.length() && line.charAt(after) != open) {
                after += open == '"' && line.charAt(after) == '\\' ? 2 : 1;
            }
            after++;
        } else if (open == '[' || open == '{') {
            after = line.indexOf(open == '[' ? ']' : '}', at) + 1;
        }
        for (int i = Math.max(after, at); i < line.length(); i++) {
            if (line.charAt(i) == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                int start = i - 1;
                while (start > 0 && Character.isWhitespace(line.charAt(start - 1))) {
                    start--;
                }
                return line.substring(start);
            }
        }
        return "";
    }

    private static String addEntry(Manifest manifest, String sectionKey, String key, List<String> fields)
            throws VaultException {
        List<String> lines = lines(manifest.text());
        YamlNode.Entry section = manifest.root().entry(sectionKey);
        int at;
        int indent;
        if (section == null) {
            at = lines.isEmpty() || !lines.get(lines.size() - 1).isEmpty() ? lines.size() : lines.size() - 1;
            lines.add(at++, sectionKey + ":");
            indent = 2;
        } else if (isEmpty(section.value)) {
            int first = section.line - 1;
            lines.subList(first, section.lastLine()).clear();
            lines.add(first, spaces(section.column - 1) + sectionKey + ":");
            at = first + 1;
            indent = section.column - 1 + 2;
        } else if (section.value instanceof YamlNode.Mapping && !((YamlNode.Mapping) section.value).flow) {
            YamlNode.Mapping mapping = (YamlNode.Mapping) section.value;
            at = mapping.endLine;
            indent = mapping.entries.get(0).column - 1;
        } else {
            throw VaultException.failed("cannot add to \"" + sectionKey + "\" in the manifest (line "
                            + section.line + "): it is not written as a block mapping",
                    "write \"" + sectionKey + "\" with one entry a line, as manifest.example.yaml does");
        }
        List<String> added = new ArrayList<>();
        added.add(spaces(indent) + key + ":");
        for (String field : fields) {
            added.add(spaces(indent + 2) + field);
        }
        lines.addAll(at, added);
        return String.join("\n", lines);
    }

    private static boolean isEmpty(YamlNode value) {
        if (value instanceof YamlNode.Scalar) {
            return ((YamlNode.Scalar) value).isEmpty();
        }
        return value instanceof YamlNode.Mapping && ((YamlNode.Mapping) value).entries.isEmpty();
    }

    private static void requireBlock(YamlNode.Mapping fields, String key) throws VaultException {
        if (fields.flow || fields.entries.isEmpty()) {
            throw VaultException.failed("cannot set \"" + key + "\" in the manifest (line " + fields.line
                            + "): the entry is not written as a block mapping",
                    "write the entry with one field a line, as manifest.example.yaml does");
        }
    }

    /** A YAML double-quoted scalar (JSON escapes are valid YAML escapes). */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static String spaces(int count) {
        return " ".repeat(Math.max(0, count));
    }
}
