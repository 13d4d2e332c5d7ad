package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * How DescribeTable's and DescribeTimeToLive's answers become a {@link LiveTable}, in memory: each part
 * a declaration can say, and each optional part DynamoDB may leave out. The server tests read real
 * answers; these pin down the answers a local server never gives.
 */
class LiveTableReaderTest {

    private static final String TABLE = "orders";
    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final KeyAttribute CREATED_AT = new KeyAttribute("created_at", AttributeType.N);
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String STREAM_ARN = LiveTableBuilder.ACCOUNT_ARN + TABLE + "/stream/2024-01-01T00:00:00.000";
    private static final TimeToLiveDescription TTL_DISABLED = TimeToLiveDescription.builder()
            .timeToLiveStatus("DISABLED").build();

    /**
     * DescribeTable's answer for a table with a partition key id:S and nothing else, not even a billing mode
     * summary, plus what the row adds.
     */
    private static TableDescription described(UnaryOperator<TableDescription.Builder> row) {
        return row.apply(TableDescription.builder()
                .tableName(TABLE)
                .tableArn(LiveTableBuilder.ACCOUNT_ARN + TABLE)
                .tableStatus("ACTIVE")
                .attributeDefinitions(definition("id", "S"))
                .keySchema(key("id", KeyType.HASH))).build();
    }

