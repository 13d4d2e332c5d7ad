package io.github.dynamosetup.maven;

import static io.github.dynamosetup.maven.PomBeans.autoScaling;
import static io.github.dynamosetup.maven.PomBeans.gsi;
import static io.github.dynamosetup.maven.PomBeans.lsi;
import static io.github.dynamosetup.maven.PomBeans.provisioned;
import static io.github.dynamosetup.maven.PomBeans.replica;
import static io.github.dynamosetup.maven.PomBeans.scaling;
import static io.github.dynamosetup.maven.PomBeans.table;
import static io.github.dynamosetup.maven.PomBeans.warm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.TestServer;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A corpus of invalid declarations, in the POM and in JSON table files. Each goes through the create
 * goal against the test server: the build fails with a message naming the table, the element (or file
 * and JSON path) and the fix, and the server holds no table afterwards, not even the valid one declared
 * next to it.
 *
 * <p>Over 300 lines: it is the corpus, one row per mistake, kept in one place so that it reads as a list.
 */
@ExtendWith(DynamoDbServerExtension.class)
class InvalidDeclarationCorpusTest {

    /** What a case declares: the POM's tables and global tags, and JSON files by name. */
    static final class Declared {
        final List<PomTable> tables = new ArrayList<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> files = new LinkedHashMap<>();
        /** Other files of the project (a policy file), by path: written, not listed in {@code <tableFiles>}. */
        final Map<String, String> projectFiles = new LinkedHashMap<>();

        /** The first POM table, a valid one until the case breaks it. */
        PomTable orders() {
            return tables.get(0);
        }
    }

    /** A mistake in the POM; an expected problem starting with an element is about the table 'orders'. */
    private static Arguments pom(String mistake, Consumer<Declared> declare, String... expected) {
        return Arguments.of(mistake, declare, subject("table 'orders', ", "<", expected));
    }

    /** A mistake in a JSON file; an expected problem starting with a JSON path is about the file's table. */
    private static Arguments json(String mistake, String content, String... expected) {
        return Arguments.of(mistake, (Consumer<Declared>) d -> d.files.put("tables/broken.json", content),
                subject("table 'payments' (tables/broken.json), ", "$", expected));
    }

    private static String[] subject(String subject, String elementStart, String... expected) {
        return Stream.of(expected).map(e -> e.startsWith(elementStart) ? subject + e : e).toArray(String[]::new);
    }

