package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.maven.PomOrigin;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The CreateTable request of each kind of declaration, in memory: what is declared is sent in
 * CreateTable's own terms, what is not declared is not sent (DynamoDB's defaults apply), and TTL and
 * point-in-time recovery, which CreateTable cannot carry, are never in it. {@code TableProvisionerTest}
 * proves on a server that such requests make the tables.
 */
class CreateTableRequestsTest {

    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    private static final KeyAttribute CREATED_AT = new KeyAttribute("created_at", AttributeType.N);
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final KeyAttribute TOTAL = new KeyAttribute("total", AttributeType.N);
    private static final KeyAttribute TENANT = new KeyAttribute("tenant", AttributeType.S);
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static DeclaredTable declared(UnaryOperator<DeclaredTable.Builder> declaration) {
        return declaration.apply(DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID)).build();
    }

    /** The request of the table with only its partition key (on demand), plus what the row adds. */
    private static CreateTableRequest request(UnaryOperator<CreateTableRequest.Builder> request) {
        return request.apply(CreateTableRequest.builder()
                .tableName("orders")
                .attributeDefinitions(definition("id", "S"))
                .keySchema(key("id", KeyType.HASH))
                .billingMode("PAY_PER_REQUEST")).build();
    }

    private static Arguments row(String name, UnaryOperator<DeclaredTable.Builder> declared,
            UnaryOperator<CreateTableRequest.Builder> request) {
        return Arguments.of(name, declared(declared), request(request));
    }

    private static AttributeDefinition definition(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                row("a partition key alone, on demand: no throughput, no indexes", t -> t, r -> r),
                row("TTL and point-in-time recovery are never sent", t -> t.timeToLiveAttribute("expires_at")
                        .pointInTimeRecovery(true), r -> r),
                row("a sort key", t -> t.sortKey(CREATED_AT), r -> r
                        .attributeDefinitions(definition("id", "S"), definition("created_at", "N"))
                        .keySchema(key("id", KeyType.HASH), key("created_at", KeyType.RANGE))),
                row("provisioned capacity", t -> t.billingMode(BillingMode.PROVISIONED).capacity(new Capacity(5L, 4L)),
                        r -> r.billingMode("PROVISIONED").provisionedThroughput(p -> p.readCapacityUnits(5L)
                                .writeCapacityUnits(4L))),
                row("maximum request units of an on-demand table", t -> t.onDemandThroughput(
                        new RequestUnits(100L, -1L)), r -> r.onDemandThroughput(o -> o.maxReadRequestUnits(100L)
                                .maxWriteRequestUnits(-1L))),
                row("each key attribute defined once: the table's keys, then the global indexes', then the local ones'",
                        t -> t.sortKey(CREATED_AT)
                                .localSecondaryIndex(new DeclaredLocalIndex("by-total", TOTAL,
                                        IndexProjection.KEYS_ONLY, List.of()))
                                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, CREATED_AT,
                                        IndexProjection.ALL, List.of()))
                                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-id", ID, null,
                                        IndexProjection.KEYS_ONLY, List.of())),
                        r -> r.attributeDefinitions(definition("id", "S"), definition("created_at", "N"),
                                        definition("status", "S"), definition("total", "N"))
                                .keySchema(key("id", KeyType.HASH), key("created_at", KeyType.RANGE))
                                .globalSecondaryIndexes(
                                        GlobalSecondaryIndex.builder().indexName("by-status")
                                                .keySchema(key("status", KeyType.HASH),
                                                        key("created_at", KeyType.RANGE))
                                                .projection(p -> p.projectionType(ProjectionType.ALL)).build(),
                                        GlobalSecondaryIndex.builder().indexName("by-id")
                                                .keySchema(key("id", KeyType.HASH))
                                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-total")
                                        .keySchema(key("id", KeyType.HASH), key("total", KeyType.RANGE))
                                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())),
                row("an INCLUDE projection sends its non-key attributes", t -> t.globalSecondaryIndex(
                        DeclaredGlobalIndex.of("by-status", STATUS, null, IndexProjection.INCLUDE,
                                List.of("total", "currency"))),
                        r -> r.attributeDefinitions(definition("id", "S"), definition("status", "S"))
                                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
                                        .keySchema(key("status", KeyType.HASH))
                                        .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                                                .nonKeyAttributes("total", "currency")).build())),
                row("a provisioned table's index has its own capacity", t -> t.billingMode(BillingMode.PROVISIONED)
                        .capacity(new Capacity(5L, 4L))
                        .globalSecondaryIndex(new DeclaredGlobalIndex("by-status", STATUS, null, IndexProjection.ALL,
                                List.of(), new Capacity(2L, 1L), null)),
                        r -> r.attributeDefinitions(definition("id", "S"), definition("status", "S"))
                                .billingMode("PROVISIONED")
                                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(4L))
                                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
                                        .keySchema(key("status", KeyType.HASH))
                                        .projection(p -> p.projectionType(ProjectionType.ALL))
                                        .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(1L))
                                        .build())),
                row("an on-demand table's index may have maximum request units", t -> t.globalSecondaryIndex(
                        new DeclaredGlobalIndex("by-status", STATUS, null, IndexProjection.ALL, List.of(), null,
                                new RequestUnits(20L, 10L))),
                        r -> r.attributeDefinitions(definition("id", "S"), definition("status", "S"))
                                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
                                        .keySchema(key("status", KeyType.HASH))
                                        .projection(p -> p.projectionType(ProjectionType.ALL))
                                        .onDemandThroughput(o -> o.maxReadRequestUnits(20L).maxWriteRequestUnits(10L))
                                        .build())),
                row("a key of several attributes: all HASH elements in order, then all RANGE elements in order",
                        t -> t.globalSecondaryIndex(new DeclaredGlobalIndex("by-place", List.of(STATUS, TENANT),
                                List.of(TOTAL, CREATED_AT), IndexProjection.KEYS_ONLY, List.of(), null, null)),
                        r -> r.attributeDefinitions(definition("id", "S"), definition("status", "S"),
                                        definition("tenant", "S"), definition("total", "N"),
                                        definition("created_at", "N"))
                                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-place")
                                        .keySchema(key("status", KeyType.HASH), key("tenant", KeyType.HASH),
                                                key("total", KeyType.RANGE), key("created_at", KeyType.RANGE))
                                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())),
                row("an enabled stream",
                        t -> t.stream(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES)),
                        r -> r.streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES"))),
                row("a stream declared disabled is not sent", t -> t.stream(new StreamSpecification(false,
                        StreamViewType.KEYS_ONLY)), r -> r),
                // with no SSESpecification DynamoDB encrypts with the AWS owned key (SSESpecification, API reference)
                // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SSESpecification.html
                row("the AWS owned key is DynamoDB's default: nothing sent",
                        t -> t.encryption(Encryption.AWS_OWNED, null), r -> r),
                row("the AWS managed key: KMS without a key", t -> t.encryption(Encryption.AWS_MANAGED, null),
                        r -> r.sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS))),
                row("a customer managed key: KMS with the key as declared", t -> t.encryption(
                        Encryption.CUSTOMER_MANAGED, KEY_ARN),
                        r -> r.sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(KEY_ARN))),
                row("a customer managed key by alias", t -> t.encryption(Encryption.CUSTOMER_MANAGED, "alias/orders"),
                        r -> r.sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS)
                                .kmsMasterKeyId("alias/orders"))),
                row("deletion protection", t -> t.deletionProtection(true), r -> r.deletionProtectionEnabled(true)),
                row("the infrequent-access table class", t -> t.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS),
                        r -> r.tableClass("STANDARD_INFREQUENT_ACCESS")),
                row("the standard table class, when declared", t -> t.tableClass(TableClass.STANDARD),
                        r -> r.tableClass("STANDARD")),
                row("the global tags with the table's own, which win, sorted by key", t -> t
                        .tags(Map.of("Environment", "test", "Application", "HealthAssistantAPI"))
                        .tags(Map.of("Environment", "prod", "Team", "core")),
                        r -> r.tags(tag("Application", "HealthAssistantAPI"), tag("Environment", "prod"),
                                tag("Team", "core"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void createTableSendsWhatIsDeclaredAndNothingElse(String name, DeclaredTable declared,
            CreateTableRequest expected) {
        assertThat(CreateTableRequests.of(declared)).isEqualTo(expected);
    }
}
