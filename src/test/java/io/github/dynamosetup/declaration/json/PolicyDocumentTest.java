package io.github.dynamosetup.declaration.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What makes a document no policy, and when two documents are the same policy. */
class PolicyDocumentTest {

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadOnly",
                  "Effect": "Allow",
                  "Principal": {"AWS": ["arn:aws:iam::123456789012:role/reader", "arn:aws:iam::123456789012:root"]},
                  "Action": ["dynamodb:GetItem", "dynamodb:Query"],
                  "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                  "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}
                },
                {"Effect": "Deny", "Principal": "*", "Action": "dynamodb:DeleteTable", "Resource": "*"}
              ]
            }""";

    @Test
    void aPolicyHasNoProblem() {
        assertThat(PolicyDocument.problem(POLICY)).isNull();
        assertThat(PolicyDocument.problem("{\"Statement\": {\"Effect\": \"Allow\"}}")).isNull();
    }

    static Stream<Arguments> notPolicies() {
        return Stream.of(
                Arguments.of("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n}",
                        "is not valid JSON at line 3, column 17: Unexpected close marker '}'"),
                Arguments.of("{\"Statement\": [], \"Statement\": []}", "is not valid JSON at line 1, column 30:"
                        + " Duplicate field 'Statement'"),
                Arguments.of("{\"Statement\": {}} {}", "is not valid JSON at line 1, column 19: more text after the"
                        + " policy's closing brace"),
                Arguments.of("", "is empty; a policy is a JSON object"),
                Arguments.of("[]", "is not a JSON object; a policy is {\"Version\": \"2012-10-17\", \"Statement\""),
                Arguments.of("{\"Version\": \"2012-10-17\"}", "has no \"Statement\""),
                Arguments.of("{\"Statement\": []}", "has a \"Statement\" that is neither a statement (a JSON object)"
                        + " nor a list of them: []"),
                Arguments.of("{\"Statement\": [\"Allow\"]}", "has a \"Statement\" that is neither"));
    }

    @ParameterizedTest
    @MethodSource("notPolicies")
    void whatMakesADocumentNoPolicyIsNamedWithWhereInTheDocument(String document, String problem) {
        assertThat(PolicyDocument.problem(document)).startsWith(problem);
    }

    @Test
    void whitespaceAndTheOrderOfFieldsNeverMatter() {
        String reformatted = "{\"Statement\":[{\"Resource\":\"arn:aws:dynamodb:us-east-1:123456789012:table/orders\","
                + "\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":3600}},\"Action\":[\"dynamodb:GetItem\","
                + "\"dynamodb:Query\"],\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:role/reader\","
                + "\"arn:aws:iam::123456789012:root\"]},\"Effect\":\"Allow\",\"Sid\":\"ReadOnly\"},{\"Resource\":\"*\","
                + "\"Action\":\"dynamodb:DeleteTable\",\"Principal\":\"*\",\"Effect\":\"Deny\"}],\"Version\":\"2012-10-17\"}";

        assertThat(PolicyDocument.equivalent(POLICY, reformatted)).isTrue();
    }

    @Test
    void aListOfOneValueIsTheValueAsIamReadsIt() {
        assertThat(PolicyDocument.equivalent(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"dynamodb:GetItem\", \"Resource\": \"*\"}}",
                "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\": [\"*\"]}]}"))
                .isTrue();
    }

    @Test
    void theOrderOfAListsValuesDoesNotMatter() {
        assertThat(PolicyDocument.equivalent(POLICY, POLICY
                .replace("[\"dynamodb:GetItem\", \"dynamodb:Query\"]", "[\"dynamodb:Query\", \"dynamodb:GetItem\"]")))
                .isTrue();
    }

    static Stream<Arguments> otherPolicies() {
        return Stream.of(
                Arguments.of("another action", POLICY.replace("dynamodb:Query", "dynamodb:Scan")),
                Arguments.of("one action less", POLICY.replace("[\"dynamodb:GetItem\", \"dynamodb:Query\"]",
                        "\"dynamodb:GetItem\"")),
                Arguments.of("an action twice", POLICY.replace("[\"dynamodb:GetItem\", \"dynamodb:Query\"]",
                        "[\"dynamodb:GetItem\", \"dynamodb:Query\", \"dynamodb:Query\"]")),
                Arguments.of("Allow for Deny", POLICY.replace("\"Deny\"", "\"Allow\"")),
                Arguments.of("a number as text", POLICY.replace("3600", "\"3600\"")),
                Arguments.of("a statement less", POLICY.replace(",\n    {\"Effect\": \"Deny\", \"Principal\": \"*\","
                        + " \"Action\": \"dynamodb:DeleteTable\", \"Resource\": \"*\"}", "")),
                Arguments.of("no JSON at all", "not a policy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherPolicies")
    void whatReadsDifferentlyIsAnotherPolicy(String change, String other) {
        assertThat(other).isNotEqualTo(POLICY);
        assertThat(PolicyDocument.equivalent(POLICY, other)).isFalse();
        assertThat(PolicyDocument.equivalent(other, POLICY)).isFalse();
    }

    @Test
    void aDriftLineSaysHowManyStatementsAPolicyHas() {
        assertThat(PolicyDocument.describe(POLICY)).isEqualTo("policy of 2 statements");
        assertThat(PolicyDocument.describe("{\"Statement\": {}}")).isEqualTo("policy of 1 statement");
        assertThat(PolicyDocument.describe("{]")).isEqualTo("policy that is not valid (2 characters)");
    }
}
