package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Intrinsic functions and pseudo parameters in a table's properties, resolved as CloudFormation resolves them. */
class IntrinsicResolverTest extends Templates {
    /** A template with one table whose properties are {@code properties} (YAML, indented by six). */
    private static String table(String properties) {
        return """
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                  Names:
                    Type: CommaDelimitedList
                    Default: 'a, b,c'
                Mappings:
                  Capacity:
                    dev: {Read: 1, Write: 2}
                    prod: {Read: 50, Write: 20}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                """ + properties.indent(6);
    }

    private ObjectNode properties(String properties) {
        CloudFormationTemplate.Resolved resolved = read(table(properties));
        assertThat(resolved.problems()).isEmpty();
        return resolved.tables().get(0).properties();
    }

    private List<TemplateProblem> problems(String properties) {
        return read(table(properties)).problems();
    }

    @Test
    void refGivesAParametersValue() {
        assertThat(properties("TableName: !Ref Stage").get("TableName").asText()).isEqualTo("dev");
    }

    @Test
    void refGivesAListParametersValueAsAList() {
        assertThat(properties("Tags: !Ref Names").get("Tags").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    }

    @ParameterizedTest
    @CsvSource({
            "eu-west-1, AWS::Partition, aws",
            "cn-north-1, AWS::Partition, aws-cn",
            "us-gov-west-1, AWS::Partition, aws-us-gov",
            "eu-west-1, AWS::URLSuffix, amazonaws.com",
            "cn-northwest-1, AWS::URLSuffix, amazonaws.com.cn",
            "eu-west-1, AWS::Region, eu-west-1",
            "eu-west-1, AWS::StackName, orders-dev",
            "eu-west-1, AWS::AccountId, 123456789012"})
    void pseudoParametersResolveFromTheContext(String region, String pseudo, String value) {
        CloudFormationTemplate.Resolved resolved = read(table("TableName: !Ref " + pseudo),
                inRegion(region));
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables().get(0).properties().get("TableName").asText()).isEqualTo(value);
    }

