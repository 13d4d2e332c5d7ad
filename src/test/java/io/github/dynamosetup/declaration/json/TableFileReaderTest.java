package io.github.dynamosetup.declaration.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.WarmThroughput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table file reader on its own: what each field of a file becomes, and each mistake with its JSON path.
 *
 * <p>Over 300 lines: a table of mistakes, one row each.
 */
class TableFileReaderTest {

    @TempDir
    Path directory;

    private TableFileReader.Result read(String json) throws Exception {
        Path file = Files.writeString(directory.resolve("orders.json"), json);
        return TableFileReader.read(file, "tables/orders.json", name -> "dev-" + name,
                Map.of("Application", "Shop", "Team", "everyone"));
    }

    /**
     * The problems the plugin reports for a file: those the reader finds, then those of DynamoDB's rules
     * for its table, which {@link Declaration} applies.
     */
    static List<ConfigurationProblem> problems(TableFileReader.Result read) {
        try {
            Declaration.of(read.table() == null ? List.of() : List.of(read.table()), read.problems());
            return List.of();
        } catch (InvalidDeclarationException e) {
            return e.problems();
        }
    }

    @Test
    void readsEverythingCreateTableTakesPlusTtlAndPointInTimeRecovery() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [
                    {"AttributeName": "customer_id", "AttributeType": "S"},
                    {"AttributeName": "created_at", "AttributeType": "N"},
                    {"AttributeName": "status", "AttributeType": "S"},
                    {"AttributeName": "total", "AttributeType": "N"}
                  ],
                  "KeySchema": [
                    {"AttributeName": "customer_id", "KeyType": "HASH"},
                    {"AttributeName": "created_at", "KeyType": "RANGE"}
                  ],
                  "GlobalSecondaryIndexes": [{
                    "IndexName": "by-status",
                    "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["total"]},
                    "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 1},
                    "WarmThroughput": {"WriteUnitsPerSecond": 900},
                    "ContributorInsightsSpecification": {"Enabled": false}
                  }],
                  "LocalSecondaryIndexes": [{
                    "IndexName": "by-total",
                    "KeySchema": [
                      {"AttributeName": "customer_id", "KeyType": "HASH"},
                      {"AttributeName": "total", "KeyType": "RANGE"}
                    ],
                    "Projection": {"ProjectionType": "KEYS_ONLY"}
                  }],
                  "BillingMode": "PROVISIONED",
                  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 3},
                  "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"},
                  "SSESpecification": {"Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "alias/orders"},
                  "TableClass": "STANDARD_INFREQUENT_ACCESS",
                  "DeletionProtectionEnabled": true,
                  "ResourcePolicy": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Deny\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"dynamodb:DeleteTable\\", \\"Resource\\": \\"*\\"}]}",
                  "Tags": [{"Key": "Team", "Value": "checkout"}],
                  "TimeToLiveSpecification": {"AttributeName": "expires_at", "Enabled": true},
                  "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": 7},
                  "WarmThroughput": {"ReadUnitsPerSecond": 1000, "WriteUnitsPerSecond": 500},
                  "ContributorInsightsSpecification": {"Enabled": true}
                }
                """);

        assertThat(problems(result)).isEmpty();
        DeclaredTable table = result.table();
        assertThat(table.name()).isEqualTo("dev-orders");
        assertThat(table.origin().describe()).isEqualTo("file tables/orders.json");
        assertThat(table.partitionKey()).isEqualTo(new KeyAttribute("customer_id", AttributeType.S));
        assertThat(table.sortKey()).isEqualTo(new KeyAttribute("created_at", AttributeType.N));
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("by-status");
            assertThat(index.partitionKey()).isEqualTo(new KeyAttribute("status", AttributeType.S));
            assertThat(index.projection()).isEqualTo(IndexProjection.INCLUDE);
            assertThat(index.nonKeyAttributes()).containsExactly("total");
            assertThat(index.capacity()).isEqualTo(new Capacity(2L, 1L));
            assertThat(index.warmThroughput()).isEqualTo(new WarmThroughput(null, 900L));
            assertThat(index.contributorInsights()).isFalse();
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.sortKey()).isEqualTo(new KeyAttribute("total", AttributeType.N));
            assertThat(index.projection()).isEqualTo(IndexProjection.KEYS_ONLY);
        });
        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.capacity()).isEqualTo(new Capacity(5L, 3L));
        assertThat(table.stream()).isEqualTo(new StreamSpecification(true, StreamViewType.NEW_IMAGE));
        assertThat(table.encryption()).isEqualTo(Encryption.CUSTOMER_MANAGED);
        assertThat(table.kmsKeyId()).isEqualTo("alias/orders");
        assertThat(table.tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(table.deletionProtection()).isTrue();
        assertThat(table.timeToLiveAttribute()).isEqualTo("expires_at");
        // the string as create-table takes it, sent as it is written
        assertThat(table.resourcePolicy()).isEqualTo(ResourcePolicy.inline("{\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"dynamodb:DeleteTable\", \"Resource\": \"*\"}]}"));
        assertThat(table.pointInTimeRecovery()).isTrue();
        assertThat(table.recoveryPeriodInDays()).isEqualTo(7L);
        assertThat(table.warmThroughput()).isEqualTo(new WarmThroughput(1000L, 500L));
        assertThat(table.contributorInsights()).isTrue();
        assertThat(table.tags()).containsExactly(Map.entry("Application", "Shop"), Map.entry("Team", "checkout"));
    }

    @Test
    void aFileWithoutBillingModeIsProvisionedAsCreateTableMakesIt() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 2},
                  "SSESpecification": {"Enabled": true}
                }
                """);

        assertThat(problems(result)).isEmpty();
        assertThat(result.table().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(result.table().capacity()).isEqualTo(new Capacity(5L, 2L));
        assertThat(result.table().encryption()).isEqualTo(Encryption.AWS_MANAGED);
        assertThat(result.table().stream()).isNull();
        assertThat(result.table().tableClass()).isNull();
        assertThat(result.table().deletionProtection()).isFalse();
        assertThat(result.table().timeToLiveAttribute()).isNull();
        assertThat(result.table().pointInTimeRecovery()).isFalse();
    }

    @Test
    void anOnDemandFileMayLimitRequestUnits() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "BillingMode": "PAY_PER_REQUEST",
                  "OnDemandThroughput": {"MaxReadRequestUnits": 100, "MaxWriteRequestUnits": -1}
                }
                """);

        assertThat(problems(result)).isEmpty();
        assertThat(result.table().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(result.table().onDemandThroughput()).isEqualTo(new RequestUnits(100L, -1L));
        assertThat(result.table().encryption()).isNull();
    }

    @Test
    void aProvisionedFileMayDeclareAutoScalingOnTheTableAndItsIndexesAndReplicas() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [
                    {"AttributeName": "id", "AttributeType": "S"},
                    {"AttributeName": "status", "AttributeType": "S"}
                  ],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "GlobalSecondaryIndexes": [{
                    "IndexName": "by-status",
                    "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "KEYS_ONLY"},
                    "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
                    "AutoScaling": {"Read": {"MinCapacity": 5, "MaxCapacity": 20, "TargetUtilization": 50.5}}
                  }],
                  "BillingMode": "PROVISIONED",
                  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
                  "AutoScaling": {
                    "Read": {"MinCapacity": 5, "MaxCapacity": 100, "TargetUtilization": 70},
                    "Write": {"MinCapacity": 5, "MaxCapacity": 50, "TargetUtilization": 60}
                  },
                  "Replicas": [{"RegionName": "eu-west-1"}, {"RegionName": "ap-southeast-2"}]
                }
                """);

        assertThat(problems(result)).isEmpty();
        DeclaredTable table = result.table();
        assertThat(table.autoScaling()).isEqualTo(new AutoScaling(new AutoScaling.Dimension(5L, 100L, 70.0),
                new AutoScaling.Dimension(5L, 50L, 60.0)));
        assertThat(table.globalSecondaryIndexes().get(0).autoScaling())
                .isEqualTo(new AutoScaling(new AutoScaling.Dimension(5L, 20L, 50.5), null));
        assertThat(table.replicaRegions()).containsExactly("eu-west-1", "ap-southeast-2");
    }

    @Test
    void withoutBillingModeAndCapacityTheOneProblemNamesTheDefault() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]
                }
                """);

        assertThat(problems(result)).singleElement().asString().isEqualTo("table 'dev-orders' (tables/orders.json),"
                + " $.ProvisionedThroughput: missing; a table file without BillingMode is PROVISIONED (DynamoDB's"
                + " default, as in aws dynamodb create-table), and a PROVISIONED table needs ReadCapacityUnits and"
                + " WriteCapacityUnits: add \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5,"
                + " \"WriteCapacityUnits\": 5} with your figures, or set \"BillingMode\": \"PAY_PER_REQUEST\"");
    }

    @Test
    void aDisabledTtlSpecificationMeansNoTtl() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "BillingMode": "PAY_PER_REQUEST",
                  "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": false}
                }
                """);

        assertThat(problems(result)).isEmpty();
        assertThat(result.table().timeToLiveAttribute()).isNull();
    }

    @Test
    void theReaderLeavesDynamoDbsRulesToTheDeclarationWhichReportsEachOnce() throws Exception {
        TableFileReader.Result result = read("""
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "BillingMode": "PAY_PER_REQUEST",
                  "StreamSpecification": {"StreamEnabled": true}
                }
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(problems(result)).singleElement().asString().isEqualTo("table 'dev-orders' (tables/orders.json),"
                + " $.StreamSpecification: an enabled stream needs a view type: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or"
                + " NEW_AND_OLD_IMAGES");
    }

    @Test
    void aDuplicateFieldIsASyntaxProblemWithItsLine() throws Exception {
        TableFileReader.Result result = read("{\n  \"TableName\": \"a\",\n  \"TableName\": \"b\"\n}");

        assertThat(result.table()).isNull();
        assertThat(problems(result)).singleElement().asString()
                .startsWith("table with no name (tables/orders.json), line 3, column 14: not valid JSON: Duplicate"
                        + " field 'TableName'");
    }

    private static final String VALID = """
            {
              "TableName": "orders",
              "AttributeDefinitions": [
                {"AttributeName": "customer_id", "AttributeType": "S"},
                {"AttributeName": "created_at", "AttributeType": "N"},
                {"AttributeName": "status", "AttributeType": "S"}
              ],
              "KeySchema": [
                {"AttributeName": "customer_id", "KeyType": "HASH"},
                {"AttributeName": "created_at", "KeyType": "RANGE"}
              ],
              "GlobalSecondaryIndexes": [{
                "IndexName": "by-status",
                "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"}
              }],
              "BillingMode": "PAY_PER_REQUEST"
            }
            """;

    /** The valid file with replacements: pairs of (from, to). */
    private static String valid(String... replacements) {
        String json = VALID;
        for (int i = 0; i < replacements.length; i += 2) {
            if (!json.contains(replacements[i])) {
                throw new IllegalArgumentException(replacements[i]);
            }
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        return json;
    }

    private static final String GSI_PROJECTION = "\"Projection\": {\"ProjectionType\": \"ALL\"}";
    private static final String BILLING = "\"BillingMode\": \"PAY_PER_REQUEST\"";
    private static final String TABLE_KEYS = "{\"AttributeName\": \"customer_id\", \"KeyType\": \"HASH\"},\n"
            + "    {\"AttributeName\": \"created_at\", \"KeyType\": \"RANGE\"}";
    private static final String LSI_BY_STATUS = ", \"LocalSecondaryIndexes\": [{\"IndexName\": \"by-status-local\","
            + " \"KeySchema\": [{\"AttributeName\": \"customer_id\", \"KeyType\": \"HASH\"}, {\"AttributeName\":"
            + " \"status\", \"KeyType\": \"RANGE\"}], \"Projection\": {\"ProjectionType\": \"KEYS_ONLY\"}}]";

    /**
     * Files with one mistake each, and every problem reported for it: the reason DynamoDB gives, in the
     * file's terms, and nothing that only follows from the mistake.
     */
    static java.util.stream.Stream<Arguments> mistakes() {
        return java.util.stream.Stream.of(
                Arguments.of("an unknown field in an index", valid(GSI_PROJECTION,
                                GSI_PROJECTION + ", \"Projected\": true"),
                        List.of("$.GlobalSecondaryIndexes[0].Projected: unknown field; a global secondary index has"
                                + " the fields")),
                Arguments.of("warm throughput on an index that is not a number", valid(GSI_PROJECTION, GSI_PROJECTION
                                + ", \"WarmThroughput\": {\"ReadUnitsPerSecond\": \"15000\"}"),
                        List.of("$.GlobalSecondaryIndexes[0].WarmThroughput.ReadUnitsPerSecond: must be a whole"
                                + " number")),
                Arguments.of("an unknown field in WarmThroughput", valid(BILLING, BILLING
                                + ", \"WarmThroughput\": {\"ReadUnits\": 15000}"),
                        List.of("$.WarmThroughput.ReadUnits: unknown field; WarmThroughput has the fields")),
                Arguments.of("contributor insights without Enabled", valid(BILLING, BILLING
                                + ", \"ContributorInsightsSpecification\": {}"),
                        List.of("$.ContributorInsightsSpecification.Enabled: missing; say true or false")),
                Arguments.of("a contributor insights mode", valid(GSI_PROJECTION, GSI_PROJECTION
                                + ", \"ContributorInsightsSpecification\": {\"Enabled\": true, \"Mode\":"
                                + " \"THROTTLED_KEYS\"}"),
                        List.of("$.GlobalSecondaryIndexes[0].ContributorInsightsSpecification.Mode: is not supported"
                                + " by dynamo-setup yet")),
                Arguments.of("a resource policy written as a JSON object", valid(BILLING, BILLING
                                + ", \"ResourcePolicy\": {\"Version\": \"2012-10-17\", \"Statement\": []}"),
                        List.of("$.ResourcePolicy: must be a string holding the policy document, as create-table takes"
                                + " it")),
                Arguments.of("a resource policy that is not JSON", valid(BILLING, BILLING
                                + ", \"ResourcePolicy\": \"{\\\"Version\\\": \\\"2012-10-17\\\",}\""),
                        List.of("$.ResourcePolicy: the policy is not valid JSON at line 1, column ")),
                Arguments.of("a recovery period that is not a number", valid(BILLING, BILLING
                                + ", \"PointInTimeRecoverySpecification\": {\"PointInTimeRecoveryEnabled\": true,"
                                + " \"RecoveryPeriodInDays\": \"7\"}"),
                        List.of("$.PointInTimeRecoverySpecification.RecoveryPeriodInDays: must be a whole number")),
                Arguments.of("SSEType with Enabled false", valid(BILLING, BILLING + ", \"SSESpecification\":"
                                + " {\"Enabled\": false, \"SSEType\": \"AES256\"}"),
                        List.of("$.SSESpecification.SSEType: given with \"Enabled\": false, which DynamoDB refuses"
                                + " (\"SSEType can not be specified if Enabled is false\")")),
                Arguments.of("a KMS key with Enabled false", valid(BILLING, BILLING + ", \"SSESpecification\":"
                                + " {\"Enabled\": false, \"KMSMasterKeyId\": \"alias/orders\"}"),
                        List.of("$.SSESpecification.KMSMasterKeyId: given with \"Enabled\": false")),
                Arguments.of("an empty KMS key", valid(BILLING, BILLING + ", \"SSESpecification\":"
                                + " {\"Enabled\": true, \"SSEType\": \"KMS\", \"KMSMasterKeyId\": \"\"}"),
                        List.of("$.SSESpecification.KMSMasterKeyId: is empty")),
                Arguments.of("a stream view type without StreamEnabled", valid(BILLING, BILLING
                                + ", \"StreamSpecification\": {\"StreamViewType\": \"NEW_IMAGE\"}"),
                        List.of("$.StreamSpecification.StreamEnabled: missing; say true or false")),
                Arguments.of("no attribute definitions", valid("""
                              "AttributeDefinitions": [
                                {"AttributeName": "customer_id", "AttributeType": "S"},
                                {"AttributeName": "created_at", "AttributeType": "N"},
                                {"AttributeName": "status", "AttributeType": "S"}
                              ],
                            """, ""),
                        List.of("$.AttributeDefinitions: missing; list each key attribute")),
                Arguments.of("an empty NonKeyAttributes with KEYS_ONLY", valid(GSI_PROJECTION,
                                "\"Projection\": {\"ProjectionType\": \"KEYS_ONLY\", \"NonKeyAttributes\": []}"),
                        List.of("$.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: an empty list, which DynamoDB"
                                + " refuses")),
                Arguments.of("an empty NonKeyAttributes with INCLUDE", valid(GSI_PROJECTION,
                                "\"Projection\": {\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": []}"),
                        List.of("$.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: an empty list")),
                Arguments.of("NonKeyAttributes without ProjectionType", valid(GSI_PROJECTION,
                                "\"Projection\": {\"NonKeyAttributes\": [\"total\"]}"),
                        List.of("$.GlobalSecondaryIndexes[0].Projection.ProjectionType: missing; DynamoDB has no"
                                + " default projection")),
                Arguments.of("a tag without value", valid(BILLING, BILLING + ", \"Tags\": [{\"Key\": \"Team\"}]"),
                        List.of("$.Tags[0].Value: missing")),
                Arguments.of("three key elements", valid(TABLE_KEYS, TABLE_KEYS
                                + ", {\"AttributeName\": \"status\", \"KeyType\": \"RANGE\"}"),
                        List.of("$.KeySchema: has 3 elements; a key schema has one HASH element and at most one RANGE"
                                + " element")),
                Arguments.of("the RANGE key first, on a table with a local index", valid(TABLE_KEYS, """
                                {"AttributeName": "created_at", "KeyType": "RANGE"},
                                {"AttributeName": "customer_id", "KeyType": "HASH"}""",
                                BILLING, BILLING + LSI_BY_STATUS),
                        List.of("$.KeySchema[0]: the first element of a key schema must be the HASH key")),
                Arguments.of("an undefined sort key on a table with a local index", valid(
                                "{\"AttributeName\": \"created_at\", \"AttributeType\": \"N\"},", "",
                                BILLING, BILLING + LSI_BY_STATUS),
                        List.of("$.KeySchema[1].AttributeName: 'created_at' has no entry in $.AttributeDefinitions")),
                Arguments.of("an unknown billing mode", valid(BILLING, "\"BillingMode\": \"ON_DEMAND\""),
                        List.of("$.BillingMode: 'ON_DEMAND' is not one of PAY_PER_REQUEST, PROVISIONED")),
                Arguments.of("an index sorted by its partition key", valid(
                                "\"KeySchema\": [{\"AttributeName\": \"status\", \"KeyType\": \"HASH\"}]",
                                "\"KeySchema\": [{\"AttributeName\": \"status\", \"KeyType\": \"HASH\"},"
                                        + " {\"AttributeName\": \"status\", \"KeyType\": \"RANGE\"}]"),
                        List.of("$.GlobalSecondaryIndexes[0].KeySchema: the sort key is the index's partition key"
                                + " 'status' again")),
                Arguments.of("a local index sorted by the table's partition key", valid(BILLING, BILLING
                                + LSI_BY_STATUS.replace("\"status\", \"KeyType\": \"RANGE\"",
                                        "\"customer_id\", \"KeyType\": \"RANGE\"")),
                        List.of("$.LocalSecondaryIndexes[0].KeySchema: the sort key is the table's partition key"
                                + " 'customer_id'")),
                Arguments.of("no BillingMode: an index without capacity", valid(BILLING,
                                "\"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}"),
                        List.of("$.GlobalSecondaryIndexes[0].ProvisionedThroughput: missing; a table file without"
                                + " BillingMode is PROVISIONED")),
                Arguments.of("no BillingMode: neither the table nor its index with capacity",
                        valid(",\n  " + BILLING, ""),
                        List.of("$.ProvisionedThroughput: missing; a table file without BillingMode is PROVISIONED",
                                "$.GlobalSecondaryIndexes[0].ProvisionedThroughput: missing; a table file without"
                                        + " BillingMode is PROVISIONED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void reportsTheReasonDynamoDbGivesAndNothingElse(String mistake, String json, List<String> expected)
            throws Exception {
        List<String> problems = problems(read(json)).stream().map(ConfigurationProblem::toString).toList();

        assertThat(problems).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(problems.get(i)).startsWith("table 'dev-orders' (tables/orders.json), " + expected.get(i));
        }
    }

    @Test
    void readsSseSpecificationAsCreateTableDoes() throws Exception {
        String kmsWithoutEnabled = valid(BILLING, BILLING + ", \"SSESpecification\": {\"SSEType\": \"KMS\","
                + " \"KMSMasterKeyId\": \"alias/orders\"}");
        assertThat(read(kmsWithoutEnabled).table().encryption()).isEqualTo(Encryption.CUSTOMER_MANAGED);
        assertThat(read(kmsWithoutEnabled).table().kmsKeyId()).isEqualTo("alias/orders");
        assertThat(read(valid(BILLING, BILLING + ", \"SSESpecification\": {}")).table().encryption())
                .isEqualTo(Encryption.AWS_OWNED);
        assertThat(read(valid(BILLING, BILLING + ", \"SSESpecification\": {\"Enabled\": false}")).table()
                .encryption()).isEqualTo(Encryption.AWS_OWNED);
        assertThat(read(valid(BILLING, BILLING + ", \"SSESpecification\": {\"Enabled\": true, \"SSEType\":"
                + " \"KMS\"}")).table().encryption()).isEqualTo(Encryption.AWS_MANAGED);
    }
}
