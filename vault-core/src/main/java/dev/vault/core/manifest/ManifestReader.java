package dev.vault.core.manifest;

import com.fasterxml.jackson.core.JsonToken;

import dev.vault.core.NearestName;
import dev.vault.core.SecretName;
import dev.vault.core.ShellWords;
import dev.vault.core.VaultException;
import dev.vault.core.crypto.AgeKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates manifest text strictly: unknown keys, wrong types, invalid names or recipients and
 * duplicate env names are errors that give {@code FILE:LINE:COL}, never silently skipped.
 */
public final class ManifestReader {
    // Names, dates and periods are checked by hand, not by regular expressions: a manifest is read by every
    // `vault get` and `guard check`, and java.util.regex (with the lambdas it links) and java.time.format cost
    // some 10 ms of a cold start between them. ManifestCheckTest compares each check with the expression it
    // replaces.
    private static final List<String> TOP_KEYS = List.of("version", "identities", "groups", "admins",
            "post_quantum", "secrets");
    private static final List<String> IDENTITY_KEYS = List.of("recipient", "note");
    private static final List<String> SECRET_KEYS = List.of("purpose", "owner", "readers", "consumers", "env",
            "rotate_every", "rotated", "expires", "tags", "post_quantum");

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

    /** Reads and checks the manifest file {@code file}, named by its path in errors. */
    public static Manifest read(Path file) throws VaultException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // one catch, not one for AccessDeniedException too: the verifier would load that class in every start
            if (e instanceof java.nio.file.AccessDeniedException) {
                Path vault = file.toAbsolutePath().getParent();
                throw VaultException.failed("cannot read the manifest \"" + file + "\": permission denied",
                        "if you made the vault with sudo, make its files yours: sudo chown -R \"$USER\" "
                                + ShellWords.quote(vault.toString()));
            }
            throw VaultException.failed("cannot read the manifest \"" + file + "\": " + e.getMessage());
        }
        return read(text, file.toString());
    }

    /** {@code [a-z0-9][a-z0-9._-]{0,63}}. */
    public static boolean isIdentityName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64 || !isLowerOrDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isEnvName(String name) {
        if (name == null || name.isEmpty() || isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number of {@code text[from, to)}, all ASCII digits, or -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private Manifest read(String text) throws VaultException {
        // the plain YAML manifests are written in, read without a YAML library; anything else (and every
        // YAML error) by the full reader
        YamlNode document = YamlSubsetReader.read(text);
        if (document == null) {
            try {
                document = YamlTreeReader.read(text);
            } catch (YamlException e) {
                throw error(e.line, e.column, e.getMessage(), e.hint);
            }
        }
        if (!(document instanceof YamlNode.Mapping)) {
            throw error(document == null ? 1 : document.line, document == null ? 1 : document.column,
                    "expected a mapping with the keys version, identities and secrets", null);
        }
        YamlNode.Mapping root = (YamlNode.Mapping) document;
        checkKeys(root, TOP_KEYS, null, null);
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
        LinkedHashMap<String, Manifest.IdentityEntry> identities = identities(root.entry("identities"));
        LinkedHashMap<String, List<String>> groups = groups(root.entry("groups"), identities);
        List<String> admins = root.entry("admins") == null ? List.of()
                : readerNames(root.entry("admins"), null, "admins", identities, groups);
        boolean postQuantum = root.entry("post_quantum") != null && flag(root.entry("post_quantum"));
        return new Manifest(text, root, identities, groups, admins, postQuantum,
                secrets(root.entry("secrets"), identities, groups, admins, postQuantum));
    }

    private LinkedHashMap<String, List<String>> groups(YamlNode.Entry section,
                                                       Map<String, Manifest.IdentityEntry> identities)
            throws VaultException {
        LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
        for (YamlNode.Entry entry : entries(section)) {
            if (!isIdentityName(entry.key)) {
                throw error(entry.line, entry.column, "invalid group name \"" + entry.key + "\"",
                        "use lowercase a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
            }
            if (identities.containsKey(entry.key)) {
                throw error(entry.line, entry.column, "\"" + entry.key + "\" is both an identity and a group",
                        "give the group another name");
            }
            List<String> members = new ArrayList<>();
            for (Item item : textList(entry)) {
                if (!identities.containsKey(item.text)) {
                    throw error(item.line, item.column, "group \"" + entry.key + "\" has an unknown member \""
                            + item.text + "\"", NearestName.didYouMean(item.text, identities.keySet())
                            + "a group lists identities by name: " + known(identities.keySet()));
                }
                if (members.contains(item.text)) {
                    throw error(item.line, item.column, "group \"" + entry.key + "\" lists \"" + item.text
                            + "\" twice", null);
                }
                members.add(item.text);
            }
            groups.put(entry.key, List.copyOf(members));
        }
        return groups;
    }

    /**
     * A list of identity and group names, each of which must exist and appear once; {@code kind} and
     * {@code key} name the list's owner in errors, such as secret "db" (or admins, with no kind).
     */
    private List<String> readerNames(YamlNode.Entry entry, String kind, String key,
                                     Map<String, Manifest.IdentityEntry> identities, Map<String, List<String>> groups)
            throws VaultException {
        List<String> names = new ArrayList<>();
        for (Item item : textList(entry)) {
            if (!identities.containsKey(item.text) && !groups.containsKey(item.text)) {
                List<String> all = new ArrayList<>(identities.keySet());
                all.addAll(groups.keySet());
                throw error(item.line, item.column, (kind == null ? key : named(kind, key))
                        + " has an unknown reader \"" + item.text + "\"", unknownReaderHint(item.text, all, kind, key));
            }
            if (names.contains(item.text)) {
                throw error(item.line, item.column, (kind == null ? key : named(kind, key))
                        + " lists \"" + item.text + "\" twice", null);
            }
            names.add(item.text);
        }
        return List.copyOf(names);
    }

    /** Whether {@code names} (identities and groups) stand for no identity at all. */
    private static boolean resolvesToNobody(List<String> names, Map<String, List<String>> groups) {
        for (String name : names) {
            if (!groups.containsKey(name) || !groups.get(name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A typo gets {@code did you mean}; a name that is no typo may be someone new, whose identity
     * {@code vault identity new} makes once the manifest reads again.
     */
    private static String unknownReaderHint(String name, List<String> all, String kind, String key) {
        String nearest = NearestName.of(name, all);
        if (nearest != null) {
            return "did you mean \"" + nearest + "\"? readers are identities or groups: " + known(all);
        }
        if (!isIdentityName(name)) {
            return "readers are identities or groups: " + known(all);
        }
        String addBack = "secret".equals(kind) ? "`vault grant " + key + " " + name + "`" : "add it back here";
        return "readers are identities or groups: " + known(all) + "; for a new one, take \"" + name
                + "\" out here, run `vault identity new " + name + "`, then " + addBack;
    }

    private static String known(Collection<String> names) {
        return names.isEmpty() ? "(none yet)" : String.join(", ", names);
    }

    private LinkedHashMap<String, Manifest.IdentityEntry> identities(YamlNode.Entry section) throws VaultException {
        LinkedHashMap<String, Manifest.IdentityEntry> identities = new LinkedHashMap<>();
        Map<String, String> byRecipient = new HashMap<>();
        for (YamlNode.Entry entry : entries(section)) {
            if (!isIdentityName(entry.key)) {
                throw error(entry.line, entry.column, "invalid identity name \"" + entry.key + "\"",
                        "use lowercase a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
            }
            YamlNode.Mapping fields = mapping(entry, "identity");
            checkKeys(fields, IDENTITY_KEYS, "identity", entry.key);
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

    private LinkedHashMap<String, Manifest.SecretEntry> secrets(YamlNode.Entry section,
                                                                Map<String, Manifest.IdentityEntry> identities,
                                                                Map<String, List<String>> groups, List<String> admins,
                                                                boolean vaultPostQuantum) throws VaultException {
        LinkedHashMap<String, Manifest.SecretEntry> secrets = new LinkedHashMap<>();
        Map<String, String> byEnv = new HashMap<>();
        for (YamlNode.Entry entry : entries(section)) {
            if (!SecretName.isValid(entry.key)) {
                throw error(entry.line, entry.column, "invalid secret name \"" + entry.key + "\"",
                        "use lowercase segments of a-z, 0-9, '.', '_' and '-' joined by '/'");
            }
            YamlNode.Mapping fields = mapping(entry, "secret");
            checkKeys(fields, SECRET_KEYS, "secret", entry.key);
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
            YamlNode.Entry readersEntry = fields.entry("readers");
            List<String> readers = null;
            if (readersEntry != null) {
                readers = readerNames(readersEntry, "secret", entry.key, identities, groups);
                if (resolvesToNobody(readers, groups) && resolvesToNobody(admins, groups)) {
                    throw error(readersEntry.value.line, readersEntry.value.column, "secret \"" + entry.key
                            + "\" has no readers and the manifest names no admins, so nobody could read it",
                            "list at least one identity, or a group with members, under readers");
                }
            }
            YamlNode.Entry every = fields.entry("rotate_every");
            String rotateEveryText = null;
            if (every != null) {
                rotateEveryText = text(every);
                if (periodCount(rotateEveryText) < 0) {
                    throw error(every.value.line, every.value.column, "invalid rotate_every \"" + rotateEveryText + "\"",
                            "write a number and a unit: d (days), w (weeks), m (months) or y (years), such as 90d");
                }
            }
            YamlNode.Entry postQuantumEntry = fields.entry("post_quantum");
            boolean postQuantum = postQuantumEntry != null && flag(postQuantumEntry);
            if (postQuantumEntry != null && !postQuantum && vaultPostQuantum) {
                throw error(postQuantumEntry.value.line, postQuantumEntry.value.column, "secret \"" + entry.key
                                + "\" has post_quantum: false, but a secret cannot relax the vault-wide post_quantum: true",
                        "delete the line: every secret of this vault is read with post-quantum keys only");
            }
            secrets.put(entry.key, new Manifest.SecretEntry(entry.key, entry.line, purpose, optionalText(fields, "owner"),
                    readers, texts(fields.entry("consumers")), env, rotateEveryText,
                    date(fields.entry("rotated")), date(fields.entry("expires")), texts(fields.entry("tags")),
                    postQuantum));
        }
        return secrets;
    }

    /** The count of a rotate_every text, {@code ([1-9][0-9]{0,3})([dwmy])}, or -1 when it is not one. */
    static int periodCount(String text) {
        if (text.length() < 2 || text.length() > 5 || text.charAt(0) == '0'
                || "dwmy".indexOf(text.charAt(text.length() - 1)) < 0) {
            return -1;
        }
        return digits(text, 0, text.length() - 1);
    }

    /** The period of a rotate_every text that {@link #periodCount} accepts. */
    static Period period(String text) {
        int count = periodCount(text);
        switch (text.charAt(text.length() - 1)) {
            case 'd':
                return Period.ofDays(count);
            case 'w':
                return Period.ofWeeks(count);
            case 'm':
                return Period.ofMonths(count);
            default:
                return Period.ofYears(count);
        }
    }

    /** {@code [0-9]{4}-[0-9]{2}-[0-9]{2}} and a day of the ISO calendar, as {@code LocalDate.parse} reads it. */
    private LocalDate date(YamlNode.Entry entry) throws VaultException {
        if (entry == null) {
            return null;
        }
        String text = text(entry);
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // reported below
                }
            }
        }
        throw error(entry.value.line, entry.value.column, "\"" + entry.key + "\" is not a date: \"" + text + "\"",
                "write the date as YYYY-MM-DD, such as 2026-11-21");
    }

    /**
     * A boolean written {@code true} or {@code false}, unquoted. YAML 1.1's other spellings ({@code yes},
     * {@code off}, {@code True}, …) are refused: a switch that decides who may read should read as it is meant.
     */
    private boolean flag(YamlNode.Entry entry) throws VaultException {
        String found = entry.value.describe();
        if (entry.value instanceof YamlNode.Scalar) {
            YamlNode.Scalar scalar = (YamlNode.Scalar) entry.value;
            if (scalar.type == JsonToken.VALUE_TRUE || scalar.type == JsonToken.VALUE_FALSE) {
                if (scalar.text.equals("true") || scalar.text.equals("false")) {
                    return scalar.type == JsonToken.VALUE_TRUE;
                }
                found = "\"" + scalar.text + "\"";
            }
        }
        throw error(entry.value.line, entry.value.column, "\"" + entry.key + "\" must be true or false, found " + found,
                "write " + entry.key + ": true (no quotes), or leave the line out");
    }

    private String optionalText(YamlNode.Mapping fields, String key) throws VaultException {
        YamlNode.Entry entry = fields.entry(key);
        return entry == null ? null : text(entry);
    }

    private List<String> texts(YamlNode.Entry entry) throws VaultException {
        List<String> texts = new ArrayList<>();
        if (entry != null) {
            for (Item item : textList(entry)) {
                texts.add(item.text);
            }
        }
        return List.copyOf(texts);
    }

    /** An item of a list of text, with where it stands. */
    private record Item(String text, int line, int column) {
    }

    private List<Item> textList(YamlNode.Entry entry) throws VaultException {
        if (!(entry.value instanceof YamlNode.Sequence)) {
            throw error(entry.value.line, entry.value.column, "\"" + entry.key + "\" must be a list, found "
                    + entry.value.describe(), "write it as [a, b], or one \"- a\" a line");
        }
        List<Item> items = new ArrayList<>();
        for (YamlNode node : ((YamlNode.Sequence) entry.value).items) {
            if (!(node instanceof YamlNode.Scalar) || ((YamlNode.Scalar) node).type != JsonToken.VALUE_STRING
                    || ((YamlNode.Scalar) node).text.isBlank()) {
                throw error(node.line, node.column, "\"" + entry.key + "\" must list text, found "
                        + (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type == JsonToken.VALUE_STRING
                        ? "empty text" : node.describe()), null);
            }
            items.add(new Item(((YamlNode.Scalar) node).text, node.line, node.column));
        }
        return items;
    }

    private List<YamlNode.Entry> entries(YamlNode.Entry section) throws VaultException {
        if (section == null || (section.value instanceof YamlNode.Scalar && ((YamlNode.Scalar) section.value).isEmpty())) {
            return List.of();
        }
        return mapping(section, null).entries;
    }

    /** The entry's mapping; {@code kind} (identity, secret, or null for a section) names it in the error. */
    private YamlNode.Mapping mapping(YamlNode.Entry entry, String kind) throws VaultException {
        if (!(entry.value instanceof YamlNode.Mapping)) {
            throw error(entry.value.line, entry.value.column,
                    named(kind, entry.key) + " must be a mapping, found " + entry.value.describe(), null);
        }
        return (YamlNode.Mapping) entry.value;
    }

    /**
     * {@code identity "alice"}, or {@code "identities"} with no kind. Built only for an error: a manifest that
     * reads cleanly concatenates no strings, so `guard check` never links StringConcatFactory for it (about
     * 5 ms of a start without a class cache).
     */
    private static String named(String kind, String key) {
        return kind == null ? "\"" + key + "\"" : kind + " \"" + key + "\"";
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

    /** Every key of {@code mapping} is {@code known}; it belongs to {@code kind} {@code key}, or to the top level. */
    private void checkKeys(YamlNode.Mapping mapping, List<String> known, String kind, String key) throws VaultException {
        Set<String> allowed = Set.copyOf(known);
        for (YamlNode.Entry entry : mapping.entries) {
            if (!allowed.contains(entry.key)) {
                String where = kind == null ? "at the top level" : "in " + named(kind, key);
                throw error(entry.line, entry.column, "unknown key \"" + entry.key + "\" " + where,
                        NearestName.didYouMean(entry.key, known) + "the keys allowed here are: " + String.join(", ", known));
            }
        }
    }

    private VaultException error(int line, int column, String message, String hint) {
        return VaultException.failed(source + ":" + line + ":" + column + ": " + message, hint);
    }
}
