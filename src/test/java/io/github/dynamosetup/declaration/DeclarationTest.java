package io.github.dynamosetup.declaration;

import io.github.dynamosetup.maven.PomOrigin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeclarationTest {

    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    private static final KeyAttribute SORT = new KeyAttribute("sk", AttributeType.S);

    private static int position = 1;

    static DeclaredTable.Builder table(String name) {
        return DeclaredTable.builder(new PomOrigin(position++), name).partitionKey(ID);
    }

    static DeclaredGlobalIndex index(String name, KeyAttribute partitionKey) {
        return DeclaredGlobalIndex.of(name, partitionKey, null, IndexProjection.ALL, List.of());
    }

    static DeclaredLocalIndex localIndex(String name, KeyAttribute sortKey) {
        return new DeclaredLocalIndex(name, sortKey, IndexProjection.ALL, List.of());
    }

    private static List<String> problems(DeclaredTable... tables) {
        return DeclarationRules.problemsOf(List.of(tables)).stream().map(ConfigurationProblem::toString).toList();
    }

    private static String problem(DeclaredTable table) {
        List<String> problems = problems(table);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void acceptsTheHealthAssistantTables() throws Exception {
        Declaration declaration = Declaration.of(List.of(
                table("doctores").globalSecondaryIndex(index("especialidad-index", ID))
                        .tags(Map.of("Application", "HealthAssistantAPI")).build(),
                table("user_sessions").timeToLiveAttribute("ttl").build()));
        assertThat(declaration.tables()).extracting(DeclaredTable::name).containsExactly("doctores", "user_sessions");
    }

    @Test
    void acceptsEveryFeatureDeclaredCorrectly() throws Exception {
        DeclaredTable full = table("orders").sortKey(SORT)
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-status", new KeyAttribute("status", AttributeType.S),
                        SORT, IndexProjection.INCLUDE, List.of("total"), null, new RequestUnits(10L, -1L)))
                .localSecondaryIndex(new DeclaredLocalIndex("by-date", new KeyAttribute("date", AttributeType.N),
                        IndexProjection.KEYS_ONLY, List.of()))
                .onDemandThroughput(new RequestUnits(100L, 50L))
                .stream(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES))
                .encryption(Encryption.CUSTOMER_MANAGED, "alias/orders")
                .pointInTimeRecovery(true).deletionProtection(true).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .tags(Map.of("Team", "checkout", "Cost-Center", "a/b:c=d+e@f"))
                .build();
        assertThat(problems(full)).isEmpty();
    }

    @Test
    void derivesAttributeDefinitionsFromTheKeysOnce() {
        DeclaredTable declared = table("horarios").sortKey(new KeyAttribute("fecha_hora", AttributeType.S))
                .globalSecondaryIndex(index("by-id", ID))
                .localSecondaryIndex(localIndex("by-n", new KeyAttribute("n", AttributeType.N))).build();
        assertThat(declared.attributeDefinitions()).containsExactly(Map.entry("id", AttributeType.S),
                Map.entry("fecha_hora", AttributeType.S), Map.entry("n", AttributeType.N));
    }

    @Test
    void reportsAMissingNameByPosition() {
        DeclaredTable unnamed = DeclaredTable.builder(new PomOrigin(2), null).partitionKey(ID).build();
        assertThat(problems(table("ok_table").build(), unnamed))
                .containsExactly("table #2 (no name), <name>: missing; give the table a name");
    }

    @Test
    void reportsAMissingPartitionKey() {
        assertThat(problem(DeclaredTable.builder(new PomOrigin(1), "doctores").build()))
                .isEqualTo("table 'doctores', <partitionKey>: missing; every table needs a partition key");
    }

    @Test
    void appliesDynamoDbsNameRulesToTablesAndIndexes() {
        DeclaredTable declared = table("ab").globalSecondaryIndex(index("bad index!", ID)).build();
        assertThat(problems(declared)).containsExactly(
                "table 'ab', <name>: 'ab' is not a valid DynamoDB table name: use 3 to 255 characters of a-z, A-Z,"
                        + " 0-9, '_', '-' and '.'",
                "table 'ab', <globalSecondaryIndex> 'bad index!' <name>: 'bad index!' is not a valid DynamoDB index"
                        + " name: use 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        assertThat(problems(table("x".repeat(256)).build())).hasSize(1);
        assertThat(problems(table("a.b-c_" + "x".repeat(249)).build())).isEmpty();
    }

    @Test
    void reportsTablesAndIndexesDeclaredTwice() {
        DeclaredTable withTwins = DeclaredTable.builder(new PomOrigin(1), "doctores").partitionKey(ID).sortKey(SORT)
                .globalSecondaryIndex(index("idx", ID)).localSecondaryIndex(localIndex("idx", SORT)).build();
        DeclaredTable again = DeclaredTable.builder(new PomOrigin(2), "doctores").partitionKey(ID).build();
        assertThat(problems(withTwins, again)).containsExactly(
                "table 'doctores', <localSecondaryIndex> 'idx': another index of this table has the same name; index"
                        + " names must be unique within a table",
                "table 'doctores', <name>: declared twice, at <tables> #1 and at <tables> #2; remove one or give them"
                        + " different names");
    }

    @Test
    void capacityGoesWithProvisionedOnly() {
        DeclaredTable onDemandWithCapacity = table("on_demand").capacity(new Capacity(5L, 5L)).build();
        DeclaredTable provisionedWithout = table("provisioned").billingMode(BillingMode.PROVISIONED)
                .globalSecondaryIndex(new DeclaredGlobalIndex("idx", ID, null, IndexProjection.ALL, List.of(),
                        new Capacity(1L, null), null)).build();
        assertThat(problems(onDemandWithCapacity, provisionedWithout)).containsExactly(
                "table 'on_demand', <readCapacity>/<writeCapacity>: read/write capacity is only for PROVISIONED"
                        + " billing; remove it or set the billing mode to PROVISIONED",
                "table 'provisioned', <readCapacity>/<writeCapacity>: missing; with PROVISIONED billing every table"
                        + " needs both read and write capacity units",
                "table 'provisioned', <globalSecondaryIndex> 'idx' <readCapacity>/<writeCapacity>: missing; with"
                        + " PROVISIONED billing every global secondary index needs both read and write capacity units");
    }

    @Test
    void maximumRequestUnitsGoWithOnDemandOnly() {
        assertThat(problem(table("provisioned").billingMode(BillingMode.PROVISIONED).capacity(new Capacity(1L, 1L))
                .onDemandThroughput(new RequestUnits(10L, 10L)).build()))
                .isEqualTo("table 'provisioned', <maxReadRequestUnits>/<maxWriteRequestUnits>: maximum request units"
                        + " are only for PAY_PER_REQUEST billing; remove them or change the billing mode");
        assertThat(problem(table("zero_units").onDemandThroughput(new RequestUnits(0L, null)).build()))
                .endsWith("maximum request units are at least 1, or -1 for no limit");
    }

    @Test
    void emptyTagValuesAreRejectedInThePom() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Application", "HealthAssistantAPI");
        tags.put("Owner", null);
        tags.put("Team", " ");
        assertThat(problems(table("doctores").tags(tags).build())).satisfiesExactly(
                p -> assertThat(p).startsWith("table 'doctores', <tags><Owner>: the tag value is empty"),
                p -> assertThat(p).startsWith("table 'doctores', <tags><Team>: the tag value is empty"));
    }

    /**
     * The rules know no Maven: a value that holds {@code ${...}} is only characters DynamoDB refuses in a tag
     * (the POM reports it as an unresolved expression, see DeclarationMapperTest).
     */
    @Test
    void aTagValueWithDollarAndBracesBreaksDynamoDbsCharacterRule() {
        assertThat(problem(table("doctores").tags(Map.of("Environment", "${env.ENVIRONMENT}")).build()))
                .isEqualTo("table 'doctores', <tags><Environment>: a tag value has at most 256 letters, digits,"
                        + " spaces and _ . : / = + - @");
    }

    @Test
    void tagKeysAndValuesFollowDynamoDbsRules() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("aws:createdBy", "me");
        tags.put("k".repeat(129), "v");
        tags.put("Bad*Key", "v");
        tags.put("Long", "v".repeat(257));
        tags.put("Odd", "semi;colon");
        assertThat(problems(table("tagged").tags(tags).build())).containsExactlyInAnyOrder(
                "table 'tagged', <tags><aws:createdBy>: the prefix 'aws:' is reserved for AWS's own tags; choose"
                        + " another key",
                "table 'tagged', <tags><" + "k".repeat(129) + ">: a tag key has 1 to 128 letters, digits, spaces and"
                        + " _ . : / = + - @",
                "table 'tagged', <tags><Bad*Key>: a tag key has 1 to 128 letters, digits, spaces and _ . : / = + - @",
                "table 'tagged', <tags><Long>: a tag value has at most 256 letters, digits, spaces and _ . : / = + - @",
                "table 'tagged', <tags><Odd>: a tag value has at most 256 letters, digits, spaces and _ . : / = + - @");
        Map<String, String> many = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 51).forEach(i -> many.put("Tag" + i, "v"));
        assertThat(problem(table("many_tags").tags(many).build()))
                .endsWith("<tags>: 51 tags (global and the table's own); DynamoDB allows at most 50 per table");
    }

    @Test
    void includeProjectionsNeedNonKeyAttributesAndOnlyThey() {
        DeclaredTable declared = table("doctores")
                .globalSecondaryIndex(DeclaredGlobalIndex.of("inc", ID, null, IndexProjection.INCLUDE, List.of()))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("all", ID, null, IndexProjection.ALL, List.of("nombre")))
                .build();
        assertThat(problems(declared)).containsExactly(
                "table 'doctores', <globalSecondaryIndex> 'inc' <nonKeyAttributes>: missing; an INCLUDE projection"
                        + " lists the attributes it copies; or project ALL or KEYS_ONLY",
                "table 'doctores', <globalSecondaryIndex> 'all' <nonKeyAttributes>: only an INCLUDE projection takes"
                        + " non-key attributes; project INCLUDE or remove them");
    }

    @Test
    void atMostAHundredProjectedAttributesAcrossIndexes() {
        List<String> sixty = IntStream.range(0, 60).mapToObj(i -> "a" + i).toList();
        DeclaredTable declared = table("wide")
                .globalSecondaryIndex(DeclaredGlobalIndex.of("one", ID, null, IndexProjection.INCLUDE, sixty))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("two", ID, null, IndexProjection.INCLUDE, sixty))
                .build();
        assertThat(problem(declared)).contains("<nonKeyAttributes>: 120 non-key attributes projected across the table's"
                + " indexes; DynamoDB allows at most 100 in all");
    }

    @Test
    void atMostTwentyGlobalAndFiveLocalIndexes() {
        DeclaredTable.Builder builder = table("many_indexes").sortKey(SORT);
        IntStream.rangeClosed(1, 21).forEach(i -> builder.globalSecondaryIndex(index("gsi" + i, ID)));
        IntStream.rangeClosed(1, 6).forEach(i -> builder.localSecondaryIndex(localIndex("lsi" + i, SORT)));
        assertThat(problems(builder.build())).containsExactly(
                "table 'many_indexes', <globalSecondaryIndexes>: 21 global secondary indexes; DynamoDB allows at most"
                        + " 20 per table",
                "table 'many_indexes', <localSecondaryIndexes>: 6 local secondary indexes; DynamoDB allows at most 5"
                        + " per table");
    }

    @Test
    void localIndexesNeedATableSortKeyAndTheirOwn() {
        DeclaredTable declared = table("no_sort_key").localSecondaryIndex(localIndex("by-date", null)).build();
        assertThat(problems(declared)).containsExactly(
                "table 'no_sort_key', <localSecondaryIndexes>: local secondary indexes need a table with a sort key;"
                        + " add a sort key to the table, or make these global secondary indexes",
                "table 'no_sort_key', <localSecondaryIndex> 'by-date' <sortKey>: missing; a local secondary index"
                        + " shares the table's partition key and needs its own sort key");
    }

    @Test
    void streamsNeedAViewTypeAndAViewTypeNeedsAStream() {
        assertThat(problem(table("no_view").stream(new StreamSpecification(true, null)).build()))
                .endsWith("an enabled stream needs a view type: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
        assertThat(problem(table("disabled").stream(new StreamSpecification(false, StreamViewType.NEW_IMAGE)).build()))
                .endsWith("a stream view type is only for an enabled stream; enable the stream or remove the view type");
    }

    @Test
    void aKmsKeyGoesWithCustomerManagedEncryptionOnly() {
        assertThat(problem(table("no_key").encryption(Encryption.CUSTOMER_MANAGED, null).build()))
                .isEqualTo("table 'no_key', <kmsKeyId>: missing; CUSTOMER_MANAGED encryption needs the KMS key's id,"
                        + " ARN or alias");
        assertThat(problem(table("stray_key").encryption(Encryption.AWS_MANAGED, "alias/x").build()))
                .isEqualTo("table 'stray_key', <kmsKeyId>: a KMS key is only for CUSTOMER_MANAGED encryption; set the"
                        + " encryption to CUSTOMER_MANAGED or remove the key");
    }

    @Test
    void theTtlAttributeHasAtMost255Characters() {
        assertThat(problem(table("ttl_table").timeToLiveAttribute("t".repeat(256)).build()))
                .isEqualTo("table 'ttl_table', <timeToLiveAttribute>: the TTL attribute name has 1 to 255 characters");
    }

    @Test
    void anAttributeHasOneTypeAcrossKeys() {
        DeclaredTable declared = table("doctores").globalSecondaryIndex(index("by-id", new KeyAttribute("id", AttributeType.N)))
                .build();
        assertThat(problem(declared)).contains("the attribute 'id' is used as a key with two types (S and N)");
    }

    @Test
    void ofThrowsWithEveryProblemAtOnce() {
        List<DeclaredTable> tables = new ArrayList<>();
        tables.add(DeclaredTable.builder(new PomOrigin(1), null).partitionKey(ID).build());
        tables.add(table("x").build());
        assertThatThrownBy(() -> Declaration.of(tables))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (2 problems); no AWS call was made:")
                .satisfies(e -> assertThat(((InvalidDeclarationException) e).problems()).hasSize(2));
    }
}