    private static AttributeDefinition definition(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static LiveTableBuilder provisioned(long read, long write) {
        return LiveTableBuilder.table(TABLE, ID).billingMode(BillingMode.PROVISIONED)
                .capacity(new Capacity(read, write));
    }

    private static LiveTableBuilder onDemand() {
        return LiveTableBuilder.table(TABLE, ID);
    }

    private static Arguments row(String name, UnaryOperator<TableDescription.Builder> description,
            LiveTableBuilder expected) {
        return Arguments.of(name, described(description), TTL_DISABLED, expected.build());
    }

    private static Arguments row(String name, UnaryOperator<TableDescription.Builder> description,
            TimeToLiveDescription ttl, LiveTableBuilder expected) {
        return Arguments.of(name, described(description), ttl, expected.build());
    }

    private static UnaryOperator<TableDescription.Builder> payPerRequest(UnaryOperator<TableDescription.Builder> row) {
        return t -> row.apply(t.billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST")));
    }

    static Stream<Arguments> descriptions() {
        // DynamoDB may leave BillingModeSummary out for a table that was never switched to on demand
        // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BillingModeSummary.html
        return Stream.of(
                row("no billing mode summary is PROVISIONED", t -> t.provisionedThroughput(p -> p
                        .readCapacityUnits(5L).writeCapacityUnits(4L)), provisioned(5, 4)),
                row("a summary without a billing mode is PROVISIONED", t -> t.billingModeSummary(b -> b.build())
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(4L)), provisioned(5, 4)),
                row("PROVISIONED named in the summary", t -> t.billingModeSummary(b -> b.billingMode("PROVISIONED"))
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(4L)), provisioned(5, 4)),
                row("no throughput read is no capacity", t -> t, onDemand().billingMode(BillingMode.PROVISIONED)),
                row("an on-demand table has no capacity, though DescribeTable reports 0/0",
                        payPerRequest(t -> t.provisionedThroughput(p -> p.readCapacityUnits(0L)
                                .writeCapacityUnits(0L))),
                        onDemand()),
                row("maximum request units", payPerRequest(t -> t.onDemandThroughput(o -> o.maxReadRequestUnits(100L)
                        .maxWriteRequestUnits(-1L))), onDemand().onDemandThroughput(new RequestUnits(100L, -1L))),
                row("a sort key, its type from the attribute definitions", payPerRequest(t -> t
                        .attributeDefinitions(definition("id", "S"), definition("created_at", "N"))
                        .keySchema(key("id", KeyType.HASH), key("created_at", KeyType.RANGE))),
                        onDemand().sortKey(CREATED_AT)),
                row("a global index with its keys, projection and capacity", t -> t
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(4L))
                        .attributeDefinitions(definition("id", "S"), definition("status", "S"),
                                definition("created_at", "N"))
                        .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("by-status")
                                .keySchema(key("status", KeyType.HASH), key("created_at", KeyType.RANGE))
                                .projection(p -> p.projectionType("INCLUDE").nonKeyAttributes("total", "currency"))
                                .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(1L))
                                .indexStatus("ACTIVE").indexSizeBytes(1024L).itemCount(3L).build()),
                        provisioned(5, 4).globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, CREATED_AT,
                                IndexProjection.INCLUDE, List.of("total", "currency"), new Capacity(2L, 1L)))),
                row("a global index with a key of several attributes, in key schema order", payPerRequest(t -> t
                        .attributeDefinitions(definition("id", "S"), definition("tenant", "S"), definition("region", "S"),
                                definition("round", "N"), definition("played_at", "S"))
                        .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("by-place")
                                .keySchema(key("tenant", KeyType.HASH), key("region", KeyType.HASH),
                                        key("round", KeyType.RANGE), key("played_at", KeyType.RANGE))
                                .projection(p -> p.projectionType("ALL")).build())),
                        onDemand().globalSecondaryIndex("by-place", new LiveTable.Index(
                                List.of(new KeyAttribute("tenant", AttributeType.S),
                                        new KeyAttribute("region", AttributeType.S)),
                                List.of(new KeyAttribute("round", AttributeType.N),
                                        new KeyAttribute("played_at", AttributeType.S)),
                                IndexProjection.ALL, List.of(), Capacity.NONE))),
                row("an on-demand table's global index, without throughput", payPerRequest(t -> t
                        .attributeDefinitions(definition("id", "S"), definition("status", "S"))
                        .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("by-status")
                                .keySchema(key("status", KeyType.HASH)).projection(p -> p.projectionType("ALL"))
                                .build())),
                        onDemand().globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null,
                                IndexProjection.ALL, List.of(), Capacity.NONE))),
                row("an on-demand table's global index, with throughput 0/0", payPerRequest(t -> t
                        .attributeDefinitions(definition("id", "S"), definition("status", "S"))
                        .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder().indexName("by-status")
                                .keySchema(key("status", KeyType.HASH)).projection(p -> p.projectionType("KEYS_ONLY"))
                                .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L)).build())),
                        onDemand().globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null,
                                IndexProjection.KEYS_ONLY, List.of(), Capacity.NONE))),
                row("a local index with the table's partition key and its own sort key", payPerRequest(t -> t
                        .attributeDefinitions(definition("id", "S"), definition("sk", "S"),
                                definition("created_at", "N"))
                        .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE))
                        .localSecondaryIndexes(LocalSecondaryIndexDescription.builder().indexName("by-created")
                                .keySchema(key("id", KeyType.HASH), key("created_at", KeyType.RANGE))
                                .projection(p -> p.projectionType("KEYS_ONLY")).build())),
                        onDemand().sortKey(new KeyAttribute("sk", AttributeType.S)).localSecondaryIndex("by-created",
                                new LiveTable.Index(ID, CREATED_AT, IndexProjection.KEYS_ONLY, List.of(),
                                        Capacity.NONE))),
                row("an enabled stream and its ARN", payPerRequest(t -> t.streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType("NEW_AND_OLD_IMAGES")).latestStreamArn(STREAM_ARN)),
                        onDemand().stream(StreamViewType.NEW_AND_OLD_IMAGES, STREAM_ARN)),
                row("a disabled stream is no stream; its last ARN stays", payPerRequest(t -> t
                        .streamSpecification(s -> s.streamEnabled(false)).latestStreamArn(STREAM_ARN)),
                        onDemand().stream(null, STREAM_ARN)),
                row("KMS encryption names its key", payPerRequest(t -> t.sseDescription(s -> s.status("ENABLED")
                        .sseType("KMS").kmsMasterKeyArn(KEY_ARN))), onDemand().kmsKeyArn(KEY_ARN)),
                row("KMS encryption being updated still names its key", payPerRequest(t -> t.sseDescription(s -> s
                        .status("UPDATING").sseType("KMS").kmsMasterKeyArn(KEY_ARN))), onDemand().kmsKeyArn(KEY_ARN)),
                row("KMS encryption being disabled is the AWS owned key", payPerRequest(t -> t.sseDescription(s -> s
                        .status("DISABLED").sseType("KMS").kmsMasterKeyArn(KEY_ARN))), onDemand()),
                row("no SSE description is the AWS owned key", payPerRequest(t -> t), onDemand()),
                row("deletion protection", payPerRequest(t -> t.deletionProtectionEnabled(true)),
                        onDemand().deletionProtection(true)),
                row("the infrequent-access table class", payPerRequest(t -> t.tableClassSummary(c -> c
                        .tableClass("STANDARD_INFREQUENT_ACCESS"))),
                        onDemand().tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)),
                row("a class summary without a class is STANDARD",
                        payPerRequest(t -> t.tableClassSummary(c -> c.build())), onDemand()),
                row("what AWS computes is left out", payPerRequest(t -> t.tableStatus("UPDATING").tableSizeBytes(4096L)
                        .itemCount(12L).creationDateTime(Instant.parse("2024-01-01T00:00:00Z"))
                        .tableId("e7c1b0a4-7b6e-4d0e-9d39-0f6b5f0f5e21")),
                        onDemand().status("UPDATING")),
                row("TTL enabled on its attribute", payPerRequest(t -> t), TimeToLiveDescription.builder()
                        .timeToLiveStatus("ENABLED").attributeName("expires_at").build(),
                        onDemand().timeToLive("ENABLED", "expires_at")),
                row("TTL being enabled", payPerRequest(t -> t), TimeToLiveDescription.builder()
                        .timeToLiveStatus("ENABLING").attributeName("expires_at").build(),
                        onDemand().timeToLive("ENABLING", "expires_at")),
                row("TTL being disabled", payPerRequest(t -> t), TimeToLiveDescription.builder()
                        .timeToLiveStatus("DISABLING").attributeName("expires_at").build(),
                        onDemand().timeToLive("DISABLING", "expires_at")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptions")
    void describeTableBecomesTheLiveTable(String name, TableDescription table, TimeToLiveDescription ttl,
            LiveTable expected) {
        assertThat(LiveTableReader.toLiveTable(table, ttl, Map.of(), null, null)).isEqualTo(expected);
    }

    static Stream<Arguments> tagsAndBackups() {
        return Stream.of(
                Arguments.of(Map.of(), null),
                Arguments.of(Map.of("Team", "core", "aws:cloudformation:stack-name", "orders"), true),
                Arguments.of(Map.of("Team", "core"), false));
    }

    @ParameterizedTest(name = "tags {0}, point-in-time recovery {1}")
    @MethodSource("tagsAndBackups")
    void tagsAndPointInTimeRecoveryAreTakenAsRead(Map<String, String> tags, Boolean pointInTimeRecovery) {
        LiveTable live = LiveTableReader.toLiveTable(described(payPerRequest(t -> t)), TTL_DISABLED, tags,
                pointInTimeRecovery, null);

        assertThat(live.tags()).isEqualTo(tags);
        assertThat(live.pointInTimeRecovery()).isEqualTo(pointInTimeRecovery);
    }
}
