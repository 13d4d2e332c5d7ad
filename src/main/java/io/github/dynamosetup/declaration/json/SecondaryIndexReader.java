package io.github.dynamosetup.declaration.json;

import static io.github.dynamosetup.declaration.json.JsonFields.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.declaration.json.JsonFields.Shape;
import io.github.dynamosetup.declaration.json.KeySchemaReader.KeySchemaOf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code GlobalSecondaryIndexes} and {@code LocalSecondaryIndexes} of a table file: each index's
 * name, key schema, projection and, for a global one, its throughput.
 */
public final class SecondaryIndexReader {

    private static final Shape GLOBAL_INDEX = new Shape("a global secondary index", "IndexName", "KeySchema",
            "Projection", "ProvisionedThroughput", "AutoScaling", "OnDemandThroughput", "WarmThroughput",
            "ContributorInsightsSpecification");
    private static final Shape LOCAL_INDEX = new Shape("a local secondary index", "IndexName", "KeySchema",
            "Projection");
    private static final Shape PROJECTION = new Shape("a projection", "ProjectionType", "NonKeyAttributes");

    private final JsonFields json;
    private final KeySchemaReader keySchemas;
    private final BillingReader billing;

    public SecondaryIndexReader(JsonFields json, KeySchemaReader keySchemas, BillingReader billing) {
        this.json = json;
        this.keySchemas = keySchemas;
        this.billing = billing;
    }

    /**
     * How much a global secondary index may read and write, and whether contributor insights is on for it: what
     * formats write differently (a table file and {@code AWS::DynamoDB::Table} in the index, with
     * {@code ProvisionedThroughput}; {@code AWS::DynamoDB::GlobalTable} partly in the replicas).
     */
    public record IndexThroughput(Capacity capacity, AutoScaling autoScaling, RequestUnits onDemandThroughput,
            WarmThroughput warmThroughput, Boolean contributorInsights) {}

    /** Reads what a global secondary index holds besides its name, key schema and projection. */
    public interface IndexThroughputReader {
        IndexThroughput read(JsonNode index, String path, String indexName);
    }

    /** Reads the global secondary indexes of a table file or an {@code AWS::DynamoDB::Table}. */
    public void readGlobalIndexes(JsonNode node, DeclaredTable.Builder table) {
        readGlobalIndexes(node, table, GLOBAL_INDEX, (index, path, name) -> {
            billing.checkIndexCapacity(index, path);
            return new IndexThroughput(
                    billing.capacity(index.get("ProvisionedThroughput"), path + ".ProvisionedThroughput"),
                    billing.autoScaling(index.get("AutoScaling"), path + ".AutoScaling"),
                    billing.requestUnits(index.get("OnDemandThroughput"), path + ".OnDemandThroughput"),
                    billing.warmThroughput(index.get("WarmThroughput"), path + ".WarmThroughput"),
                    json.contributorInsights(index.get("ContributorInsightsSpecification"),
                            path + ".ContributorInsightsSpecification"));
        });
    }

    /**
     * Reads global secondary indexes of another shape: {@code shape} gives their fields, {@code throughput} reads
     * what is not their name, key schema or projection.
     */
    public void readGlobalIndexes(JsonNode node, DeclaredTable.Builder table, Shape shape,
            IndexThroughputReader throughput) {
        eachIndex(node, "$.GlobalSecondaryIndexes", shape, KeySchemaOf.GLOBAL_INDEX, (index, path, keys) -> {
            String name = json.text(index, "IndexName", path + ".IndexName");
            Projected projected = projection(index, path);
            IndexThroughput read = throughput.read(index, path, name);
            table.globalSecondaryIndex(new DeclaredGlobalIndex(
                    name,
                    keys.partitionKeys(),
                    keys.sortKeys(),
                    projected.type(),
                    projected.nonKeyAttributes(),
                    read.capacity(),
                    read.autoScaling(),
                    read.onDemandThroughput(),
                    read.warmThroughput(),
                    read.contributorInsights()));
        });
    }

