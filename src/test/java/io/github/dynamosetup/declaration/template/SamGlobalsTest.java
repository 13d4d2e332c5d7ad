package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAM: SimpleTable needs the transform, and takes Globals.SimpleTable as SAM merges it. */
class SamGlobalsTest {

    @TempDir
    Path folder;

    private Templates templates;

    @BeforeEach
    void setUp() {
        templates = new Templates(folder);
    }

    @Test
    void globalsAreMergedIntoEachSimpleTableTheResourceWinning() {
        CloudFormationTemplate.Resolved resolved = templates.read("""
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
        CloudFormationTemplate.Resolved resolved = templates.read("""
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
        CloudFormationTemplate.Resolved resolved = templates.read("""
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
        CloudFormationTemplate.Resolved resolved = templates.read("""
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
        ObjectNodeMerge merge = new ObjectNodeMerge(templates);
        assertThat(merge.of("{a: [1, 2], m: {x: 1, y: 2}}", "{a: [3], m: {y: 3}, s: v}"))
                .isEqualTo("{\"a\":[1,2,3],\"m\":{\"x\":1,\"y\":3},\"s\":\"v\"}");
        assertThat(merge.of("{f: {x: 1}}", "{f: !Ref Stage}")).isEqualTo("{\"f\":{\"Ref\":\"Stage\"}}");
    }

    /** Reaches the merge itself, for the kinds of values SimpleTable's one global property never has. */
    private record ObjectNodeMerge(Templates templates) {

        String of(String global, String local) {
            Problems problems = new Problems();
            com.fasterxml.jackson.databind.node.ObjectNode globals = (com.fasterxml.jackson.databind.node.ObjectNode)
                    TemplateLoader.parse(("Transform: AWS::Serverless-2016-10-31\nGlobals: {SimpleTable: "
                            + "{SSESpecification: " + global + "}}\n").getBytes(), problems).orElseThrow();
            com.fasterxml.jackson.databind.node.ObjectNode properties =
                    (com.fasterxml.jackson.databind.node.ObjectNode) TemplateLoader.parse(("SSESpecification: "
                            + local).getBytes(), problems).orElseThrow();
            return SamGlobals.of(globals, problems).mergeInto(properties).get("SSESpecification").toString();
        }
    }
}