    @Test
    void anUnknownAccountIsAProblemAtTheReferringProperty() {
        CloudFormationTemplate.Resolved resolved = read(table("TableName: !Sub 'orders-${AWS::AccountId}'"),
                new TemplateContext("s", "eu-west-1", null, Map.of()));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.logicalId()).isEqualTo("Orders");
            assertThat(p.path()).isEqualTo("Resources.Orders.Properties.TableName");
            assertThat(p.message()).contains("account is not known").contains("<accountId>");
        });
        assertThat(resolved.tables().get(0).properties().has("TableName")).isFalse();
    }

    @Test
    void theStackIdIsAProblem() {
        assertThat(problems("TableName: !Ref AWS::StackId")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("AWS::StackId exists only once"));
    }

    @Test
    void noValueRemovesThePropertyOrTheListElement() {
        ObjectNode properties = properties("""
                TableName: !Ref AWS::NoValue
                Tags:
                  - {Key: a, Value: '1'}
                  - !Ref AWS::NoValue
                  - {Key: b, Value: !Ref AWS::NoValue}
                """);
        assertThat(properties.has("TableName")).isFalse();
        assertThat(properties.get("Tags").toString()).isEqualTo("[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\"}]");
    }

    @Test
    void notificationArnsIsAnEmptyList() {
        assertThat(properties("Tags: !Ref AWS::NotificationARNs").get("Tags").toString()).isEqualTo("[]");
    }

    @Test
    void subReplacesParametersPseudoParametersAndLiterals() {
        assertThat(properties("TableName: !Sub '${AWS::StackName}-${Stage}-${!Literal}-${AWS::Region}'")
                .get("TableName").asText()).isEqualTo("orders-dev-dev-${Literal}-eu-west-1");
    }

    @Test
    void subTakesVariablesThatMayBeFunctions() {
        assertThat(properties("TableName: !Sub ['${Prefix}-${Stage}', {Prefix: !Join ['', [o, r]]}]")
                .get("TableName").asText()).isEqualTo("or-dev");
    }

    @Test
    void subOfAnAttributeIsAProblem() {
        assertThat(problems("TableName: !Sub '${Queue.Arn}-x'")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Fn::GetAtt Queue.Arn"));
    }

    @Test
    void subOfAnotherTableGivesItsName() {
        CloudFormationTemplate.Resolved resolved = read(table("TableName: !Sub '${Audit}-copy'") + """
                  Audit:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub '${AWS::StackName}-audit'
                  Unnamed:
                    Type: AWS::DynamoDB::Table
                  ByRef:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Join ['-', [!Ref Unnamed, copy]]
                """);
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).extracting(t -> t.properties().path("TableName").asText())
                .containsExactly("orders-dev-audit-copy", "orders-dev-audit", "", "Unnamed-copy");
    }

    @Test
    void refToAnotherKindOfResourceIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read(table("TableName: !Ref Queue") + """
                  Queue:
                    Type: AWS::SQS::Queue
                """);
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("physical ID of a AWS::SQS::Queue"));
    }

    @Test
    void tablesNamingEachOtherAreAProblem() {
        CloudFormationTemplate.Resolved resolved = read(table("TableName: !Sub '${Other}-x'") + """
                  Other:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub '${Orders}-y'
                """);
        assertThat(resolved.problems()).anySatisfy(p -> assertThat(p.message()).contains("depends on itself"));
    }

    @Test
    void refToAnUnknownNameIsAProblem() {
        assertThat(problems("TableName: !Ref Nothing")).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("Ref Nothing names no parameter, pseudo parameter or resource of "
                        + "the template."));
    }

    @Test
    void joinSelectAndSplitWorkTogether() {
        ObjectNode properties = properties("""
                TableName: !Join ['-', [!Select [1, !Split [',', 'a,b,c']], !Select ['0', !Ref Names]]]
                """);
        assertThat(properties.get("TableName").asText()).isEqualTo("b-a");
    }

    @Test
    void selectOutOfRangeIsAProblem() {
        assertThat(problems("TableName: !Select [3, [a, b]]")).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("Fn::Select's index 3 is out of range: the list has 2 elements."));
    }

    @Test
    void joinOfSomethingElseThanAListIsAProblem() {
        assertThat(problems("TableName: !Join ['-', abc]")).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("Fn::Join joins a list of values, not 'abc'."));
    }

    @Test
    void aFunctionGivenTheWrongNumberOfArgumentsSaysWhatItTakes() {
        assertThat(problems("TableName: !Split [',']")).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("Fn::Split takes a list of two: the delimiter and the string to "
                        + "split."));
        assertThat(problems("TableName: !FindInMap [Capacity, dev]")).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("Fn::FindInMap takes a list of three: the map's name"));
    }

    @Test
    void ifPicksABranchAndNoValueRemovesTheProperty() {
        ObjectNode dev = properties("""
                BillingMode: !If [IsProd, PROVISIONED, PAY_PER_REQUEST]
                ProvisionedThroughput: !If [IsProd, {ReadCapacityUnits: 5, WriteCapacityUnits: 5}, !Ref AWS::NoValue]
                """);
        assertThat(dev.get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(dev.has("ProvisionedThroughput")).isFalse();
        CloudFormationTemplate.Resolved prod = read(table("""
                ProvisionedThroughput: !If [IsProd, {ReadCapacityUnits: 5, WriteCapacityUnits: 5}, !Ref AWS::NoValue]
                """), Map.of("Stage", "prod"));
        assertThat(prod.tables().get(0).properties().get("ProvisionedThroughput").toString())
                .isEqualTo("{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}");
    }

    @Test
    void ifOfAnUnknownConditionIsAProblem() {
        assertThat(problems("TableName: !If [IsStaging, a, b]")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("There is no condition IsStaging in the "
                        + "template's Conditions (it has IsProd)."));
    }

    @Test
    void findInMapLooksUpWithResolvedKeys() {
        assertThat(properties("""
                ProvisionedThroughput:
                  ReadCapacityUnits: !FindInMap [Capacity, !Ref Stage, Read]
                  WriteCapacityUnits: !FindInMap [Capacity, !Ref Stage, Write]
                """).get("ProvisionedThroughput").toString())
                .isEqualTo("{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":2}");
    }

    @Test
    void findInMapNamesWhatIsMissing() {
        assertThat(problems("TableName: !FindInMap [Capacity, staging, Read]")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Fn::FindInMap: map Capacity has no key staging "
                        + "(it has dev, prod)."));
        assertThat(problems("TableName: !FindInMap [Sizes, dev, Read]")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("have no map Sizes"));
        assertThat(problems("TableName: !FindInMap [Capacity, dev, Delete]")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has no key Delete under dev"));
    }

    @Test
    void aFunctionInsideMappingsIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read("""
                Mappings:
                  Names:
                    dev: {Table: !Sub '${AWS::StackName}-dev'}
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !FindInMap [Names, dev, Table]
                """);
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the values of Mappings are literal"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "!GetAtt Queue.Arn | Fn::GetAtt Queue.Arn gives an attribute that exists only once the stack is deployed",
            "!ImportValue shared-table-name | Fn::ImportValue reads an output exported by another stack",
            "!Select [0, !GetAZs ''] | Fn::GetAZs asks AWS",
            "!Base64 abc | Fn::Base64 is not resolved by the plugin before deployment",
            "!Cidr [10.0.0.0/16, 2, 8] | Fn::Cidr is not resolved",
            "{'Fn::Length': [a, b]} | Fn::Length is not resolved",
            "{'Fn::ToJsonString': {a: b}} | Fn::ToJsonString is not resolved",
            "{'Fn::Transform': {Name: M}} | Fn::Transform is not resolved",
            "!Equals [a, b] | Fn::Equals belongs in the template's Conditions"})
    void whatOnlyExistsOnceDeployedIsAProblemAtTheProperty(String value, String message) {
        List<TemplateProblem> problems = problems("TableName: " + value);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.logicalId()).isEqualTo("Orders");
            assertThat(p.path()).isEqualTo("Resources.Orders.Properties.TableName");
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void aProblemDeepInsideNamesItsPath() {
        List<TemplateProblem> problems = problems("""
                GlobalSecondaryIndexes:
                  - IndexName: byCustomer
                  - IndexName: !ImportValue other-index
                """);
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.path()).isEqualTo("Resources.Orders.Properties.GlobalSecondaryIndexes[1].IndexName"));
    }

    @Test
    void aNullValueIsAProblem() {
        assertThat(problems("TableName:")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("null"));
    }

    @Test
    void numbersAndBooleansStayAsWritten() {
        ObjectNode properties = properties("""
                DeletionProtectionEnabled: true
                ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: '6'}
                """);
        assertThat(properties.toString()).isEqualTo("{\"DeletionProtectionEnabled\":true,\"ProvisionedThroughput\":"
                + "{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":\"6\"}}");
    }

    @Test
    void numberParametersResolveToStrings() {
        CloudFormationTemplate.Resolved resolved = read("""
                Parameters:
                  Read: {Type: Number, Default: 5}
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      ProvisionedThroughput: {ReadCapacityUnits: !Ref Read}
                """);
        assertThat(resolved.tables().get(0).properties().toString())
                .isEqualTo("{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":\"5\"}}");
    }
}
