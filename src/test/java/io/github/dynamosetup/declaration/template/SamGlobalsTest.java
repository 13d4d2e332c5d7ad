package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SAM: SimpleTable needs the transform, and takes Globals.SimpleTable as SAM merges it. */
class SamGlobalsTest extends Templates {
    @Test
    void globalsAreMergedIntoEachSimpleTableTheResourceWinning() {
        CloudFormationTemplate.Resolved resolved = read("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: {Runtime: java21, Timeout: 30}
                  SimpleTable:
                    SSESpecification: {SSEEnabled: true}
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                  Carts:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      SSESpecification: {SSEEnabled: false}
                      PrimaryKey: {Name: cartId, Type: String}
                """);
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).extracting(t -> t.properties().toString()).containsExactly(
                "{\"SSESpecification\":{\"SSEEnabled\":true}}",
                "{\"SSESpecification\":{\"SSEEnabled\":false},\"PrimaryKey\":{\"Name\":\"cartId\",\"Type\":\"String\"}}");
    }

    @Test
    void theTransformMayBeAList() {
        CloudFormationTemplate.Resolved resolved = read("""
                Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                """);
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).singleElement()
                .satisfies(t -> assertThat(t.type()).isEqualTo(TemplateResource.SIMPLE_TABLE));
    }

    @Test
    void aSimpleTableWithoutTheTransformIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read("""
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                """);
        assertThat(resolved.tables()).isEmpty();
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Resources.Sessions.Type");
            assertThat(p.message()).contains("Transform: AWS::Serverless-2016-10-31");
        });
    }

    @Test
    void aPropertySamDoesNotSupportInGlobalsIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  SimpleTable:
                    ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                """);
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Globals.SimpleTable.ProvisionedThroughput");
            assertThat(p.message()).contains("only SSESpecification");
        });
        assertThat(resolved.tables().get(0).properties().isEmpty()).isTrue();
    }

    @Test
    void listsAreConcatenatedGlobalsFirstAndMapsMergedKeyByKey() {
        assertThat(merged("{a: [1, 2], m: {x: 1, y: 2}}", "{a: [3], m: {y: 3}, s: v}"))
                .isEqualTo("{\"a\":[1,2,3],\"m\":{\"x\":1,\"y\":3},\"s\":\"v\"}");
    }

    @Test
    void anIntrinsicFunctionIsAValueNotAMapToMerge() {
        assertThat(merged("{f: {x: 1}}", "{f: !Ref Stage}")).isEqualTo("{\"f\":{\"Ref\":\"Stage\"}}");
        assertThat(merged("{f: !Ref Stage}", "{f: {x: 1}}")).isEqualTo("{\"f\":{\"x\":1}}");
    }

    /**
     * The SSESpecification that SAM's merge makes of {@code global} and {@code local}: the merge itself, reached for
     * the kinds of values that SimpleTable's one global property does not have.
     */
    private static String merged(String global, String local) {
        Problems problems = new Problems();
        JsonNode template = yaml("Transform: AWS::Serverless-2016-10-31\nGlobals: {SimpleTable: {SSESpecification: "
                + global + "}}\n", problems);
        ObjectNode properties = (ObjectNode) yaml("SSESpecification: " + local, problems);
        String merged = SamGlobals.of(template, problems).mergeInto(properties).get("SSESpecification").toString();
        assertThat(problems.list()).isEmpty();
        return merged;
    }

    private static JsonNode yaml(String text, Problems problems) {
        return TemplateLoader.parse(text.getBytes(StandardCharsets.UTF_8), problems).orElseThrow();
    }
}
