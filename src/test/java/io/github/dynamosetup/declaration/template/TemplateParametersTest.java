package io.github.dynamosetup.declaration.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameters: values, defaults, constraints, and parameters without value that only matter when a table uses them. */
class TemplateParametersTest extends Templates {
    private static String withParameter(String declaration) {
        return """
                Parameters:
                  Stage:
                """ + declaration.indent(4) + """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub 'orders-${Stage}'
                """;
    }

    @Test
    void aGivenValueWinsOverTheDefault() {
        CloudFormationTemplate.Resolved resolved = read(withParameter("Type: String\nDefault: dev"),
                Map.of("Stage", "qa"));
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables().get(0).properties().get("TableName").asText()).isEqualTo("orders-qa");
    }

    @Test
    void aValueGivenForAnUndeclaredParameterIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read(withParameter("Type: String\nDefault: dev"),
                Map.of("Stgae", "qa"));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Parameters");
            assertThat(p.message()).isEqualTo("The template declares no parameter Stgae, which is given a value in "
                    + "<parameters>; it declares Stage. Remove it or correct its name.");
        });
    }

    @Test
    void aParameterWithoutValueThatATableUsesIsAProblemSayingHowToGiveIt() {
        CloudFormationTemplate.Resolved resolved = read(withParameter("Type: String"));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.logicalId()).isEqualTo("Orders");
            assertThat(p.path()).isEqualTo("Resources.Orders.Properties.TableName");
            assertThat(p.message()).isEqualTo("Parameter Stage has no value: the template gives it no Default. Give "
                    + "it in the template's <parameters><Stage>value</Stage></parameters>.");
        });
    }

    @Test
    void aParameterWithoutValueThatNoTableUsesIsNoProblem() {
        CloudFormationTemplate.Resolved resolved = read("""
                Parameters:
                  ApiKey: {Type: String}
                Conditions:
                  HasKey: !Not [!Equals [!Ref ApiKey, '']]
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                  Handler:
                    Type: AWS::Lambda::Function
                    Condition: HasKey
                    Properties:
                      Environment: {Variables: {KEY: !Ref ApiKey}}
                """);
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.tables()).hasSize(1);
    }

    @Test
    void aParameterWithoutValueThatATablesConditionUsesIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read("""
                Parameters:
                  Env: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Condition: IsProd
                """);
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Conditions.IsProd");
            assertThat(p.message()).contains("Parameter Env has no value");
        });
        assertThat(resolved.tables()).isEmpty();
    }

    @Test
    void aMissingValueIsReportedOnceWhereverItIsUsed() {
        CloudFormationTemplate.Resolved resolved = read(withParameter("Type: String") + """
                  Audit:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub 'audit-${Stage}'
                """);
        assertThat(resolved.problems()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AllowedValues: [dev, prod] | qa | which is not one of its AllowedValues [dev, prod]",
            "AllowedPattern: '[a-z]+' | dev1 | which does not match its AllowedPattern [a-z]+",
            "AllowedPattern: '[a-z]' | dev | which does not match its AllowedPattern [a-z]",
            "MinLength: 3 | ab | which is 2 characters long, shorter than its MinLength 3",
            "MaxLength: 3 | abcd | which is 4 characters long, longer than its MaxLength 3"})
    void aStringValueIsCheckedAgainstItsConstraints(String constraint, String value, String message) {
        CloudFormationTemplate.Resolved resolved = read(withParameter("Type: String\n" + constraint),
                Map.of("Stage", value));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Parameters.Stage");
            assertThat(p.logicalId()).isNull();
            assertThat(p.message()).isEqualTo("Parameter Stage is '" + value + "' (given in <parameters>), "
                    + message + ": give a value that satisfies its " + constraint.substring(0, constraint.indexOf(':'))
                    + " in <parameters>.");
        });
    }

    @Test
    void theDefaultIsCheckedTooAndTheConstraintDescriptionQuoted() {
        CloudFormationTemplate.Resolved resolved = read(withParameter("""
                Type: String
                Default: Dev
                AllowedPattern: '[a-z]+'
                ConstraintDescription: lower-case letters only
                """));
        assertThat(resolved.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("Parameter Stage is 'Dev' (its Default), which does not match its AllowedPattern [a-z]+ "
                        + "(lower-case letters only): give a value that satisfies its AllowedPattern in <parameters>."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Type: Number | five | which is not a number, as its type Number requires",
            "Type: Number\\nMinValue: 1 | 0 | which is less than its MinValue 1",
            "Type: Number\\nMaxValue: 40000 | 40001 | which is more than its MaxValue 40000",
            "Type: List<Number> | 1,x | which is not a number, as its type List<Number> requires",
            "Type: CommaDelimitedList\\nAllowedValues: [a, b] | a,c | which is not one of its AllowedValues [a, b]"})
    void numbersAndListsAreCheckedAgainstTheirConstraints(String declaration, String value, String message) {
        CloudFormationTemplate.Resolved resolved = read(withParameter(declaration.replace("\\n", "\n")),
                Map.of("Stage", value));
        assertThat(resolved.problems()).filteredOn(p -> p.path().equals("Parameters.Stage")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(message));
    }

    @Test
    void valuesThatSatisfyTheirConstraintsAreNoProblem() {
        CloudFormationTemplate.Resolved resolved = read("""
                Parameters:
                  Stage: {Type: String, Default: dev, AllowedValues: [dev, prod], AllowedPattern: '[a-z]+',
                          MinLength: 1, MaxLength: 10}
                  Read: {Type: Number, Default: 5, MinValue: 1, MaxValue: 100}
                  Zones: {Type: List<Number>, Default: '1, 2'}
                  Vpc: {Type: 'AWS::EC2::VPC::Id', Default: vpc-123}
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                """);
        assertThat(resolved.problems()).isEmpty();
    }

    @Test
    void anUnknownTypeIsAProblem() {
        CloudFormationTemplate.Resolved resolved = read(withParameter("Type: Text\nDefault: dev"));
        assertThat(resolved.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Parameters.Stage.Type");
            assertThat(p.message()).contains("has the type Text, which CloudFormation does not know");
        });
        assertThat(resolved.tables().get(0).properties().get("TableName").asText()).isEqualTo("orders-dev");
    }

    @Test
    void aSystemsManagerParameterIsAProblemOnlyWhenATableUsesItWithoutAValue() {
        String template = """
                Parameters:
                  BootstrapVersion:
                    Type: AWS::SSM::Parameter::Value<String>
                    Default: /cdk-bootstrap/hnb659fds/version
                  TableSuffix:
                    Type: AWS::SSM::Parameter::Value<String>
                    Default: /app/table-suffix
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub 'orders-${TableSuffix}'
                """;
        List<TemplateProblem> problems = read(template).problems();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("Parameter "
                + "TableSuffix is of type AWS::SSM::Parameter::Value<String>: its value is read from Systems Manager, "
                + "which the plugin does not read. Give its value in the template's "
                + "<parameters><TableSuffix>value</TableSuffix></parameters>."));
        CloudFormationTemplate.Resolved given = read(template, Map.of("TableSuffix", "blue"));
        assertThat(given.problems()).isEmpty();
        assertThat(given.tables().get(0).properties().get("TableName").asText()).isEqualTo("orders-blue");
    }
}
