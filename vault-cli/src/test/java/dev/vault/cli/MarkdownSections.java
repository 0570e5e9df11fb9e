package dev.vault.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown pages as {@link CommandsInDocsTest} reads them: all their text, and their sections (a heading and what
 * follows it up to the next heading of its level or above; headings inside fenced blocks do not count). Runs of
 * white space count as one space, so that a name broken across lines is found.
 */
final class MarkdownSections {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,}).*$");

    /** A section: where its heading is (page:line), the heading's text without backticks, and the section's text. */
    record Section(String where, String title, String text) {
    }

    private final String all;
    private final List<Section> sections;

    private MarkdownSections(String all, List<Section> sections) {
        this.all = all;
        this.sections = sections;
    }

    /** Pages by name (README.md, docs/x.md) to their text. */
    static MarkdownSections parse(Map<String, String> pages) {
        StringBuilder all = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            all.append(page.getValue()).append('\n');
            sections.addAll(sections(page.getKey(), page.getValue().split("\n", -1)));
        }
        return new MarkdownSections(normal(all.toString()), sections);
    }

    private static List<Section> sections(String page, String[] lines) {
        List<int[]> headings = new ArrayList<>();
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher fenceLine = FENCE.matcher(lines[i]);
            if (fenceLine.matches()) {
                String marker = fenceLine.group(1);
                if (fence == null) {
                    fence = marker;
                } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()
                        && lines[i].strip().equals(marker)) {
                    fence = null;
                }
                continue;
            }
            Matcher heading = HEADING.matcher(lines[i]);
            if (fence == null && heading.matches()) {
                headings.add(new int[] {i, heading.group(1).length()});
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int start = headings.get(h)[0];
            int end = lines.length;
            for (int next = h + 1; next < headings.size(); next++) {
                if (headings.get(next)[1] <= headings.get(h)[1]) {
                    end = headings.get(next)[0];
                    break;
                }
            }
            sections.add(new Section(page + ":" + (start + 1), normal(lines[start].replace("`", "")),
                    normal(String.join("\n", Arrays.asList(lines).subList(start, end)))));
        }
        return sections;
    }

    /** Whether the docs name {@code word} (a command or an option) as a whole word. */
    boolean mentions(String word) {
        return mentions(all, word);
    }

    /**
     * The sections about {@code command} ({@code vault audit}): those whose heading names it, but not as the start
     * of a longer one of {@code commands} ({@code vault audit verify} is about another command).
     */
    List<Section> about(String command, Collection<String> commands) {
        List<Section> about = new ArrayList<>();
        for (Section section : sections) {
            String title = section.title();
            for (int at = wordAt(title, command, 0); at >= 0; at = wordAt(title, command, at + 1)) {
                int from = at;
                boolean longer = commands.stream().anyMatch(other -> other.startsWith(command + " ")
                        && wordAt(title, other, from) == from);
                if (!longer) {
                    about.add(section);
                    break;
                }
            }
        }
        return about;
    }

    /** The sections whose heading line is exactly {@code heading} ({@code ## vault get}), backticks aside. */
    List<Section> titled(String heading) {
        List<Section> titled = new ArrayList<>();
        for (Section section : sections) {
            if (section.title().strip().equals(normal(heading))) {
                titled.add(section);
            }
        }
        return titled;
    }

    static boolean mentions(String text, String word) {
        return wordAt(text, normal(word), 0) >= 0;
    }

    /** Where {@code word} is in {@code text} from {@code from} on as a whole word, or -1. */
    private static int wordAt(String text, String word, int from) {
        for (int at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !wordChar(text.charAt(at - 1))) && (end == text.length() || !wordChar(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
