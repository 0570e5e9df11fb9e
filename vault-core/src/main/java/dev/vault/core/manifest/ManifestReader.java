package dev.vault.core.manifest;

import com.fasterxml.jackson.core.JsonToken;

import dev.vault.core.SecretName;
import dev.vault.core.VaultException;
import dev.vault.core.crypto.AgeKeys;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates manifest text strictly: unknown keys, wrong types, invalid names or recipients and
 * duplicate env names are errors that give {@code FILE:LINE:COL}, never silently skipped.
 */
public final class ManifestReader {
    static final Pattern IDENTITY_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOP_KEYS = List.of("version", "identities", "secrets");
    private static final List<String> IDENTITY_KEYS = List.of("recipient", "note");
    private static final List<String> SECRET_KEYS = List.of("purpose", "env");

    private final String source;

    private ManifestReader(String source) {
        this.source = source;
    }

    /**
     * @param text the manifest's content
     * @param source what to call the file in errors, such as its path
     */
    public static Manifest read(String text, String source) throws VaultException {
        return new ManifestReader(source).read(text);
    }

    public static boolean isIdentityName(String name) {
        return name != null && IDENTITY_NAME.matcher(name).matches();
    }

    public static boolean isEnvName(String name) {
        return name != null && ENV_NAME.matcher(name).matches();
    }

    private Manifest read(String text) throws VaultException {
        YamlNode document;
        try {
            document = YamlTreeReader.read(text);
        } catch (YamlException e) {
            throw error(e.line, e.column, e.getMessage(), "fix the YAML, or compare with manifest.example.yaml");
        }
        if (!(document instanceof YamlNode.Mapping)) {
            throw error(document == null ? 1 : document.line, document == null ? 1 : document.column,
                    "expected a mapping with the keys version, identities and secrets", null);
        }
        YamlNode.Mapping root = (YamlNode.Mapping) document;
        checkKeys(root, TOP_KEYS, "at the top level");
        YamlNode.Entry version = root.entry("version");
        if (version == null) {
            throw error(root.line, root.column, "missing key \"version\"", "add the line: version: " + Manifest.VERSION);
        }
        if (!(version.value instanceof YamlNode.Scalar)
                || ((YamlNode.Scalar) version.value).type != JsonToken.VALUE_NUMBER_INT
                || !((YamlNode.Scalar) version.value).text.equals(String.valueOf(Manifest.VERSION))) {
            throw error(version.value.line, version.value.column,
                    "unsupported manifest version (this vault reads version " + Manifest.VERSION + ")", null);
        }
        return Manifest.of(text, root, identities(root.entry("identities")), secrets(root.entry("secrets")));
    }

