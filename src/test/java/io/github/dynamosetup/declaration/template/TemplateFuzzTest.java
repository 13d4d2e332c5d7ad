package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a file holds, reading it gives tables and problems, never an exception: the corpus cut short at many
 * places and with bytes changed at random (a fixed seed, so that a failure repeats), and a few hostile shapes.
 * A problem that says the plugin failed is how the reader reports an exception it caught: it must never appear.
 */
class TemplateFuzzTest extends Templates {
    /** What YAML and JSON give meaning to, and a few letters. */
    private static final String GARBLE = " :-[]{}!&*'\"\n\tab0.,$#|>%@`";
    private static final String PLUGIN_FAILED = "The plugin failed to read the template";

    static Stream<Path> corpus() throws IOException {
        return Files.walk(Path.of("src/test/resources/templates")).filter(Files::isRegularFile).sorted();
    }

    private void assertReadCleanly(byte[] content) {
        Path file = write("fuzzed", content);
        CloudFormationTemplate.Resolved resolved = CloudFormationTemplate.read(file, CONTEXT);
        assertThat(resolved.problems()).allSatisfy(p -> {
            assertThat(p.path()).isNotNull();
            assertThat(p.message()).isNotBlank().doesNotContain(PLUGIN_FAILED);
        });
        assertThat(resolved.tables()).allSatisfy(t -> assertThat(t.properties()).isNotNull());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void aCorpusTemplateCutShortOrGarbledIsReadWithoutException(Path template) throws IOException {
        byte[] original = Files.readAllBytes(template);
        Random random = new Random(template.getFileName().toString().hashCode());
        for (int i = 1; i <= 40; i++) {
            assertReadCleanly(Arrays.copyOf(original, original.length * i / 41));
            byte[] garbled = original.clone();
            for (int flips = 0; flips < 1 + i / 8; flips++) {
                garbled[random.nextInt(garbled.length)] = (byte) GARBLE.charAt(random.nextInt(GARBLE.length()));
            }
            assertReadCleanly(garbled);
        }
    }

    @Test
    void hostileShapesAreProblems() {
        List<String> shapes = List.of(
                "[".repeat(100_000),
                "{\"Resources\":" + "[".repeat(100_000),
                "a: " + "[".repeat(10_000) + "]".repeat(10_000),
                "a: &a [*a, *a]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: &e [*d, *d]\nf: &f [*e, *e]\n"
                        + "g: &g [*f, *f]\nh: &h [*g, *g]\ni: &i [*h, *h]\nj: &j [*i, *i]\nk: &k [*j, *j]\n"
                        + "l: &l [*k, *k]\nm: &m [*l, *l]\nn: &n [*m, *m]\no: &o [*n, *n]\np: &p [*o, *o]\n"
                        + "q: &q [*p, *p]\nr: &r [*q, *q]\ns: &s [*r, *r]\nt: &t [*s, *s]\nu: &u [*t, *t]\n"
                        + "v: &v [*u, *u]\nw: &w [*v, *v]\nx: &x [*w, *w]\ny: &y [*x, *x]\nz: &z [*y, *y]\n",
                "Resources: !Ref X\n",
                "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: !Ref AWS::NoValue\n",
                "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: [a]\n",
                "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {TableName: !Sub [a, b, c]}\n",
                "Resources:\n  T: [a]\n  U: {Type: 5}\n",
                "Parameters: [a]\nConditions: [b]\nMappings: c\nResources: {}\n",
                "Parameters:\n  P: {Type: String, AllowedPattern: '(', MinLength: x, AllowedValues: y}\nResources: {}\n",
                "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Condition: [x]\n",
                "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {TableName: !If [x]}\n",
                "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                        + "      TableName: {'Fn::Sub': '${!', 'x': 1}\n",
                "\u0000\u0001\u0002");
        for (String shape : shapes) {
            assertReadCleanly(shape.getBytes(StandardCharsets.UTF_8));
        }
    }
}
