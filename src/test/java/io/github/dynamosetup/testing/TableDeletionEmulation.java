package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The behaviour layer's DeleteTable and Scan (catalogue rows 31 to 34): what moto 5.2.1 and dynalite answer, made to
 * answer as DynamoDB does.
 * <ul>
 *   <li>DeleteTable on a table CREATING or UPDATING (the layer's clock) is refused with ResourceInUseException ("If a
 *       table is in CREATING or UPDATING states, then DynamoDB returns a ResourceInUseException", API_DeleteTable);
 *       moto and dynalite delete it.</li>
 *   <li>DeleteTable on a table with deletion protection is refused with ValidationException and AWS's message, as
 *       users report it ("Resource cannot be deleted as it is currently protected against deletion. Disable deletion
 *       protection first."; the API reference documents the protection, DG "Using deletion protection", not the
 *       message); moto refuses with its own message, and dynalite keeps no such setting.</li>
 *   <li>A deleted table is DELETING for {@code deleting} (DescribeTable answers it with TableStatus DELETING;
 *       DeleteTable again answers success, "If table is already in the DELETING state, no error is returned",
 *       API_DeleteTable; CreateTable of its name is ResourceInUseException); moto forgets it at once.</li>
 *   <li>A Scan page holds at most {@code scanPage} items, then LastEvaluatedKey, as AWS's 1 MB page would for bigger
 *       tables ("If the total size of scanned items exceeds the maximum dataset size limit of 1 MB, the scan completes
 *       and results are returned to the user. The LastEvaluatedKey value is also returned", API_Scan); a test's few
 *       hundred small items never reach 1 MB on moto.</li>
 * </ul>
 * Times are the layer's clock, as for CREATING; nothing of a test waits on them but the plugin's own polling.
 */
final class TableDeletionEmulation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asks the server behind the layer: the operation and its JSON body. */
    interface Server {
        AwsBehaviour.Answer call(String operation, String body) throws IOException;
    }

    private final Duration deleting;
    private final int scanPage;
    /** The tables being deleted: the description DeleteTable answered, and until when (System.nanoTime()). */
    private final Map<String, Deleting> gone = new ConcurrentHashMap<>();

    private record Deleting(byte[] description, long until) {}

    TableDeletionEmulation(Duration deleting, int scanPage) {
        this.deleting = deleting;
        this.scanPage = scanPage;
    }

    /**
     * DeleteTable, with {@code busy} the table's state by the layer's clock ({@code CREATING}, {@code UPDATING}) or
     * null when it is ACTIVE there.
     */
    AwsBehaviour.Answer deleteTable(String table, String busy, Server server, long now) throws IOException {
        Deleting pending = deletingNow(table, now);
        if (pending != null) {
            return AwsBehaviour.Answer.ok(pending.description());
        }
        if (busy != null) {
            return AwsBehaviour.Answer.refusal("ResourceInUseException", "Attempt to change a resource which is still"
                    + " in use: Table is being " + (busy.equals("CREATING") ? "created" : "updated") + ": " + table);
        }
        AwsBehaviour.Answer described = server.call("DescribeTable", "{\"TableName\":" + quoted(table) + "}");
        if (described.status() == 200
                && JSON.readTree(described.body()).path("Table").path("DeletionProtectionEnabled").asBoolean(false)) {
            return AwsBehaviour.Answer.refusal("ValidationException", "Resource cannot be deleted as it is currently"
                    + " protected against deletion. Disable deletion protection first.");
        }
        AwsBehaviour.Answer answer = server.call("DeleteTable", "{\"TableName\":" + quoted(table) + "}");
        if (answer.status() == 200 && !deleting.isZero()) {
            ObjectNode root = (ObjectNode) JSON.readTree(answer.body());
            if (root.get("TableDescription") instanceof ObjectNode description) {
                description.put("TableStatus", "DELETING");
                ObjectNode asDescribed = JSON.createObjectNode();
                asDescribed.set("Table", description);
                gone.put(table, new Deleting(JSON.writeValueAsBytes(asDescribed), now + deleting.toNanos()));
                return AwsBehaviour.Answer.ok(JSON.writeValueAsBytes(root));
            }
        }
        return answer;
    }

    /** DescribeTable of a table being deleted: DELETING; null when the table is not being deleted. */
    AwsBehaviour.Answer describeTable(String table, long now) {
        Deleting pending = deletingNow(table, now);
        return pending == null ? null : AwsBehaviour.Answer.ok(pending.description());
    }

    /** CreateTable of a name still DELETING: refused; null otherwise. */
    AwsBehaviour.Answer createTable(String table, long now) {
        return deletingNow(table, now) == null ? null : AwsBehaviour.Answer.refusal("ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being deleted: " + table);
    }

    /** A Scan request with its Limit lowered to the page size: the body to send on. */
    byte[] scan(JsonNode request) throws IOException {
        if (scanPage <= 0) {
            return JSON.writeValueAsBytes(request);
        }
        ObjectNode limited = request.deepCopy();
        int asked = request.path("Limit").asInt(Integer.MAX_VALUE);
        limited.put("Limit", Math.min(asked, scanPage));
        return JSON.writeValueAsBytes(limited);
    }

    private Deleting deletingNow(String table, long now) {
        Deleting pending = table == null ? null : gone.get(table);
        if (pending != null && now >= pending.until()) {
            gone.remove(table, pending);
            return null;
        }
        return pending;
    }

    private static String quoted(String text) throws IOException {
        return JSON.writeValueAsString(text);
    }
}
