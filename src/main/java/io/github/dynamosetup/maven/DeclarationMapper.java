package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclarationRules;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.Setting;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import io.github.dynamosetup.declaration.json.TableFileReader;
import io.github.dynamosetup.declaration.template.CloudFormationTemplate;
import io.github.dynamosetup.declaration.template.TemplateOrigin;
import io.github.dynamosetup.declaration.template.TemplateProblem;
import io.github.dynamosetup.declaration.template.TemplateResource;
import io.github.dynamosetup.declaration.template.TemplateTableReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Maps the POM's {@code <tables>}, the {@code <tableFiles>} and the tables of the {@code <templates>} to a validated
 * {@link Declaration}.
 * Problems of notation (a key type other than S/N/B, an unknown enum value, a broken JSON file) are found
 * here, each at its {@link Place}; DynamoDB's rules are then applied once to all tables together.
 */
final class DeclarationMapper {

    private final List<ConfigurationProblem> problems = new ArrayList<>();
    /** Where a problem was found: a value there is not read any further. */
    private final Set<Place> reported = new HashSet<>();
    private final String prefix;
    private final String suffix;
    private final UnresolvedExpressions unresolved;
    private final Path basedir;

    private DeclarationMapper(String prefix, String suffix, UnresolvedExpressions unresolved, Path basedir) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.unresolved = unresolved;
        this.basedir = basedir;
    }

    /**
     * What the POM declares; {@code null} lists and maps stand for none.
     *
     * @param unresolved the elements holding {@code ${...}} that Maven could not resolve: reported as such,
     *     and their values (nothing, or the expression itself) not checked any further
     */
    record Configuration(List<PomTable> tables, List<Path> tableFiles, List<TemplateFiles.TemplateFile> templates,
            Path basedir, Map<String, String> globalTags, String tableNamePrefix, String tableNameSuffix,
            UnresolvedExpressions unresolved) {}

    /**
     * @param extraProblems problems found elsewhere in the configuration (connection settings, table
     *     files that do not exist), reported in the same failure
     * @throws InvalidDeclarationException listing every problem
     */
    static Declaration map(Configuration configuration, List<ConfigurationProblem> extraProblems)
            throws InvalidDeclarationException {
        UnresolvedExpressions unresolved = configuration.unresolved();
        // an unresolved prefix or suffix is reported once, not in every table's name
        DeclarationMapper mapper = new DeclarationMapper(
                unresolved.contains(PluginParameter.TABLE_NAME_PREFIX.place()) ? ""
                        : nonNull(configuration.tableNamePrefix()),
                unresolved.contains(PluginParameter.TABLE_NAME_SUFFIX.place()) ? ""
                        : nonNull(configuration.tableNameSuffix()),
                unresolved, configuration.basedir());
        Map<String, String> globalTags = mapper.validGlobalTags(nonNull(configuration.globalTags()));
        List<DeclaredTable> declaredTables = new ArrayList<>();
        List<PomTable> tables = nonNull(configuration.tables());
        for (int i = 0; i < tables.size(); i++) {
            declaredTables.add(mapper.table(tables.get(i), new PomOrigin(i + 1), globalTags));
        }
        for (Path file : nonNull(configuration.tableFiles())) {
            TableFileReader.Result read = TableFileReader.read(file,
                    TableFiles.displayName(configuration.basedir(), file), mapper::fullName, globalTags);
            mapper.problems.addAll(read.problems());
            if (read.table() != null) {
                declaredTables.add(read.table());
            }
        }
        for (TemplateFiles.TemplateFile template : nonNull(configuration.templates())) {
            mapper.template(template, TableFiles.displayName(configuration.basedir(), template.file()), globalTags,
                    declaredTables);
        }
        mapper.reportSharedDeclaredNames(declaredTables);
        List<ConfigurationProblem> found = new ArrayList<>(extraProblems);
        found.addAll(mapper.problems);
        return Declaration.of(declaredTables, found);
    }

    /**
     * Reports the problems of the global tags once, and leaves the bad ones out of every table. Those with an
     * unresolved expression are reported with the plugin parameters (see {@link UnresolvedExpressions}).
     */
    private Map<String, String> validGlobalTags(Map<String, String> globalTags) {
        Map<String, String> valid = new LinkedHashMap<>(globalTags);
        unresolved.in(PluginParameter.TAGS).forEach(found -> reported.add(found.place()));
        unresolvedTagValues(ConfigurationProblem.PLUGIN_CONFIGURATION, PluginParameter.TAGS, globalTags);
        for (ConfigurationProblem problem : DeclarationRules.tagProblems(ConfigurationProblem.PLUGIN_CONFIGURATION,
                PluginParameter.TAGS, globalTags)) {
            if (!reported.contains(problem.place())) {
                problems.add(problem);
            }
            if (problem.place().tag() != null) {
                valid.remove(problem.place().tag());
            }
        }
        return valid;
    }

    /**
     * Reports each tag value that still holds {@code ${...}}: an expression Maven left as it was, to define
     * rather than characters DynamoDB refuses in a tag.
     */
    private void unresolvedTagValues(String subject, Origin origin, Map<String, String> tags) {
        tags.forEach((key, value) -> {
            Place place = Place.tag(origin, key);
            if (value != null && value.contains("${") && !reported.contains(place)) {
                report(new Where(subject, origin.tagElement(key), place), "the tag value '" + value + "' holds an"
                        + " unresolved Maven expression; define the property or environment variable it names (e.g."
                        + " export ENVIRONMENT=dev for ${env.ENVIRONMENT}), or remove the tag");
            }
        });
    }

    /**
     * Reads a template's table resources: the problems of resolving it, each named by the file and, where it has
     * one, the resource; then each table, as {@link TemplateTableReader} reads it.
     */
    private void template(TemplateFiles.TemplateFile template, String displayName, Map<String, String> globalTags,
            List<DeclaredTable> declaredTables) {
        CloudFormationTemplate.Resolved resolved = CloudFormationTemplate.read(template.file(), template.context());
        Map<String, DeclaredTable> byLogicalId = new LinkedHashMap<>();
        List<TemplateTableReader.Result> tables = new ArrayList<>();
        for (TemplateResource resource : resolved.tables()) {
            TemplateTableReader.Result read = TemplateTableReader.read(resource, displayName,
                    template.context().region(), this::fullName, globalTags, resolved.problems());
            tables.add(read);
            byLogicalId.put(resource.logicalId(), read.table());
        }
        for (TemplateProblem problem : resolved.problems()) {
            DeclaredTable table = problem.logicalId() == null ? null : byLogicalId.get(problem.logicalId());
            TemplateOrigin origin = table == null ? null : (TemplateOrigin) table.origin();
            String properties = origin == null ? null : origin.root();
            Place place = properties != null && problem.path() != null && problem.path().startsWith(properties)
                    ? origin.placeOf("$" + problem.path().substring(properties.length())) : null;
            String subject = origin != null ? origin.subject(table.name()) : problem.logicalId() != null
                    ? "resource " + problem.logicalId() + " (" + displayName + ")" : "template " + displayName;
            // a problem of the file as a whole (not a template at all) has no path
            String element = problem.path() == null || problem.path().isBlank() ? "the whole file" : problem.path();
            problems.add(new ConfigurationProblem(subject, element, problem.message(), place));
        }
        for (TemplateTableReader.Result read : tables) {
            problems.addAll(read.problems());
            declaredTables.add(read.table());
        }
    }

    /**
     * Reports two tables of different names that the rest of the build would name alike: a template table's logical
     * ID is its declared name, which keys its exported properties ({@code dynamo-setup.table.<name>.name}) and names
     * it in item files, as another table's name does. Two tables of one name are reported by the rules.
     */
    private void reportSharedDeclaredNames(List<DeclaredTable> tables) {
        Map<String, DeclaredTable> first = new HashMap<>();
        for (DeclaredTable table : tables) {
            if (table.declaredName() == null || table.name() == null) {
                continue;
            }
            DeclaredTable earlier = first.putIfAbsent(table.declaredName(), table);
            if (earlier != null && !table.name().equals(earlier.name())) {
                Origin origin = table.origin();
                problems.add(new ConfigurationProblem(origin.subject(table.name()), origin.element(Setting.NAME),
                        "is known to the build as '" + table.declaredName() + "' (in exported properties"
                        + " dynamo-setup.table." + table.declaredName() + ".* and in item files), as is table '"
                        + earlier.name() + "' at " + earlier.origin().describe() + " (a template table by its logical"
                        + " ID); rename one of them"));
            }
        }
    }

    private String fullName(String declaredName) {
        return prefix + declaredName.trim() + suffix;
    }

    private DeclaredTable table(PomTable table, PomOrigin origin, Map<String, String> globalTags) {
        boolean nameUnresolved = unresolved.contains(origin.place(null, 0, Setting.NAME));
        String name = nameUnresolved || table.name == null || table.name.isBlank() ? null : fullName(table.name);
        TableElements at = new TableElements(origin, origin.subject(name));
        reportUnresolved(table, at, unresolved.in(origin));
        unresolvedTagValues(at.subject(), origin, nonNull(table.tags));
        DeclaredTable.Builder declared = DeclaredTable.builder(origin, name)
                .declaredName(blankToNull(table.name))
                .partitionKey(key(table.partitionKey, at.of(Setting.PARTITION_KEY)))
                .sortKey(key(table.sortKey, at.of(Setting.SORT_KEY)));
        eachIndex(table.globalSecondaryIndexes, IndexKind.GLOBAL, at, (index, in) ->
                declared.globalSecondaryIndex(new DeclaredGlobalIndex(
                        in.name(),
                        keys(index.partitionKey, in.of(Setting.PARTITION_KEY)),
                        keys(index.sortKey, in.of(Setting.SORT_KEY)),
                        projection(index, in),
                        names(index.nonKeyAttributes),
                        new Capacity(index.readCapacity, index.writeCapacity),
                        autoScaling(index.autoScaling),
                        new RequestUnits(index.maxReadRequestUnits, index.maxWriteRequestUnits),
                        warmThroughput(index.warmThroughput),
                        index.contributorInsights)));
        eachIndex(table.localSecondaryIndexes, IndexKind.LOCAL, at, (index, in) ->
                declared.localSecondaryIndex(new DeclaredLocalIndex(
                        in.name(),
                        key(index.sortKey, in.of(Setting.SORT_KEY)),
                        projection(index, in),
                        names(index.nonKeyAttributes))));
        StreamViewType streamViewType = enumValue(StreamViewType.class, table.streamViewType, null,
                at.of(Setting.STREAM));
        return declared
                .timeToLiveAttribute(blankToNull(table.timeToLiveAttribute))
                .billingMode(enumValue(BillingMode.class, table.billingMode, BillingMode.PAY_PER_REQUEST,
                        at.of(Setting.BILLING_MODE)))
                .capacity(new Capacity(table.readCapacity, table.writeCapacity))
                .onDemandThroughput(new RequestUnits(table.maxReadRequestUnits, table.maxWriteRequestUnits))
                .stream(streamViewType == null ? null : new StreamSpecification(true, streamViewType))
                .encryption(enumValue(Encryption.class, table.encryption, null, at.of(Setting.ENCRYPTION)),
                        blankToNull(table.kmsKeyId))
                .pointInTimeRecovery(table.pointInTimeRecovery)
                .recoveryPeriodInDays(table.recoveryPeriodInDays)
                .warmThroughput(warmThroughput(table.warmThroughput))
                .contributorInsights(table.contributorInsights)
                .deletionProtection(table.deletionProtection)
                .resourcePolicy(resourcePolicy(table, at))
                .tableClass(enumValue(TableClass.class, table.tableClass, null, at.of(Setting.TABLE_CLASS)))
                .autoScaling(autoScaling(table.autoScaling))
                .replicaRegions(nonNull(table.replicas).stream().map(r -> r == null ? null : blankToNull(r.region))
                        .toList())
                .tags(globalTags)
                .tags(nonNull(table.tags))
                .build();
    }

    /**
     * The policy of {@code <resourcePolicy>}, as Maven hands it over (its whitespace counts towards AWS's size limit),
     * or of {@code <resourcePolicyFile>}, read as UTF-8 from the project; its JSON checked here, where a syntax error
     * is named by the element, the file and the line and column. Null when none is declared, or when both are.
     */
    private ResourcePolicy resourcePolicy(PomTable table, TableElements at) {
        Where inline = at.of(Setting.RESOURCE_POLICY);
        Where file = at.of(Setting.RESOURCE_POLICY_FILE);
        String document = table.resourcePolicy == null || table.resourcePolicy.isBlank()
                || reported.contains(inline.place()) ? null : table.resourcePolicy;
        String path = reported.contains(file.place()) ? null : blankToNull(table.resourcePolicyFile);
        if (document != null && path != null) {
            report(new Where(at.subject(), inline.element() + " and " + file.element(), inline.place()), "both"
                    + " given; declare the policy in one of them: in the POM, or in a file");
            return null;
        }
        if (document != null) {
            String problem = PolicyDocument.problem(document);
            if (problem != null) {
                report(inline, "the policy " + problem);
            }
            return ResourcePolicy.inline(document);
        }
        if (path == null) {
            return null;
        }
        PolicyFile.Read read = PolicyFile.read(basedir, path);
        if (read.problem() != null) {
            report(file, read.problem());
        }
        return read.policy();
    }

    /** Where a problem is: how messages name the table and the element, and its place. */
    private record Where(String subject, String element, Place place) {}

    /** The elements of one POM table. */
    private record TableElements(PomOrigin origin, String subject) {

        Where of(Setting setting) {
            return new Where(subject, origin.element(setting), origin.place(null, 0, setting));
        }
    }

    /** The elements of one of a POM table's secondary indexes: its kind, its position (from 1), its name. */
    private record IndexElements(TableElements table, IndexKind kind, int position, String name) {

        Where of(Setting setting) {
            return new Where(table.subject(), table.origin().indexElement(kind, position, name, setting),
                    table.origin().place(kind, position, setting));
        }
    }

    /** Maps each of a table's secondary indexes of one kind, with the elements that name it. */
    private static <I extends PomSecondaryIndex> void eachIndex(List<I> indexes, IndexKind kind, TableElements at,
            BiConsumer<I, IndexElements> map) {
        List<I> list = nonNull(indexes);
        for (int i = 0; i < list.size(); i++) {
            map.accept(list.get(i), new IndexElements(at, kind, i + 1, blankToNull(list.get(i).name)));
        }
    }

    private IndexProjection projection(PomSecondaryIndex index, IndexElements in) {
        return enumValue(IndexProjection.class, index.projection, IndexProjection.ALL, in.of(Setting.PROJECTION));
    }

    /**
     * Reports a table's unresolved elements first, at the places the rules use, so that the rules say
     * nothing more about them (a {@code <sortKey>} of {@code ${undefined.key}} is not also a key type error,
     * an unresolved {@code <readCapacity>} not also missing capacity).
     */
    private void reportUnresolved(PomTable table, TableElements at,
            List<UnresolvedExpressions.Found> unresolvedElements) {
        for (UnresolvedExpressions.Found found : unresolvedElements) {
            Place place = found.place();
            String element = found.element();
            if (place.indexKind() != null) {
                List<? extends PomSecondaryIndex> indexes = place.indexKind() == IndexKind.GLOBAL
                        ? nonNull(table.globalSecondaryIndexes) : nonNull(table.localSecondaryIndexes);
                String indexName = place.index() <= indexes.size()
                        ? blankToNull(indexes.get(place.index() - 1).name) : null;
                element = at.origin().indexElement(place.indexKind(), place.index(), indexName, null) + " " + element;
            }
            report(new Where(at.subject(), element, place), found.message());
        }
    }

    /**
     * A key of one attribute: the table's keys and a local secondary index's sort key. Only global secondary
     * indexes take keys of several attributes (API_LocalSecondaryIndex, KeySchema: "Maximum number of 2 items";
     * API_CreateTable, KeySchema: one HASH and at most one RANGE element).
     */
    private KeyAttribute key(String text, Where where) {
        List<KeyAttribute> keys = keys(text, where);
        if (keys.size() > 1) {
            report(where, "'" + text + "' names " + keys.size() + " attributes; only global secondary indexes take"
                    + " a key of several attributes, here the key is one attribute, e.g. " + keys.get(0).attributeName()
                    + ":" + keys.get(0).type());
            return null;
        }
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** The attributes of a key, in order; empty when not declared or not readable (reported). */
    private List<KeyAttribute> keys(String text, Where where) {
        if (text == null || text.isBlank() || reported.contains(where.place())) {
            return List.of();
        }
        try {
            return KeyNotation.parseList(text);
        } catch (IllegalArgumentException e) {
            report(where, e.getMessage());
            return List.of();
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String text, E defaultValue, Where where) {
        if (text == null || text.isBlank() || reported.contains(where.place())) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            report(where, "'" + text + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return defaultValue;
        }
    }

    private void report(Where where, String message) {
        problems.add(new ConfigurationProblem(where.subject(), where.element(), message, where.place()));
        reported.add(where.place());
    }

    private static AutoScaling autoScaling(PomAutoScaling scaling) {
        return scaling == null ? AutoScaling.NONE : new AutoScaling(dimension(scaling.read), dimension(scaling.write));
    }

    private static AutoScaling.Dimension dimension(PomAutoScaling.PomScaling scaling) {
        return scaling == null ? null
                : new AutoScaling.Dimension(scaling.min, scaling.max, scaling.targetUtilization);
    }

    private static WarmThroughput warmThroughput(PomWarmThroughput warm) {
        return warm == null ? WarmThroughput.NONE
                : new WarmThroughput(warm.readUnitsPerSecond, warm.writeUnitsPerSecond);
    }

    private static List<String> names(List<String> names) {
        return nonNull(names).stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
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
