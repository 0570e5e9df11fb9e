package dev.vault.core.manifest;

import dev.vault.core.VaultException;

import java.util.ArrayList;
import java.util.Arrays;
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
     * Sets fields of a secret's entry, adding the entry when there is none. Values are written as quoted
     * text; a field that is already there is replaced on its own line(s).
     */
    public static String setSecretFields(Manifest manifest, String name, Map<String, String> fields)
            throws VaultException {
        YamlNode.Entry section = manifest.root().entry("secrets");
        YamlNode.Entry entry = section != null && section.value instanceof YamlNode.Mapping
                ? ((YamlNode.Mapping) section.value).entry(name) : null;
        if (entry == null) {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                lines.add(field.getKey() + ": " + quote(field.getValue()));
            }
            return addEntry(manifest, "secrets", name, lines);
        }
        String text = manifest.text();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Manifest current = ManifestReader.read(text, "manifest");
            YamlNode.Mapping secret = (YamlNode.Mapping) ((YamlNode.Mapping) current.root().entry("secrets").value)
                    .entry(name).value;
            text = setField(current.text(), secret, field.getKey(), quote(field.getValue()));
        }
        return text;
    }

    private static String setField(String text, YamlNode.Mapping fields, String key, String rendered)
            throws VaultException {
        requireBlock(fields, key);
        List<String> lines = lines(text);
        YamlNode.Entry existing = fields.entry(key);
        if (existing != null) {
            int first = existing.line - 1;
            int last = existing.lastLine() - 1;
            lines.subList(first, last + 1).clear();
            lines.add(first, spaces(existing.column - 1) + key + ": " + rendered);
        } else {
            int indent = fields.entries.get(0).column - 1;
            lines.add(fields.endLine, spaces(indent) + key + ": " + rendered);
        }
        return String.join("\n", lines);
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
    static String quote(String value) {
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
