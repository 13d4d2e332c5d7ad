package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingInterceptor;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;

/**
 * Resource policies against moto behind the behaviour layer, which keeps CreateTable's policy (moto drops it),
 * refuses what DynamoDB refuses and, where a test asks, lets GetResourcePolicy lag behind a write as AWS documents
 * (src/test/AWS-BEHAVIOUR.md, rows 22 and 23). Each test asserts what the server holds afterwards, read past the
 * layer.
 */
@ExtendWith(DynamoDbServerExtension.class)
class ResourcePolicyBehaviourTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
    /** Indented as a person writes it in a POM or a file: sent as it is, whitespace and all. */
    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadersRead",
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"},
                  "Action": ["dynamodb:GetItem", "dynamodb:Query"],
                  "Resource": "%s"
                }
              ]
            }""".formatted(ARN);
    /** The same policy as AWS might hand it back: no whitespace, other field order, a list of one as the value. */
    private static final String REFORMATTED = "{\"Statement\":{\"Resource\":[\"" + ARN + "\"],\"Action\":[\"dynamodb:Query\","
            + "\"dynamodb:GetItem\"],\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:role/reader\"]},\"Effect\":\"Allow\","
            + "\"Sid\":\"ReadersRead\"},\"Version\":\"2012-10-17\"}";
    private static final String OTHER = POLICY.replace("dynamodb:Query", "dynamodb:Scan");

    private final RecordingInterceptor sent = new RecordingInterceptor();

    private static DeclaredTable orders(ResourcePolicy policy) {
        return DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(new KeyAttribute("id", AttributeType.S))
                .resourcePolicy(policy).build();
    }

    private static Declaration declared(ResourcePolicy policy) throws InvalidDeclarationException {
        return Declaration.of(List.of(orders(policy)));
    }

    /** A client with the plugin's retry strategy, through the layer, recording what it sends. */
    private DynamoDbClient client(AwsBehaviour layer) {
        return TestClients.builder(layer.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES).addExecutionInterceptor(sent))
                .build();
    }

    private static TableProvisioner provisioner(DynamoDbClient client, RecordingListener listener) {
        return provisioner(client, listener, TIMEOUT);
    }

    /** A policy that differs is read again until the timeout passes, at most 10 s: a short one keeps a test short. */
    private static TableProvisioner provisioner(DynamoDbClient client, RecordingListener listener, Duration timeout) {
        return new TableProvisioner(client, listener, MavenRemedies.INSTANCE, timeout, "region us-east-1");
    }

    private static String policyOf(DynamoDbClient direct) {
        return direct.getResourcePolicy(r -> r.resourceArn(ARN)).policy();
    }

    @Test
    void createAttachesTheDeclaredPolicyWithCreateTableAloneAndValidateFindsIt(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            RecordingListener listener = new RecordingListener();

            provisioner(client, listener).create(declared(new ResourcePolicy(POLICY, "policies/orders.json")),
                    TableProvisioner.Options.DEFAULTS);

            // strongly consistent with CreateTable (API_CreateTable): no PutResourcePolicy, no read after it
            assertThat(sent.operations()).containsExactly("DescribeTable", "CreateTable");
            assertThat(sent.requests(CreateTableRequest.class).get(0).resourcePolicy()).isEqualTo(POLICY);
            assertThat(policyOf(direct)).isEqualTo(POLICY);
            assertThat(provisioner(client, new RecordingListener()).validate(declared(ResourcePolicy.inline(POLICY)),
                    true).tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UP_TO_DATE);
        }
    }

    @Test
    void validateRightAfterCreateReadsThePolicyAgainBeforeCallingItMissing(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies().policyReadsLag();
                DynamoDbClient client = client(layer)) {
            provisioner(client, new RecordingListener()).create(declared(ResourcePolicy.inline(POLICY)),
                    TableProvisioner.Options.DEFAULTS);

            RunSummary validated = provisioner(client, new RecordingListener())
                    .validate(declared(ResourcePolicy.inline(POLICY)), true);

            assertThat(validated.names(TableResult.Outcome.UP_TO_DATE)).containsExactly("orders");
            assertThat(layer.refusals("GetResourcePolicy")).as("PolicyNotFoundException, as just after CreateTable")
                    .isEqualTo(1);
            assertThat(layer.calls("GetResourcePolicy")).isEqualTo(2);
        }
    }

    @Test
    void aPolicyAwsHandsBackWrittenAnotherWayIsNoDrift(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(orders(null)));
            direct.putResourcePolicy(r -> r.resourceArn(ARN).policy(REFORMATTED));

            RunSummary validated = provisioner(client, new RecordingListener())
                    .validate(declared(ResourcePolicy.inline(POLICY)), true);
            provisioner(client, new RecordingListener()).create(declared(ResourcePolicy.inline(POLICY)),
                    TableProvisioner.Options.DEFAULTS);

            assertThat(validated.tables().get(0).drift()).isEmpty();
            assertThat(sent.writeOperations()).isEmpty();
            assertThat(policyOf(direct)).isEqualTo(REFORMATTED);
        }
    }

    @Test
    void anotherPolicyIsDriftThatCreatePutsRightOverTheRevisionItRead(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies().policyReadsLag();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(orders(null)));
            String revision = direct.putResourcePolicy(r -> r.resourceArn(ARN).policy(OTHER)).revisionId();

            assertThatThrownBy(() -> provisioner(client, new RecordingListener(), Duration.ofSeconds(2))
                    .validate(declared(ResourcePolicy.inline(POLICY)), true))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("resource policy: policy of 1 statement -> another policy of 1 statement");
            RecordingListener listener = new RecordingListener();
            provisioner(client, listener).create(declared(ResourcePolicy.inline(POLICY)),
                    TableProvisioner.Options.DEFAULTS);

            assertThat(listener.lines()).contains("INFO ~ update  orders (resource policy)",
                    "INFO   policy  orders (resource policy put: policy of 1 statement)");
            assertThat(sent.requests(PutResourcePolicyRequest.class)).singleElement().satisfies(put -> {
                assertThat(put.expectedRevisionId()).isEqualTo(revision);
                assertThat(put.policy()).isEqualTo(POLICY);
            });
            assertThat(policyOf(direct)).isEqualTo(POLICY);
            // the first read after the Put lags (the layer says PolicyNotFoundException): validate waits it out
            provisioner(client, new RecordingListener()).validate(declared(ResourcePolicy.inline(POLICY)), true);
        }
    }

    @Test
    void aTableWithoutAPolicyGetsTheDeclaredOneOnlyWhereItStillHasNone(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(orders(null)));

            provisioner(client, new RecordingListener()).create(declared(ResourcePolicy.inline(POLICY)),
                    TableProvisioner.Options.DEFAULTS);

            assertThat(sent.requests(PutResourcePolicyRequest.class)).singleElement()
                    .satisfies(put -> assertThat(put.expectedRevisionId()).isEqualTo("NO_POLICY"));
            assertThat(policyOf(direct)).isEqualTo(POLICY);
        }
    }

    @Test
    void aPolicyAnotherBuildPutsAfterTheReadIsPutOverOnlyOnceReadAgain(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(orders(null)));
            // between this run's read (no policy) and its PutResourcePolicy, another build puts its own
            layer.onceBefore("PutResourcePolicy", () -> direct.putResourcePolicy(r -> r.resourceArn(ARN).policy(OTHER)));

            provisioner(client, new RecordingListener()).create(declared(ResourcePolicy.inline(POLICY)),
                    TableProvisioner.Options.DEFAULTS);

            List<PutResourcePolicyRequest> puts = sent.requests(PutResourcePolicyRequest.class);
            assertThat(puts).hasSize(2);
            assertThat(puts.get(0).expectedRevisionId()).as("refused: the table has a policy now").isEqualTo("NO_POLICY");
            assertThat(puts.get(1).expectedRevisionId()).isNotEqualTo("NO_POLICY");
            assertThat(policyOf(direct)).isEqualTo(POLICY);
        }
    }

    @Test
    void aPolicyAwsRefusesIsCaughtOfflineAndNeverSent(TestServer server) throws Exception {
        String tooBig = "{\"Statement\": {\"Effect\": \"Allow\"}" + " ".repeat(20 * 1024) + "}";
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            // the layer refuses what moto takes
            assertThatThrownBy(() -> client.createTable(CreateTableRequests.of(orders(ResourcePolicy.inline("{]")))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("One or more parameter values were invalid: Invalid policy document");
            assertThat(direct.listTables().tableNames()).isEmpty();
            direct.createTable(CreateTableRequests.of(orders(null)));
            assertThatThrownBy(() -> client.putResourcePolicy(r -> r.resourceArn(ARN).policy(tooBig)))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("over the maximum of 20 KB");

            // the plugin refuses both before any call
            assertThat(PolicyDocument.problem("{]")).startsWith("is not valid JSON");
            assertThatThrownBy(() -> declared(ResourcePolicy.inline(tooBig)))
                    .isInstanceOf(InvalidDeclarationException.class)
                    .hasMessageContaining("the policy has " + tooBig.length() + " bytes; DynamoDB takes a resource policy of at"
                            + " most 20 KB");
        }
    }

    @Test
    void deletingNoPolicySucceedsAsOnAws(TestServer server) {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).resourcePolicies();
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(orders(null)));

            // moto answers ResourceNotFoundException; DeleteResourcePolicy is idempotent (API_DeleteResourcePolicy)
            client.deleteResourcePolicy(r -> r.resourceArn(ARN));

            assertThat(layer.successes("DeleteResourcePolicy")).isEqualTo(1);
        }
    }
}
