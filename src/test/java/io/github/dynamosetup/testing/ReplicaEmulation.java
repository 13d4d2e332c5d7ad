package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;

/**
 * Global table replicas (version 2019.11.21) as DynamoDB makes them, which moto 5.2 does not: it answers
 * {@code UpdateTable} with {@code ReplicaUpdates} 200 and forgets them (catalogue row 28). Here:
 * <ul>
 *   <li>a Create in a region AWS does not have, or in the table's own, is refused with ValidationException (the
 *       wording is the layer's: AWS's is not documented);</li>
 *   <li>a PROVISIONED table without a scalable target on its write capacity is refused with ValidationException:
 *       replicas need "the same specified write capacity management settings" (developer guide,
 *       globaltables_reqs_bestpractices); the wording is unverified;</li>
 *   <li>the replica is CREATING for a while, then ACTIVE (or CREATION_FAILED where a test says so), in
 *       DescribeTable's {@code Replicas}, with {@code GlobalTableVersion} 2019.11.21; the table is UPDATING
 *       meanwhile, so that another UpdateTable is refused (catalogue row 6);</li>
 *   <li>a stream with NEW_AND_OLD_IMAGES is turned on when the table has none, and disabling the stream of a table
 *       with replicas is refused ("Disabling Stream is not allowed for a Global Table replica", as users quote it:
 *       terraform-aws-modules/terraform-aws-dynamodb-table #30).</li>
 * </ul>
 * Replicas are never removed here: dynamo-setup never asks for it.
 */
final class ReplicaEmulation {

    /** The regions of the AWS partition the SDK knows. */
    private static final Set<String> REGIONS = Set.copyOf(Region.regions().stream().map(Region::id).toList());

    private final AutoScalingEmulation dynamoDb;
    private final Duration creating;
    private final Map<String, Map<String, Replica>> replicas = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    ReplicaEmulation(AutoScalingEmulation dynamoDb, Duration creating) {
        this.dynamoDb = dynamoDb;
        this.creating = creating;
    }

    /** A replica as the layer keeps it: CREATING until {@code activeAt}, then ACTIVE, or CREATION_FAILED. */
    private record Replica(long activeAt, boolean fails) {
        String status(long now) {
            return now < activeAt ? "CREATING" : fails ? "CREATION_FAILED" : "ACTIVE";
        }
    }

    /** Replicas in {@code region} end CREATION_FAILED instead of ACTIVE. */
    void failIn(String region) {
        failing.add(region);
    }

    /** How long a new replica keeps the table UPDATING. */
    Duration creating() {
        return creating;
    }

    /** Whether the request asks for a replica. */
    static boolean addsReplica(JsonNode request) {
        for (JsonNode update : request.path("ReplicaUpdates")) {
            if (update.has("Create")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal of an UpdateTable, as AWS would answer it, or null.
     *
     * @param ownRegion the region the request was sent to
     */
    AutoScalingEmulation.Refusal refusal(String table, JsonNode request, String ownRegion) throws IOException {
        JsonNode stream = request.path("StreamSpecification");
        if (stream.has("StreamEnabled") && !stream.path("StreamEnabled").asBoolean()
                && !replicas.getOrDefault(table, Map.of()).isEmpty()) {
            return new AutoScalingEmulation.Refusal("ValidationException", "One or more parameter values were"
                    + " invalid: Disabling Stream is not allowed for a Global Table replica.");
        }
        for (JsonNode update : request.path("ReplicaUpdates")) {
            String region = update.path("Create").path("RegionName").asText(null);
            if (region == null) {
                continue;
            }
            if (!REGIONS.contains(region) || region.equals(ownRegion)) {
                return new AutoScalingEmulation.Refusal("ValidationException", "One or more parameter values were"
                        + " invalid: " + region + " is not a valid region for a replica of a table in " + ownRegion);
            }
            JsonNode live = dynamoDb.dynamoDb("DescribeTable", "{\"TableName\":\"" + table + "\"}").path("Table");
            if (!"PAY_PER_REQUEST".equals(live.path("BillingModeSummary").path("BillingMode").asText())) {
                JsonNode targets = dynamoDb.autoScaling("DescribeScalableTargets", "{\"ServiceNamespace\":\"dynamodb\","
                        + "\"ResourceIds\":[\"table/" + table + "\"],"
                        + "\"ScalableDimension\":\"dynamodb:table:WriteCapacityUnits\"}");
                if (targets.path("ScalableTargets").isEmpty()) {
                    return new AutoScalingEmulation.Refusal("ValidationException", "One or more parameter values"
                            + " were invalid: Table write capacity should either be Pay-Per-Request or AutoScaled.");
                }
            }
        }
        return null;
    }

    /** After an UpdateTable that adds replicas: keeps them, and turns the stream on where the table has none. */
    void added(String table, JsonNode request, long now) throws IOException {
        JsonNode live = dynamoDb.dynamoDb("DescribeTable", "{\"TableName\":\"" + table + "\"}").path("Table");
        if (!live.path("StreamSpecification").path("StreamEnabled").asBoolean(false)) {
            dynamoDb.dynamoDb("UpdateTable", "{\"TableName\":\"" + table + "\",\"StreamSpecification\":"
                    + "{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
        }
        for (JsonNode update : request.path("ReplicaUpdates")) {
            String region = update.path("Create").path("RegionName").asText(null);
            if (region != null) {
                replicas.computeIfAbsent(table, t -> new TreeMap<>())
                        .put(region, new Replica(now + creating.toNanos(), failing.contains(region)));
            }
        }
    }

    /** DescribeTable's (or UpdateTable's) table, with its replicas and the global table version. */
    void describe(String table, ObjectNode description, long now) {
        Map<String, Replica> of = replicas.get(table);
        if (of == null || of.isEmpty()) {
            return;
        }
        description.put("GlobalTableVersion", "2019.11.21");
        ArrayNode list = description.putArray("Replicas");
        of.forEach((region, replica) -> {
            ObjectNode entry = list.addObject().put("RegionName", region).put("ReplicaStatus", replica.status(now));
            if (replica.fails() && now >= replica.activeAt()) {
                entry.put("ReplicaStatusDescription", "Replica creation failed in " + region);
            }
        });
    }

    /** The table was deleted: its replicas with it. */
    void deleted(String table) {
        replicas.remove(table);
    }

    /** Adds a replica behind the plugin's back, ACTIVE at once: another tool made it. */
    void addedByHand(String table, String region) {
        replicas.computeIfAbsent(table, t -> new TreeMap<>()).put(region, new Replica(Long.MIN_VALUE, false));
    }
}
