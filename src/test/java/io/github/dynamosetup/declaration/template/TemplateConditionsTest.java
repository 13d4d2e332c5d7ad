package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions: evaluated as CloudFormation evaluates them, deciding which tables exist and which branch Fn::If takes. */
class TemplateConditionsTest extends Templates {
    private static String guarded(String conditions) {
        return """
                Parameters:
                  Stage: {Type: String, Default: dev}
                  Region2: {Type: String, Default: eu-west-1}
                Conditions:
                """ + conditions.indent(2) + """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Condition: Create
                """;
    }

    private boolean created(String conditions, Map<String, String> parameters) {
        CloudFormationTemplate.Resolved resolved = read(guarded(conditions), parameters);
        assertThat(resolved.problems()).isEmpty();
        return !resolved.tables().isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Create: !Equals [!Ref Stage, dev] | true",
            "Create: !Equals [!Ref Stage, prod] | false",
            "Create: !Not [!Equals [!Ref Stage, prod]] | true",
            "Create: !And [!Equals [!Ref Stage, dev], !Equals [!Ref AWS::Region, eu-west-1]] | true",
            "Create: !And [!Equals [!Ref Stage, dev], !Equals [!Ref AWS::Region, us-east-1]] | false",
            "Create: !Or [!Equals [!Ref Stage, prod], !Equals [!Ref AWS::Region, eu-west-1]] | true",
            "Create: !Or [!Equals [!Ref Stage, prod], !Condition IsUs]\\nIsUs: !Equals [!Ref AWS::Region, us-east-1] | false",
            "Create: !Equals [!Ref Region2, !Ref AWS::Region] | true",
            "Create: !Equals ['5', 5] | true"})
    void conditionsDecideWhetherATableIsCreated(String conditions, boolean created) {
        assertThat(created(conditions.replace("\\n", "\n"), Map.of())).isEqualTo(created);
    }

    @Test
    void givenParametersChangeTheOutcome() {
        assertThat(created("Create: !Equals [!Ref Stage, prod]", Map.of("Stage", "prod"))).isTrue();
    }

    @Test
    void cdkMetadataAvailableNestsOrOverManyRegions() {
        String regions = "Create: !Or\n  - !Or [!Equals [!Ref AWS::Region, af-south-1], !Equals [!Ref AWS::Region, "
                + "ap-east-1], !Equals [!Ref AWS::Region, ap-northeast-1], !Equals [!Ref AWS::Region, ap-south-1], "
                + "!Equals [!Ref AWS::Region, ap-southeast-1], !Equals [!Ref AWS::Region, ca-central-1], "
                + "!Equals [!Ref AWS::Region, cn-north-1], !Equals [!Ref AWS::Region, eu-central-1], "
                + "!Equals [!Ref AWS::Region, eu-north-1], !Equals [!Ref AWS::Region, eu-south-1]]\n"
                + "  - !Or [!Equals [!Ref AWS::Region, eu-west-1], !Equals [!Ref AWS::Region, eu-west-2]]\n";
        assertThat(created(regions, Map.of())).isTrue();
    }

    @Test
    void anUnknownConditionIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read(guarded("IsProd: !Equals [!Ref Stage, prod]"));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Resources.Orders.Condition");
            assertThat(p.message()).isEqualTo("There is no condition Create in the template's Conditions (it has "
                    + "IsProd).");
        });
    }

    @Test
    void aCycleIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read(guarded("""
                Create: !And [!Condition A, !Equals [a, a]]
                A: !Not [!Condition Create]
                """));
        assertThat(resolved.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("depends on itself (Create -> A -> Create)"));
        assertThat(resolved.tables()).isEmpty();
    }

    @Test
    void andTakesTwoToTenConditions() {
        CloudFormationTemplate.Resolved resolved = read(guarded("Create: !And [!Equals [a, a]]"));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Conditions.Create");
            assertThat(p.message()).isEqualTo("Fn::And takes a list of 2 to 10 conditions; nest Fn::And for more.");
        });
    }

    @Test
    void aConditionCannotReferToAResource() {
        CloudFormationTemplate.Resolved resolved = read(guarded("Create: !Equals [!Ref Queue, x]") + """
                  Queue:
                    Type: AWS::SQS::Queue
                """);
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("A condition cannot refer to the resource Queue"));
    }

    @Test
    void aBrokenConditionNoTableUsesIsStillAProblemAsCloudFormationRefusesIt() {
        CloudFormationTemplate.Resolved resolved = read(guarded("""
                Create: !Equals [a, a]
                Unused: !Equals [!Ref Nothing, x]
                """));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Conditions.Unused");
            assertThat(p.message()).contains("Ref Nothing names no parameter");
        });
    }

    @Test
    void aTableWhoseConditionIsFalseCannotBeReferredTo() {
        CloudFormationTemplate.Resolved resolved = read(guarded("Create: !Equals [a, b]") + """
                  Copy:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub '${Orders}-copy'
                """);
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Resources.Copy.Properties.TableName");
            assertThat(p.message()).contains("names a table whose condition Create is false");
        });
    }
}
