package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BatchWriteItem as AWS answers it, where moto 5.2 does not (AWS-BEHAVIOUR.md rows 29 and 30): more than 25
 * requests, the same key twice, an empty string or binary as a key attribute value and an item over 400 KB are
 * refused with ValidationException, before anything is written; and, when switched on, a share of the items of
 * the first calls comes back as {@code UnprocessedItems}, not written, as AWS answers when a table's throughput
 * is exceeded. Source: API reference, BatchWriteItem
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html), "Errors" and the
 * conditions it lists for a ValidationException ("There are more than 25 requests in the batch", "You try to
 * perform multiple operations on the same item in the same BatchWriteItem request", "Any individual item in a
 * batch exceeds 400 KB"); the messages are AWS's as its users report them.
 */
final class BatchWriteEmulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REQUESTS = 25;
    private static final int MAX_ITEM_BYTES = 400 * 1024;

    /** What to do with one call: refuse it, or forward {@code forward} and answer {@code unprocessed} as not written. */
    record Decision(String errorCode, String message, ObjectNode forward, ObjectNode unprocessed) {
        boolean refused() {
            return errorCode != null;
        }

        boolean nothingToForward() {
            return forward.path("RequestItems").isEmpty();
        }
    }

    /** The table's key attribute names, as DescribeTable tells them. */
    interface KeySchema {
        List<String> keyNames(String table) throws IOException;
    }

    private final AtomicInteger unprocessedCalls = new AtomicInteger();
    private volatile int unprocessedPercent;

    /** The next {@code calls} calls leave {@code percent} % of their items (at least one) unprocessed. */
    void unprocessed(int calls, int percent) {
        unprocessedPercent = percent;
        unprocessedCalls.set(calls);
    }

    Decision decide(JsonNode request, KeySchema schema) throws IOException {
        JsonNode requestItems = request.path("RequestItems");
        int count = 0;
        for (JsonNode requests : requestItems) {
            count += requests.size();
        }
        if (count > MAX_REQUESTS) {
            return refusal("Too many items requested for the BatchWriteItem call");
        }
        for (Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            List<String> keyNames = schema.keyNames(table.getKey());
            Set<String> keys = new HashSet<>();
            for (JsonNode write : table.getValue()) {
                JsonNode item = write.has("PutRequest") ? write.path("PutRequest").path("Item")
                        : write.path("DeleteRequest").path("Key");
                StringBuilder key = new StringBuilder();
                for (String name : keyNames) {
                    JsonNode value = item.path(name);
                    String text = value.path("S").isTextual() ? value.path("S").asText()
                            : value.path("B").isTextual() ? value.path("B").asText() : null;
                    if (text != null && text.isEmpty()) {
                        return refusal("One or more parameter values are not valid. The AttributeValue for a key"
                                + " attribute cannot contain an empty " + (value.has("S") ? "string" : "binary")
                                + " value. Key: " + name);
                    }
                    key.append(value).append('\u0000');
                }
                if (!keys.add(key.toString())) {
                    return refusal("Provided list of item keys contains duplicates");
                }
                if (write.has("PutRequest") && size(item) > MAX_ITEM_BYTES) {
                    return refusal("Item size has exceeded the maximum allowed size");
                }
            }
        }
        ObjectNode forward = request.deepCopy();
        ObjectNode unprocessed = JSON.createObjectNode();
        if (unprocessedCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> tables = forward.with("RequestItems").fields();
                    tables.hasNext(); ) {
                Map.Entry<String, JsonNode> table = tables.next();
                ArrayNode writes = (ArrayNode) table.getValue();
                int keep = writes.size() - Math.max(1, writes.size() * unprocessedPercent / 100);
                ArrayNode held = unprocessed.putArray(table.getKey());
                while (writes.size() > keep) {
                    held.add(writes.remove(writes.size() - 1));
                }
                if (writes.isEmpty()) {
                    tables.remove();
                }
            }
        }
        return new Decision(null, null, forward, unprocessed);
    }

    /** The server's answer with the layer's unprocessed items in it. */
    static byte[] withUnprocessed(byte[] answer, ObjectNode unprocessed) throws IOException {
        ObjectNode body = answer.length == 0 ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(answer);
        ObjectNode items = body.with("UnprocessedItems");
        unprocessed.fields().forEachRemaining(e -> items.set(e.getKey(), e.getValue()));
        return JSON.writeValueAsBytes(body);
    }

    private static Decision refusal(String message) {
        return new Decision("ValidationException", message, null, null);
    }

    /** The item's size as the Developer Guide's "Item sizes and formats" counts it. */
    private static long size(JsonNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(JsonNode value) {
        String type = value.fieldNames().next();
        JsonNode inner = value.get(type);
        return switch (type) {
            case "S" -> utf8(inner.asText());
            case "N" -> new java.math.BigDecimal(inner.asText()).stripTrailingZeros().precision() / 2 + 2;
            case "B" -> java.util.Base64.getDecoder().decode(inner.asText()).length;
            case "L" -> {
                long sum = 3;
                for (JsonNode element : inner) {
                    sum += 1 + valueSize(element);
                }
                yield sum;
            }
            case "M" -> 3 + inner.size() + size(inner);
            case "SS" -> {
                List<String> elements = new ArrayList<>();
                inner.forEach(e -> elements.add(e.asText()));
                yield elements.stream().mapToLong(BatchWriteEmulation::utf8).sum();
            }
            default -> 1 + inner.toString().length(); // BOOL, NULL, NS, BS: small in the tests
        };
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
