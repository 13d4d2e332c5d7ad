package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * The behaviour layer's global secondary index creations and deletions by UpdateTable, as real DynamoDB
 * answers them where moto 5.2.1 does not (src/test/AWS-BEHAVIOUR.md, rows 24 to 26): moto accepts two index
 * creations, or a creation and a deletion, in one call, removes a deleted index at once, and answers the
 * deletion of a missing index with HTTP 500. Driven by {@link AwsBehaviour#indexOperations(Duration)}: the layer
 * asks it for a refusal before it forwards an UpdateTable, tells it what the server accepted, and lets it edit
 * every table description it answers.
 *
 * <p>Sources: <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">
 * API_UpdateTable</a> ("You can create or delete only one global secondary index per UpdateTable operation";
 * IndexStatus DELETING; ResourceNotFoundException: "The operation tried to access a nonexistent table or
 * index") and <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html">
 * GSI.OnlineOps</a>.
 */
final class IndexEmulation {

    /** The layer's answer to a call it refuses, as AWS would. */
    record Refusal(String code, String message) {}

    /** An index deleted by UpdateTable: described DELETING, as it was, until {@code goneAt}. */
    private record Deleted(long goneAt, ObjectNode description) {}

    private final Duration deleting;
    private final Map<String, Map<String, Deleted>> deleted = new ConcurrentHashMap<>();

    /** @param deleting how long a deleted index stays DELETING before DescribeTable no longer lists it */
    IndexEmulation(Duration deleting) {
        this.deleting = deleting;
    }

    /**
     * What AWS would refuse of the request's index creations and deletions, or null.
     *
     * @param live the table as the server describes it ({@code Table} of DescribeTable)
     * @param creating whether an index of the table (by name) is being created: backfilling on the layer's clock
     */
    Refusal refusal(String table, JsonNode request, JsonNode live, BiPredicate<String, String> creating, long now) {
        List<String> creates = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.has("Create")) {
                creates.add(update.path("Create").path("IndexName").asText());
            } else if (update.has("Delete")) {
                deletes.add(update.path("Delete").path("IndexName").asText());
            }
        }
        if (creates.size() + deletes.size() > 1) {
            // AWS documents the rule, not its message: the layer's wording
            return new Refusal("ValidationException", "One or more parameter values were invalid: only one global"
                    + " secondary index can be created or deleted per UpdateTable request, this one has "
                    + (creates.size() + deletes.size()));
        }
        if (creates.isEmpty() && deletes.isEmpty()) {
            return null;
        }
        Map<String, Deleted> going = deletedOf(table, now);
        String index = creates.isEmpty() ? deletes.get(0) : creates.get(0);
        boolean busy = !going.isEmpty();
        for (JsonNode other : live.path("GlobalSecondaryIndexes")) {
            String name = other.path("IndexName").asText();
            // an index being created may itself be deleted while it backfills (TableDescription, Backfilling)
            busy |= creating.test(table, name) && !deletes.contains(name);
        }
        if (busy) {
            // row 8's message; whether AWS says something else for a name still DELETING is not documented
            return new Refusal("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be"
                    + " created or deleted simultaneously per table");
        }
        if (!deletes.isEmpty() && !listed(live, index)) {
            // the code AWS documents for a missing index; the message is the layer's (moto answers HTTP 500)
            return new Refusal("ResourceNotFoundException", "Requested resource not found: Index: " + index
                    + " not found in table " + table);
        }
        return null;
    }

    /** The server accepted {@code request}: an index it deleted is described DELETING for a while. */
    void accepted(String table, JsonNode request, JsonNode liveBefore, long now) {
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            String name = update.path("Delete").path("IndexName").asText(null);
            if (name == null) {
                continue;
            }
            for (JsonNode index : liveBefore.path("GlobalSecondaryIndexes")) {
                if (name.equals(index.path("IndexName").asText())) {
                    ObjectNode description = index.deepCopy();
                    description.put("IndexStatus", "DELETING");
                    description.remove("Backfilling");
                    // AWS has been seen to describe an index being deleted without its projection (boto/boto#2978)
                    description.remove("Projection");
                    deleted.computeIfAbsent(table, t -> new ConcurrentHashMap<>())
                            .put(name, new Deleted(now + deleting.toNanos(), description));
                }
            }
        }
    }

    /** Puts the indexes being deleted back into a table description, DELETING, until they are gone. */
    void describe(String table, ObjectNode description, long now) {
        Map<String, Deleted> going = deletedOf(table, now);
        if (going.isEmpty()) {
            return;
        }
        ArrayNode indexes = description.has("GlobalSecondaryIndexes")
                ? (ArrayNode) description.get("GlobalSecondaryIndexes")
                : description.putArray("GlobalSecondaryIndexes");
        going.forEach((name, index) -> {
            if (!listed(description, name)) {
                indexes.add(index.description().deepCopy());
            }
        });
    }

    /** The table was deleted: so are its indexes. */
    void forget(String table) {
        deleted.remove(table);
    }

    /** The indexes of the table still being deleted; those whose time is up are forgotten. */
    private Map<String, Deleted> deletedOf(String table, long now) {
        Map<String, Deleted> going = deleted.get(table);
        if (going == null) {
            return Map.of();
        }
        going.values().removeIf(d -> now >= d.goneAt());
        return going;
    }

    private static boolean listed(JsonNode table, String index) {
        for (JsonNode other : table.path("GlobalSecondaryIndexes")) {
            if (index.equals(other.path("IndexName").asText())) {
                return true;
            }
        }
        return false;
    }
}
