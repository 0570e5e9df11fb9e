package dev.vault.core.manifest;

import dev.vault.core.VaultException;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/manifest.md against manifest.example.yaml, both ways: every key path of the example has a heading in
 * the reference, every heading names a key path of the example, every key the reader accepts is in the
 * example, and the example reads. A key path joins keys with '.'; under identities, groups and secrets the
 * keys are names of your choosing, written NAME ({@code secrets.NAME.env}).
 */
class ManifestReferenceTest {
    private static final Path EXAMPLE = Path.of("..", "manifest.example.yaml");
    private static final Path REFERENCE = Path.of("..", "docs", "manifest.md");
    /** The sections whose keys are names: identities, groups and secrets by the name you give them. */
    private static final Set<String> NAMED_SECTIONS = Set.of("identities", "groups", "secrets");
    private static final String RECIPIENT = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";

    @Test
    void theExampleReadsThroughTheRealReader() throws IOException, VaultException {
        Manifest manifest = ManifestReader.read(EXAMPLE);
        assertTrue(manifest.secrets().size() > 0, "manifest.example.yaml shows no secret");
    }

    @Test
    void everyKeyOfTheExampleIsDocumented() throws IOException, VaultException {
        Set<String> documented = documentedKeys();
        for (String key : exampleKeys()) {
            if (!documented.contains(key)) {
                fail("docs/manifest.md has no heading for the key \"" + key + "\" of manifest.example.yaml: add a"
                        + " heading \"### `" + key + "`\" with its type, default, what it does and its errors");
            }
        }
    }

    @Test
    void everyDocumentedKeyIsInTheExample() throws IOException, VaultException {
        Set<String> example = exampleKeys();
        for (String key : documentedKeys()) {
            if (!example.contains(key)) {
                fail("docs/manifest.md documents the key \"" + key + "\", which manifest.example.yaml does not have:"
                        + " add it to the example, or take its heading out of the reference");
            }
        }
    }

    /** The keys the reader accepts, as its own error for an unknown key lists them, at each level. */
    @Test
    void everyKeyTheReaderAcceptsIsInTheExample() throws IOException, VaultException {
        Set<String> example = exampleKeys();
        String identity = "version: 1\nidentities:\n  alice:\n    recipient: " + RECIPIENT + "\n";
        List<String> accepted = new ArrayList<>();
        accepted.addAll(allowedKeys("", "version: 1\nzz_unknown: 1\n"));
        accepted.addAll(allowedKeys("identities.NAME.", identity + "    zz_unknown: 1\n"));
        accepted.addAll(allowedKeys("secrets.NAME.", identity + "secrets:\n  db:\n    purpose: x\n    zz_unknown: 1\n"));
        assertTrue(accepted.size() > 10, "the reader's hint listed too few keys: " + accepted);
        for (String key : accepted) {
            if (!example.contains(key)) {
                fail("the manifest reader accepts the key \"" + key + "\", but manifest.example.yaml does not show it:"
                        + " add it there with a comment, and a heading for it to docs/manifest.md");
            }
        }
    }

    /** The heading check itself: a heading is found, and a key missing from the example is named. */
    @Test
    void headingsAreReadAsKeyPaths() {
        assertEquals(List.of("secrets.NAME.env", "version"),
                List.copyOf(headingKeys("# The manifest\n### `secrets.NAME.env`\ntext `not.a.heading`\n## `version`\n"
                        + "### `version` and more\n")));
    }

    private static List<String> allowedKeys(String prefix, String manifest) {
        VaultException e = assertThrows(VaultException.class, () -> ManifestReader.read(manifest, "manifest.yaml"));
        String hint = String.valueOf(e.hint());
        String lead = "the keys allowed here are: ";
        assertTrue(hint.startsWith(lead), "unexpected hint for an unknown key: " + hint);
        List<String> keys = new ArrayList<>();
        for (String key : hint.substring(lead.length()).split(", ")) {
            keys.add(prefix + key);
        }
        return keys;
    }

    /** Every key path of manifest.example.yaml, in the tree the real reader builds. */
    private static Set<String> exampleKeys() throws IOException, VaultException {
        Manifest manifest = ManifestReader.read(Files.readString(EXAMPLE), EXAMPLE.toString());
        Set<String> keys = new LinkedHashSet<>();
        collect(manifest.root(), "", false, keys);
        return keys;
    }

    private static void collect(YamlNode node, String prefix, boolean named, Set<String> keys) {
        if (!(node instanceof YamlNode.Mapping)) {
            return;
        }
        for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries) {
            String path = prefix + (named ? "NAME" : entry.key);
            keys.add(path);
            collect(entry.value, path + ".", prefix.isEmpty() && NAMED_SECTIONS.contains(entry.key), keys);
        }
    }

    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = headingKeys(Files.readString(REFERENCE));
        assertTrue(keys.size() > 10, "docs/manifest.md has too few key headings: " + keys);
        return keys;
    }

    /** The key paths named by headings that are one code span and nothing else, such as "### `version`". */
    static Set<String> headingKeys(String markdown) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : markdown.split("\n")) {
            String text = line.replaceFirst("^#{1,6} ", "");
            if (text.equals(line) || text.length() < 3 || !text.startsWith("`") || !text.endsWith("`")) {
                continue;
            }
            String key = text.substring(1, text.length() - 1);
            if (key.matches("[A-Za-z_]+(\\.[A-Za-z_]+)*")) {
                keys.add(key);
            }
        }
        return keys;
    }
}
