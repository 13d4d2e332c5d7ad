package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader of template tables on its own, with resolved properties written as plain JSON: what each property of
 * the three resource types becomes, CloudFormation's defaults, and each refusal with the file, the logical ID and
 * the property path.
 */
class TemplateTableReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "template.yaml";

    private static TemplateTableReader.Result read(String type, String logicalId, String properties) {
        try {
            return TemplateTableReader.read(new TemplateResource(logicalId, type,
                    (ObjectNode) JSON.readTree(properties.replace('\'', '"'))), FILE, "us-east-1",
                    name -> "dev-" + name, Map.of("Team", "everyone"), List.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DeclaredTable valid(String type, String logicalId, String properties) {
        TemplateTableReader.Result read = read(type, logicalId, properties);
        assertThat(problems(read)).isEmpty();
        return read.table();
    }

    /** The problems the plugin reports: the reader's, then those of DynamoDB's rules, as lines. */
    private static List<String> problems(TemplateTableReader.Result read) {
        try {
            Declaration.of(List.of(read.table()), read.problems());
            return List.of();
        } catch (InvalidDeclarationException e) {
            return e.problems().stream().map(ConfigurationProblem::toString).toList();
        }
    }

    private static final String KEYS = "'AttributeDefinitions': [{'AttributeName': 'id', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'AttributeName': 'id', 'KeyType': 'HASH'}]";

    @Test
    void aTableWithoutTableNameIsNamedAfterItsLogicalIdWhichIsAlsoItsDeclaredName() {
        DeclaredTable table = valid(TemplateResource.TABLE, "Orders", "{" + KEYS + ", 'BillingMode': 'PAY_PER_REQUEST'}");

        assertThat(table.name()).isEqualTo("dev-Orders");
        assertThat(table.declaredName()).isEqualTo("Orders");
        assertThat(table.tags()).containsEntry("Team", "everyone");
    }

    @Test
    void aTableNameIsPrefixedAndTheLogicalIdStaysTheDeclaredName() {
        DeclaredTable table = valid(TemplateResource.TABLE, "Orders", "{'TableName': 'orders', " + KEYS
                + ", 'BillingMode': 'PAY_PER_REQUEST'}");

        assertThat(table.name()).isEqualTo("dev-orders");
        assertThat(table.declaredName()).isEqualTo("Orders");
    }

    @Test
    void everySettingOfATableIsApplied() {
        DeclaredTable table = valid(TemplateResource.TABLE, "Orders", """
                {'TableName': 'orders',
                 'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'},
                   {'AttributeName': 'sk', 'AttributeType': 'N'}, {'AttributeName': 'email', 'AttributeType': 'S'}],
                 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                 'GlobalSecondaryIndexes': [{'IndexName': 'byEmail',
                   'KeySchema': [{'AttributeName': 'email', 'KeyType': 'HASH'}],
                   'Projection': {'ProjectionType': 'KEYS_ONLY'},
                   'ProvisionedThroughput': {'ReadCapacityUnits': '2', 'WriteCapacityUnits': 3},
                   'ContributorInsightsSpecification': {'Enabled': 'true'}}],
                 'ProvisionedThroughput': {'ReadCapacityUnits': '5', 'WriteCapacityUnits': '5'},
                 'StreamSpecification': {'StreamViewType': 'NEW_AND_OLD_IMAGES'},
                 'SSESpecification': {'SSEEnabled': true, 'SSEType': 'KMS', 'KMSMasterKeyId': 'alias/orders'},
                 'TimeToLiveSpecification': {'AttributeName': 'expiresAt', 'Enabled': true},
                 'PointInTimeRecoverySpecification': {'PointInTimeRecoveryEnabled': 'true', 'RecoveryPeriodInDays': 7},
                 'ContributorInsightsSpecification': {'Enabled': false},
                 'DeletionProtectionEnabled': 'true',
                 'TableClass': 'STANDARD_INFREQUENT_ACCESS',
                 'ResourcePolicy': {'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny',
                   'Principal': '*', 'Action': 'dynamodb:DeleteTable', 'Resource': '*'}]}},
                 'Tags': [{'Key': 'Team', 'Value': 'orders'}, {'Key': 'Stage', 'Value': 'dev'}]}
                """);

        assertThat(table.partitionKey()).isEqualTo(new KeyAttribute("pk", AttributeType.S));
        assertThat(table.sortKey()).isEqualTo(new KeyAttribute("sk", AttributeType.N));
        DeclaredGlobalIndex index = table.globalSecondaryIndexes().get(0);
        assertThat(index.name()).isEqualTo("byEmail");
        assertThat(index.capacity()).isEqualTo(new Capacity(2L, 3L));
        assertThat(index.contributorInsights()).isTrue();
        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.capacity()).isEqualTo(new Capacity(5L, 5L));
        assertThat(table.stream().enabled()).isTrue();
        assertThat(table.stream().viewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.encryption()).isEqualTo(Encryption.CUSTOMER_MANAGED);
        assertThat(table.kmsKeyId()).isEqualTo("alias/orders");
        assertThat(table.timeToLiveAttribute()).isEqualTo("expiresAt");
        assertThat(table.pointInTimeRecovery()).isTrue();
        assertThat(table.recoveryPeriodInDays()).isEqualTo(7L);
        assertThat(table.contributorInsights()).isFalse();
        assertThat(table.deletionProtection()).isTrue();
        assertThat(table.tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(table.resourcePolicy().document()).contains("\"dynamodb:DeleteTable\"");
        assertThat(table.tags()).isEqualTo(Map.of("Team", "orders", "Stage", "dev"));
    }

    @Test
    void aTableWithoutBillingModeIsProvisionedSoItNeedsProvisionedThroughputAsCloudFormationSays() {
        assertThat(problems(read(TemplateResource.TABLE, "Orders", "{" + KEYS + "}"))).containsExactly(
                "table 'dev-Orders' (template.yaml, resource Orders), Resources.Orders.Properties.ProvisionedThroughput:"
                + " missing; an AWS::DynamoDB::Table without BillingMode is PROVISIONED (CloudFormation's default),"
                + " and a PROVISIONED table needs ReadCapacityUnits and WriteCapacityUnits: add"
                + " \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5} with your figures,"
                + " or set \"BillingMode\": \"PAY_PER_REQUEST\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            KinesisStreamSpecification | 'KinesisStreamSpecification': {'StreamArn': 'arn:aws:kinesis:us-east-1:123456789012:stream/s'} | Resources.Orders.Properties.KinesisStreamSpecification: streams the table's changes to a Kinesis data stream
            ImportSourceSpecification | 'ImportSourceSpecification': {'InputFormat': 'CSV'} | Resources.Orders.Properties.ImportSourceSpecification: creates the table by importing data from S3
            a stream's resource policy | 'StreamSpecification': {'StreamViewType': 'NEW_IMAGE', 'ResourcePolicy': {'PolicyDocument': {}}} | Resources.Orders.Properties.StreamSpecification.ResourcePolicy: a resource policy on the table's stream
            an unknown property | 'Throughput': 5 | Resources.Orders.Properties.Throughput: unknown field; the resource has the fields of AWS::DynamoDB::Table in CloudFormation
            dynamo-setup's own AutoScaling | 'AutoScaling': {} | Resources.Orders.Properties.AutoScaling: unknown field
            create-table's SSE Enabled | 'SSESpecification': {'Enabled': true} | Resources.Orders.Properties.SSESpecification.Enabled: unknown field
            a number that is no number | 'OnDemandThroughput': {'MaxReadRequestUnits': 'many'} | Resources.Orders.Properties.OnDemandThroughput.MaxReadRequestUnits: must be a whole number
            """)
    void whatThePluginCannotApplyIsRefusedNamingFileResourceAndProperty(String what, String property,
            String expected) {
        List<String> problems = problems(read(TemplateResource.TABLE, "Orders", "{" + KEYS
                + ", 'BillingMode': 'PAY_PER_REQUEST', " + property + "}"));

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("table 'dev-Orders' (template.yaml, resource Orders), " + expected));
    }

    @Test
    void aSimpleTableWithoutPropertiesHasAnIdStringKeyAndPaysPerRequest() {
        DeclaredTable table = valid(TemplateResource.SIMPLE_TABLE, "Sessions", "{}");

        assertThat(table.name()).isEqualTo("dev-Sessions");
        assertThat(table.partitionKey()).isEqualTo(new KeyAttribute("id", AttributeType.S));
        assertThat(table.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void aSimpleTableWithProvisionedThroughputIsProvisionedAndTakesItsTagsAsAMap() {
        DeclaredTable table = valid(TemplateResource.SIMPLE_TABLE, "Sessions", """
                {'TableName': 'sessions', 'PrimaryKey': {'Name': 'sessionId', 'Type': 'Number'},
                 'ProvisionedThroughput': {'ReadCapacityUnits': 2, 'WriteCapacityUnits': '1'},
                 'SSESpecification': {'SSEEnabled': true},
                 'PointInTimeRecoverySpecification': {'PointInTimeRecoveryEnabled': true},
                 'Tags': {'Stage': 'dev', 'Team': 'sessions'}}
                """);

        assertThat(table.name()).isEqualTo("dev-sessions");
        assertThat(table.partitionKey()).isEqualTo(new KeyAttribute("sessionId", AttributeType.N));
        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.capacity()).isEqualTo(new Capacity(2L, 1L));
        assertThat(table.encryption()).isEqualTo(Encryption.AWS_MANAGED);
        assertThat(table.pointInTimeRecovery()).isTrue();
        assertThat(table.tags()).isEqualTo(Map.of("Stage", "dev", "Team", "sessions"));
    }

    @Test
    void aSimpleTableKeyTypeIsStringNumberOrBinary() {
        assertThat(problems(read(TemplateResource.SIMPLE_TABLE, "Sessions", "{'PrimaryKey': {'Name': 'id', 'Type': 'S'}}")))
                .containsExactly("table 'dev-Sessions' (template.yaml, resource Sessions),"
                        + " Resources.Sessions.Properties.PrimaryKey.Type: 'S' is not one of String, Number, Binary");
    }

    private static final String GLOBAL_KEYS = "'AttributeDefinitions': [{'AttributeName': 'id', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'AttributeName': 'id', 'KeyType': 'HASH'}],"
            + " 'StreamSpecification': {'StreamViewType': 'NEW_AND_OLD_IMAGES'}";

    @Test
    void aGlobalTableTakesTheSettingsOfTheReplicaInThePluginsRegionAndTheOthersAsReplicas() {
        DeclaredTable table = valid(TemplateResource.GLOBAL_TABLE, "Customers", "{'TableName': 'customers', "
                + GLOBAL_KEYS + ", 'BillingMode': 'PAY_PER_REQUEST',"
                + " 'SSESpecification': {'SSEEnabled': true, 'SSEType': 'KMS'},"
                + " 'WriteOnDemandThroughputSettings': {'MaxWriteRequestUnits': 100},"
                + " 'Replicas': [{'Region': 'eu-west-1', 'Tags': [{'Key': 'Where', 'Value': 'Ireland'}]},"
                + "   {'Region': 'us-east-1', 'DeletionProtectionEnabled': true, 'TableClass': 'STANDARD',"
                + "    'PointInTimeRecoverySpecification': {'PointInTimeRecoveryEnabled': true},"
                + "    'ContributorInsightsSpecification': {'Enabled': true},"
                + "    'ReadOnDemandThroughputSettings': {'MaxReadRequestUnits': 200},"
                + "    'SSESpecification': {'KMSMasterKeyId': 'alias/customers'},"
                + "    'Tags': [{'Key': 'Where', 'Value': 'Virginia'}]},"
                + "   {'Region': 'ap-southeast-2'}]}");

        assertThat(table.replicaRegions()).containsExactly("eu-west-1", "ap-southeast-2");
        assertThat(table.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.onDemandThroughput()).isEqualTo(new RequestUnits(200L, 100L));
        assertThat(table.deletionProtection()).isTrue();
        assertThat(table.pointInTimeRecovery()).isTrue();
        assertThat(table.contributorInsights()).isTrue();
        assertThat(table.tableClass()).isEqualTo(TableClass.STANDARD);
        assertThat(table.tags()).isEqualTo(Map.of("Team", "everyone", "Where", "Virginia"));
        assertThat(table.encryption()).isEqualTo(Encryption.CUSTOMER_MANAGED);
        assertThat(table.kmsKeyId()).isEqualTo("alias/customers");
    }

    @Test
    void aProvisionedGlobalTableMapsItsCapacityAutoScalingToThePluginsAutoScaling() {
        DeclaredTable table = valid(TemplateResource.GLOBAL_TABLE, "Customers", "{" + GLOBAL_KEYS.replace("'S'}]",
                "'S'}, {'AttributeName': 'email', 'AttributeType': 'S'}]") + ","
                + " 'GlobalSecondaryIndexes': [{'IndexName': 'byEmail',"
                + "   'KeySchema': [{'AttributeName': 'email', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'ALL'},"
                + "   'WriteProvisionedThroughputSettings': {'WriteCapacityAutoScalingSettings': {'MinCapacity': 1,"
                + "     'MaxCapacity': 10, 'TargetTrackingScalingPolicyConfiguration': {'TargetValue': 60}}}}],"
                + " 'WriteProvisionedThroughputSettings': {'WriteCapacityAutoScalingSettings': {'MinCapacity': 5,"
                + "   'MaxCapacity': 50, 'SeedCapacity': 8, 'TargetTrackingScalingPolicyConfiguration': {'TargetValue': 70}}},"
                + " 'Replicas': [{'Region': 'us-east-1',"
                + "   'ReadProvisionedThroughputSettings': {'ReadCapacityUnits': 4},"
                + "   'GlobalSecondaryIndexes': [{'IndexName': 'byEmail', 'ReadProvisionedThroughputSettings':"
                + "     {'ReadCapacityAutoScalingSettings': {'MinCapacity': 2, 'MaxCapacity': 20,"
                + "       'TargetTrackingScalingPolicyConfiguration': {'TargetValue': 50}}}}]}]}");

        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.capacity()).isEqualTo(new Capacity(4L, 8L));
        assertThat(table.autoScaling()).isEqualTo(new AutoScaling(null, new AutoScaling.Dimension(5L, 50L, 70.0)));
        assertThat(table.replicaRegions()).isEmpty();
        DeclaredGlobalIndex index = table.globalSecondaryIndexes().get(0);
        assertThat(index.capacity()).isEqualTo(new Capacity(2L, 1L));
        assertThat(index.autoScaling()).isEqualTo(new AutoScaling(new AutoScaling.Dimension(2L, 20L, 50.0),
                new AutoScaling.Dimension(1L, 10L, 60.0)));
    }

    @Test
    void aGlobalTableWithoutAReplicaInThePluginsRegionIsRefusedNamingTheRegionsItHas() {
        assertThat(problems(read(TemplateResource.GLOBAL_TABLE, "Customers", "{" + GLOBAL_KEYS
                + ", 'BillingMode': 'PAY_PER_REQUEST', 'Replicas': [{'Region': 'eu-west-1'}, {'Region': 'eu-central-1'}]}")))
                .contains("table 'dev-Customers' (template.yaml, resource Customers), Resources.Customers.Properties.Replicas:"
                        + " has no replica in us-east-1, the region the plugin works in (it has eu-west-1, eu-central-1);"
                        + " CloudFormation requires one in the stack's region: set the plugin's region to one of the"
                        + " replicas' regions, or add a replica for us-east-1");
    }

    @Test
    void aProvisionedGlobalTableWithoutWriteAutoScalingIsRefused() {
        assertThat(problems(read(TemplateResource.GLOBAL_TABLE, "Customers", "{" + GLOBAL_KEYS
                + ", 'Replicas': [{'Region': 'us-east-1', 'ReadProvisionedThroughputSettings': {'ReadCapacityUnits': 4}}]}")))
                .anySatisfy(p -> assertThat(p).startsWith("table 'dev-Customers' (template.yaml, resource Customers),"
                        + " Resources.Customers.Properties.WriteProvisionedThroughputSettings: missing; a global table"
                        + " without BillingMode is PROVISIONED"));
    }

    @Test
    void whatAutoScalingHasNoCounterpartForIsRefused() {
        assertThat(problems(read(TemplateResource.GLOBAL_TABLE, "Customers", "{" + GLOBAL_KEYS + ","
                + " 'WriteProvisionedThroughputSettings': {'WriteCapacityAutoScalingSettings': {'MinCapacity': 5,"
                + "   'MaxCapacity': 50, 'TargetTrackingScalingPolicyConfiguration': {'TargetValue': 70,"
                + "   'ScaleInCooldown': 60}}},"
                + " 'Replicas': [{'Region': 'us-east-1', 'ReadProvisionedThroughputSettings': {'ReadCapacityUnits': 5},"
                + "   'KinesisStreamSpecification': {'StreamArn': 'arn'}}]}")))
                .containsExactly(
                        "table 'dev-Customers' (template.yaml, resource Customers), Resources.Customers.Properties"
                        + ".WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings"
                        + ".TargetTrackingScalingPolicyConfiguration.ScaleInCooldown: is not supported by dynamo-setup"
                        + " yet; remove it",
                        "table 'dev-Customers' (template.yaml, resource Customers), Resources.Customers.Properties"
                        + ".Replicas[0].KinesisStreamSpecification: streams the replica's changes to a Kinesis data"
                        + " stream, which dynamo-setup does not set up; remove it");
    }
}
