package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading YAML and JSON templates into one tree: short forms, scalar types, syntax errors, what is no template. */
class TemplateLoaderTest extends Templates {
    private static JsonNode parse(String yaml) {
        Problems problems = new Problems();
        JsonNode root = TemplateLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), problems).orElse(null);
        assertThat(problems.list()).isEmpty();
        return root;
    }

    private static TemplateProblem onlyProblem(String text) {
        Problems problems = new Problems();
        TemplateLoader.parse(text.getBytes(StandardCharsets.UTF_8), problems);
        assertThat(problems.list()).hasSize(1);
        return problems.list().get(0);
    }

    @Test
    void shortFormsBecomeLongForms() {
        JsonNode root = parse("""
                A: !Ref Stage
                B: !Sub '${AWS::StackName}-orders'
                C: !Sub ['${X}-orders', {X: !Ref Stage}]
                D: !GetAtt Orders.StreamArn
                E: !GetAtt [Orders, Arn]
                F: !GetAtt Orders.Endpoint.Address
                G: !Join ['-', [a, b]]
                H: !If [IsProd, 5, !Ref AWS::NoValue]
                I: !Condition IsProd
                J: !FindInMap [Capacity, !Ref Stage, Read]
                K: !Not [!Equals [!Ref Stage, prod]]
                L: !GetAZs ''
                """);
        assertThat(root.get("A").toString()).isEqualTo("{\"Ref\":\"Stage\"}");
        assertThat(root.get("B").toString()).isEqualTo("{\"Fn::Sub\":\"${AWS::StackName}-orders\"}");
        assertThat(root.get("C").toString()).isEqualTo("{\"Fn::Sub\":[\"${X}-orders\",{\"X\":{\"Ref\":\"Stage\"}}]}");
        assertThat(root.get("D").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Orders\",\"StreamArn\"]}");
        assertThat(root.get("E").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Orders\",\"Arn\"]}");
        assertThat(root.get("F").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Orders\",\"Endpoint.Address\"]}");
        assertThat(root.get("G").toString()).isEqualTo("{\"Fn::Join\":[\"-\",[\"a\",\"b\"]]}");
        assertThat(root.get("H").toString())
                .isEqualTo("{\"Fn::If\":[\"IsProd\",5,{\"Ref\":\"AWS::NoValue\"}]}");
        assertThat(root.get("I").toString()).isEqualTo("{\"Condition\":\"IsProd\"}");
        assertThat(root.get("J").toString()).isEqualTo("{\"Fn::FindInMap\":[\"Capacity\",{\"Ref\":\"Stage\"},\"Read\"]}");
        assertThat(root.get("K").toString())
                .isEqualTo("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"Stage\"},\"prod\"]}]}");
        assertThat(root.get("L").toString()).isEqualTo("{\"Fn::GetAZs\":\"\"}");
    }

    @Test
    void scalarsAreTypedAsCloudFormationTypesThem() {
        JsonNode root = parse("""
                AWSTemplateFormatVersion: 2010-09-09
                Yes1: yes
                No1: NO
                On1: on
                Quoted: 'on'
                True1: true
                Int: 5
                Big: 12345678901234567890
                Decimal: 5.50
                Zeros: 007
                Str: !!str 5
                Null1: ~
                Empty:
                Text: hello
                """);
        assertThat(root.get("AWSTemplateFormatVersion").isTextual()).isTrue();
        assertThat(root.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(root.get("Yes1").isBoolean()).isTrue();
        assertThat(root.get("Yes1").booleanValue()).isTrue();
        assertThat(root.get("No1").booleanValue()).isFalse();
        assertThat(root.get("On1").booleanValue()).isTrue();
        assertThat(root.get("Quoted").isTextual()).isTrue();
        assertThat(root.get("True1").booleanValue()).isTrue();
        assertThat(root.get("Int").isInt()).isTrue();
        assertThat(root.get("Big").isBigInteger()).isTrue();
        assertThat(root.get("Decimal").toString()).isEqualTo("5.50");
        assertThat(root.get("Zeros").asText()).isEqualTo("007");
        assertThat(root.get("Zeros").isTextual()).isTrue();
        assertThat(root.get("Str").isTextual()).isTrue();
        assertThat(root.get("Null1").isNull()).isTrue();
        assertThat(root.get("Empty").isNull()).isTrue();
        assertThat(root.get("Text").asText()).isEqualTo("hello");
    }

    @Test
    void jsonKeepsNumbersAsWritten() {
        JsonNode root = parse("{\"A\": 5, \"B\": 5.50, \"C\": true, \"D\": \"x\"}");
        assertThat(root.toString()).isEqualTo("{\"A\":5,\"B\":5.50,\"C\":true,\"D\":\"x\"}");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumn() {
        TemplateProblem problem = onlyProblem("Resources:\n  Orders:\n    Type: [a\n");
        assertThat(problem.path()).startsWith("line ");
        assertThat(problem.path()).matches("line \\d+, column \\d+");
        assertThat(problem.message()).startsWith("The YAML is not well-formed: ");
    }

    @Test
    void aJsonSyntaxErrorNamesItsLineAndColumn() {
        TemplateProblem problem = onlyProblem("{\n  \"Resources\": {\n    \"A\": 1,\n  }\n}");
        assertThat(problem.path()).isEqualTo("line 4, column 3");
        assertThat(problem.message()).startsWith("The JSON is not well-formed: ");
    }

    @Test
    void aDuplicateYamlKeyIsAProblemAtItsPlace() {
        TemplateProblem problem = onlyProblem("Resources:\n  Orders: {}\n  Orders: {}\n");
        assertThat(problem.path()).isEqualTo("line 3, column 3");
        assertThat(problem.message()).contains("Orders appears twice");
    }

    @Test
    void aDuplicateJsonKeyIsAProblem() {
        TemplateProblem problem = onlyProblem("{\"Resources\": {\"A\": {}, \"A\": {}}}");
        assertThat(problem.message()).contains("Duplicate field 'A'");
    }

    @Test
    void anUnknownTagIsAProblem() {
        TemplateProblem problem = onlyProblem("A: !Reference Stage\n");
        assertThat(problem.path()).isEqualTo("line 1, column 4");
        assertThat(problem.message()).contains("!Reference is not a CloudFormation intrinsic function");
    }

    @Test
    void severalYamlDocumentsAreNoTemplate() {
        TemplateProblem problem = onlyProblem("apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Pod\n");
        assertThat(problem.message()).contains("2 YAML documents");
    }

    @Test
    void aRecursiveAliasIsAProblem() {
        TemplateProblem problem = onlyProblem("A: &a [1, *a]\n");
        assertThat(problem.message()).contains("recursive");
    }

    @Test
    void aliasesThatMultiplyBeyondAnyTemplateAreAProblem() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, y]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        TemplateProblem problem = onlyProblem(yaml.toString());
        assertThat(problem.message()).contains("once its aliases are expanded");
    }

    @Test
    void aliasesAreExpanded() {
        JsonNode root = parse("A: &sse {SSEEnabled: true}\nB: *sse\n");
        assertThat(root.get("B").toString()).isEqualTo("{\"SSEEnabled\":true}");
    }

    @Test
    void aFileWithoutResourcesIsNoTemplate() {
        CloudFormationTemplate.Resolved resolved = read("{\"name\": \"app\", \"version\": \"1.0.0\"}");
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEmpty();
            assertThat(p.message()).isEqualTo("The file is not a CloudFormation template: it has no Resources "
                    + "section (its top-level keys are name, version).");
        });
    }

    @Test
    void aServerlessFrameworkFileIsNoTemplateAndTheMessageNamesTheOneItWrites() {
        CloudFormationTemplate.Resolved resolved = read("service: orders\nprovider:\n  name: aws\n"
                + "resources:\n  Resources:\n    Orders:\n      Type: AWS::DynamoDB::Table\n");
        assertThat(resolved.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
                "The file is not a CloudFormation template: it has no Resources section (its top-level keys are"
                + " service, provider, resources). It looks like a Serverless Framework serverless.yml: run serverless"
                + " package and give the CloudFormation template it writes,"
                + " .serverless/cloudformation-template-update-stack.json."));
    }

    @Test
    void aKubernetesManifestIsNoTemplate() {
        CloudFormationTemplate.Resolved resolved = read("apiVersion: apps/v1\nkind: Deployment\n"
                + "metadata:\n  name: orders\n");
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no Resources section"));
    }

    @Test
    void aListOrAScalarIsNoTemplate() {
        assertThat(read("- a\n- b\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("it holds a list"));
        assertThat(read("just text\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a single value"));
    }

    @Test
    void anEmptyFileIsNoTemplate() {
        assertThat(read("").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(read("# only a comment\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("holds nothing"));
    }

    @Test
    void aMissingFileIsAProblem() {
        CloudFormationTemplate.Resolved resolved = CloudFormationTemplate.read(folder.resolve("missing.yaml"),
                CONTEXT);
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    @Test
    void binaryGarbageIsAProblemNotAnException() {
        byte[] garbage = new byte[4096];
        new Random(15).nextBytes(garbage);
        CloudFormationTemplate.Resolved resolved = CloudFormationTemplate.read(write("garbage.bin",
                garbage), CONTEXT);
        assertThat(resolved.tables()).isEmpty();
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
    }

    @Test
    void controlCharactersAreAProblemNotAnException() {
        CloudFormationTemplate.Resolved resolved = read("Resources:\n  A: \u0001\u0002\n");
        assertThat(resolved.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("The YAML"));
    }

    @Test
    void aFiveMegabyteTemplateIsRead() {
        StringBuilder yaml = new StringBuilder("Resources:\n");
        int count = 0;
        while (yaml.length() < 5 * 1024 * 1024) {
            yaml.append("  Queue").append(count++).append(":\n    Type: AWS::SQS::Queue\n    Properties:\n")
                    .append("      QueueName: !Sub '${AWS::StackName}-queue-").append(count).append("'\n");
        }
        yaml.append("  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: orders\n");
        CloudFormationTemplate.Resolved resolved = read(yaml.toString());
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).extracting(TemplateResource::logicalId).containsExactly("Orders");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\"}}}".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        CloudFormationTemplate.Resolved resolved = CloudFormationTemplate.read(write("t.template.json",
                file), CONTEXT);
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).hasSize(1);
    }
}
