package dev.vault.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error in plain words, placed where the fix goes, with the fix: the YAML parser's own words
 * ("while scanning for the next token") name its state, not the mistake, and its place for a tab is the
 * line before.
 */
final class YamlProblem {
    private YamlProblem() {
    }

    static YamlException of(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (e.getCause() instanceof MarkedYAMLException) {
            return of((MarkedYAMLException) e.getCause(), at);
        }
        return new YamlException(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                "not valid YAML: " + e.getOriginalMessage().split("\n", 2)[0]);
    }

    /** {@code last} is where the parser had got to: the last token it read. */
    private static YamlException of(MarkedYAMLException e, JsonLocation last) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark opened = e.getContextMark() != null ? e.getContextMark() : at;
        int line = at == null ? 1 : at.getLine() + 1;
        int column = at == null ? 1 : at.getColumn() + 1;
        if (problem.contains("\\t(TAB)")) {
            return new YamlException(line, column, "not valid YAML: a tab, where YAML allows only spaces",
                    "replace the tab at line " + line + ", column " + column + " with spaces");
        }
        if (context.startsWith("while scanning a quoted scalar")) {
            return new YamlException(opened.getLine() + 1, opened.getColumn() + 1,
                    "not valid YAML: this quote is never closed",
                    "end the value with the same quote on line " + (opened.getLine() + 1));
        }
        if (context.startsWith("while parsing a flow sequence")) {
            return new YamlException(opened.getLine() + 1, opened.getColumn() + 1,
                    "not valid YAML: this [ is never closed", "close the list on the same line: readers: [alice, bob]");
        }
        if (context.startsWith("while parsing a flow mapping")) {
            return new YamlException(opened.getLine() + 1, opened.getColumn() + 1,
                    "not valid YAML: this { is never closed", "close it with } on the same line");
        }
        if (problem.contains("<stream end>") && last != null) {
            return new YamlException(last.getLineNr(), last.getColumnNr(),
                    "not valid YAML: the text ends inside a [ list or { mapping opened here",
                    "close each [ with ] and each { with }, on the line that opens it");
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return new YamlException(line, column, "not valid YAML: a \":\" where YAML does not allow one",
                    "quote a value that holds \": \" (purpose: \"a: b\"); or give the key on the line above its \":\"");
        }
        if (problem.startsWith("expected <block end>")) {
            return new YamlException(line, column,
                    "not valid YAML: line " + line + " is indented differently from the lines above it",
                    "indent each key with as many spaces as the keys beside it (two for each level)");
        }
        return new YamlException(line, column, "not valid YAML: " + problem.split("\n", 2)[0]);
    }
}
