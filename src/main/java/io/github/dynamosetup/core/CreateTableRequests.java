package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.WarmThroughput;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Turns a validated table declared into the CreateTable request that makes it: keys, indexes, billing,
 * stream, encryption, deletion protection, table class and tags. TTL and point-in-time recovery
 * cannot go with CreateTable; {@link TableWriter} applies them once the table is ACTIVE.
 */
final class CreateTableRequests {

    private CreateTableRequests() {}

    static CreateTableRequest of(DeclaredTable table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .attributeDefinitions(attributeDefinitions(table))
                .keySchema(keySchema(table.partitionKey(), table.sortKey()))
                .billingMode(BillingMode.fromValue(table.billingMode().name()));
        if (table.capacity().isComplete()) {
            request.provisionedThroughput(throughput(table.capacity()));
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(CreateTableRequests::globalSecondaryIndex)
                    .toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(index.name())
                            .keySchema(keySchema(table.partitionKey(), index.sortKey()))
                            .projection(projection(index.projection(), index.nonKeyAttributes()))
                            .build())
                    .toList());
        }
        if (table.warmThroughput().isDeclared()) {
            request.warmThroughput(warm(table.warmThroughput()));
        }
        if (table.onDemandThroughput().isDeclared()) {
            request.onDemandThroughput(onDemand(table.onDemandThroughput()));
        }
        if (table.stream() != null && table.stream().enabled()) {
            request.streamSpecification(s -> s.streamEnabled(true)
                    .streamViewType(StreamViewType.fromValue(table.stream().viewType().name())));
        }
        if (table.encryption() == Encryption.AWS_MANAGED) {
            request.sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS));
        } else if (table.encryption() == Encryption.CUSTOMER_MANAGED) {
            request.sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(table.kmsKeyId()));
        }
        if (table.deletionProtection()) {
            request.deletionProtectionEnabled(true);
        }
        if (table.resourcePolicy() != null) {
            // "When you attach a resource-based policy while creating a table, the policy application is strongly
            // consistent" (API_CreateTable, ResourcePolicy): no PutResourcePolicy, and no read, follows
            request.resourcePolicy(table.resourcePolicy().document());
        }
        if (table.tableClass() != null) {
            request.tableClass(TableClass.fromValue(table.tableClass().name()));
        }
        if (!table.tags().isEmpty()) {
            request.tags(table.tags().entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList());
        }
        return request.build();
    }

    /**
     * The UpdateTable request that adds a global secondary index to an existing table: the index's parts as
     * CreateTable takes them, and the table's attribute definitions, which must cover the index's keys
     * (UpdateTable, API reference: AttributeDefinitions).
     */
    static UpdateTableRequest addIndex(DeclaredTable table, DeclaredGlobalIndex index) {
        GlobalSecondaryIndex parts = globalSecondaryIndex(index);
        return UpdateTableRequest.builder()
                .tableName(table.name())
                .attributeDefinitions(attributeDefinitions(table))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(c -> c.indexName(parts.indexName())
                                .keySchema(parts.keySchema())
                                .projection(parts.projection())
                                .provisionedThroughput(parts.provisionedThroughput())
                                .onDemandThroughput(parts.onDemandThroughput())
                                .warmThroughput(parts.warmThroughput()))
                        .build())
                .build();
    }

    private static List<AttributeDefinition> attributeDefinitions(DeclaredTable table) {
        return table.attributeDefinitions().entrySet().stream()
                .map(e -> AttributeDefinition.builder()
                        .attributeName(e.getKey())
                        .attributeType(ScalarAttributeType.fromValue(e.getValue().name()))
                        .build())
                .toList();
    }

    /** The CreateTable form of a global secondary index. */
    private static GlobalSecondaryIndex globalSecondaryIndex(DeclaredGlobalIndex index) {
        GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKeys(), index.sortKeys()))
                .projection(projection(index.projection(), index.nonKeyAttributes()));
        if (index.capacity().isComplete()) {
            builder.provisionedThroughput(throughput(index.capacity()));
        }
        if (index.warmThroughput().isDeclared()) {
            builder.warmThroughput(warm(index.warmThroughput()));
        }
        if (index.onDemandThroughput().isDeclared()) {
            builder.onDemandThroughput(onDemand(index.onDemandThroughput()));
        }
        return builder.build();
    }

    private static Projection projection(io.github.dynamosetup.declaration.IndexProjection type, List<String> nonKeyAttributes) {
        Projection.Builder projection = Projection.builder().projectionType(ProjectionType.fromValue(type.name()));
        if (!nonKeyAttributes.isEmpty()) {
            projection.nonKeyAttributes(nonKeyAttributes);
        }
        return projection.build();
    }

    /**
     * Warm throughput as CreateTable and UpdateTable take it: a value not declared is not sent ("you must specify
     * ReadUnitsPerSecond, WriteUnitsPerSecond, or both", the API reference's GlobalSecondaryIndex.WarmThroughput).
     */
    static software.amazon.awssdk.services.dynamodb.model.WarmThroughput warm(WarmThroughput warm) {
        return software.amazon.awssdk.services.dynamodb.model.WarmThroughput.builder()
                .readUnitsPerSecond(warm.readUnitsPerSecond())
                .writeUnitsPerSecond(warm.writeUnitsPerSecond())
                .build();
    }

    private static OnDemandThroughput onDemand(RequestUnits units) {
        return OnDemandThroughput.builder()
                .maxReadRequestUnits(units.maxReadRequestUnits())
                .maxWriteRequestUnits(units.maxWriteRequestUnits())
                .build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
        return keySchema(List.of(partitionKey), sortKey == null ? List.of() : List.of(sortKey));
    }

    /**
     * A key schema: the HASH elements in order, then the RANGE elements in order. A global secondary index
     * takes up to 4 of each, whose order is the key's
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html">
     * API_GlobalSecondaryIndex</a>, KeySchema).
     */
    private static List<KeySchemaElement> keySchema(List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys) {
        List<KeySchemaElement> schema = new ArrayList<>(partitionKeys.size() + sortKeys.size());
        partitionKeys.forEach(k -> schema.add(
                KeySchemaElement.builder().attributeName(k.attributeName()).keyType(KeyType.HASH).build()));
        sortKeys.forEach(k -> schema.add(
                KeySchemaElement.builder().attributeName(k.attributeName()).keyType(KeyType.RANGE).build()));
        return schema;
    }

    /** Provisioned throughput as CreateTable and UpdateTable take it. */
    static ProvisionedThroughput throughput(Capacity capacity) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(capacity.readCapacityUnits())
                .writeCapacityUnits(capacity.writeCapacityUnits())
                .build();
    }
}
