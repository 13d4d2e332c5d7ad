package io.github.dynamosetup.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tables a build declares, validated against DynamoDB's rules. An instance exists only when every
 * table is valid, so the provisioning core never sends a request built from a broken declaration.
 */
public final class Declaration {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final List<TableSpec> tables;

    private Declaration(List<TableSpec> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * Validates the tables and returns them as a declaration.
     *
     * @throws InvalidDeclarationException listing every problem found, not just the first
     */
    public static Declaration of(List<TableSpec> tables) throws InvalidDeclarationException {
        List<ConfigurationProblem> problems = problemsOf(tables);
        if (!problems.isEmpty()) {
            throw new InvalidDeclarationException(problems);
        }
        return new Declaration(tables);
    }

    /** Every problem of the tables, in declaration order; empty when they are valid. */
    public static List<ConfigurationProblem> problemsOf(List<TableSpec> tables) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        Map<String, Integer> firstPositionOfName = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            TableSpec table = tables.get(i);
            String subject = subject(table.name(), i + 1);
            if (table.name() != null) {
                Integer first = firstPositionOfName.putIfAbsent(table.name(), i + 1);
                if (first != null) {
                    problems.add(new ConfigurationProblem(subject, "<name>", "declared twice (tables #" + first
                            + " and #" + (i + 1) + "); remove one <table> or give them different names"));
                }
            }
            new TableRules(subject, table, problems).check();
        }
        return problems;
    }

    /** How messages refer to a table: by name, or by position when it has none. */
    public static String subject(String tableName, int position) {
        return tableName == null || tableName.isBlank()
                ? "table #" + position + " (no name)"
                : "table '" + tableName + "'";
    }

    public List<TableSpec> tables() {
        return tables;
    }

    /** The rules one table must follow; collects what it breaks. */
    private static final class TableRules {
        private final String subject;
        private final TableSpec table;
        private final List<ConfigurationProblem> problems;

        TableRules(String subject, TableSpec table, List<ConfigurationProblem> problems) {
            this.subject = subject;
            this.table = table;
            this.problems = problems;
        }

        void check() {
            checkName("<name>", table.name(), "table", "my_table");
            if (table.partitionKey() == null) {
                problem("<partitionKey>", "missing; every table needs one, e.g. <partitionKey>id:S</partitionKey>");
            }
            checkIndexes();
            checkKeyTypes();
            checkBilling();
            if (table.timeToLiveAttribute() != null && table.timeToLiveAttribute().length() > 255) {
                problem("<timeToLiveAttribute>", "is longer than 255 characters; use a shorter attribute name");
            }
            checkTags();
        }

        private void checkName(String element, String name, String what, String example) {
            if (name == null || name.isBlank()) {
                problem(element, "missing; give the " + what + " a name, e.g. <name>" + example + "</name>");
            } else if (!NAME.matcher(name).matches()) {
                problem(element, "'" + name + "' is not a valid DynamoDB " + what + " name: use 3 to 255 characters"
                        + " of a-z, A-Z, 0-9, '_', '-' and '.'");
            }
        }

        private void checkIndexes() {
            Map<String, Integer> seen = new HashMap<>();
            List<GlobalSecondaryIndexSpec> indexes = table.globalSecondaryIndexes();
            for (int i = 0; i < indexes.size(); i++) {
                GlobalSecondaryIndexSpec index = indexes.get(i);
                String element = indexElement(index.name(), i + 1);
                checkName(element + " <name>", index.name(), "index", "my-index");
                if (index.name() != null && seen.putIfAbsent(index.name(), i + 1) != null) {
                    problem(element, "declared twice in this table; index names must be unique within a table");
                }
                if (index.partitionKey() == null) {
                    problem(element + " <partitionKey>",
                            "missing; every global secondary index needs one, e.g. <partitionKey>category:S</partitionKey>");
                }
                if (index.projection() == Projection.INCLUDE && index.nonKeyAttributes().isEmpty()) {
                    problem(element + " <nonKeyAttributes>", "missing; an INCLUDE projection lists the attributes it"
                            + " copies in <nonKeyAttributes><nonKeyAttribute>name</nonKeyAttribute></nonKeyAttributes>,"
                            + " or use <projection>ALL</projection> or KEYS_ONLY");
                }
                if (index.projection() != Projection.INCLUDE && !index.nonKeyAttributes().isEmpty()) {
                    problem(element + " <nonKeyAttributes>", "only an INCLUDE projection takes non-key attributes;"
                            + " set <projection>INCLUDE</projection> or remove <nonKeyAttributes>");
                }
            }
        }

        private void checkKeyTypes() {
            Map<String, AttributeType> types = new LinkedHashMap<>();
            List<KeySpec> keys = new ArrayList<>();
            keys.add(table.partitionKey());
            keys.add(table.sortKey());
            table.globalSecondaryIndexes().forEach(i -> {
                keys.add(i.partitionKey());
                keys.add(i.sortKey());
            });
            for (KeySpec key : keys) {
                if (key == null) {
                    continue;
                }
                AttributeType earlier = types.putIfAbsent(key.attributeName(), key.type());
                if (earlier != null && earlier != key.type()) {
                    problem("<partitionKey>/<sortKey>", "the attribute '" + key.attributeName() + "' is used as a key"
                            + " with two types (" + earlier + " and " + key.type() + "); an attribute has one type,"
                            + " so declare it the same way everywhere");
                }
                if (key.attributeName().length() > 255) {
                    problem("<partitionKey>/<sortKey>", "the key attribute name '" + key.attributeName()
                            + "' is longer than 255 characters");
                }
            }
        }

        private void checkBilling() {
            if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
                if (table.capacity().isDeclared()) {
                    problem("<readCapacity>/<writeCapacity>", "capacity is only for <billingMode>PROVISIONED</billingMode>;"
                            + " remove it or set the billing mode to PROVISIONED");
                }
                List<GlobalSecondaryIndexSpec> indexes = table.globalSecondaryIndexes();
                for (int i = 0; i < indexes.size(); i++) {
                    if (indexes.get(i).capacity().isDeclared()) {
                        problem(indexElement(indexes.get(i).name(), i + 1) + " <readCapacity>/<writeCapacity>",
                                "capacity is only for tables with <billingMode>PROVISIONED</billingMode>; remove it"
                                        + " or set the table's billing mode to PROVISIONED");
                    }
                }
                return;
            }
            checkCapacity("", table.capacity(), "table");
            List<GlobalSecondaryIndexSpec> indexes = table.globalSecondaryIndexes();
            for (int i = 0; i < indexes.size(); i++) {
                checkCapacity(indexElement(indexes.get(i).name(), i + 1) + " ", indexes.get(i).capacity(), "index");
            }
        }

        private void checkCapacity(String elementPrefix, Capacity capacity, String what) {
            if (!capacity.isComplete()) {
                problem(elementPrefix + "<readCapacity>/<writeCapacity>", "missing; with <billingMode>PROVISIONED"
                        + "</billingMode> every " + what + " needs both, e.g. <readCapacity>5</readCapacity>"
                        + "<writeCapacity>5</writeCapacity>");
                return;
            }
            if (capacity.readCapacityUnits() < 1 || capacity.writeCapacityUnits() < 1) {
                problem(elementPrefix + "<readCapacity>/<writeCapacity>", "must be at least 1");
            }
        }

        private void checkTags() {
            problems.addAll(tagProblems(subject, table.tags()));
        }

        private void problem(String element, String message) {
            problems.add(new ConfigurationProblem(subject, element, message));
        }
    }

    /** The problems of a set of tags (empty or unresolved values, over-long keys), attributed to {@code subject}. */
    public static List<ConfigurationProblem> tagProblems(String subject, Map<String, String> tags) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        tags.forEach((key, value) -> {
            String element = "<tags><" + key + ">";
            if (key.length() > 128) {
                problems.add(new ConfigurationProblem(subject, element, "tag keys have at most 128 characters"));
            }
            if (value == null || value.isBlank()) {
                problems.add(new ConfigurationProblem(subject, element, "the tag value is empty; give it a value (for"
                        + " an environment variable, make sure it is set) or remove the tag"));
            } else if (value.contains("${")) {
                problems.add(new ConfigurationProblem(subject, element, "the tag value '" + value + "' holds an"
                        + " unresolved Maven expression; define the property or environment variable it names (e.g."
                        + " export ENVIRONMENT=dev for ${env.ENVIRONMENT}), or remove the tag"));
            }
        });
        return problems;
    }

    /** How messages refer to a global secondary index of a table: by name, or by position when it has none. */
    public static String indexElement(String name, int position) {
        return "<globalSecondaryIndex> " + (name == null ? "#" + position : "'" + name + "'");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Declaration d && d.tables.equals(tables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables);
    }
}
