package dev.vault.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/json.md read as tests need it: one section per command line ({@code ## `vault list --json`}), each
 * with its table of fields ({@code | `head.seq` | integer or null | …}) and its ```json examples.
 */
final class JsonDocs {
    static final Path FILE = Path.of("..", "docs", "json.md").toAbsolutePath();
    private static final Pattern HEADING = Pattern.compile("^## `([^`]+)`$");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\|");
    private static final Pattern TYPE = Pattern.compile("\\b(string|integer|boolean|null|object|array|absent)\\b");

    /** One field of a table: the JSON types it may have, and whether it may be left out. */
    record Field(Set<String> types, boolean mayBeAbsent) {
    }

    /** One command's section. */
    record Section(String command, Map<String, Field> fields, List<String> examples) {
    }

    private JsonDocs() {
    }

    /** The sections, by command line, in page order. */
    static Map<String, Section> sections() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        Section section = null;
        StringBuilder example = null;
        for (String line : lines) {
            if (example != null) {
                if (line.equals("```")) {
                    section.examples().add(example.toString());
                    example = null;
                } else {
                    example.append(line).append('\n');
                }
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                section = new Section(heading.group(1), new LinkedHashMap<>(), new ArrayList<>());
                sections.put(section.command(), section);
            } else if (line.startsWith("## ")) {
                section = null;
            } else if (section != null && line.equals("```json")) {
                example = new StringBuilder();
            } else if (section != null) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    Set<String> types = new TreeSet<>();
                    Matcher type = TYPE.matcher(row.group(2));
                    while (type.find()) {
                        types.add(type.group(1));
                    }
                    boolean absent = types.remove("absent");
                    assertTrue(!types.isEmpty(), "a type for `" + row.group(1) + "` in " + FILE);
                    section.fields().put(row.group(1), new Field(types, absent));
                }
            }
        }
        return sections;
    }

    /** Checks one document printed for {@code command} against its section's table. */
    static void check(String command, JsonNode document) {
        Section section = sections().get(command);
        assertNotNull(section, "docs/json.md has a section for `" + command + "`");
        if (document.isArray()) {
            for (JsonNode item : document) {
                checkObject(section, item, "");
            }
        } else {
            checkObject(section, document, "");
        }
    }

    private static void checkObject(Section section, JsonNode object, String prefix) {
        String where = "`" + section.command() + "`" + (prefix.isEmpty() ? "" : " at " + prefix);
        assertTrue(object.isObject(), where + ": an object, not " + object);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String path = prefix + member.getKey();
            Field field = section.fields().get(path);
            assertNotNull(field, "docs/json.md, " + where + ": no row for `" + path + "`");
            String type = typeOf(member.getValue());
            assertTrue(field.types().contains(type), "docs/json.md, `" + section.command() + "`: `" + path + "` is "
                    + type + ", documented as " + field.types());
            if (member.getValue().isObject()) {
                checkObject(section, member.getValue(), path + ".");
            } else if (member.getValue().isArray()) {
                for (JsonNode item : member.getValue()) {
                    checkObject(section, item, path + "[].");
                }
            }
        }
        for (Map.Entry<String, Field> field : section.fields().entrySet()) {
            String path = field.getKey();
            boolean here = path.startsWith(prefix) && path.indexOf('.', prefix.length()) < 0
                    && path.indexOf("[]", prefix.length()) < 0;
            if (here && !field.getValue().mayBeAbsent()) {
                assertTrue(object.has(path.substring(prefix.length())),
                        where + ": `" + path + "` is documented as always there, and is missing in " + object);
            }
        }
    }

    /** The JSON type of a value, in the words of the tables. */
    static String typeOf(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isNull()) {
            return "null";
        } else if (value.isArray()) {
            return "array";
        }
        return "object";
    }
}