    private LinkedHashMap<String, Manifest.IdentityEntry> identities(YamlNode.Entry section) throws VaultException {
        LinkedHashMap<String, Manifest.IdentityEntry> identities = new LinkedHashMap<>();
        Map<String, String> byRecipient = new HashMap<>();
        for (YamlNode.Entry entry : entries(section)) {
            if (!isIdentityName(entry.key)) {
                throw error(entry.line, entry.column, "invalid identity name \"" + entry.key + "\"",
                        "use lowercase a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
            }
            YamlNode.Mapping fields = mapping(entry, "identity \"" + entry.key + "\"");
            checkKeys(fields, IDENTITY_KEYS, "in identity \"" + entry.key + "\"");
            YamlNode.Entry recipient = required(fields, "recipient", entry);
            String value = text(recipient);
            String problem = AgeKeys.recipientProblem(value);
            if (problem != null) {
                throw error(recipient.value.line, recipient.value.column,
                        "identity \"" + entry.key + "\" has an invalid recipient: " + problem, null);
            }
            String other = byRecipient.putIfAbsent(value, entry.key);
            if (other != null) {
                throw error(recipient.value.line, recipient.value.column,
                        "identity \"" + entry.key + "\" has the same recipient as \"" + other + "\"",
                        "give each person and agent a key of their own");
            }
            YamlNode.Entry note = fields.entry("note");
            identities.put(entry.key, new Manifest.IdentityEntry(entry.key, value, note == null ? null : text(note)));
        }
        return identities;
    }

    private LinkedHashMap<String, Manifest.SecretEntry> secrets(YamlNode.Entry section) throws VaultException {
        LinkedHashMap<String, Manifest.SecretEntry> secrets = new LinkedHashMap<>();
        Map<String, String> byEnv = new HashMap<>();
        for (YamlNode.Entry entry : entries(section)) {
            if (!SecretName.isValid(entry.key)) {
                throw error(entry.line, entry.column, "invalid secret name \"" + entry.key + "\"",
                        "use lowercase segments of a-z, 0-9, '.', '_' and '-' joined by '/'");
            }
            YamlNode.Mapping fields = mapping(entry, "secret \"" + entry.key + "\"");
            checkKeys(fields, SECRET_KEYS, "in secret \"" + entry.key + "\"");
            String purpose = text(required(fields, "purpose", entry));
            YamlNode.Entry envEntry = fields.entry("env");
            String env = null;
            if (envEntry != null) {
                env = text(envEntry);
                if (!isEnvName(env)) {
                    throw error(envEntry.value.line, envEntry.value.column,
                            "invalid env name \"" + env + "\" for secret \"" + entry.key + "\"",
                            "use letters, digits and '_', not starting with a digit, such as DB_PASSWORD");
                }
                String other = byEnv.putIfAbsent(env, entry.key);
                if (other != null) {
                    throw error(envEntry.value.line, envEntry.value.column,
                            "env name \"" + env + "\" is used by both \"" + other + "\" and \"" + entry.key + "\"",
                            "each variable can come from one secret only");
                }
            }
            secrets.put(entry.key, new Manifest.SecretEntry(entry.key, purpose, env));
        }
        return secrets;
    }

    private List<YamlNode.Entry> entries(YamlNode.Entry section) throws VaultException {
        if (section == null || (section.value instanceof YamlNode.Scalar && ((YamlNode.Scalar) section.value).isEmpty())) {
            return List.of();
        }
        return mapping(section, "\"" + section.key + "\"").entries;
    }

    private YamlNode.Mapping mapping(YamlNode.Entry entry, String what) throws VaultException {
        if (!(entry.value instanceof YamlNode.Mapping)) {
            throw error(entry.value.line, entry.value.column,
                    what + " must be a mapping, found " + entry.value.describe(), null);
        }
        return (YamlNode.Mapping) entry.value;
    }

    private YamlNode.Entry required(YamlNode.Mapping fields, String key, YamlNode.Entry owner) throws VaultException {
        YamlNode.Entry entry = fields.entry(key);
        if (entry == null) {
            throw error(owner.line, owner.column, "\"" + owner.key + "\" has no \"" + key + "\"",
                    "add a line \"" + key + ": …\" under it");
        }
        return entry;
    }

    private String text(YamlNode.Entry entry) throws VaultException {
        if (!(entry.value instanceof YamlNode.Scalar) || ((YamlNode.Scalar) entry.value).type != JsonToken.VALUE_STRING) {
            throw error(entry.value.line, entry.value.column,
                    "\"" + entry.key + "\" must be text, found " + entry.value.describe(),
                    "quote the value: " + entry.key + ": \"…\"");
        }
        return ((YamlNode.Scalar) entry.value).text;
    }

    private void checkKeys(YamlNode.Mapping mapping, List<String> known, String where) throws VaultException {
        Set<String> allowed = Set.copyOf(known);
        for (YamlNode.Entry entry : mapping.entries) {
            if (!allowed.contains(entry.key)) {
                throw error(entry.line, entry.column, "unknown key \"" + entry.key + "\" " + where,
                        "the keys allowed here are: " + String.join(", ", known));
            }
        }
    }

    private VaultException error(int line, int column, String message, String hint) {
        return VaultException.failed(source + ":" + line + ":" + column + ": " + message, hint);
    }
}
