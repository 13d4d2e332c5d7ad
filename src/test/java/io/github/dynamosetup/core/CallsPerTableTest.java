package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The AWS calls each goal makes per table, pinned so that a read cannot come back unnoticed: a table is
 * described once before the run acts, and once more only by the poll that finds it ACTIVE; TTL and tags are
 * read where they are compared, and never again right after. Polls that find a table not ready yet are the
 * only calls not pinned: their number depends on time (see {@link PollSchedule}).
 */
@ExtendWith(DynamoDbServerExtension.class)
class CallsPerTableTest {

    private static final Duration CREATING = Duration.ofMillis(300);
    private static final String NOT_READY = "DescribeTable (not ready)";

    /** Every call, by table, in order: the operation, and for DescribeTable what it answered. */
    private static final class CallsByTable implements ExecutionInterceptor {
        private final Map<String, List<String>> calls = new ConcurrentHashMap<>();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            String call = operation(attributes);
            if (context.response() instanceof DescribeTableResponse described) {
                call = described.table().tableStatus() == TableStatus.ACTIVE ? call + " (ACTIVE)" : NOT_READY;
            }
            record(context.request(), call);
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            String code = context.exception() instanceof AwsServiceException e ? e.awsErrorDetails().errorCode() : "failed";
            record(context.request(), operation(attributes) + " (" + code + ")");
        }

        private static String operation(ExecutionAttributes attributes) {
            return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        }

        private void record(SdkRequest request, String call) {
            String table = request.getValueForField("TableName", String.class)
                    .or(() -> request.getValueForField("ResourceArn", String.class)
                            .map(arn -> arn.substring(arn.indexOf(":table/") + ":table/".length())))
                    // Application Auto Scaling names table/NAME, or table/NAME/index/INDEX
                    .or(() -> request.getValueForField("ResourceId", String.class)
                            .or(() -> request.getValueForField("ResourceIds", List.class)
                                    .filter(ids -> !ids.isEmpty()).map(ids -> (String) ids.get(0)))
                            .map(id -> id.split("/")[1]))
                    .orElse("");
            calls.computeIfAbsent(table, t -> Collections.synchronizedList(new ArrayList<>())).add(call);
        }

        /** The calls made for {@code table}, without the polls that found it not ready. */
        List<String> of(String table) {
            return calls.getOrDefault(table, List.of()).stream().filter(c -> !c.equals(NOT_READY)).toList();
        }

