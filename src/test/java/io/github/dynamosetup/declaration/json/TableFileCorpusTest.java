package io.github.dynamosetup.declaration.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.RecordingInterceptor;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * The corpus of table files in {@code src/test/resources/table-files}: each is provisioned by dynamo-setup
 * as {@code aws dynamodb create-table --cli-input-json} provisions it, or refused as DynamoDB refuses it.
 *
 * <p>For each file, the file's JSON goes to dynalite as a raw CreateTable request under the file's
 * TableName (without the plugin's extension fields, TimeToLiveSpecification, ContributorInsightsSpecification and
 * PointInTimeRecoverySpecification, which are not CreateTable's), and the same file goes through
 * {@link TableFileReader} and, when it is valid, the provisioning core under the name {@code plugin-<TableName>}.
 * {@code expectations.json} says, per file, what AWS does, what dynalite does (and why, where the two
 * differ), and what the plugin must do: create, or report exactly the problems listed, each at its JSON
 * path and with the reason DynamoDB gives. A refused file is refused by the reader, before any AWS call.
 *
 * <p>Where both create the table, the two DescribeTable answers must be equal (keys, attribute definitions,
 * indexes with projection and throughput, billing, stream, encryption). dynalite 4.0 keeps only the
 * CreateTable fields of its {@code validations/createTable.js} (keys, indexes, BillingMode,
 * ProvisionedThroughput) and silently drops the rest: StreamSpecification, SSESpecification, TableClass,
 * DeletionProtectionEnabled, OnDemandThroughput, Tags and WarmThroughput. Its DescribeTable cannot tell
 * what became of those, so for them the proof is the CreateTable request the plugin sent: read with
 * DynamoDB's defaults (CreateTable API reference), it must ask for what the file asks for, read the same
 * way. Files AWS refuses for one of those fields are listed with the reason dynalite lets them through.
 *
 * <p>Over 300 lines: the comparison with dynalite, the plugin and the expectations file is one procedure.
 */
class TableFileCorpusTest {

    private static final String PREFIX = "plugin-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus;
    private static JsonNode expectations;
    private static DynaliteServer dynalite;
    private static DynamoDbClient server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        corpus = corpus();
        expectations = JSON.readTree(corpus.resolve("expectations.json").toFile()).get("files");
        dynalite = DynaliteServer.start(0);
        server = dynalite.client();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(TableFileCorpusTest.class.getResource("/table-files").toURI());
    }

    static List<String> files() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json") && !f.equals("expectations.json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyFileHasOneExpectationAndEveryExpectationAFile() throws Exception {
        List<String> expected = new ArrayList<>();
        expectations.fieldNames().forEachRemaining(expected::add);
        assertThat(files()).hasSizeGreaterThanOrEqualTo(30).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void isProvisionedAsCreateTableWouldOrRefusedAsAwsRefusesIt(String fileName) throws Exception {
        JsonNode expected = expectations.get(fileName);
        assertThat(expected).as("the expectation of " + fileName + " in expectations.json").isNotNull();
        checkConsistent(expected);
        Path path = corpus.resolve(fileName);
        JsonNode file = JSON.readTree(path.toFile());
        String name = file.path("TableName").asText();

        Answer raw = createTable(withoutExtensions(file));
        assertAnswer(raw, expected.get("dynalite").asText());

        TableFileReader.Result read = TableFileReader.read(path, "table-files/" + fileName, n -> PREFIX + n, Map.of());
        JsonNode plugin = expected.get("plugin");
        if (plugin.isArray()) {
            assertProblems(TableFileReaderTest.problems(read), plugin, "table '" + PREFIX + name + "' (table-files/" + fileName + ")");
            assertThat(server.listTables().tableNames()).doesNotContain(PREFIX + name);
            return;
        }
        assertThat(TableFileReaderTest.problems(read)).as("problems of " + fileName).isEmpty();
        DeclaredTable declared = read.table();
        if (expected.has("provisionedIn")) {
            assertThat(raw.created()).as("dynalite cannot create it, so it is provisioned elsewhere").isFalse();
            assertThat(declared.globalSecondaryIndexes().stream()
                    .map(i -> Stream.concat(i.partitionKeys().stream().map(k -> k.attributeName() + ":HASH"),
                            i.sortKeys().stream().map(k -> k.attributeName() + ":RANGE"))
                            .collect(Collectors.joining(",")))
                    .toList())
                    .as("the index keys read, in order")
                    .isEqualTo(StreamSupport.stream(file.path("GlobalSecondaryIndexes").spliterator(), false)
                            .map(i -> StreamSupport.stream(i.path("KeySchema").spliterator(), false)
                                    .map(k -> k.path("AttributeName").asText() + ":" + k.path("KeyType").asText())
                                    .collect(Collectors.joining(",")))
                            .toList());
            return;
        }
        JsonNode ttl = file.path("TimeToLiveSpecification");
        assertThat(declared.timeToLiveAttribute()).isEqualTo(ttl.isMissingNode() || !ttl.path("Enabled").asBoolean(true)
                ? null : ttl.path("AttributeName").asText());
        assertThat(declared.pointInTimeRecovery()).isEqualTo(file.path("PointInTimeRecoverySpecification")
                .path("PointInTimeRecoveryEnabled").asBoolean(false));

        CreateTableRequest sent = provision(declared.toBuilder().timeToLiveAttribute(null).pointInTimeRecovery(false)
                .build());
        assertThat(sent.tableName()).isEqualTo(PREFIX + name);
        assertThat(Settings.of(sent)).as("the settings dynamo-setup asked CreateTable for")
                .isEqualTo(Settings.of(file));
        if (raw.created()) {
            assertThat(description(PREFIX + name)).as("the table dynamo-setup made, next to the one of the raw request")
                    .isEqualTo(description(name));
        }
    }

    /** The expectation itself must say why AWS and dynalite differ, and why the plugin refuses what AWS takes. */
    private static void checkConsistent(JsonNode expected) {
        String aws = expected.path("aws").asText();
        assertThat(aws).matches("creates|refuses: .+");
        assertThat(expected.path("dynalite").asText()).matches("creates|refuses: .+");
        if (!aws.equals(expected.path("dynalite").asText())) {
            assertThat(expected.path("dynaliteDiffers").asText()).as("dynaliteDiffers").isNotBlank();
        }
        JsonNode plugin = expected.path("plugin");
        if (aws.equals("creates") && !expected.has("unsupported")) {
            assertThat(plugin.asText()).isEqualTo("creates");
        } else {
            assertThat(plugin.isArray() && !plugin.isEmpty()).as("plugin lists the problems").isTrue();
        }
    }

    private static void assertProblems(List<ConfigurationProblem> problems, JsonNode expected, String subject) {
        List<String> actual = problems.stream().map(ConfigurationProblem::toString).toList();
        assertThat(problems).as("problems %s", actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            ConfigurationProblem problem = problems.get(i);
            assertThat(problem.table()).isEqualTo(subject);
            assertThat(problem.element()).as("the JSON path of %s", problem)
                    .isEqualTo(expected.get(i).get("path").asText());
            assertThat(problem.message()).contains(expected.get(i).get("says").asText());
        }
    }

    // ---- the raw request: what create-table --cli-input-json sends ----

    private record Answer(boolean created, String type, String message) {}

    private static ObjectNode withoutExtensions(JsonNode file) {
        ObjectNode request = file.deepCopy();
        request.remove(List.of("TimeToLiveSpecification", "PointInTimeRecoverySpecification",
                "ContributorInsightsSpecification"));
        return request;
    }

    /**
     * Sends the JSON as it is, as the CLI does with --cli-input-json (the SDK's model classes would drop or
     * reshape what they do not know). dynalite wants a signature's form, not a valid signature.
     */
    private static Answer createTable(ObjectNode request) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(dynalite.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                .header("X-Amz-Date", "20250101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            return new Answer(true, null, null);
        }
        JsonNode error = JSON.readTree(response.body());
        String message = error.has("message") ? error.get("message").asText() : error.path("Message").asText();
        return new Answer(false, error.path("__type").asText(), message);
    }

    private static void assertAnswer(Answer answer, String expected) {
        if (expected.equals("creates")) {
            assertThat(answer.created()).as("dynalite created the table; it answered %s: %s", answer.type(),
                    answer.message()).isTrue();
        } else {
            assertThat(answer.created()).as("dynalite refused the table").isFalse();
            assertThat(answer.type()).endsWith("#ValidationException");
            assertThat(answer.message()).contains(expected.substring("refuses: ".length()));
        }
    }

    // ---- the plugin: reader, declaration, provisioning core ----

    private static CreateTableRequest provision(DeclaredTable declared) throws Exception {
        RecordingInterceptor calls = new RecordingInterceptor();
        try (DynamoDbClient client = TestClients.builder(dynalite.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build()) {
            new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1), "dynalite")
                    .create(Declaration.of(List.of(declared)), TableProvisioner.Options.DEFAULTS);
        }
        assertThat(calls.writeOperations()).containsExactly("CreateTable");
        return calls.requests(CreateTableRequest.class).get(0);
    }

    // ---- what to compare ----

    /** What DescribeTable says of a table, without what differs by name or time (names, ARNs, dates, status). */
    private static Map<String, Object> description(String tableName) {
        TableDescription table = server.describeTable(r -> r.tableName(tableName)).table();
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("KeySchema", keys(table.keySchema()));
        description.put("AttributeDefinitions", table.attributeDefinitions().stream()
                .collect(Collectors.toMap(a -> a.attributeName(), a -> a.attributeTypeAsString(), (a, b) -> a,
                        TreeMap::new)));
        description.put("BillingModeSummary", table.billingModeSummary() == null ? null
                : table.billingModeSummary().billingModeAsString());
        description.put("ProvisionedThroughput", throughput(table.provisionedThroughput()));
        description.put("OnDemandThroughput", onDemand(table.onDemandThroughput()));
        description.put("GlobalSecondaryIndexes", table.globalSecondaryIndexes().stream()
                .map(i -> i.indexName() + " " + keys(i.keySchema()) + " " + projection(i.projection()) + " "
                        + throughput(i.provisionedThroughput()) + " " + onDemand(i.onDemandThroughput()))
                .toList());
        description.put("LocalSecondaryIndexes", table.localSecondaryIndexes().stream()
                .map(i -> i.indexName() + " " + keys(i.keySchema()) + " " + projection(i.projection()))
                .toList());
        description.put("StreamSpecification", table.streamSpecification() == null ? null
                : table.streamSpecification().streamEnabled() + " "
                        + table.streamSpecification().streamViewTypeAsString());
        description.put("SSEDescription", table.sseDescription() == null ? null
                : table.sseDescription().statusAsString() + " " + table.sseDescription().sseTypeAsString() + " "
                        + table.sseDescription().kmsMasterKeyArn());
        description.put("TableClassSummary", table.tableClassSummary() == null ? null
                : table.tableClassSummary().tableClassAsString());
        description.put("DeletionProtectionEnabled", table.deletionProtectionEnabled());
        return description;
    }

    private static String keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).collect(Collectors.joining(","));
    }

    private static String projection(Projection projection) {
        return projection.projectionTypeAsString() + (projection.hasNonKeyAttributes()
                ? projection.nonKeyAttributes().toString() : "");
    }

    private static String throughput(ProvisionedThroughputDescription throughput) {
        return throughput == null ? "-" : throughput.readCapacityUnits() + "/" + throughput.writeCapacityUnits();
    }

    private static String onDemand(OnDemandThroughput throughput) {
        return throughput == null ? "none" : throughput.maxReadRequestUnits() + "/" + throughput.maxWriteRequestUnits();
    }

    private static String warm(WarmThroughput warm) {
        return warm == null ? "none" : warm.readUnitsPerSecond() + "/" + warm.writeUnitsPerSecond();
    }

    /**
     * The settings of a CreateTable request that dynalite drops, as DynamoDB reads them: each absent field
     * takes its default (CreateTable API reference,
     * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html): BillingMode
     * PROVISIONED; no stream without StreamSpecification or with StreamEnabled false; an AWS owned key without
     * SSESpecification, with {} or Enabled false, KMS with Enabled true or SSEType KMS, with the AWS managed
     * key unless KMSMasterKeyId names one; TableClass STANDARD; no deletion protection; no request limits;
     * no tags; no warm throughput (DynamoDB's own). Read once from the file's JSON and once from the request the
     * plugin sent, separately.
     */
    private record Settings(String billingMode, String stream, String encryption, String tableClass,
            boolean deletionProtection, String onDemandThroughput, Map<String, String> indexOnDemandThroughput,
            Map<String, String> tags, String warmThroughput, Map<String, String> indexWarmThroughput) {

        private static final String AWS_MANAGED_KEY = "the AWS managed key";

        static Settings of(JsonNode file) {
            JsonNode stream = file.path("StreamSpecification");
            JsonNode sse = file.path("SSESpecification");
            boolean kms = sse.path("Enabled").asBoolean(false) || sse.path("SSEType").asText("").equals("KMS");
            Map<String, String> indexes = new TreeMap<>();
            Map<String, String> indexWarm = new TreeMap<>();
            file.path("GlobalSecondaryIndexes").forEach(index -> indexWarm.put(index.path("IndexName").asText(),
                    warm(index.path("WarmThroughput"))));
            file.path("GlobalSecondaryIndexes").forEach(index -> indexes.put(index.path("IndexName").asText(),
                    onDemand(index.path("OnDemandThroughput"))));
            return new Settings(
                    file.path("BillingMode").asText("PROVISIONED"),
                    stream.path("StreamEnabled").asBoolean(false) ? stream.path("StreamViewType").asText() : "none",
                    kms ? "KMS " + sse.path("KMSMasterKeyId").asText(AWS_MANAGED_KEY) : "AWS owned key",
                    file.path("TableClass").asText("STANDARD"),
                    file.path("DeletionProtectionEnabled").asBoolean(false),
                    onDemand(file.path("OnDemandThroughput")),
                    indexes,
                    StreamSupport.stream(file.path("Tags").spliterator(), false).collect(Collectors.toMap(
                            t -> t.path("Key").asText(), t -> t.path("Value").asText(), (a, b) -> b, TreeMap::new)),
                    warm(file.path("WarmThroughput")),
                    indexWarm);
        }

        static Settings of(CreateTableRequest request) {
            SSESpecification sse = request.sseSpecification();
            boolean kms = sse != null && (Boolean.TRUE.equals(sse.enabled()) || "KMS".equals(sse.sseTypeAsString()));
            Map<String, String> indexes = new TreeMap<>();
            Map<String, String> indexWarm = new TreeMap<>();
            request.globalSecondaryIndexes().forEach(index -> indexWarm.put(index.indexName(),
                    TableFileCorpusTest.warm(index.warmThroughput())));
            request.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(),
                    TableFileCorpusTest.onDemand(index.onDemandThroughput())));
            return new Settings(
                    request.billingModeAsString() == null ? "PROVISIONED" : request.billingModeAsString(),
                    request.streamSpecification() != null && Boolean.TRUE.equals(request.streamSpecification()
                            .streamEnabled()) ? request.streamSpecification().streamViewTypeAsString() : "none",
                    kms ? "KMS " + (sse.kmsMasterKeyId() == null ? AWS_MANAGED_KEY : sse.kmsMasterKeyId())
                            : "AWS owned key",
                    request.tableClassAsString() == null ? "STANDARD" : request.tableClassAsString(),
                    Boolean.TRUE.equals(request.deletionProtectionEnabled()),
                    TableFileCorpusTest.onDemand(request.onDemandThroughput()),
                    indexes,
                    request.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b,
                            TreeMap::new)),
                    TableFileCorpusTest.warm(request.warmThroughput()),
                    indexWarm);
        }

        private static String warm(JsonNode warm) {
            return warm.isMissingNode() ? "none"
                    : warm.path("ReadUnitsPerSecond").asText("null") + "/"
                            + warm.path("WriteUnitsPerSecond").asText("null");
        }

        private static String onDemand(JsonNode throughput) {
            return throughput.isMissingNode() ? "none"
                    : throughput.path("MaxReadRequestUnits").asText("null") + "/"
                            + throughput.path("MaxWriteRequestUnits").asText("null");
        }
    }
}