    /** A valid table file with one thing replaced. */
    private static String declared(String from, String to) {
        String valid = """
                {
                  "TableName": "payments",
                  "AttributeDefinitions": [
                    {"AttributeName": "payment_id", "AttributeType": "S"},
                    {"AttributeName": "paid_at", "AttributeType": "N"}
                  ],
                  "KeySchema": [
                    {"AttributeName": "payment_id", "KeyType": "HASH"},
                    {"AttributeName": "paid_at", "KeyType": "RANGE"}
                  ],
                  "BillingMode": "PAY_PER_REQUEST"
                }
                """;
        if (!valid.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return valid.replace(from, to);
    }

    /** A valid policy. */
    private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\","
            + " \"Principal\": \"*\", \"Action\": \"dynamodb:DeleteTable\", \"Resource\": \"*\"}]}";

    /** A valid policy of exactly {@code bytes} bytes, its whitespace counted as AWS counts it. */
    private static String policyOfBytes(int bytes) {
        String start = "{\"Statement\": {\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"dynamodb:DeleteTable\","
                + " \"Resource\": \"*\"}}";
        return start.substring(0, start.length() - 1) + " ".repeat(bytes - start.length()) + "}";
    }

    /** Key schema elements of one key type, as JSON. */
    private static String keyElements(String keyType, String... names) {
        return Stream.of(names).map(n -> "{\"AttributeName\": \"" + n + "\", \"KeyType\": \"" + keyType + "\"}")
                .collect(Collectors.joining(", "));
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                pom("no table name", d -> d.orders().name = null,
                        "table #1 (no name), <name>: missing; give the table a name"),
                pom("table name too short", d -> d.orders().name = "ab",
                        "table 'ab', <name>: 'ab' is not a valid DynamoDB table name: use 3 to 255 characters"),
                pom("table name with a bad character", d -> d.orders().name = "orders!",
                        "table 'orders!', <name>: 'orders!' is not a valid DynamoDB table name"),
                pom("no partition key", d -> d.orders().partitionKey = null,
                        "table 'orders', <partitionKey>: missing; every table needs a partition key"),
                pom("key type BOOL", d -> d.orders().partitionKey = "customer_id:BOOL",
                        "table 'orders', <partitionKey>: 'customer_id:BOOL' has the key type 'BOOL', but DynamoDB keys"
                                + " are S (string), N (number) or B (binary)"),
                pom("sort key type X", d -> d.orders().sortKey = "created_at:X",
                        "table 'orders', <sortKey>: 'created_at:X' has the key type 'X'"),
                pom("two tables with one name", d -> d.tables.add(table("orders", "id", null)),
                        "table 'orders', <name>: declared twice, at <tables> #1 and at <tables> #3"),
                pom("an index without a name", d -> d.orders().globalSecondaryIndexes.add(gsi(null, "status")),
                        "table 'orders', <globalSecondaryIndex> #1 <name>: missing; give the index a name"),
                pom("two indexes with one name", d -> {
                    d.orders().globalSecondaryIndexes.add(gsi("by-status", "status"));
                    d.orders().localSecondaryIndexes.add(lsi("by-status", "total:N"));
                }, "table 'orders', <localSecondaryIndex> 'by-status': another index of this table has the same name"),
                pom("an index without a partition key", d -> d.orders().globalSecondaryIndexes
                        .add(gsi("by-status", null)),
                        "table 'orders', <globalSecondaryIndex> 'by-status' <partitionKey>: missing; every global"
                                + " secondary index needs a partition key"),
                pom("INCLUDE without non-key attributes", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-status", "status");
                    index.projection = "INCLUDE";
                    d.orders().globalSecondaryIndexes.add(index);
                }, "table 'orders', <globalSecondaryIndex> 'by-status' <nonKeyAttributes>: missing; an INCLUDE"
                        + " projection lists the attributes it copies"),
                pom("non-key attributes with ALL", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-status", "status");
                    index.nonKeyAttributes = List.of("total");
                    d.orders().globalSecondaryIndexes.add(index);
                }, "<globalSecondaryIndex> 'by-status' <nonKeyAttributes>: only an INCLUDE projection takes non-key"
                        + " attributes"),
                pom("unknown projection", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-status", "status");
                    index.projection = "SOME";
                    d.orders().globalSecondaryIndexes.add(index);
                }, "<globalSecondaryIndex> 'by-status' <projection>: 'SOME' is not one of ALL, KEYS_ONLY, INCLUDE"),
                pom("several attributes in a table's partition key", d -> d.orders().partitionKey = "tenant:S, region:S",
                        "table 'orders', <partitionKey>: 'tenant:S, region:S' names 2 attributes; only global secondary"
                                + " indexes take a key of several attributes"),
                pom("several attributes in a local index's sort key", d -> d.orders().localSecondaryIndexes
                        .add(lsi("by-x", "total:N, day:S")),
                        "table 'orders', <localSecondaryIndex> 'by-x' <sortKey>: 'total:N, day:S' names 2 attributes;"
                                + " only global secondary indexes take a key of several attributes"),
                pom("five partition key attributes in an index", d -> d.orders().globalSecondaryIndexes
                        .add(gsi("by-place", "a:S, b:S, c:N, d:B, e:S")),
                        "table 'orders', <globalSecondaryIndex> 'by-place' <partitionKey>: 5 partition key attributes;"
                                + " a global secondary index's partition key has at most 4 attributes"),
                pom("five sort key attributes in an index", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-place", "tenant:S");
                    index.sortKey = "a:S, b:S, c:N, d:B, e:S";
                    d.orders().globalSecondaryIndexes.add(index);
                }, "table 'orders', <globalSecondaryIndex> 'by-place' <sortKey>: 5 sort key attributes; a global"
                        + " secondary index's sort key has at most 4 attributes"),
                pom("an attribute twice in an index's key", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-place", "tenant:S, region:S");
                    index.sortKey = "day:N, tenant:S";
                    d.orders().globalSecondaryIndexes.add(index);
                }, "table 'orders', <globalSecondaryIndex> 'by-place' <sortKey>: the attribute 'tenant' comes twice in"
                        + " the index's key"),
                pom("an empty attribute in an index's key", d -> d.orders().globalSecondaryIndexes
                        .add(gsi("by-place", "tenant:S,, region:S")),
                        "table 'orders', <globalSecondaryIndex> 'by-place' <partitionKey>: 'tenant:S,, region:S' has an"
                                + " empty attribute between commas"),
                pom("a bad type in an index's key of several attributes", d -> d.orders().globalSecondaryIndexes
                        .add(gsi("by-place", "tenant:S, region:BOOL")),
                        "table 'orders', <globalSecondaryIndex> 'by-place' <partitionKey>: ' region:BOOL' has the key"
                                + " type 'BOOL'"),
                pom("21 global secondary indexes", d -> IntStream.rangeClosed(1, 21)
                        .forEach(i -> d.orders().globalSecondaryIndexes.add(gsi("gsi-" + i, "status"))),
                        "table 'orders', <globalSecondaryIndexes>: 21 global secondary indexes; DynamoDB allows at most"
                                + " 20 per table"),
                pom("6 local secondary indexes", d -> IntStream.rangeClosed(1, 6)
                        .forEach(i -> d.orders().localSecondaryIndexes.add(lsi("lsi-" + i, "a" + i + ":N"))),
                        "table 'orders', <localSecondaryIndexes>: 6 local secondary indexes; DynamoDB allows at most 5"),
                pom("a local index on a table without sort key", d -> {
                    d.orders().sortKey = null;
                    d.orders().localSecondaryIndexes.add(lsi("by-total", "total:N"));
                }, "table 'orders', <localSecondaryIndexes>: local secondary indexes need a table with a sort key"),
                pom("a local index without sort key", d -> d.orders().localSecondaryIndexes.add(lsi("by-x", null)),
                        "table 'orders', <localSecondaryIndex> 'by-x' <sortKey>: missing; a local secondary index"
                                + " shares the table's partition key and needs its own sort key"),
                pom("one attribute, two types", d -> d.orders().globalSecondaryIndexes
                        .add(gsi("by-date", "created_at:S")),
                        "table 'orders', <partitionKey>/<sortKey>: the attribute 'created_at' is used as a key with two"
                                + " types (N and S)"),
                pom("capacity with PAY_PER_REQUEST", d -> d.orders().readCapacity = 5L,
                        "table 'orders', <readCapacity>/<writeCapacity>: read/write capacity is only for PROVISIONED"
                                + " billing"),
                pom("PROVISIONED without capacity", d -> d.orders().billingMode = "PROVISIONED",
                        "table 'orders', <readCapacity>/<writeCapacity>: missing; with PROVISIONED billing every table"
                                + " needs both read and write capacity units"),
                pom("PROVISIONED index without capacity", d -> {
                    d.orders().billingMode = "PROVISIONED";
                    d.orders().readCapacity = 1L;
                    d.orders().writeCapacity = 1L;
                    d.orders().globalSecondaryIndexes.add(gsi("by-status", "status"));
                }, "table 'orders', <globalSecondaryIndex> 'by-status' <readCapacity>/<writeCapacity>: missing"),
                pom("zero capacity", d -> {
                    d.orders().billingMode = "PROVISIONED";
                    d.orders().readCapacity = 0L;
                    d.orders().writeCapacity = 1L;
                }, "table 'orders', <readCapacity>/<writeCapacity>: capacity units must be at least 1"),
                pom("request units with PROVISIONED", d -> {
                    d.orders().billingMode = "PROVISIONED";
                    d.orders().readCapacity = 1L;
                    d.orders().writeCapacity = 1L;
                    d.orders().maxReadRequestUnits = 10L;
                }, "table 'orders', <maxReadRequestUnits>/<maxWriteRequestUnits>: maximum request units are only for"
                        + " PAY_PER_REQUEST billing"),
                pom("zero request units", d -> d.orders().maxWriteRequestUnits = 0L,
                        "table 'orders', <maxReadRequestUnits>/<maxWriteRequestUnits>: maximum request units are at"
                                + " least 1, or -1 for no limit"),
                pom("unknown billing mode", d -> d.orders().billingMode = "ON_DEMAND",
                        "table 'orders', <billingMode>: 'ON_DEMAND' is not one of PAY_PER_REQUEST, PROVISIONED"),
                pom("unknown stream view type", d -> d.orders().streamViewType = "ALL_IMAGES",
                        "table 'orders', <streamViewType>: 'ALL_IMAGES' is not one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE,"
                                + " NEW_AND_OLD_IMAGES"),
                pom("customer managed encryption without key", d -> d.orders().encryption = "CUSTOMER_MANAGED",
                        "table 'orders', <kmsKeyId>: missing; CUSTOMER_MANAGED encryption needs the KMS key's id, ARN or"
                                + " alias"),
                pom("a KMS key with AWS managed encryption", d -> {
                    d.orders().encryption = "AWS_MANAGED";
                    d.orders().kmsKeyId = "alias/orders";
                }, "table 'orders', <kmsKeyId>: a KMS key is only for CUSTOMER_MANAGED encryption"),
                pom("unknown encryption", d -> d.orders().encryption = "SSE_S3",
                        "table 'orders', <encryption>: 'SSE_S3' is not one of AWS_OWNED, AWS_MANAGED, CUSTOMER_MANAGED"),
                pom("unknown table class", d -> d.orders().tableClass = "GLACIER",
                        "table 'orders', <tableClass>: 'GLACIER' is not one of STANDARD, STANDARD_INFREQUENT_ACCESS"),
                pom("a tag key with the aws: prefix", d -> d.orders().tags.put("aws:owner", "me"),
                        "table 'orders', <tags><aws:owner>: the prefix 'aws:' is reserved for AWS's own tags"),
                pom("an empty global tag", d -> d.tags.put("Environment", null),
                        "plugin configuration, <tags><Environment>: the tag value is empty"),
                pom("an unresolved expression in a tag", d -> d.orders().tags.put("Owner", "team-${owner}"),
                        "table 'orders', <tags><Owner>: the tag value 'team-${owner}' holds an unresolved Maven"
                                + " expression"),
                pom("a tag value with a bad character", d -> d.orders().tags.put("Owner", "a;b"),
                        "table 'orders', <tags><Owner>: a tag value has at most 256 letters, digits, spaces and"
                                + " _ . : / = + - @"),
                pom("51 tags", d -> IntStream.rangeClosed(1, 51).forEach(i -> d.orders().tags.put("T" + i, "v")),
                        "table 'orders', <tags>: 51 tags (global and the table's own); DynamoDB allows at most 50"),
                pom("a TTL attribute of 256 characters", d -> d.orders().timeToLiveAttribute = "t".repeat(256),
                        "table 'orders', <timeToLiveAttribute>: the TTL attribute name has 1 to 255 characters"),
                pom("a resource policy that is not JSON", d -> d.orders().resourcePolicy = "{\n  \"Version\":"
                        + " \"2012-10-17\",\n  \"Statement\": [}\n}",
                        "<resourcePolicy>: the policy is not valid JSON at line 3, column "),
                pom("a resource policy of more than 20 KB", d -> d.orders().resourcePolicy = policyOfBytes(20 * 1024 + 1),
                        "<resourcePolicy>: the policy has 20481 bytes; DynamoDB takes a resource policy of at most 20 KB"
                                + " (20480 bytes), whitespace included"),
                pom("a resource policy both in the POM and in a file", d -> {
                    d.orders().resourcePolicy = POLICY;
                    d.orders().resourcePolicyFile = "policies/orders.json";
                    d.projectFiles.put("policies/orders.json", POLICY);
                }, "<resourcePolicy> and <resourcePolicyFile>: both given; declare the policy in one of them"),
                pom("a resource policy file that does not exist", d -> d.orders().resourcePolicyFile = "policies/none.json",
                        "<resourcePolicyFile>: no such file: policies/none.json; correct the path (relative to the"
                                + " project) or remove the element"),
                pom("a resource policy file without a statement", d -> {
                    d.orders().resourcePolicyFile = "policies/orders.json";
                    d.projectFiles.put("policies/orders.json", "{\"Version\": \"2012-10-17\"}");
                }, "<resourcePolicyFile>: policies/orders.json has no \"Statement\""),
                pom("a resource policy file of more than 20 KB", d -> {
                    d.orders().resourcePolicyFile = "policies/orders.json";
                    d.projectFiles.put("policies/orders.json", policyOfBytes(20 * 1024 + 100));
                }, "<resourcePolicyFile>: policies/orders.json has 20580 bytes; DynamoDB takes a resource policy of at"
                        + " most 20 KB"),
                pom("a policy problem in each of two tables, reported together", d -> {
                    d.orders().resourcePolicy = "{\"Statement\": []}";
                    d.tables.get(1).resourcePolicyFile = "policies/bystander.json";
                }, "<resourcePolicy>: the policy has a \"Statement\" that is neither a statement",
                        "table 'bystander', <resourcePolicyFile>: no such file: policies/bystander.json"),
                pom("a recovery period of 36 days", d -> {
                    d.orders().pointInTimeRecovery = true;
                    d.orders().recoveryPeriodInDays = 36L;
                }, "table 'orders', <recoveryPeriodInDays>: 36 days; the recovery period is 1 to 35 days, or leave it"
                        + " out for DynamoDB's default of 35"),
                pom("a recovery period without point-in-time recovery", d -> d.orders().recoveryPeriodInDays = 7L,
                        "table 'orders', <recoveryPeriodInDays>: a recovery period is only for point-in-time recovery;"
                                + " enable point-in-time recovery or remove the period"),
                pom("a warm throughput of 0 reads a second", d -> d.orders().warmThroughput = warm(0L, null),
                        "table 'orders', <warmThroughput>: 0 read; warm throughput is at least 1 unit per second, for"
                                + " reads and for writes"),
                pom("an index's warm throughput of 0 writes a second", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-status", "status");
                    index.warmThroughput = warm(15000L, 0L);
                    d.orders().globalSecondaryIndexes.add(index);
                }, "table 'orders', <globalSecondaryIndex> 'by-status' <warmThroughput>: 15000 read/0 write; warm"
                        + " throughput is at least 1 unit per second"),
                pom("auto scaling on an on-demand table", d -> d.orders().autoScaling = autoScaling(
                        scaling(1L, 10L, 70.0), null),
                        "table 'orders', <autoScaling>: auto scaling is only for PROVISIONED billing"),
                pom("auto scaling on an index of an on-demand table", d -> {
                    PomGlobalSecondaryIndex index = gsi("by-status", "status");
                    index.autoScaling = autoScaling(null, scaling(1L, 10L, 70.0));
                    d.orders().globalSecondaryIndexes.add(index);
                }, "table 'orders', <globalSecondaryIndex> 'by-status' <autoScaling>: auto scaling is only for"
                        + " PROVISIONED billing"),
                pom("an auto scaling min above its max", d -> provisioned(d.orders(), autoScaling(
                        scaling(10L, 5L, 70.0), null)),
                        "table 'orders', <autoScaling>: read scaling: min 10 is above max 5; min <= max"),
                pom("a target utilization of 95 %", d -> provisioned(d.orders(), autoScaling(null,
                        scaling(1L, 10L, 95.0))),
                        "table 'orders', <autoScaling>: write scaling: target utilization 95.0 %; give a percentage"
                                + " from 10 to 90"),
                pom("a capacity outside the auto scaling range", d -> provisioned(d.orders(), autoScaling(
                        scaling(10L, 20L, 70.0), null)),
                        "table 'orders', <autoScaling>: read scaling: the table's read capacity 5 is outside min 10 to"
                                + " max 20"),
                pom("auto scaling without min and target", d -> provisioned(d.orders(), autoScaling(
                        scaling(null, 20L, null), null)),
                        "table 'orders', <autoScaling>: read scaling needs min, max and targetUtilization; min,"
                                + " targetUtilization missing"),
                pom("a replica region that is no region", d -> d.orders().replicas.add(replica("mars-1")),
                        "table 'orders', <replicas>: 'mars-1' is not an AWS region name"),
                // named like a region, but none AWS has: found once the connection's region is resolved
                pom("a replica region AWS does not have", d -> d.orders().replicas.add(replica("xx-nowhere-9")),
                        "table 'orders', <replicas>: the replica region xx-nowhere-9 is not an AWS region this version"
                                + " of dynamo-setup knows"),
                pom("a replica region twice", d -> {
                    d.orders().replicas.add(replica("eu-west-1"));
                    d.orders().replicas.add(replica("eu-west-1"));
                }, "table 'orders', <replicas>: the region eu-west-1 is given twice"),
                pom("replicas of a PROVISIONED table without write auto scaling", d -> {
                    provisioned(d.orders(), autoScaling(scaling(1L, 10L, 70.0), null));
                    d.orders().replicas.add(replica("eu-west-1"));
                }, "table 'orders', <replicas>: a PROVISIONED global table needs its write capacity managed by auto"
                        + " scaling"),
                pom("101 projected attributes", d -> {
                    PomGlobalSecondaryIndex index = gsi("wide", "status");
                    index.projection = "INCLUDE";
                    index.nonKeyAttributes = IntStream.rangeClosed(0, 100).mapToObj(i -> "a" + i).toList();
                    d.orders().globalSecondaryIndexes.add(index);
                }, "table 'orders', <nonKeyAttributes>: 101 non-key attributes projected across the table's indexes;"
                        + " DynamoDB allows at most 100"),
                pom("a table file that does not exist", d -> d.files.put("missing.json", null),
                        "plugin configuration, <tableFiles><tableFile>missing.json</tableFile>: no such file under"),

                json("broken JSON", "{\"TableName\": \"payments\",",
                        "table with no name (tables/broken.json), line 1, column 26: not valid JSON"),
                json("not an object", "[]",
                        "table with no name (tables/broken.json), $: must hold one JSON object"),
                json("an unknown field", declared("\"BillingMode\"", "\"Billing\""),
                        "table 'payments' (tables/broken.json), $.Billing: unknown field"),
                json("a field dynamo-setup does not support", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"GlobalTableSourceArn\":"
                                + " \"arn:aws:dynamodb:us-east-1:123456789012:table/payments\""),
                        "table 'payments' (tables/broken.json), $.GlobalTableSourceArn: is not supported by"
                                + " dynamo-setup yet"),
                json("a warm throughput of 0", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"WarmThroughput\": {\"ReadUnitsPerSecond\": 0,"
                                + " \"WriteUnitsPerSecond\": 0}"),
                        "table 'payments' (tables/broken.json), $.WarmThroughput: 0 read/0 write; warm throughput is at"
                                + " least 1 unit per second"),
                json("a key without attribute definition", declared("{\"AttributeName\": \"paid_at\", \"AttributeType\":"
                        + " \"N\"}", "{\"AttributeName\": \"other\", \"AttributeType\": \"N\"}"),
                        "table 'payments' (tables/broken.json), $.KeySchema[1].AttributeName: 'paid_at' has no entry in"
                                + " $.AttributeDefinitions",
                        "table 'payments' (tables/broken.json), $.AttributeDefinitions[1]: defines 'other', which is no"
                                + " key of the table or an index"),
                json("an unknown key type", declared("\"KeyType\": \"RANGE\"", "\"KeyType\": \"SORT\""),
                        "$.KeySchema[1].KeyType: 'SORT' is not a key type; use HASH (partition key) or RANGE (sort key)"),
                json("two HASH keys", declared("\"KeyType\": \"RANGE\"", "\"KeyType\": \"HASH\""),
                        "$.KeySchema[1]: a second HASH key; a key schema has one HASH key and at most one RANGE key"),
                json("two HASH keys in a local index", declared("\"BillingMode\": \"PAY_PER_REQUEST\"", "\"BillingMode\":"
                        + " \"PAY_PER_REQUEST\", \"LocalSecondaryIndexes\": [{\"IndexName\": \"by-day\", \"KeySchema\": ["
                        + "{\"AttributeName\": \"payment_id\", \"KeyType\": \"HASH\"},"
                        + " {\"AttributeName\": \"paid_at\", \"KeyType\": \"HASH\"}],"
                        + " \"Projection\": {\"ProjectionType\": \"ALL\"}}]"),
                        "$.LocalSecondaryIndexes[0].KeySchema[1]: a second HASH key; a key schema has one HASH key and at"
                                + " most one RANGE key, which comes second (DynamoDB: \"The second KeySchemaElement is not a"
                                + " RANGE key type\"); only global secondary indexes take several HASH or RANGE elements"),
                json("five HASH keys in a global index", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"GlobalSecondaryIndexes\": [{\"IndexName\":"
                                + " \"by-place\", \"KeySchema\": [" + keyElements("HASH", "payment_id", "paid_at",
                                "payment_id", "paid_at", "payment_id") + "], \"Projection\": {\"ProjectionType\":"
                                + " \"ALL\"}}]"),
                        "$.GlobalSecondaryIndexes[0].KeySchema: 5 partition key attributes; a global secondary index's"
                                + " partition key has at most 4 attributes"),
                json("a HASH key after a RANGE key in a global index", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"GlobalSecondaryIndexes\": [{\"IndexName\":"
                                + " \"by-place\", \"KeySchema\": [" + keyElements("HASH", "payment_id") + ", "
                                + keyElements("RANGE", "paid_at") + ", " + keyElements("HASH", "region")
                                + "], \"Projection\": {\"ProjectionType\": \"ALL\"}}]"),
                        "$.GlobalSecondaryIndexes[0].KeySchema[2]: a HASH element after a RANGE element"),
                json("an unknown attribute type", declared("\"AttributeType\": \"N\"", "\"AttributeType\": \"NUMBER\""),
                        "$.AttributeDefinitions[1].AttributeType: 'NUMBER' is not one of S, N, B"),
                json("a view type on a disabled stream", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"StreamSpecification\": {\"StreamEnabled\": false,"
                                + " \"StreamViewType\": \"NEW_IMAGE\"}"),
                        "table 'payments' (tables/broken.json), $.StreamSpecification: a stream view type is only for an"
                                + " enabled stream"),
                json("capacity with PAY_PER_REQUEST", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5,"
                                + " \"WriteCapacityUnits\": 5}"),
                        "table 'payments' (tables/broken.json), $.ProvisionedThroughput: read/write capacity is only for"
                                + " PROVISIONED billing"),
                json("capacity as a string", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PROVISIONED\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": \"5\","
                                + " \"WriteCapacityUnits\": 5}"),
                        "$.ProvisionedThroughput.ReadCapacityUnits: must be a whole number"),
                json("a local index with another partition key", declared("\"BillingMode\"",
                        "\"LocalSecondaryIndexes\": [{\"IndexName\": \"by-amount\", \"KeySchema\": [{\"AttributeName\":"
                                + " \"paid_at\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"payment_id\", \"KeyType\":"
                                + " \"RANGE\"}], \"Projection\": {\"ProjectionType\": \"ALL\"}}], \"BillingMode\""),
                        "$.LocalSecondaryIndexes[0].KeySchema: the HASH key of a local secondary index is the table's"
                                + " partition key, 'payment_id', not 'paid_at'"),
                json("an index without projection", declared("\"BillingMode\"",
                        "\"GlobalSecondaryIndexes\": [{\"IndexName\": \"by-date\", \"KeySchema\": [{\"AttributeName\":"
                                + " \"paid_at\", \"KeyType\": \"HASH\"}]}], \"BillingMode\""),
                        "$.GlobalSecondaryIndexes[0].Projection: missing"),
                json("AES256 encryption", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"SSESpecification\": {\"Enabled\": true, \"SSEType\":"
                                + " \"AES256\"}"),
                        "$.SSESpecification.SSEType: 'AES256' is not supported; DynamoDB encrypts with KMS"),
                json("a recovery period of 0 days", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"PointInTimeRecoverySpecification\":"
                                + " {\"PointInTimeRecoveryEnabled\": true, \"RecoveryPeriodInDays\": 0}"),
                        "table 'payments' (tables/broken.json), $.PointInTimeRecoverySpecification.RecoveryPeriodInDays:"
                                + " 0 days; the recovery period is 1 to 35 days"),
                json("a recovery period with point-in-time recovery disabled", declared(
                        "\"BillingMode\": \"PAY_PER_REQUEST\"", "\"BillingMode\": \"PAY_PER_REQUEST\","
                                + " \"PointInTimeRecoverySpecification\": {\"PointInTimeRecoveryEnabled\": false,"
                                + " \"RecoveryPeriodInDays\": 7}"),
                        "table 'payments' (tables/broken.json), $.PointInTimeRecoverySpecification.RecoveryPeriodInDays:"
                                + " a recovery period is only for point-in-time recovery"),
                json("a resource policy that is not JSON in a table file", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"ResourcePolicy\": \"{\\\"Statement\\\": [}\""),
                        "$.ResourcePolicy: the policy is not valid JSON at line 1, column "),
                json("a resource policy of more than 20 KB in a table file", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"ResourcePolicy\": \""
                                + policyOfBytes(20 * 1024 + 1).replace("\"", "\\\"") + "\""),
                        "$.ResourcePolicy: the policy has 20481 bytes; DynamoDB takes a resource policy of at most 20 KB"),
                json("auto scaling in an on-demand table file", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"AutoScaling\": {\"Read\": {\"MinCapacity\": 1,"
                                + " \"MaxCapacity\": 10, \"TargetUtilization\": 70}}"),
                        "$.AutoScaling: auto scaling is only for PROVISIONED billing"),
                json("an unknown field in auto scaling", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PROVISIONED\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5,"
                                + " \"WriteCapacityUnits\": 5}, \"AutoScaling\": {\"Read\": {\"Min\": 1,"
                                + " \"MaxCapacity\": 10, \"TargetUtilization\": 70}}"),
                        "$.AutoScaling.Read.Min: unknown field"),
                json("a replica without a region", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"Replicas\": [{}]"),
                        "$.Replicas[0].RegionName: missing; name the replica's region"),
                json("an aws: tag", declared("\"BillingMode\": \"PAY_PER_REQUEST\"",
                        "\"BillingMode\": \"PAY_PER_REQUEST\", \"Tags\": [{\"Key\": \"aws:team\", \"Value\": \"x\"}]"),
                        "table 'payments' (tables/broken.json), $.Tags[Key=aws:team]: the prefix 'aws:' is reserved"),
                json("a table name that breaks DynamoDB's rules", declared("\"payments\"", "\"pay ments\""),
                        "table 'pay ments' (tables/broken.json), $.TableName: 'pay ments' is not a valid DynamoDB table"
                                + " name"),
                json("a file table that the POM declares too", declared("\"payments\"", "\"orders\""),
                        "table 'orders' (tables/broken.json), $.TableName: declared twice, at <tables> #1 and at file"
                                + " tables/broken.json"));
    }

    @TempDir
    Path project;

    private DynamoDbClient server;
    private String endpoint;

    @BeforeEach
    void connect(TestServer testServer) {
        server = testServer.client("us-east-1");
        endpoint = testServer.endpoint().toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void failsNamingTheMistakeAndCreatesNothing(String mistake, Consumer<Declared> declare, String[] expected)
            throws Exception {
        Declared declared = new Declared();
        PomTable orders = table("orders", "customer_id:S", "created_at:N");
        declared.tables.add(orders);
        declared.tables.add(table("bystander", "id", null)); // valid: it must not be created either
        declare.accept(declared);
        for (Map.Entry<String, String> file : declared.projectFiles.entrySet()) {
            Files.createDirectories(project.resolve(file.getKey()).getParent());
            Files.writeString(project.resolve(file.getKey()), file.getValue());
        }
        List<String> tableFiles = new ArrayList<>();
        for (Map.Entry<String, String> file : declared.files.entrySet()) {
            tableFiles.add(file.getKey());
            if (file.getValue() != null) {
                Path path = project.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        }
        CreateMojo mojo = new CreateMojo(request -> {
            throw new AssertionError("no settings.xml server is used here");
        });
        set(mojo, "tables", declared.tables);
        set(mojo, "tags", declared.tags);
        set(mojo, "tableFiles", tableFiles);
        set(mojo, "endpoint", endpoint);
        set(mojo, "timeout", "PT1M");
        set(mojo, "maxConcurrency", 250); // its default, which a mojo made here lacks
        set(mojo, "basedir", project.toFile());
        asInABuild(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (")
                .hasMessageContaining("); no AWS call was made:")
                .satisfies(e -> {
                    for (String line : expected) {
                        assertThat(e.getMessage()).contains("\n  - " + line);
                    }
                });
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    /**
     * What Maven gives every mojo: its execution (the goal, the configuration as written: none here, the
     * tables are set as Maven injects them), the session, the settings and the defaults of its parameters.
     */
    private void asInABuild(CreateMojo mojo) throws ReflectiveOperationException {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setArtifactId("dynamo-setup-maven-plugin");
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("create");
        descriptor.setPluginDescriptor(plugin);
        MojoExecution execution = new MojoExecution(descriptor);
        execution.setConfiguration(new Xpp3Dom("configuration"));
        set(mojo, "mojoExecution", execution);
        MavenSession session = mock(MavenSession.class);
        when(session.getSystemProperties()).thenReturn(new Properties());
        when(session.getUserProperties()).thenReturn(new Properties());
        set(mojo, "session", session);
        set(mojo, "settings", new Settings());
        set(mojo, "reportDirectory", project.resolve("target/dynamo-setup").toFile());
    }

    private static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

}
