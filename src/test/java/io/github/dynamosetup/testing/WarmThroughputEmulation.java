package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Catalogue: warm throughput. moto 5.2 keeps the warm throughput of CreateTable and UpdateTable, but lowers it
 * when asked, drops the value an index's update leaves out, and reports every change ACTIVE at once. Here, as on
 * AWS: UpdateTable that would lower the warm throughput of the table or of an index is refused ("Once increased,
 * warm throughput values can't be decreased",
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">
 * warm-throughput.html</a>); a value the request leaves out is kept ("You can increase the warm throughput value
 * for read operations, write operations, or both", same page); and the increase is UPDATING for a few
 * DescribeTable answers before ACTIVE ("Updating your warm throughput value is an asynchronous task. The Status
 * will change from UPDATING to ACTIVE",
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/update-warm-throughput.html">
 * update-warm-throughput.html</a>). {@link #raiseAsAws} raises a table's values as AWS does by itself as use grows.
 */
public final class WarmThroughputEmulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ = "ReadUnitsPerSecond";
    private static final String WRITE = "WriteUnitsPerSecond";

    private final int updatingDescribes;
    /** DescribeTable answers left that say UPDATING, by table or {@code table/index}. */
    private final Map<String, AtomicInteger> updating = new ConcurrentHashMap<>();

    /** @param updatingDescribes how many DescribeTable answers report an increase UPDATING */
    WarmThroughputEmulation(int updatingDescribes) {
        this.updatingDescribes = updatingDescribes;
    }

    /**
     * Raises the warm throughput of a table ({@code index} null) or of one of its indexes on the server itself, as
     * AWS does as use grows ("DynamoDB will automatically adjust warm throughput values as your usage increases",
     * warm-throughput.html): what a declaration with lower values must not take for drift.
     *
     * @param server a client of the server behind the layer
     */
    public static void raiseAsAws(DynamoDbClient server, String table, String index, long read, long write) {
        if (index == null) {
            server.updateTable(r -> r.tableName(table).warmThroughput(w -> w.readUnitsPerSecond(read)
                    .writeUnitsPerSecond(write)));
        } else {
            server.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.update(i -> i
                    .indexName(index).warmThroughput(w -> w.readUnitsPerSecond(read).writeUnitsPerSecond(write)))));
        }
    }

    /** Whether the UpdateTable request changes warm throughput, of the table or of an index. */
    static boolean concerns(JsonNode request) {
        if (request.has("WarmThroughput")) {
            return true;
        }
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.path("Update").has("WarmThroughput")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal of an UpdateTable that would lower warm throughput, or null.
     *
     * @param live the table as the server describes it
     */
    AwsBehaviour.Answer refusal(JsonNode request, JsonNode live) {
        String lower = lower("table", request.path("WarmThroughput"), live.path("WarmThroughput"));
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            JsonNode change = update.path("Update");
            if (lower == null && change.has("WarmThroughput")) {
                String index = change.path("IndexName").asText();
                lower = lower("index " + index, change.path("WarmThroughput"), liveIndex(live, index)
                        .path("WarmThroughput"));
            }
        }
        // AWS's wording for this refusal is not documented: the layer's own, in the form of its other messages
        return lower == null ? null : AwsBehaviour.Answer.refusal("ValidationException", "One or more parameter"
                + " values were invalid: " + lower + "; warm throughput can only be increased");
    }

    private static String lower(String of, JsonNode requested, JsonNode current) {
        for (String field : new String[] {READ, WRITE}) {
            long wanted = requested.path(field).asLong();
            if (requested.has(field) && current.has(field) && wanted < current.get(field).asLong()) {
                return "Requested " + field + " for WarmThroughput of " + of + " (" + requested.get(field).asLong()
                        + ") is lower than its current " + field + " (" + current.get(field).asLong() + ")";
            }
        }
        return null;
    }

    /** The request for the server, each warm throughput with the value it leaves out kept as the table has it. */
    byte[] merged(JsonNode request, JsonNode live) {
        ObjectNode copy = request.deepCopy();
        if (copy.get("WarmThroughput") instanceof ObjectNode table) {
            keep(table, live.path("WarmThroughput"));
        }
        for (JsonNode update : copy.path("GlobalSecondaryIndexUpdates")) {
            if (update.path("Update").get("WarmThroughput") instanceof ObjectNode index) {
                keep(index, liveIndex(live, update.path("Update").path("IndexName").asText()).path("WarmThroughput"));
            }
        }
        try {
            return JSON.writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keep(ObjectNode requested, JsonNode current) {
        for (String field : new String[] {READ, WRITE}) {
            if (!requested.has(field) && current.has(field)) {
                requested.put(field, current.get(field).asLong());
            }
        }
    }

    /** The server took the request: its increases are UPDATING for a while. */
    void updated(String table, JsonNode request) {
        if (request.has("WarmThroughput")) {
            updating.put(table, new AtomicInteger(updatingDescribes));
        }
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.path("Update").has("WarmThroughput")) {
                updating.put(table + "/" + update.path("Update").path("IndexName").asText(),
                        new AtomicInteger(updatingDescribes));
            }
        }
    }

    /** A DescribeTable answer's {@code Table}: an increase still under way says UPDATING. */
    void described(ObjectNode table) {
        String name = table.path("TableName").asText();
        status(name, table);
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            status(name + "/" + index.path("IndexName").asText(), (ObjectNode) index);
        }
    }

    private void status(String key, ObjectNode described) {
        AtomicInteger left = updating.get(key);
        if (left != null && left.getAndDecrement() > 0 && described.get("WarmThroughput") instanceof ObjectNode warm) {
            warm.put("Status", "UPDATING");
        }
    }

    /** The table is gone: so are its updates under way. */
    void forget(String table) {
        updating.keySet().removeIf(key -> key.equals(table) || key.startsWith(table + "/"));
    }

    private static JsonNode liveIndex(JsonNode live, String index) {
        for (JsonNode existing : live.path("GlobalSecondaryIndexes")) {
            if (existing.path("IndexName").asText().equals(index)) {
                return existing;
            }
        }
        return JSON.createObjectNode();
    }
}
