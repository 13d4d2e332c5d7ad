package io.github.dynamosetup.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What the invoker ITs' setup.groovy and verify.groovy scripts do with the test server: act behind the
 * plugin's back and read the server back. On the scripts' class path through {@code addTestClassPath}.
 */
public final class ItScripts {

    private ItScripts() {}

    /** A client of the test server in a region. */
    public static DynamoDbClient client(String endpoint, String region) {
        return TestClients.client(URI.create(endpoint), region);
    }

    /**
     * The scalable targets Application Auto Scaling has on a resource ({@code table/NAME}), as
     * {@code dimension -> min-max}, and the target value of the target tracking policy on each, as
     * {@code dimension policy -> value}.
     */
    public static Map<String, String> autoScaling(String endpoint, String region, String resourceId) {
        Map<String, String> found = new TreeMap<>();
        try (var client = TestClients.autoScaling(URI.create(endpoint), region)) {
            client.describeScalableTargets(r -> r.serviceNamespace("dynamodb").resourceIds(resourceId))
                    .scalableTargets().forEach(t -> found.put(t.scalableDimensionAsString(),
                            t.minCapacity() + "-" + t.maxCapacity()));
            client.describeScalingPolicies(r -> r.serviceNamespace("dynamodb").resourceId(resourceId))
                    .scalingPolicies().forEach(p -> found.put(p.scalableDimensionAsString() + " policy",
                            String.valueOf(p.targetTrackingScalingPolicyConfiguration().targetValue())));
        }
        return found;
    }

    /** The table names of a region that start with a prefix (each IT has its own), sorted. */
    public static List<String> tableNames(String endpoint, String region, String prefix) {
        try (DynamoDbClient client = client(endpoint, region)) {
            return client.listTablesPaginator().tableNames().stream().filter(t -> t.startsWith(prefix)).sorted()
                    .toList();
        }
    }

    /**
     * The table names of a region that start with a prefix, as a role sees them: moto keeps the tables of the
     * account of the role that STS AssumeRole (answered by the test server too) gave the credentials for.
     */
    public static List<String> tableNamesAsRole(String endpoint, String region, String prefix, String roleArn) {
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Credentials role = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("verify")).credentials();
            try (DynamoDbClient client = TestClients.builder(URI.create(endpoint), region)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            role.accessKeyId(), role.secretAccessKey(), role.sessionToken())))
                    .build()) {
                return client.listTablesPaginator().tableNames().stream().filter(t -> t.startsWith(prefix)).sorted()
                        .toList();
            }
        }
    }

    /** Creates a table with a string partition key, as a person would by hand. */
    public static void createTable(String endpoint, String region, String table, String partitionKey) {
        try (DynamoDbClient client = client(endpoint, region)) {
            client.createTable(r -> r.tableName(table)
                    .keySchema(k -> k.attributeName(partitionKey).keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName(partitionKey).attributeType("S"))
                    .billingMode("PAY_PER_REQUEST"));
        }
    }

    /** Every table of the prefix read back, by name; the scripts compare and print it. */
    public static Map<String, TableSnapshot> snapshots(String endpoint, String region, String prefix) {
        Map<String, TableSnapshot> snapshots = new TreeMap<>();
        try (DynamoDbClient client = client(endpoint, region)) {
            client.listTablesPaginator().tableNames().stream().filter(t -> t.startsWith(prefix))
                    .forEach(t -> snapshots.put(t, TableSnapshot.read(client, t)));
        }
        return snapshots;
    }

    /** The Health Assistant tables as the server must hold them after create, with these tags. */
    public static Map<String, TableSnapshot> expectedHealthAssistant(Map<String, String> tags) {
        return new TreeMap<>(HealthAssistant.expected(tags));
    }

    /**
     * Asserts what every secrets IT checks in its build log: {@code -X} was on, {@code create} ran with the
     * credentials given (not dummy ones), and neither the planted secret values ({@code NEVER-IN-THE-LOG})
     * nor any session token header appears.
     */
    public static void assertCreatedWithoutSecretsInTheLog(String log) {
        check(log.contains("[DEBUG]"), "-X was on");
        check(log.contains("create: 1 table in region us-east-1"), "the goal ran with these credentials");
        check(!log.contains("dummy credentials"), "the given credentials were used, not dummy ones");
        check(!log.contains("NEVER-IN-THE-LOG"), "no secret key, no session token in the log");
        check(!log.toLowerCase(java.util.Locale.ROOT).contains("x-amz-security-token:"),
                "no session token header in the log (an assumed role's either)");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("expected: " + what);
        }
    }
}
