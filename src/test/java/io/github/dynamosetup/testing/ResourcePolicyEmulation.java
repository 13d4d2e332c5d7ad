package io.github.dynamosetup.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The behaviour layer's resource-based policies (catalogue rows 22 and 23): what moto 5.2.1 answers about them, made to
 * answer as DynamoDB does. moto implements PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy, with
 * ExpectedRevisionId (a mismatch and NO_POLICY over a policy both give PolicyNotFoundException, as AWS documents), but:
 * <ul>
 *   <li>it ignores CreateTable's ResourcePolicy: here the policy is put to moto once it has created the table;</li>
 *   <li>it takes any text, also one that is no JSON or is over 20 KB: here both are refused with ValidationException
 *       ("The maximum size supported for a resource-based policy document is 20 KB. DynamoDB counts whitespaces",
 *       API_PutResourcePolicy and API_CreateTable; AWS's message for a document it refuses begins "One or more
 *       parameter values were invalid: Invalid policy document:", as users report it,
 *       aws-controllers-k8s/dynamodb-controller#176; the rest of each message is the layer's own);</li>
 *   <li>it answers DeleteResourcePolicy on a table without a policy with ResourceNotFoundException, where AWS answers
 *       success (DeleteResourcePolicy is idempotent: API_DeleteResourcePolicy);</li>
 *   <li>its GetResourcePolicy is consistent at once. With {@link #lagReads()}, the first GetResourcePolicy after a
 *       CreateTable with a policy or after a PutResourcePolicy answers PolicyNotFoundException, as AWS says it might
 *       ("If you issue a GetResourcePolicy request immediately after a PutResourcePolicy request, DynamoDB might
 *       return a PolicyNotFoundException", the same after a CreateTable that includes a policy:
 *       API_GetResourcePolicy). It is a count, not a time, so that a test never depends on timing.</li>
 * </ul>
 */
final class ResourcePolicyEmulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 20 * 1024;

    /** Asks the server behind the layer: the operation and its JSON body. */
    interface Server {
        AwsBehaviour.Answer call(String operation, String body) throws IOException;
    }

    private volatile boolean on;
    private volatile boolean lag;
    /** The tables (ARNs) whose next GetResourcePolicy answers PolicyNotFoundException. */
    private final Set<String> staleReads = ConcurrentHashMap.newKeySet();

    void switchOn() {
        on = true;
    }

    void lagReads() {
        lag = true;
    }

    /** CreateTable: a policy DynamoDB would refuse is refused before moto sees the request. */
    AwsBehaviour.Answer beforeCreateTable(JsonNode request) {
        return on && request.has("ResourcePolicy") ? refusal(request.get("ResourcePolicy").asText()) : null;
    }

    /** CreateTable answered: its policy is given to moto, which ignored it. */
    AwsBehaviour.Answer afterCreateTable(AwsBehaviour.Answer created, JsonNode request, Server server)
            throws IOException {
        if (!on || created.status() != 200 || !request.has("ResourcePolicy")) {
            return created;
        }
        String arn = JSON.readTree(created.body()).path("TableDescription").path("TableArn").asText();
        ObjectNode put = JSON.createObjectNode().put("ResourceArn", arn)
                .put("Policy", request.get("ResourcePolicy").asText());
        AwsBehaviour.Answer stored = server.call("PutResourcePolicy", JSON.writeValueAsString(put));
        if (stored.status() != 200) {
            throw new IOException("moto did not take the policy of the new table: "
                    + new String(stored.body(), StandardCharsets.UTF_8));
        }
        readsLag(arn);
        return created;
    }

    /** PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy. */
    AwsBehaviour.Answer answer(String operation, JsonNode request, byte[] body, Server server) throws IOException {
        String arn = request.path("ResourceArn").asText();
        String forwarded = new String(body, StandardCharsets.UTF_8);
        switch (operation) {
            case "PutResourcePolicy" -> {
                AwsBehaviour.Answer refused = on ? refusal(request.path("Policy").asText()) : null;
                if (refused != null) {
                    return refused;
                }
                AwsBehaviour.Answer answer = server.call(operation, forwarded);
                if (answer.status() == 200) {
                    readsLag(arn);
                }
                return answer;
            }
            case "GetResourcePolicy" -> {
                if (staleReads.remove(arn)) {
                    return AwsBehaviour.Answer.refusal("PolicyNotFoundException", "Resource-based policy not found"
                            + " for the provided ResourceArn: " + arn);
                }
                return server.call(operation, forwarded);
            }
            default -> {
                AwsBehaviour.Answer answer = server.call(operation, forwarded);
                if (on && answer.status() == 400 && new String(answer.body(), StandardCharsets.UTF_8)
                        .contains("ResourceNotFoundException") && tableExists(arn, server)) {
                    return AwsBehaviour.Answer.ok("{}"); // no policy to delete: done, and no revision to name
                }
                return answer;
            }
        }
    }

    private void readsLag(String arn) {
        if (lag) {
            staleReads.add(arn);
        }
    }

    private static boolean tableExists(String arn, Server server) throws IOException {
        String table = arn.substring(arn.indexOf(":table/") + ":table/".length());
        return server.call("DescribeTable", JSON.writeValueAsString(JSON.createObjectNode().put("TableName", table)))
                .status() == 200;
    }

    /** What DynamoDB refuses in a policy document: text that is no JSON object, or over 20 KB; null otherwise. */
    private static AwsBehaviour.Answer refusal(String policy) {
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return AwsBehaviour.Answer.refusal("ValidationException", "One or more parameter values were invalid:"
                    + " Invalid policy document: the policy is " + bytes + " bytes, over the maximum of 20 KB");
        }
        try {
            if (!JSON.readTree(policy).isObject()) {
                return AwsBehaviour.Answer.refusal("ValidationException", "One or more parameter values were"
                        + " invalid: Invalid policy document: the policy is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            return AwsBehaviour.Answer.refusal("ValidationException", "One or more parameter values were invalid:"
                    + " Invalid policy document: the policy is not valid JSON");
        }
        return null;
    }
}
