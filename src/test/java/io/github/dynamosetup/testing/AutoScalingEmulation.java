package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the behaviour layer adds to moto's Application Auto Scaling for DynamoDB (catalogue row 27). moto 5.2 keeps
 * scalable targets and policies, but checks neither the table nor the range, and never moves capacity. Real AWS:
 * <ul>
 *   <li>refuses a target on a table or index that does not exist, and on a PAY_PER_REQUEST table ("AutoScaling is
 *       not available for tables with PAY_PER_REQUEST billing mode", as users quote it in aws-cdk #10572; the
 *       missing table's wording is unverified);</li>
 *   <li>refuses a MinCapacity above the MaxCapacity (ValidationException; wording unverified);</li>
 *   <li>refuses a policy for a dimension with no scalable target: ObjectNotFoundException
 *       (<a href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html">
 *       API_PutScalingPolicy</a>, Errors; wording unverified);</li>
 *   <li>moves the current capacity into [min, max] when the target is registered: "it changes the resource's
 *       current capacity to a value that is inside of this range"
 *       (<a href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html">
 *       API_RegisterScalableTarget</a>).</li>
 * </ul>
 * DynamoDB itself is asked through moto's DynamoDB API on the same server, as a DynamoDB client would.
 */
final class AutoScalingEmulation {

    /** The prefix of Application Auto Scaling's X-Amz-Target header. */
    static final String PREFIX = "AnyScaleFrontendService.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI backend;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AutoScalingEmulation(URI backend) {
        this.backend = backend;
    }

    /** A refusal the layer answers instead of the server. */
    record Refusal(String code, String message) {}

    /** The refusal of {@code operation} as AWS would answer it, or null to let the server answer. */
    Refusal refusal(String operation, JsonNode request) throws IOException {
        if (!"dynamodb".equals(request.path("ServiceNamespace").asText())) {
            return null;
        }
        String resource = request.path("ResourceId").asText();
        if (operation.equals("RegisterScalableTarget")) {
            JsonNode min = request.path("MinCapacity");
            JsonNode max = request.path("MaxCapacity");
            if (min.isNumber() && max.isNumber() && min.asLong() > max.asLong()) {
                return new Refusal("ValidationException", "Minimum capacity cannot be larger than maximum capacity");
            }
            JsonNode table = describe(tableOf(resource));
            if (table == null) {
                return new Refusal("ValidationException", "DynamoDB table '" + tableOf(resource) + "' does not"
                        + " exist");
            }
            if ("PAY_PER_REQUEST".equals(table.path("BillingModeSummary").path("BillingMode").asText())) {
                return new Refusal("ValidationException", "AutoScaling is not available for tables with"
                        + " PAY_PER_REQUEST billing mode");
            }
            if (indexOf(resource) != null && index(table, indexOf(resource)) == null) {
                return new Refusal("ValidationException", "DynamoDB index '" + indexOf(resource) + "' of table '"
                        + tableOf(resource) + "' does not exist");
            }
        } else if (operation.equals("PutScalingPolicy")) {
            JsonNode targets = autoScaling("DescribeScalableTargets", "{\"ServiceNamespace\":\"dynamodb\","
                    + "\"ResourceIds\":[" + JSON.writeValueAsString(resource) + "]}");
            String dimension = request.path("ScalableDimension").asText();
            boolean registered = false;
            for (JsonNode target : targets.path("ScalableTargets")) {
                registered |= dimension.equals(target.path("ScalableDimension").asText());
            }
            if (!registered) {
                return new Refusal("ObjectNotFoundException", "No scalable target registered for service namespace:"
                        + " dynamodb, resource ID: " + resource + ", scalable dimension: " + dimension);
            }
        }
        return null;
    }

    /**
     * After a target was registered: the capacity it owns moved into [min, max], as Application Auto Scaling does
     * at once.
     */
    void registered(JsonNode request) throws IOException {
        String resource = request.path("ResourceId").asText();
        String dimension = request.path("ScalableDimension").asText();
        JsonNode table = describe(tableOf(resource));
        if (table == null || !request.path("MinCapacity").isNumber() || !request.path("MaxCapacity").isNumber()) {
            return;
        }
        String index = indexOf(resource);
        JsonNode throughput = (index == null ? table : index(table, index)).path("ProvisionedThroughput");
        long read = throughput.path("ReadCapacityUnits").asLong();
        long write = throughput.path("WriteCapacityUnits").asLong();
        long min = request.path("MinCapacity").asLong();
        long max = request.path("MaxCapacity").asLong();
        if (dimension.endsWith("ReadCapacityUnits")) {
            read = Math.max(min, Math.min(max, read));
        } else {
            write = Math.max(min, Math.min(max, write));
        }
        if (read != throughput.path("ReadCapacityUnits").asLong() || write != throughput.path("WriteCapacityUnits").asLong()) {
            scale(tableOf(resource), index, read, write);
        }
    }

    /** Sets the provisioned capacity of a table or of one of its indexes, as a scaler does. */
    void scale(String table, String index, long read, long write) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("TableName", table);
        ObjectNode throughput = JSON.createObjectNode().put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
        if (index == null) {
            request.set("ProvisionedThroughput", throughput);
        } else {
            ObjectNode update = request.putArray("GlobalSecondaryIndexUpdates").addObject().putObject("Update");
            update.put("IndexName", index).set("ProvisionedThroughput", throughput);
        }
        dynamoDb("UpdateTable", JSON.writeValueAsString(request));
    }

    private JsonNode describe(String table) throws IOException {
        JsonNode answer = dynamoDb("DescribeTable", "{\"TableName\":" + JSON.writeValueAsString(table) + "}");
        return answer.has("Table") ? answer.get("Table") : null;
    }

    private static JsonNode index(JsonNode table, String name) {
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            if (name.equals(index.path("IndexName").asText())) {
                return index;
            }
        }
        return null;
    }

    /** {@code table/NAME} or {@code table/NAME/index/INDEX}: NAME. */
    private static String tableOf(String resource) {
        String rest = resource.startsWith("table/") ? resource.substring("table/".length()) : resource;
        int index = rest.indexOf("/index/");
        return index < 0 ? rest : rest.substring(0, index);
    }

    private static String indexOf(String resource) {
        int index = resource.indexOf("/index/");
        return index < 0 ? null : resource.substring(index + "/index/".length());
    }

    /**
     * One call of moto's DynamoDB API, signed for DynamoDB: moto's single server picks the service from the
     * credential scope of the Authorization header (it checks no signature).
     */
    JsonNode dynamoDb(String operation, String body) throws IOException {
        return call("application/x-amz-json-1.0", "DynamoDB_20120810." + operation, "dynamodb", body);
    }

    /** One call of moto's Application Auto Scaling API, signed for it. */
    JsonNode autoScaling(String operation, String body) throws IOException {
        return call("application/x-amz-json-1.1", PREFIX + operation, "application-autoscaling", body);
    }

    private JsonNode call(String contentType, String target, String service, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(backend.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-Amz-Target", target)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
