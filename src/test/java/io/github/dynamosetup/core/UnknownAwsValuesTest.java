package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * AWS adds values to its lists (table classes, billing modes, ...): a word this version does not know gives a
 * verdict, drift naming it, and never an exception that would stop every run on the account.
 */
@ExtendWith(DynamoDbServerExtension.class)
class UnknownAwsValuesTest {

    private static final TimeToLiveDescription NO_TTL = TimeToLiveDescription.builder().timeToLiveStatus("DISABLED")
            .build();

    private static DeclaredTable.Builder orders() {
        return DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(new KeyAttribute("id", AttributeType.S));
    }

    /** {@code orders} as DescribeTable tells it, keyed by {@code id} of the given attribute type. */
    private static TableDescription.Builder described(String attributeType) {
        return TableDescription.builder().tableName("orders").tableStatus("ACTIVE")
                .tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/orders")
                .attributeDefinitions(a -> a.attributeName("id").attributeType(attributeType))
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST"));
    }

    private static List<Difference> compare(DeclaredTable declared, TableDescription live) {
        return DriftDetector.compare(declared, LiveTableReader.toLiveTable(live, NO_TTL, Map.of(), null, null), false,
                MavenRemedies.INSTANCE);
    }

    @Test
    void aTableClassAwsAddedLaterIsDriftNamingItWhereOneIsDeclared() {
        TableDescription live = described("S").tableClassSummary(c -> c.tableClass("STANDARD_FUTURE")).build();

        assertThat(compare(orders().tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).build(), live))
                .extracting(Difference::toString, Difference::kind, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "table class: STANDARD_INFREQUENT_ACCESS -> STANDARD_FUTURE", Difference.Kind.MANUAL, null));
        assertThat(compare(orders().build(), live)).as("no table class declared: AWS's choice").isEmpty();
    }

    @Test
    void aBillingModeAwsAddedLaterIsDriftNamingIt() {
        TableDescription live = described("S").billingModeSummary(b -> b.billingMode("ON_DEMAND_PLUS")).build();

        assertThat(compare(orders().build(), live)).extracting(Difference::toString)
                .containsExactly("billing mode: PAY_PER_REQUEST -> ON_DEMAND_PLUS");
    }

    @Test
    void aStreamViewTypeAwsAddedLaterIsDriftNamingItDeclaredOrNot() {
        TableDescription live = described("S")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("DELTA_IMAGES")).build();

        assertThat(compare(orders().stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE)).build(), live))
                .extracting(Difference::toString, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stream: NEW_IMAGE -> DELTA_IMAGES", null));
        assertThat(compare(orders().build(), live)).extracting(Difference::toString, Difference::advice)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stream: none -> DELTA_IMAGES",
                        "declare <streamViewType>DELTA_IMAGES</streamViewType>, or disable the stream by hand"
                                + " (dynamo-setup never turns settings off)"));
    }

    @Test
    void aKeyTypeOrProjectionAwsAddedLaterIsDriftNamingIt() {
        TableDescription live = described("BLOB")
                .globalSecondaryIndexes(i -> i.indexName("by-id").keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .projection(p -> p.projectionType("SOME_ATTRIBUTES")).indexStatus("ACTIVE"))
                .build();

        assertThat(compare(orders().build(), live)).extracting(Difference::toString).containsExactly(
                "partition key: id:S -> id:BLOB",
                "global secondary index by-id: none -> id:BLOB SOME_ATTRIBUTES");
    }

    @Test
    void validateGivesAVerdictOnATableWhoseClassAwsAddedLater(TestServer server) throws Exception {
        Declaration declared = Declaration.of(List.of(orders().tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .build()));
        try (DynamoDbClient direct = server.client("us-east-1")) {
            new TableProvisioner(direct, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                    "server").create(declared, new TableProvisioner.Options(false, false));
        }
        try (AwsBehaviour aws = AwsBehaviour.inFrontOf(server.endpoint()).describeTableAs(table -> table
                        .putObject("TableClassSummary").put("TableClass", "STANDARD_FUTURE"));
                DynamoDbClient client = TestClients.builder(aws.endpoint(), "us-east-1").build()) {
            RecordingListener listener = new RecordingListener();
            TableProvisioner provisioner = new TableProvisioner(client, listener, MavenRemedies.INSTANCE,
                    Duration.ofMinutes(1), "region us-east-1");

            assertThatThrownBy(() -> provisioner.validate(declared, true))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("  orders: fixable drift\n    table class: STANDARD_INFREQUENT_ACCESS ->"
                            + " STANDARD_FUTURE (AWS reports a value this version of dynamo-setup does not know:"
                            + " check the table, and use a newer dynamo-setup if there is one)");
            assertThat(listener.lines()).contains("WARN ! drift   orders (1 difference)");
        }
    }
}
