package io.github.dynamosetup.maven;

import io.github.dynamosetup.spec.BillingMode;
import io.github.dynamosetup.spec.Capacity;
import io.github.dynamosetup.spec.ConfigurationProblem;
import io.github.dynamosetup.spec.Declaration;
import io.github.dynamosetup.spec.GlobalSecondaryIndexSpec;
import io.github.dynamosetup.spec.InvalidDeclarationException;
import io.github.dynamosetup.spec.KeySpec;
import io.github.dynamosetup.spec.Projection;
import io.github.dynamosetup.spec.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the POM's {@code <tables>} to a validated {@link Declaration}. Problems of notation (a key type
 * other than S/N/B, an unknown billing mode) and of DynamoDB's rules are reported together.
 */
final class DeclarationMapper {

    private final List<ConfigurationProblem> problems = new ArrayList<>();
    /** table + element already reported here, so that the spec's own check does not repeat them. */
    private final Set<String> reported = new HashSet<>();
    /** table + tag element of tags a table declares itself, overriding a global one. */
    private final Set<String> overriddenTags = new HashSet<>();

    private DeclarationMapper() {}

    /**
     * @param extraProblems problems found elsewhere in the configuration (connection settings), reported
     *     in the same failure
     * @throws InvalidDeclarationException listing every problem
     */
    static Declaration map(List<Table> tables, Map<String, String> globalTags, String tableNamePrefix,
            String tableNameSuffix, List<ConfigurationProblem> extraProblems) throws InvalidDeclarationException {
        DeclarationMapper mapper = new DeclarationMapper();
        List<ConfigurationProblem> globalTagProblems = Declaration.tagProblems(ConfigurationProblem.PLUGIN_CONFIGURATION, nonNull(globalTags));
        mapper.problems.addAll(globalTagProblems);
        List<TableSpec> specs = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            specs.add(mapper.table(tables.get(i), i + 1, globalTags, nonNull(tableNamePrefix), nonNull(tableNameSuffix)));
        }
        // a bad global tag is reported once, not again for every table that inherits it
        Set<String> badGlobalTags = new HashSet<>();
        globalTagProblems.forEach(p -> badGlobalTags.add(p.element()));
        for (ConfigurationProblem problem : Declaration.problemsOf(specs)) {
            boolean inheritedTag = badGlobalTags.contains(problem.element())
                    && !mapper.overriddenTags.contains(problem.table() + problem.element());
            if (!inheritedTag && !mapper.reported.contains(problem.table() + problem.element())) {
                mapper.problems.add(problem);
            }
        }
        List<ConfigurationProblem> all = new ArrayList<>(extraProblems);
        all.addAll(mapper.problems);
        if (!all.isEmpty()) {
            throw new InvalidDeclarationException(all);
        }
        return Declaration.of(specs);
    }

    private TableSpec table(Table table, int position, Map<String, String> globalTags, String prefix, String suffix) {
        String name = table.getName() == null || table.getName().isBlank()
                ? null
                : prefix + table.getName().trim() + suffix;
        String subject = Declaration.subject(name, position);
        KeySpec partitionKey = key(table.getPartitionKey(), subject, "<partitionKey>");
        KeySpec sortKey = key(table.getSortKey(), subject, "<sortKey>");
        List<GlobalSecondaryIndexSpec> indexes = new ArrayList<>();
        List<GlobalSecondaryIndex> declaredIndexes = nonNull(table.getGlobalSecondaryIndexes());
        for (int i = 0; i < declaredIndexes.size(); i++) {
            indexes.add(index(declaredIndexes.get(i), i + 1, subject));
        }
        Map<String, String> tags = new LinkedHashMap<>(nonNull(globalTags));
        tags.putAll(nonNull(table.getTags()));
        nonNull(table.getTags()).keySet().forEach(k -> overriddenTags.add(subject + "<tags><" + k + ">"));
        return new TableSpec(
                name,
                partitionKey,
                sortKey,
                indexes,
                blankToNull(table.getTimeToLiveAttribute()),
                enumValue(BillingMode.class, table.getBillingMode(), BillingMode.PAY_PER_REQUEST, subject, "<billingMode>"),
                new Capacity(table.getReadCapacity(), table.getWriteCapacity()),
                tags);
    }

    private GlobalSecondaryIndexSpec index(GlobalSecondaryIndex index, int position, String subject) {
        String name = blankToNull(index.getName());
        String element = Declaration.indexElement(name, position);
        return new GlobalSecondaryIndexSpec(
                name,
                key(index.getPartitionKey(), subject, element + " <partitionKey>"),
                key(index.getSortKey(), subject, element + " <sortKey>"),
                enumValue(Projection.class, index.getProjection(), Projection.ALL, subject, element + " <projection>"),
                nonNull(index.getNonKeyAttributes()).stream().filter(a -> a != null && !a.isBlank()).map(String::trim)
                        .toList(),
                new Capacity(index.getReadCapacity(), index.getWriteCapacity()));
    }

    private KeySpec key(String text, String subject, String element) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return KeySpec.parse(text);
        } catch (IllegalArgumentException e) {
            report(subject, element, e.getMessage());
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String text, E defaultValue, String subject, String element) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            report(subject, element, "'" + text + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return defaultValue;
        }
    }

    private void report(String subject, String element, String message) {
        problems.add(new ConfigurationProblem(subject, element, message));
        reported.add(subject + element);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.trim();
    }

    private static <T> List<T> nonNull(List<T> value) {
        return value == null ? List.of() : value;
    }

    private static Map<String, String> nonNull(Map<String, String> value) {
        return value == null ? Map.of() : value;
    }
}
