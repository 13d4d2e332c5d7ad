package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The seed against the test server behind the behaviour layer (BatchWriteItem as AWS answers it): both item file
 * formats written and read back with their exact types, batches of 25, unprocessed items written again, and a
 * clear failure when they stay unprocessed until the timeout.
 */
@ExtendWith(DynamoDbServerExtension.class)
class SeedTest {

    private static final String PREFIX = "it-";

    @TempDir
    Path folder;

    private static Declaration declaration() throws Exception {
        return Declaration.of(List.of(
                DeclaredTable.builder(new PomOrigin(1), PREFIX + "orders").declaredName("orders")
                        .partitionKey(new KeyAttribute("id", AttributeType.S)).build(),
                DeclaredTable.builder(new PomOrigin(2), PREFIX + "readings").declaredName("readings")
                        .partitionKey(new KeyAttribute("sensor", AttributeType.S))
                        .sortKey(new KeyAttribute("at", AttributeType.N)).build(),
                DeclaredTable.builder(new PomOrigin(3), PREFIX + "blobs").declaredName("blobs")
                        .partitionKey(new KeyAttribute("key", AttributeType.B)).build()));
    }

    private static void createTables(TestServer server, Declaration declaration) throws Exception {
        try (DynamoDbClient client = server.client("us-east-1")) {
            provisioner(client, Duration.ofMinutes(1)).create(declaration, TableProvisioner.Options.DEFAULTS);
        }
    }

