package io.github.dynamosetup.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB's rules for declared tables, and the plugin's own: those of each table ({@link TableRules}: names,
 * keys, indexes, billing, stream, encryption), one name per table across all of them, and the rules of tags,
 * which a table's tags and the POM's global tags share. Each problem names its {@link Place}.
 */
public final class DeclarationRules {

    private static final int MAX_TAGS = 50;

    private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private DeclarationRules() {}

    /** Every problem of the tables, in declaration order; empty when they are valid. */
    static List<ConfigurationProblem> problemsOf(List<DeclaredTable> tables) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        Map<String, DeclaredTable> firstOfName = new HashMap<>();
        for (DeclaredTable table : tables) {
            Origin origin = table.origin();
            if (table.name() != null) {
                DeclaredTable first = firstOfName.putIfAbsent(table.name(), table);
                if (first != null) {
                    problems.add(new ConfigurationProblem(origin.subject(table.name()), origin.element(Setting.NAME),
                            "declared twice, at " + first.origin().describe() + " and at " + origin.describe()
                            + "; remove one or give them different names", origin.place(null, 0, Setting.NAME)));
                }
            }
            new TableRules(table, problems).check();
        }
        return problems;
    }

    /** The problems of a set of tags (key and value rules, empty values), attributed to {@code subject}. */
    public static List<ConfigurationProblem> tagProblems(String subject, Origin origin, Map<String, String> tags) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        tags.forEach((key, value) -> {
            String element = origin.tagElement(key);
            Place place = Place.tag(origin, key);
            if (key.isEmpty() || key.length() > 128 || !TAG_CHARACTERS.matcher(key).matches()) {
                problems.add(new ConfigurationProblem(subject, element, "a tag key has 1 to 128 letters, digits,"
                        + " spaces and _ . : / = + - @", place));
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                problems.add(new ConfigurationProblem(subject, element, "the prefix 'aws:' is reserved for AWS's own"
                        + " tags; choose another key", place));
            }
            if (value == null || value.isBlank() && !origin.emptyTagValuesAllowed()) {
                problems.add(new ConfigurationProblem(subject, element, "the tag value is empty; give it a value (for"
                        + " an environment variable, make sure it is set) or remove the tag", place));
            } else if (value.length() > 256 || !TAG_CHARACTERS.matcher(value).matches()) {
                problems.add(new ConfigurationProblem(subject, element, "a tag value has at most 256 letters, digits,"
                        + " spaces and _ . : / = + - @", place));
            }
        });
        if (tags.size() > MAX_TAGS) {
            problems.add(new ConfigurationProblem(subject, origin.element(Setting.TAGS), tags.size()
                    + " tags (global and the table's own); DynamoDB allows at most " + MAX_TAGS + " per table",
                    origin.place(null, 0, Setting.TAGS)));
        }
        return problems;
    }
}
