package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The corpus of templates in {@code src/test/resources/templates}, in the shapes real projects write them (a SAM
 * application, {@code cdk synth} output, conditions and mappings, a global table, parameters without default),
 * resolved; and in {@code templates/refusals}, one template per thing the plugin refuses, each with the one problem
 * it must report.
 */
class TemplateCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/templates");

    private static CloudFormationTemplate.Resolved read(String file, TemplateContext context) {
        return CloudFormationTemplate.read(CORPUS.resolve(file), context);
    }

    private static CloudFormationTemplate.Resolved read(String file) {
        CloudFormationTemplate.Resolved resolved = read(file, Templates.CONTEXT);
        assertThat(resolved.problems()).isEmpty();
        return resolved;
    }

    private static ObjectNode properties(CloudFormationTemplate.Resolved resolved, String logicalId) {
        return resolved.tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst().orElseThrow()
                .properties();
    }

    @Test
    void aSamApplicationGivesItsTableAndSimpleTableAndNothingOfItsFunctions() {
        CloudFormationTemplate.Resolved resolved = read("sam-app.yaml");
        assertThat(resolved.tables()).extracting(TemplateResource::logicalId, TemplateResource::type)
                .containsExactly(tuple("OrdersTable", TemplateResource.TABLE),
                        tuple("SessionsTable", TemplateResource.SIMPLE_TABLE));
        ObjectNode orders = properties(resolved, "OrdersTable");
        assertThat(orders.get("TableName").asText()).isEqualTo("orders-dev-orders");
        assertThat(orders.get("Tags").toString())
                .isEqualTo("[{\"Key\":\"stage\",\"Value\":\"dev\"},{\"Key\":\"service\",\"Value\":\"orders\"}]");
        assertThat(orders.get("TimeToLiveSpecification").get("Enabled").isBoolean()).isTrue();
        assertThat(properties(resolved, "SessionsTable").toString()).isEqualTo("{\"SSESpecification\":"
                + "{\"SSEEnabled\":true},\"TableName\":\"orders-dev-sessions\",\"PrimaryKey\":"
                + "{\"Name\":\"sessionId\",\"Type\":\"String\"}}");
    }

    @Test
    void cdkSynthOutputGivesItsTablesNamedAfterTheirLogicalIds() {
        CloudFormationTemplate.Resolved resolved = read("cdk.out/ShopStack.template.json");
        assertThat(resolved.tables()).extracting(TemplateResource::logicalId)
                .containsExactly("OrdersTable315BB997", "CartsTableF8C5D33B");
        ObjectNode orders = properties(resolved, "OrdersTable315BB997");
        assertThat(orders.has("TableName")).isFalse();
        assertThat(orders.get("GlobalSecondaryIndexes").get(0).get("IndexName").asText()).isEqualTo("byStatus");
        assertThat(properties(resolved, "CartsTableF8C5D33B").get("ProvisionedThroughput").toString())
                .isEqualTo("{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}");
    }

    @Test
    void cdkSynthOutputNeedsNoAccountAndNoBootstrapVersion() {
        CloudFormationTemplate.Resolved resolved = read("cdk.out/ShopStack.template.json",
                new TemplateContext("ShopStack", "us-west-2", null, Map.of()));
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).hasSize(2);
    }

    @Test
    void conditionsAndMappingsInDevelopment() {
        CloudFormationTemplate.Resolved resolved = read("conditions-and-mappings.yaml");
        assertThat(resolved.tables()).extracting(TemplateResource::logicalId).containsExactly("InvoicesTable");
        ObjectNode invoices = properties(resolved, "InvoicesTable");
        assertThat(invoices.get("TableName").asText()).isEqualTo("invoices-dev");
        assertThat(invoices.get("TableClass").asText()).isEqualTo("STANDARD");
        assertThat(invoices.get("ProvisionedThroughput").toString())
                .isEqualTo("{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}");
        assertThat(invoices.get("DeletionProtectionEnabled").booleanValue()).isFalse();
        assertThat(invoices.has("PointInTimeRecoverySpecification")).isFalse();
        assertThat(invoices.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"payments\"},"
                + "{\"Key\":\"residency\",\"Value\":\"eu\"}]");
    }

    @Test
    void conditionsAndMappingsInProduction() {
        CloudFormationTemplate.Resolved resolved = read("conditions-and-mappings.yaml", new TemplateContext(
                "billing", "us-east-1", "123456789012", Map.of("Stage", "prod")));
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).extracting(TemplateResource::logicalId)
                .containsExactly("InvoicesTable", "AuditTable");
        ObjectNode invoices = properties(resolved, "InvoicesTable");
        assertThat(invoices.get("ProvisionedThroughput").toString())
                .isEqualTo("{\"ReadCapacityUnits\":200,\"WriteCapacityUnits\":100}");
        assertThat(invoices.get("PointInTimeRecoverySpecification").toString())
                .isEqualTo("{\"PointInTimeRecoveryEnabled\":true}");
        assertThat(invoices.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"payments\"},"
                + "{\"Key\":\"residency\",\"Value\":\"world\"},{\"Key\":\"backup\",\"Value\":\"daily\"}]");
        assertThat(properties(resolved, "AuditTable").get("TableName").asText())
                .isEqualTo("invoices-prod-audit-us-east-1");
    }

    @Test
    void anAuditRequestedOutsideProductionCreatesTheAuditTable() {
        CloudFormationTemplate.Resolved resolved = read("conditions-and-mappings.yaml", new TemplateContext(
                "billing", "eu-west-1", "123456789012", Map.of("EnableAudit", "true")));
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).extracting(TemplateResource::logicalId)
                .containsExactly("InvoicesTable", "AuditTable");
    }

    @Test
    void aGlobalTableKeepsAllItsReplicas() {
        CloudFormationTemplate.Resolved resolved = read("global-table.yaml");
        ObjectNode profiles = properties(resolved, "ProfilesGlobalTable");
        assertThat(profiles.get("TableName").asText()).isEqualTo("profiles-global");
        assertThat(profiles.get("Replicas").findValuesAsText("Region"))
                .containsExactly("eu-west-1", "us-east-1", "ap-southeast-2");
        assertThat(profiles.get("Replicas").get(0).get("Tags").get(0).get("Value").asText()).isEqualTo("yes");
    }

    @Test
    void aParameterWithoutDefaultMustBeGivenOnlyWhereATableUsesIt() {
        CloudFormationTemplate.Resolved missing = read("parameters-without-default.yaml", Templates.CONTEXT);
        assertThat(missing.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Resources.CustomersTable.Properties.TableName");
            assertThat(p.message()).contains("<parameters><Environment>value</Environment></parameters>");
        });
        CloudFormationTemplate.Resolved given = read("parameters-without-default.yaml", new TemplateContext(
                "crm", "eu-west-1", null, Map.of("Environment", "test")));
        assertThat(given.problems()).isEmpty();
        assertThat(properties(given, "CustomersTable").get("TableName").asText()).isEqualTo("customers-test");
        assertThat(properties(given, "CustomersTable").get("ProvisionedThroughput").toString())
                .isEqualTo("{\"ReadCapacityUnits\":\"10\",\"WriteCapacityUnits\":5}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "get-att.yaml | Resources.OrdersTable.Properties.SSESpecification.KMSMasterKeyId | Fn::GetAtt TableKey.Arn",
            "import-value.yaml | Resources.OrdersTable.Properties.TableName | Fn::ImportValue",
            "sub-of-attribute.yaml | Resources.OrdersTable.Properties.TableName | Fn::GetAtt Bucket.DomainName",
            "ref-to-function.yaml | Resources.OrdersTable.Properties.Tags[0].Value | physical ID of a AWS::Lambda::Function",
            "stack-id.yaml | Resources.OrdersTable.Properties.Tags[0].Value | AWS::StackId",
            "ssm-parameter.yaml | Resources.OrdersTable.Properties.TableName | Systems Manager",
            "select-out-of-range.yaml | Resources.OrdersTable.Properties.TableName | index 2 is out of range",
            "find-in-map-missing-key.yaml | Resources.OrdersTable.Properties.ProvisionedThroughput.ReadCapacityUnits "
                    + "| map Capacity has no key staging (it has dev, prod)",
            "unknown-condition.yaml | Resources.OrdersTable.Condition | There is no condition IsProduction",
            "condition-cycle.yaml | Conditions.IsProd | depends on itself (IsProd -> IsLive -> IsProd)",
            "constraint-violation.yaml | Parameters.Stage | not one of its AllowedValues [dev, prod] (must be dev or "
                    + "prod)",
            "simple-table-without-transform.yaml | Resources.SessionsTable.Type | SAM resource",
            "syntax-error.yaml | line 9, column 18 | The YAML is not well-formed",
            "duplicate-key.yaml | line 12, column 7 | The key TableName appears twice",
            "unknown-tag.yaml | line 8, column 18 | !Refs is not a CloudFormation intrinsic function",
            "null-value.yaml | Resources.OrdersTable.Properties.TableClass | null",
            "package.json | '' | not a CloudFormation template: it has no Resources section",
            "kubernetes.yaml | line 17, column 1 | 2 YAML documents"})
    void eachRefusalIsOneProblemAtItsPlace(String file, String path, String message) {
        List<TemplateProblem> problems = read("refusals/" + file, Templates.CONTEXT).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }
}
