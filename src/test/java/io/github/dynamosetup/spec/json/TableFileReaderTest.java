package io.github.dynamosetup.spec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.spec.AttributeType;
import io.github.dynamosetup.spec.BillingMode;
import io.github.dynamosetup.spec.Capacity;
import io.github.dynamosetup.spec.Encryption;
import io.github.dynamosetup.spec.KeySpec;
import io.github.dynamosetup.spec.Projection;
import io.github.dynamosetup.spec.RequestUnits;
import io.github.dynamosetup.spec.Stream;
import io.github.dynamosetup.spec.StreamViewType;
import io.github.dynamosetup.spec.TableClass;
import io.github.dynamosetup.spec.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFileReaderTest {

    @TempDir
    Path directory;

    private TableFileReader.Result read(String json) throws Exception {
        Path file = Files.writeString(directory.resolve("orders.json"), json);
        return TableFileReader.read(file, "tables/orders.json", name -> "dev-" + name,
                Map.of("Application", "Shop", "Team", "everyone"));
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
                    "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 1}
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
                  "Tags": [{"Key": "Team", "Value": "checkout"}],
                  "TimeToLiveSpecification": {"AttributeName": "expires_at", "Enabled": true},
                  "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}
                }
                """);

        assertThat(result.problems()).isEmpty();
        TableSpec table = result.table();
        assertThat(table.name()).isEqualTo("dev-orders");
        assertThat(table.origin().describe()).isEqualTo("file tables/orders.json");
        assertThat(table.partitionKey()).isEqualTo(new KeySpec("customer_id", AttributeType.S));
        assertThat(table.sortKey()).isEqualTo(new KeySpec("created_at", AttributeType.N));
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("by-status");
            assertThat(index.partitionKey()).isEqualTo(new KeySpec("status", AttributeType.S));
            assertThat(index.projection()).isEqualTo(Projection.INCLUDE);
            assertThat(index.nonKeyAttributes()).containsExactly("total");
            assertThat(index.capacity()).isEqualTo(new Capacity(2L, 1L));
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.sortKey()).isEqualTo(new KeySpec("total", AttributeType.N));
            assertThat(index.projection()).isEqualTo(Projection.KEYS_ONLY);
        });
        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.capacity()).isEqualTo(new Capacity(5L, 3L));
        assertThat(table.stream()).isEqualTo(new Stream(true, StreamViewType.NEW_IMAGE));
        assertThat(table.encryption()).isEqualTo(Encryption.CUSTOMER_MANAGED);
        assertThat(table.kmsKeyId()).isEqualTo("alias/orders");
        assertThat(table.tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(table.deletionProtection()).isTrue();
        assertThat(table.timeToLiveAttribute()).isEqualTo("expires_at");
        assertThat(table.pointInTimeRecovery()).isTrue();
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

        assertThat(result.problems()).isEmpty();
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

        assertThat(result.problems()).isEmpty();
        assertThat(result.table().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(result.table().onDemandThroughput()).isEqualTo(new RequestUnits(100L, -1L));
        assertThat(result.table().encryption()).isNull();
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

        assertThat(result.problems()).singleElement().asString().isEqualTo("table 'dev-orders' (tables/orders.json),"
                + " $.ProvisionedThroughput: missing; a table file without BillingMode is PROVISIONED (DynamoDB's"
                + " default, as in aws dynamodb create-table), and a PROVISIONED table needs ReadCapacityUnits and"
                + " WriteCapacityUnits: add \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\":"
                + " 5} with your figures, or set \"BillingMode\": \"PAY_PER_REQUEST\"");
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

        assertThat(result.problems()).isEmpty();
        assertThat(result.table().timeToLiveAttribute()).isNull();
    }

    @Test
    void aDuplicateFieldIsASyntaxProblemWithItsLine() throws Exception {
        TableFileReader.Result result = read("{\n  \"TableName\": \"a\",\n  \"TableName\": \"b\"\n}");

        assertThat(result.table()).isNull();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("table with no name (tables/orders.json), line 3, column 14: not valid JSON: Duplicate"
                        + " field 'TableName'");
    }
}
