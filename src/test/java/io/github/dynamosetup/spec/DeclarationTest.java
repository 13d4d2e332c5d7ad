package io.github.dynamosetup.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclarationTest {

    private static final KeySpec ID = new KeySpec("id", AttributeType.S);

    static TableSpec table(String name) {
        return new TableSpec(name, ID, null, List.of(), null, BillingMode.PAY_PER_REQUEST, null, Map.of());
    }

    static GlobalSecondaryIndexSpec index(String name, KeySpec partitionKey) {
        return new GlobalSecondaryIndexSpec(name, partitionKey, null, Projection.ALL, List.of(), null);
    }

    private static List<String> problems(TableSpec... tables) {
        return Declaration.problemsOf(List.of(tables)).stream().map(ConfigurationProblem::toString).toList();
    }

    @Test
    void acceptsTheHealthAssistantTables() throws Exception {
        TableSpec doctores = new TableSpec("doctores", new KeySpec("doctor_id", AttributeType.S), null,
                List.of(index("especialidad-index", new KeySpec("especialidad", AttributeType.S))), null,
                BillingMode.PAY_PER_REQUEST, null, Map.of("Application", "HealthAssistantAPI"));
        Declaration declaration = Declaration.of(List.of(doctores, table("user_sessions")));
        assertThat(declaration.tables()).extracting(TableSpec::name).containsExactly("doctores", "user_sessions");
    }

    @Test
    void derivesAttributeDefinitionsFromTheKeysOnce() {
        TableSpec spec = new TableSpec("horarios", new KeySpec("doctor_id", AttributeType.S),
                new KeySpec("fecha_hora", AttributeType.S),
                List.of(index("by-doctor", new KeySpec("doctor_id", AttributeType.S))), null,
                BillingMode.PAY_PER_REQUEST, null, Map.of());
        assertThat(spec.attributeDefinitions())
                .containsExactly(Map.entry("doctor_id", AttributeType.S), Map.entry("fecha_hora", AttributeType.S));
    }

    @Test
    void reportsAMissingNameByPosition() {
        assertThat(problems(table("ok_table"), table(null)))
                .containsExactly("table #2 (no name), <name>: missing; give the table a name, e.g. <name>my_table</name>");
    }

    @Test
    void reportsAMissingPartitionKey() {
        TableSpec spec = new TableSpec("doctores", null, null, List.of(), null, BillingMode.PAY_PER_REQUEST, null,
                Map.of());
        assertThat(problems(spec)).singleElement().asString()
                .startsWith("table 'doctores', <partitionKey>: missing");
    }

    @Test
    void appliesDynamoDbsNameRulesToTablesAndIndexes() {
        TableSpec spec = new TableSpec("ab", ID, null, List.of(index("bad index!", ID)), null,
                BillingMode.PAY_PER_REQUEST, null, Map.of());
        assertThat(problems(spec)).containsExactly(
                "table 'ab', <name>: 'ab' is not a valid DynamoDB table name: use 3 to 255 characters of a-z, A-Z,"
                        + " 0-9, '_', '-' and '.'",
                "table 'ab', <globalSecondaryIndex> 'bad index!' <name>: 'bad index!' is not a valid DynamoDB index"
                        + " name: use 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        assertThat(problems(table("x".repeat(256)))).hasSize(1);
        assertThat(problems(table("a.b-c_" + "x".repeat(249)))).isEmpty();
    }

    @Test
    void reportsTablesAndIndexesDeclaredTwice() {
        TableSpec withTwins = new TableSpec("doctores", ID, null, List.of(index("idx", ID), index("idx", ID)), null,
                BillingMode.PAY_PER_REQUEST, null, Map.of());
        assertThat(problems(withTwins, table("doctores"))).containsExactly(
                "table 'doctores', <globalSecondaryIndex> 'idx': declared twice in this table; index names must be"
                        + " unique within a table",
                "table 'doctores', <name>: declared twice (tables #1 and #2); remove one <table> or give them"
                        + " different names");
    }

    @Test
    void capacityGoesWithProvisionedOnly() {
        TableSpec onDemandWithCapacity = new TableSpec("on_demand", ID, null, List.of(), null,
                BillingMode.PAY_PER_REQUEST, new Capacity(5L, 5L), Map.of());
        TableSpec provisionedWithout = new TableSpec("provisioned", ID, null,
                List.of(new GlobalSecondaryIndexSpec("idx", ID, null, Projection.ALL, List.of(), new Capacity(1L, null))),
                null, BillingMode.PROVISIONED, null, Map.of());
        assertThat(problems(onDemandWithCapacity, provisionedWithout)).containsExactly(
                "table 'on_demand', <readCapacity>/<writeCapacity>: capacity is only for <billingMode>PROVISIONED"
                        + "</billingMode>; remove it or set the billing mode to PROVISIONED",
                "table 'provisioned', <readCapacity>/<writeCapacity>: missing; with <billingMode>PROVISIONED"
                        + "</billingMode> every table needs both, e.g. <readCapacity>5</readCapacity><writeCapacity>5"
                        + "</writeCapacity>",
                "table 'provisioned', <globalSecondaryIndex> 'idx' <readCapacity>/<writeCapacity>: missing; with"
                        + " <billingMode>PROVISIONED</billingMode> every index needs both, e.g. <readCapacity>5"
                        + "</readCapacity><writeCapacity>5</writeCapacity>");
    }

    @Test
    void rejectsEmptyAndUnresolvedTagValues() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Application", "HealthAssistantAPI");
        tags.put("Environment", "${env.ENVIRONMENT}");
        tags.put("Owner", null);
        tags.put("Team", " ");
        TableSpec spec = new TableSpec("doctores", ID, null, List.of(), null, BillingMode.PAY_PER_REQUEST, null, tags);
        assertThat(problems(spec)).hasSize(3).satisfiesExactly(
                p -> assertThat(p).startsWith("table 'doctores', <tags><Environment>: the tag value '${env.ENVIRONMENT}'"
                        + " holds an unresolved Maven expression"),
                p -> assertThat(p).startsWith("table 'doctores', <tags><Owner>: the tag value is empty"),
                p -> assertThat(p).startsWith("table 'doctores', <tags><Team>: the tag value is empty"));
    }

    @Test
    void includeProjectionsNeedNonKeyAttributesAndOnlyThey() {
        TableSpec spec = new TableSpec("doctores", ID, null, List.of(
                new GlobalSecondaryIndexSpec("inc", ID, null, Projection.INCLUDE, List.of(), null),
                new GlobalSecondaryIndexSpec("all", ID, null, Projection.ALL, List.of("nombre"), null)),
                null, BillingMode.PAY_PER_REQUEST, null, Map.of());
        assertThat(problems(spec)).satisfiesExactly(
                p -> assertThat(p).startsWith("table 'doctores', <globalSecondaryIndex> 'inc' <nonKeyAttributes>:"
                        + " missing; an INCLUDE projection lists"),
                p -> assertThat(p).startsWith("table 'doctores', <globalSecondaryIndex> 'all' <nonKeyAttributes>:"
                        + " only an INCLUDE projection takes non-key attributes"));
    }

    @Test
    void anAttributeHasOneTypeAcrossKeys() {
        TableSpec spec = new TableSpec("doctores", ID, null,
                List.of(index("by-id", new KeySpec("id", AttributeType.N))), null, BillingMode.PAY_PER_REQUEST, null,
                Map.of());
        assertThat(problems(spec)).singleElement().asString()
                .contains("the attribute 'id' is used as a key with two types (S and N)");
    }

    @Test
    void ofThrowsWithEveryProblemAtOnce() {
        assertThatThrownBy(() -> Declaration.of(List.of(table(null), table("x"))))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (2 problems); no AWS call was made:")
                .satisfies(e -> assertThat(((InvalidDeclarationException) e).problems()).hasSize(2));
    }
}