        void clear() {
            calls.clear();
        }
    }

    private final CallsByTable calls = new CallsByTable();

    private DynamoDbClient client(URI endpoint) {
        return TestClients.builder(endpoint, "us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
    }

    private static TableProvisioner provisioner(DynamoDbClient client) {
        return new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                "region us-east-1");
    }

    private static Declaration healthAssistant() throws Exception {
        return Declaration.of(HealthAssistant.tables());
    }

    @Test
    void createDescribesANewTableOnceBeforeCreatingItAndOnceWhenItIsActive(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).creating(CREATING);
                DynamoDbClient client = client(layer.endpoint())) {
            provisioner(client).create(healthAssistant(), TableProvisioner.Options.DEFAULTS);
        }

        assertThat(calls.of("doctores")).containsExactly(
                "DescribeTable (ResourceNotFoundException)", "CreateTable", "DescribeTable (ACTIVE)");
        assertThat(calls.of("horarios_doctores")).containsExactly(
                "DescribeTable (ResourceNotFoundException)", "CreateTable", "DescribeTable (ACTIVE)");
        assertThat(calls.of("user_sessions")).containsExactly(
                "DescribeTable (ResourceNotFoundException)", "CreateTable", "DescribeTable (ACTIVE)",
                "UpdateTimeToLive");
    }

    @Test
    void aTableThatCreateTableAnswersActiveIsNotPolled(TestServer server) throws Exception {
        try (DynamoDbClient client = client(server.endpoint())) {
            provisioner(client).create(healthAssistant(), TableProvisioner.Options.DEFAULTS);
        }

        // moto, like DynamoDB Local, makes tables ACTIVE at once
        assertThat(calls.of("doctores")).containsExactly("DescribeTable (ResourceNotFoundException)", "CreateTable");
        assertThat(calls.of("user_sessions")).containsExactly("DescribeTable (ResourceNotFoundException)",
                "CreateTable", "UpdateTimeToLive");
        assertThat(calls.calls.values()).allSatisfy(table -> assertThat(table).doesNotContain(NOT_READY));
    }

    @Test
    void createOverTablesAsDeclaredReadsEachTableOnceWithThreeCalls(TestServer server) throws Exception {
        try (DynamoDbClient client = client(server.endpoint())) {
            provisioner(client).create(healthAssistant(), TableProvisioner.Options.DEFAULTS);
            calls.clear();

            provisioner(client).create(healthAssistant(), TableProvisioner.Options.DEFAULTS);
        }

        for (String table : List.of("doctores", "horarios_doctores", "user_sessions")) {
            assertThat(calls.of(table)).as(table)
                    .containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive", "ListTagsOfResource");
        }
    }

    @Test
    void validateReadsEachTableOnceWithThreeCalls(TestServer server) throws Exception {
        try (DynamoDbClient client = client(server.endpoint())) {
            provisioner(client).create(healthAssistant(), TableProvisioner.Options.DEFAULTS);
            calls.clear();

            provisioner(client).validate(healthAssistant(), true);
        }

        for (String table : List.of("doctores", "horarios_doctores", "user_sessions")) {
            assertThat(calls.of(table)).as(table)
                    .containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive", "ListTagsOfResource");
        }
    }

    @Test
    void aTableThatDeclaresNoTagsHasItsTagsNotRead(TestServer server) throws Exception {
        DeclaredTable untagged = DeclaredTable.builder(new PomOrigin(1), "user_sessions")
                .partitionKey(new KeyAttribute("user_id", AttributeType.S))
                .timeToLiveAttribute("ttl")
                .build();
        try (DynamoDbClient client = client(server.endpoint())) {
            provisioner(client).create(Declaration.of(List.of(untagged)), TableProvisioner.Options.DEFAULTS);
            calls.clear();

            provisioner(client).validate(Declaration.of(List.of(untagged)), true);
        }

        assertThat(calls.of("user_sessions")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive");
    }

    @Test
    void aDeclaredResourcePolicyGoesWithCreateTableAndIsReadWithOneCallWhereItIsCompared(TestServer server)
            throws Exception {
        // the tables above declare none: none of their calls reads a policy
        Declaration guarded = Declaration.of(List.of(DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .resourcePolicy(ResourcePolicy.inline("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\","
                        + " \"Principal\": \"*\", \"Action\": \"dynamodb:DeleteTable\", \"Resource\": \"*\"}]}"))
                .build()));
        List<List<String>> runs = new ArrayList<>();
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer.endpoint())) {
            provisioner(client).create(guarded, TableProvisioner.Options.DEFAULTS);
            runs.add(calls.of("orders"));
            calls.clear();
            provisioner(client).create(guarded, TableProvisioner.Options.DEFAULTS);
            runs.add(calls.of("orders"));
            calls.clear();
            provisioner(client).validate(guarded, true);
            runs.add(calls.of("orders"));
        }

        assertThat(runs).containsExactly(
                List.of("DescribeTable (ResourceNotFoundException)", "CreateTable"),
                List.of("DescribeTable (ACTIVE)", "DescribeTimeToLive", "GetResourcePolicy"),
                List.of("DescribeTable (ACTIVE)", "DescribeTimeToLive", "GetResourcePolicy"));
    }

    @Test
    void aTableFoundCreatingIsReadFromThePollThatFindsItActive(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).creating(CREATING);
                DynamoDbClient client = client(layer.endpoint());
                DynamoDbClient other = TestClients.client(layer.endpoint(), "us-east-1")) {
            // another build's table, CREATING when this run reads it
            other.createTable(CreateTableRequests.of(HealthAssistant.tables().get(1)));

            provisioner(client).validate(Declaration.of(HealthAssistant.tables().subList(1, 2)), true);
        }

        assertThat(calls.of("horarios_doctores")).containsExactly(
                "DescribeTable (ACTIVE)", "DescribeTimeToLive", "ListTagsOfResource");
        assertThat(calls.calls.get("horarios_doctores")).as("the first read found it CREATING").startsWith(NOT_READY);
    }

    @Test
    void validateLooksAgainAtLaggingTagsAloneAfterTheLag(TestServer server) throws Exception {
        DeclaredTable declared = HealthAssistant.tables().get(1);
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).tagReadsLag(Duration.ofSeconds(2));
                DynamoDbClient client = client(layer.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(declared).toBuilder().tags((Collection<Tag>) null).build());
            provisioner(client).create(Declaration.of(List.of(declared)), TableProvisioner.Options.DEFAULTS);
            calls.clear();

            RunSummary validated = provisioner(client).validate(Declaration.of(List.of(declared)), true);

            assertThat(validated.names(TableResult.Outcome.UP_TO_DATE)).containsExactly("horarios_doctores");
        }

        assertThat(calls.of("horarios_doctores")).containsExactly(
                "DescribeTable (ACTIVE)", "DescribeTimeToLive", "ListTagsOfResource", "ListTagsOfResource");
    }

    @Test
    void aStreamEnabledOnAnExistingTableHasItsArnFromTheWaitAfterUpdateTable(TestServer server) throws Exception {
        DeclaredTable plain = DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S)).build();
        DeclaredTable streamed = DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE)).build();
        RunSummary summary;
        try (DynamoDbClient client = client(server.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            provisioner(client).create(Declaration.of(List.of(plain)), TableProvisioner.Options.DEFAULTS);
            calls.clear();

            summary = provisioner(client).create(Declaration.of(List.of(streamed)), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.tables().get(0).streamArn()).isNotNull()
                    .isEqualTo(direct.describeTable(r -> r.tableName("orders")).table().latestStreamArn());
        }
        // read, the wait before UpdateTable (AWS takes it only on an ACTIVE table), the change, the wait after it
        assertThat(calls.of("orders")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive",
                "DescribeTable (ACTIVE)", "UpdateTable", "DescribeTable (ACTIVE)");
    }

    private static DeclaredTable provisioned(AutoScaling autoScaling) {
        return DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .billingMode(BillingMode.PROVISIONED)
                .capacity(new Capacity(5L, 5L))
                .autoScaling(autoScaling)
                .build();
    }

    /** A provisioner whose Application Auto Scaling client is recorded too. */
    private TableProvisioner provisioner(DynamoDbClient client, ApplicationAutoScalingClient autoScaling) {
        return new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                "region us-east-1", TableProvisioner.DEFAULT_MAX_CONCURRENCY, () -> autoScaling);
    }

    private ApplicationAutoScalingClient autoScaling(URI endpoint) {
        return ApplicationAutoScalingClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
    }

    @Test
    void anAutoScaledTableIsCreatedThenItsTargetAndPolicyAreMadeOncePerDimension(TestServer server) throws Exception {
        try (DynamoDbClient client = client(server.endpoint());
                ApplicationAutoScalingClient autoScaling = autoScaling(server.endpoint())) {
            provisioner(client, autoScaling).create(Declaration.of(List.of(provisioned(new AutoScaling(
                    new AutoScaling.Dimension(5L, 50L, 70.0), null)))), TableProvisioner.Options.DEFAULTS);
        }

        assertThat(calls.of("orders")).containsExactly("DescribeTable (ResourceNotFoundException)", "CreateTable",
                "RegisterScalableTarget", "PutScalingPolicy");
    }

    @Test
    void validateReadsTheTargetsAndPoliciesOfAnAutoScaledTableOnce(TestServer server) throws Exception {
        Declaration declaration = Declaration.of(List.of(provisioned(new AutoScaling(
                new AutoScaling.Dimension(5L, 50L, 70.0), new AutoScaling.Dimension(5L, 50L, 70.0)))));
        try (DynamoDbClient client = client(server.endpoint());
                ApplicationAutoScalingClient autoScaling = autoScaling(server.endpoint())) {
            provisioner(client, autoScaling).create(declaration, TableProvisioner.Options.DEFAULTS);
            calls.clear();

            provisioner(client, autoScaling).validate(declaration, true);
        }

        assertThat(calls.of("orders")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive",
                "DescribeScalableTargets", "DescribeScalingPolicies");
    }

    @Test
    void aProvisionedTableAtItsDeclaredCapacityIsNotAskedAboutAutoScaling(TestServer server) throws Exception {
        Declaration declaration = Declaration.of(List.of(provisioned(null)));
        try (DynamoDbClient client = client(server.endpoint());
                ApplicationAutoScalingClient autoScaling = autoScaling(server.endpoint())) {
            provisioner(client, autoScaling).create(declaration, TableProvisioner.Options.DEFAULTS);
            calls.clear();

            provisioner(client, autoScaling).validate(declaration, true);
        }

        assertThat(calls.of("orders")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive");
    }

    @Test
    void warmThroughputCostsNoCallOfItsOwn(TestServer server) throws Exception {
        // moto keeps warm throughput itself; CreateTable carries it and DescribeTable reports it
        DeclaredTable warm = DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .warmThroughput(new WarmThroughput(15000L, 5000L)).build();
        try (DynamoDbClient client = client(server.endpoint())) {
            provisioner(client).create(Declaration.of(List.of(warm)), TableProvisioner.Options.DEFAULTS);

            assertThat(calls.of("orders")).containsExactly("DescribeTable (ResourceNotFoundException)", "CreateTable");
            calls.clear();

            provisioner(client).validate(Declaration.of(List.of(warm)), true);
        }

        assertThat(calls.of("orders")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive");
    }

    @Test
    void contributorInsightsIsWrittenAndReadOnlyWhereDeclared(TestServer server) throws Exception {
        DeclaredTable insights = DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-status", List.of(new KeyAttribute("status",
                        AttributeType.S)), List.of(), IndexProjection.ALL, List.of(), null, null, null, true))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-day", new KeyAttribute("day", AttributeType.S), null,
                        IndexProjection.ALL, List.of()))
                .contributorInsights(true).build();
        // moto lacks contributor insights: the layer answers it, ENABLED at the first DescribeContributorInsights
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).contributorInsights(0);
                DynamoDbClient client = client(layer.endpoint())) {
            provisioner(client).create(Declaration.of(List.of(insights)), TableProvisioner.Options.DEFAULTS);

            // each change, then the read that finds it ENABLED; the index that declares nothing is left alone
            assertThat(calls.of("orders")).containsExactly("DescribeTable (ResourceNotFoundException)", "CreateTable",
                    "UpdateContributorInsights", "DescribeContributorInsights", "UpdateContributorInsights",
                    "DescribeContributorInsights");
            calls.clear();

            provisioner(client).validate(Declaration.of(List.of(insights)), true);
        }

        assertThat(calls.of("orders")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive",
                "DescribeContributorInsights", "DescribeContributorInsights");
    }

    @Test
    void theIndexOptionsCostNoCallOnTablesAsDeclared(TestServer server) throws Exception {
        try (DynamoDbClient client = client(server.endpoint())) {
            provisioner(client).create(healthAssistant(), TableProvisioner.Options.DEFAULTS);
            calls.clear();

            provisioner(client).create(healthAssistant(), new TableProvisioner.Options(true, true, true, false));
        }

        for (String table : List.of("doctores", "horarios_doctores", "user_sessions")) {
            assertThat(calls.of(table)).as(table)
                    .containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive", "ListTagsOfResource");
        }
    }

    @Test
    void aReplacedIndexIsDeletedWaitedForUntilGoneCreatedAndWaitedForUntilActive(TestServer server) throws Exception {
        DeclaredGlobalIndex keysOnly = DeclaredGlobalIndex.of("by-status", new KeyAttribute("status", AttributeType.S),
                null, IndexProjection.KEYS_ONLY, List.of());
        DeclaredTable declared = DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", new KeyAttribute("status", AttributeType.S),
                        null, IndexProjection.ALL, List.of()))
                .build();
        try (DynamoDbClient client = client(server.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(DeclaredTable.builder(new PomOrigin(1), "orders")
                    .partitionKey(new KeyAttribute("id", AttributeType.S)).globalSecondaryIndex(keysOnly).build()));

            provisioner(client).create(Declaration.of(List.of(declared)),
                    new TableProvisioner.Options(true, true, true, true));
        }
        // read; before each UpdateTable the wait for ACTIVE; after the delete the wait until the index is gone, after
        // the creation the wait until it is ACTIVE (moto: each found at the first poll)
        assertThat(calls.of("orders")).containsExactly("DescribeTable (ACTIVE)", "DescribeTimeToLive",
                "DescribeTable (ACTIVE)", "UpdateTable", "DescribeTable (ACTIVE)",
                "DescribeTable (ACTIVE)", "UpdateTable", "DescribeTable (ACTIVE)");
    }
}