    private static TableProvisioner provisioner(DynamoDbClient client, Duration timeout) {
        return new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, timeout, "test server");
    }

    private Path file(String name, String json) throws IOException {
        return Files.writeString(folder.resolve(name), json);
    }

    /** {@code count} orders, ids 0, 1, ..., in plain JSON. */
    private Path orders(int count) throws IOException {
        return file("orders.json", "{\"tableName\": \"orders\", \"items\": [" + String.join(",",
                java.util.stream.IntStream.range(0, count).mapToObj(i -> "{\"id\": \"" + i + "\", \"n\": " + i + "}")
                        .toList()) + "]}");
    }

    private static ItemFiles.Items read(List<Path> files, Declaration declaration) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        ItemFiles.Items items = ItemFiles.read(files, p -> p.getFileName().toString(), declaration, problems);
        assertThat(problems).isEmpty();
        return items;
    }

    @Test
    void bothFormatsAreWrittenWithTheirExactTypesUnderThePrefixedNames(TestServer server) throws Exception {
        Declaration declaration = declaration();
        createTables(server, declaration);
        Path cli = file("orders.json", """
                {"orders": [{"PutRequest": {"Item": {
                    "id": {"S": "1"}, "total": {"N": "12.5"}, "paid": {"BOOL": true}, "note": {"NULL": true},
                    "lines": {"L": [{"M": {"sku": {"S": "a"}, "qty": {"N": "2"}}}]},
                    "tags": {"SS": ["x", "y"]}, "raw": {"B": "AAEC"}}}}],
                 "blobs": [{"PutRequest": {"Item": {"key": {"B": "3q2+7w=="}}}}]}""");
        Path plain = file("readings.json", """
                [{"tableName": "readings", "items": [
                    {"sensor": "s1", "at": 1700000000, "value": 1234567890.1234567890123456789012345678,
                     "ok": false, "missing": null, "history": [1, "two", {"three": 3.0}], "where": {"room": "a"}}]},
                 {"tableName": "orders", "items": [{"id": "2", "total": 0.10}]}]""");

        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).batchWrites();
                DynamoDbClient client = TestClients.client(layer.endpoint(), "us-east-1")) {
            RunSummary summary = provisioner(client, Duration.ofMinutes(1)).seed(read(List.of(cli, plain), declaration));
            assertThat(summary.tables()).extracting(t -> t.declared().name(), TableResult::actions).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("it-orders", List.of("put 2 items")),
                    org.assertj.core.groups.Tuple.tuple("it-readings", List.of("put 1 item")),
                    org.assertj.core.groups.Tuple.tuple("it-blobs", List.of("put 1 item")));
        }

        try (DynamoDbClient client = server.client("us-east-1")) {
            Map<String, AttributeValue> order = client.getItem(b -> b.tableName("it-orders")
                    .key(Map.of("id", AttributeValue.fromS("1")))).item();
            assertThat(new BigDecimal(order.get("total").n())).isEqualByComparingTo("12.5");
            assertThat(order.get("paid").bool()).isTrue();
            assertThat(order.get("note").nul()).isTrue();
            assertThat(order.get("lines").l().get(0).m()).containsEntry("sku", AttributeValue.fromS("a"));
            assertThat(order.get("tags").ss()).containsExactlyInAnyOrder("x", "y");
            assertThat(order.get("raw").b().asByteArray()).containsExactly(0, 1, 2);
            Map<String, AttributeValue> reading = client.getItem(b -> b.tableName("it-readings").key(Map.of(
                    "sensor", AttributeValue.fromS("s1"), "at", AttributeValue.fromN("1700000000")))).item();
            assertThat(new BigDecimal(reading.get("value").n()))
                    .isEqualByComparingTo("1234567890.1234567890123456789012345678");
            assertThat(reading.get("ok").bool()).isFalse();
            assertThat(reading.get("missing").nul()).isTrue();
            assertThat(reading.get("history").l()).extracting(AttributeValue::type).extracting(Enum::name)
                    .containsExactly("N", "S", "M");
            assertThat(reading.get("where").m()).containsEntry("room", AttributeValue.fromS("a"));
            assertThat(new BigDecimal(client.getItem(b -> b.tableName("it-orders")
                    .key(Map.of("id", AttributeValue.fromS("2")))).item().get("total").n())).isEqualByComparingTo("0.1");
            assertThat(client.scan(b -> b.tableName("it-blobs")).items()).singleElement()
                    .satisfies(item -> assertThat(item.get("key").b().asByteArray())
                            .containsExactly(0xde, 0xad, 0xbe, 0xef));
        }
    }

    @Test
    void aThousandItemsGoInBatchesOf25AndASecondSeedLeavesTheSameItems(TestServer server) throws Exception {
        Declaration declaration = declaration();
        createTables(server, declaration);
        Path plain = orders(1000);
        ItemFiles.Items items = read(List.of(plain), declaration);

        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).batchWrites();
                DynamoDbClient client = TestClients.client(layer.endpoint(), "us-east-1")) {
            provisioner(client, Duration.ofMinutes(1)).seed(items);
            provisioner(client, Duration.ofMinutes(1)).seed(items);
            assertThat(layer.successes("BatchWriteItem")).isEqualTo(80);
            assertThat(layer.refusals("BatchWriteItem")).isZero();
        }
        try (DynamoDbClient client = server.client("us-east-1")) {
            assertThat(client.scanPaginator(b -> b.tableName("it-orders")).items().stream().count()).isEqualTo(1000);
        }
    }

    @Test
    void unprocessedItemsAreWrittenAgainUntilAllAreWritten(TestServer server) throws Exception {
        Declaration declaration = declaration();
        createTables(server, declaration);
        Path plain = orders(60);

        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).unprocessedItems(6, 40);
                DynamoDbClient client = TestClients.client(layer.endpoint(), "us-east-1")) {
            RecordingListener listener = new RecordingListener();
            new TableProvisioner(client, listener, MavenRemedies.INSTANCE, Duration.ofMinutes(1), "test server")
                    .seed(read(List.of(plain), declaration));
            assertThat(layer.calls("BatchWriteItem")).isGreaterThan(3); // 3 batches, and the unprocessed again
        }
        try (DynamoDbClient client = server.client("us-east-1")) {
            assertThat(client.scan(b -> b.tableName("it-orders")).count()).isEqualTo(60);
        }
    }

    @Test
    void itemsStillUnprocessedAtTheTimeoutFailTheRunSayingHowManyOfWhichTable(TestServer server) throws Exception {
        Declaration declaration = declaration();
        createTables(server, declaration);
        Path plain = orders(30);

        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).unprocessedItems(Integer.MAX_VALUE, 100);
                DynamoDbClient client = TestClients.client(layer.endpoint(), "us-east-1")) {
            assertThatThrownBy(() -> provisioner(client, Duration.ofSeconds(1)).seed(read(List.of(plain), declaration)))
                    .isInstanceOf(ItemsNotWrittenException.class)
                    .hasMessageStartingWith("30 of 30 items of table 'it-orders' were not written: DynamoDB returned"
                            + " them as UnprocessedItems (throttled or failed inside AWS) until the timeout of 1 s.");
        }
        try (DynamoDbClient client = server.client("us-east-1")) {
            assertThat(client.scan(b -> b.tableName("it-orders")).count()).isZero();
        }
    }

    @Test
    void theLayerRefusesWhatAwsRefusesInABatch(TestServer server) throws Exception {
        Declaration declaration = declaration();
        createTables(server, declaration);
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).batchWrites();
                DynamoDbClient client = TestClients.client(layer.endpoint(), "us-east-1")) {
            List<WriteRequest> many = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                many.add(put(Map.of("id", AttributeValue.fromS("" + i))));
            }
            assertRefused(client, many, "Too many items requested for the BatchWriteItem call");
            assertRefused(client, List.of(put(Map.of("id", AttributeValue.fromS("1"))),
                    put(Map.of("id", AttributeValue.fromS("1")))), "Provided list of item keys contains duplicates");
            assertRefused(client, List.of(put(Map.of("id", AttributeValue.fromS("")))),
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
                            + " an empty string value. Key: id");
            assertRefused(client, List.of(put(Map.of("id", AttributeValue.fromS("big"), "data",
                    AttributeValue.fromS("x".repeat(400 * 1024))))), "Item size has exceeded the maximum allowed size");
        }
        try (DynamoDbClient client = server.client("us-east-1")) {
            assertThat(client.scan(b -> b.tableName("it-orders")).count()).isZero();
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static void assertRefused(DynamoDbClient client, List<WriteRequest> requests, String message) {
        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of("it-orders", requests))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    @Test
    void everyProblemOfEveryItemIsFoundBeforeAnyWrite() throws Exception {
        Path cli = file("bad.json", """
                {"orders": [
                   {"PutRequest": {"Item": {"id": {"N": "1"}}}},
                   {"PutRequest": {"Item": {"total": {"N": "12"}}}},
                   {"PutRequest": {"Item": {"id": {"S": ""}}}},
                   {"PutRequest": {"Item": {"id": {"S": "4"}, "total": {"N": "twelve"}, "raw": {"B": "ab*c"},
                                            "x": {"STRING": "a"}}}},
                   {"DeleteRequest": {"Key": {"id": {"S": "5"}}}},
                   {"PutRequest": {"Item": {"id": {"S": "6"}}}},
                   {"PutRequest": {"Item": {"id": {"S": "6"}}}},
                   {"PutRequest": {"Item": {"id": {"S": "7"}, "data": {"S": "%s"}}}}],
                 "invoices": []}""".formatted("x".repeat(400 * 1024)));
        List<ConfigurationProblem> problems = new ArrayList<>();

        ItemFiles.read(List.of(cli), p -> "src/test/dynamodb/bad.json", declaration(), problems);

        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "item file src/test/dynamodb/bad.json, $.orders[0].PutRequest.Item.id (item 0 of orders, id=1): is N, but the"
                        + " key attribute id is declared S; give it a string (S)",
                "item file src/test/dynamodb/bad.json, $.orders[1].PutRequest.Item (item 1 of orders): lacks the key"
                        + " attribute id (S); every item needs its table's partition key and sort key",
                "item file src/test/dynamodb/bad.json, $.orders[2].PutRequest.Item.id (item 2 of orders, id=): is empty;"
                        + " DynamoDB refuses an empty string as a key attribute value",
                "item file src/test/dynamodb/bad.json, $.orders[3].PutRequest.Item.total.N: 'twelve' is not a number;"
                        + " write digits, a point and an exponent, e.g. \"12.5\" or \"1E3\"",
                "item file src/test/dynamodb/bad.json, $.orders[3].PutRequest.Item.raw.B: is not base64 (Illegal"
                        + " base64 character 2a); a B value is its bytes in base64",
                "item file src/test/dynamodb/bad.json, $.orders[3].PutRequest.Item.x: must be one type descriptor and"
                        + " its value, e.g. {\"S\": \"text\"} or {\"N\": \"12.5\"}; the descriptors are B, BOOL, BS, L,"
                        + " M, N, NS, NULL, S, SS",
                "item file src/test/dynamodb/bad.json, $.orders[4]: is a DeleteRequest: seed only puts items; remove it"
                        + " (to empty a table, delete and create it again)",
                "item file src/test/dynamodb/bad.json, $.orders[6].PutRequest.Item (item 6 of orders, id=6): has the"
                        + " same key as src/test/dynamodb/bad.json $.orders[5].PutRequest.Item; each key once per table"
                        + " (BatchWriteItem refuses the same key twice, and which item would win is not clear): remove"
                        + " one",
                "item file src/test/dynamodb/bad.json, $.orders[7].PutRequest.Item (item 7 of orders, id=7): is 409607"
                        + " bytes, over DynamoDB's item size limit of 400 KB (409600 bytes, attribute names and values"
                        + " counted); make it smaller",
                "item file src/test/dynamodb/bad.json, $.invoices: names table 'invoices', which is not declared; the"
                        + " declared tables are orders, readings, blobs (names as declared: the prefix and suffix are"
                        + " applied)");
    }

    @Test
    void plainJsonKeyTypesAreTheMappedOnes() throws Exception {
        Path plain = file("readings.json", """
                {"tableName": "readings", "items": [{"sensor": 1, "at": "noon"}, {"sensor": "s", "at": 1}]}""");
        List<ConfigurationProblem> problems = new ArrayList<>();

        ItemFiles.Items items = ItemFiles.read(List.of(plain), p -> "readings.json", declaration(), problems);

        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "item file readings.json, $.items[0].sensor (item 0 of readings, sensor=1, at=noon): is N, but the key"
                        + " attribute sensor is declared S; give it a string (S)",
                "item file readings.json, $.items[0].at (item 0 of readings, sensor=1, at=noon): is S, but the key"
                        + " attribute at is declared N; give it a number (N)");
        assertThat(items.count()).isEqualTo(1);
    }

    @Test
    void anItemsSizeIsCountedAsAwsDocumentsIt() {
        // "Item sizes and formats": names + values; a number 1 byte per 2 significant digits + 1; list/map 3 + 1 each
        assertThat(ItemFiles.size(Map.of("id", AttributeValue.fromS("abc")))).isEqualTo(2 + 3);
        assertThat(ItemFiles.size(Map.of("n", AttributeValue.fromN("12345.000")))).isEqualTo(1 + 3 + 1);
        assertThat(ItemFiles.size(Map.of("b", AttributeValue.fromB(SdkBytes.fromString("xy",
                StandardCharsets.UTF_8))))).isEqualTo(1 + 2);
        assertThat(ItemFiles.size(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(true),
                AttributeValue.fromS("ab")))))).isEqualTo(1 + 3 + (1 + 1) + (1 + 2));
        assertThat(ItemFiles.size(Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromNul(true))))))
                .isEqualTo(1 + 3 + 1 + 1 + 1);
    }
}