    /** @param tablePartitionKey the table's partition key, which every local secondary index shares; or null */
    public void readLocalIndexes(JsonNode node, DeclaredTable.Builder table, KeyAttribute tablePartitionKey) {
        eachIndex(node, "$.LocalSecondaryIndexes", LOCAL_INDEX, KeySchemaOf.LOCAL_INDEX, (index, path, keys) -> {
            Projected projected = projection(index, path);
            table.localSecondaryIndex(new DeclaredLocalIndex(
                    json.text(index, "IndexName", path + ".IndexName"),
                    keys.sortKey(),
                    projected.type(),
                    projected.nonKeyAttributes()));
            if (keys.partitionKey() != null && tablePartitionKey != null
                    && !tablePartitionKey.attributeName().equals(keys.partitionKey().attributeName())) {
                // DynamoDB: "Index KeySchema does not have the same leading hash key as table KeySchema"
                json.problem(path + ".KeySchema", "the HASH key of a local secondary index is the table's partition"
                        + " key, '" + tablePartitionKey.attributeName() + "', not '" + keys.partitionKey().attributeName()
                        + "'");
            }
        });
    }

    /** Reads the rest of one index, once its fields are checked and its key schema read. */
    private interface IndexRest {
        void read(JsonNode index, String path, KeySchemaReader.Keys keys);
    }

    /** Walks a list of indexes of one kind: checks each index's fields and reads its key schema, then the rest. */
    private void eachIndex(JsonNode node, String listPath, Shape shape, KeySchemaOf of, IndexRest rest) {
        List<JsonNode> entries = json.array(node, listPath);
        reportEmpty(node, listPath);
        for (int i = 0; i < entries.size(); i++) {
            String path = listPath + "[" + i + "]";
            JsonNode index = entries.get(i);
            json.checkFields(index, path, shape);
            rest.read(index, path, keySchemas.keySchema(index.get("KeySchema"), path + ".KeySchema", of));
        }
    }

    /** CreateTable refuses an empty list of indexes ("List of GlobalSecondaryIndexes is empty"). */
    private void reportEmpty(JsonNode node, String path) {
        if (node != null && node.isArray() && node.isEmpty()) {
            json.problem(path, "an empty list, which DynamoDB refuses; remove the field, or list the indexes");
        }
    }

    private record Projected(IndexProjection type, List<String> nonKeyAttributes) {}

    /**
     * An index's projection. DynamoDB gives ProjectionType no default ("Unknown ProjectionType: null"); where
     * it is missing or unknown (reported), the rest is read as INCLUDE when attributes are listed and as ALL
     * otherwise, so that no problem is added that only stems from that guess.
     */
    private Projected projection(JsonNode index, String indexPath) {
        String path = indexPath + ".Projection";
        if (isAbsent(index.get("Projection"))) {
            json.problem(path, "missing; give {\"ProjectionType\": \"ALL\"} (or KEYS_ONLY, or INCLUDE with"
                    + " NonKeyAttributes)");
            return new Projected(IndexProjection.ALL, List.of());
        }
        JsonNode projection = json.object(index.get("Projection"), path);
        if (projection == null) {
            return new Projected(IndexProjection.ALL, List.of());
        }
        json.checkFields(projection, path, PROJECTION);
        List<String> nonKeyAttributes = nonKeyAttributes(projection, path + ".NonKeyAttributes");
        IndexProjection type = json.enumValue(IndexProjection.class, projection, "ProjectionType",
                path + ".ProjectionType");
        if (type == null && isAbsent(projection.get("ProjectionType"))) {
            json.problem(path + ".ProjectionType", "missing; DynamoDB has no default projection: give ALL, KEYS_ONLY,"
                    + " or INCLUDE with NonKeyAttributes");
        }
        if (type == null) {
            type = nonKeyAttributes.isEmpty() ? IndexProjection.ALL : IndexProjection.INCLUDE;
        }
        return new Projected(type, nonKeyAttributes);
    }

    private List<String> nonKeyAttributes(JsonNode projection, String path) {
        JsonNode node = projection.get("NonKeyAttributes");
        List<String> names = new ArrayList<>();
        if (isAbsent(node)) {
            return names;
        }
        if (!node.isArray()) {
            json.problem(path, "must be a JSON array");
            return names;
        }
        if (node.isEmpty()) {
            // CreateTable: NonKeyAttributes has at least one element
            json.problem(path, "an empty list, which DynamoDB refuses; list the attributes an INCLUDE projection"
                    + " copies, or remove the field for ALL and KEYS_ONLY");
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                names.add(node.get(i).asText());
            } else {
                json.problem(path + "[" + i + "]", "must be an attribute name (a string)");
            }
        }
        return names;
    }
}
