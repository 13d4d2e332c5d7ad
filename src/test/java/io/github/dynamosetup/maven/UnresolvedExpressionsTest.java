package io.github.dynamosetup.maven;

import static io.github.dynamosetup.maven.PomBeans.gsi;
import static io.github.dynamosetup.maven.PomBeans.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/**
 * The configuration as Maven hands it to a goal ({@code MojoExecution.getConfiguration()}: the POM's own
 * properties already replaced, what is left still written as {@code ${...}}), and what Maven injected from
 * it: nothing for a whole unresolved expression, the literal text for one inside a longer value (measured
 * on Maven 3.8.7 and 3.9.16, see the unresolved-properties IT).
 */
class UnresolvedExpressionsTest {

    /** What Maven resolves when the goal is configured; anything else is unresolved. */
    private static final Map<String, Object> KNOWN = Map.of(
            "${session.executionRootDirectory}", "/work/project",
            "${blank.at.runtime}", " ");

    /** The parameters' own expressions, which Maven adds for every parameter left out. */
    private static final Map<String, String> OWN = Map.of(
            "region", "${dynamo-setup.region}",
            "tableNamePrefix", "${dynamo-setup.tableNamePrefix}");

    private static UnresolvedExpressions find(String configuration) throws Exception {
        Xpp3Dom dom = Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>"));
        return UnresolvedExpressions.find(dom, OWN, KNOWN::get);
    }

    private static List<ConfigurationProblem> problems(UnresolvedExpressions unresolved, List<PomTable> tables,
            Map<String, String> tags, String prefix) {
        List<ConfigurationProblem> plugin = unresolved.withPluginProblems(new ArrayList<>());
        return catchThrowableOfType(InvalidDeclarationException.class, () -> DeclarationMapper.map(
                new DeclarationMapper.Configuration(tables, List.of(), List.of(), Path.of("."), tags, prefix, null,
                        unresolved),
                plugin)).problems();
    }

    @Test
    void anUnresolvedExpressionInATemplatesElementIsNamedByItsPath() throws Exception {
        UnresolvedExpressions unresolved = find("""
                <templates>
                  <template>
                    <file>template.yaml</file>
                    <parameters><Stage>${env.STAGE_NOT_SET}</Stage></parameters>
                  </template>
                </templates>
                """);

        assertThat(unresolved.withPluginProblems(new ArrayList<>())).extracting(ConfigurationProblem::toString)
                .containsExactly("plugin configuration, <templates><template><parameters><Stage>:"
                        + " '${env.STAGE_NOT_SET}' is an expression Maven could not resolve: set the environment"
                        + " variable STAGE_NOT_SET (export STAGE_NOT_SET=...), or remove the element");
        assertThat(unresolved.in(PluginParameter.TEMPLATES)).hasSize(1);
    }

    @Test
    void onlyTheTemplatesHoldingAnUnresolvedExpressionAreLeftUnread() throws Exception {
        UnresolvedExpressions unresolved = find("""
                <templates>
                  <template><file>template.yaml</file></template>
                  <template>
                    <file>cdk.out/*.template.json</file>
                    <stackName>${env.STACK_NOT_SET}</stackName>
                  </template>
                </templates>
                """);

        assertThat(unresolved.templatesWithExpressions()).containsExactly(2);
        assertThat(unresolved.withPluginProblems(new ArrayList<>())).extracting(ConfigurationProblem::element)
                .containsExactly("<templates><template>[2]<stackName>");
    }

    @Test
    void everyElementHoldingAnUnresolvedExpressionIsNamedWithItsTable() throws Exception {
        UnresolvedExpressions unresolved = find("""
                <tableNamePrefix>${env.STAGE_NOT_SET}-</tableNamePrefix>
                <timeout>${undefined.timeout}</timeout>
                <tags><Application>api</Application><Environment>${env.ENVIRONMENT_NOT_SET}</Environment></tags>
                <tables>
                  <table>
                    <name>doctores</name>
                    <partitionKey>doctor_id</partitionKey>
                  </table>
                  <table>
                    <name>horarios</name>
                    <partitionKey>${undefined.pk}</partitionKey>
                    <sortKey>${undefined.key}</sortKey>
                    <timeToLiveAttribute>${undefined.ttl}</timeToLiveAttribute>
                    <billingMode>${undefined.billing}</billingMode>
                    <readCapacity>${undefined.rcu}</readCapacity>
                    <writeCapacity>1</writeCapacity>
                    <streamViewType>NEW_${undefined.view}</streamViewType>
                    <tags><Owner>team-${undefined.team}</Owner></tags>
                    <globalSecondaryIndexes>
                      <globalSecondaryIndex>
                        <name>by-status</name>
                        <partitionKey>${undefined.gsiKey}</partitionKey>
                        <projection>INCLUDE</projection>
                        <nonKeyAttributes><nonKeyAttribute>${undefined.attr}</nonKeyAttribute></nonKeyAttributes>
                      </globalSecondaryIndex>
                    </globalSecondaryIndexes>
                  </table>
                </tables>
                """);
        PomTable doctores = table("doctores", "doctor_id");
        // as Maven injects it: nothing for a whole unresolved expression, the text for one inside a value
        PomTable horarios = table("horarios", null);
        horarios.writeCapacity = 1L;
        horarios.streamViewType = "NEW_${undefined.view}";
        horarios.tags = Map.of("Owner", "team-${undefined.team}");
        PomGlobalSecondaryIndex byStatus = gsi("by-status", null);
        byStatus.projection = "INCLUDE";
        byStatus.nonKeyAttributes = new ArrayList<>(java.util.Collections.singletonList(null));
        horarios.globalSecondaryIndexes = List.of(byStatus);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Application", "api");
        tags.put("Environment", null);

        List<ConfigurationProblem> problems = problems(unresolved, List.of(doctores, horarios), tags,
                "${env.STAGE_NOT_SET}-");

        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "plugin configuration, <tableNamePrefix>: '${env.STAGE_NOT_SET}-' holds ${env.STAGE_NOT_SET}, which"
                        + " Maven could not resolve: set the environment variable STAGE_NOT_SET (export"
                        + " STAGE_NOT_SET=...), or remove the element",
                "plugin configuration, <timeout>: '${undefined.timeout}' is an expression Maven could not resolve:"
                        + " define the property undefined.timeout (-Dundefined.timeout=... or in <properties>), or"
                        + " remove the element",
                "plugin configuration, <tags><Environment>: '${env.ENVIRONMENT_NOT_SET}' is an expression Maven"
                        + " could not resolve: set the environment variable ENVIRONMENT_NOT_SET (export"
                        + " ENVIRONMENT_NOT_SET=...), or remove the element",
                // the prefix is left out of the names rather than making every one invalid
                "table 'horarios', <partitionKey>: '${undefined.pk}' is an expression Maven could not resolve:"
                        + " define the property undefined.pk (-Dundefined.pk=... or in <properties>), or remove the"
                        + " element",
                "table 'horarios', <sortKey>: '${undefined.key}' is an expression Maven could not resolve: define"
                        + " the property undefined.key (-Dundefined.key=... or in <properties>), or remove the element",
                "table 'horarios', <timeToLiveAttribute>: '${undefined.ttl}' is an expression Maven could not"
                        + " resolve: define the property undefined.ttl (-Dundefined.ttl=... or in <properties>), or"
                        + " remove the element",
                "table 'horarios', <billingMode>: '${undefined.billing}' is an expression Maven could not resolve:"
                        + " define the property undefined.billing (-Dundefined.billing=... or in <properties>), or"
                        + " remove the element",
                "table 'horarios', <readCapacity>: '${undefined.rcu}' is an expression Maven could not resolve:"
                        + " define the property undefined.rcu (-Dundefined.rcu=... or in <properties>), or remove the"
                        + " element",
                "table 'horarios', <streamViewType>: 'NEW_${undefined.view}' holds ${undefined.view}, which Maven"
                        + " could not resolve: define the property undefined.view (-Dundefined.view=... or in"
                        + " <properties>), or remove the element",
                "table 'horarios', <tags><Owner>: 'team-${undefined.team}' holds ${undefined.team}, which Maven"
                        + " could not resolve: define the property undefined.team (-Dundefined.team=... or in"
                        + " <properties>), or remove the element",
                "table 'horarios', <globalSecondaryIndex> 'by-status' <partitionKey>: '${undefined.gsiKey}' is an"
                        + " expression Maven could not resolve: define the property undefined.gsiKey"
                        + " (-Dundefined.gsiKey=... or in <properties>), or remove the element",
                "table 'horarios', <globalSecondaryIndex> 'by-status' <nonKeyAttributes>: '${undefined.attr}' is an"
                        + " expression Maven could not resolve: define the property undefined.attr"
                        + " (-Dundefined.attr=... or in <properties>), or remove the element");
        // what the declaration's own checks find about the same elements is not repeated: no missing partition
        // key or capacity, no unknown stream view type, no empty or unresolved tag, no invalid table name (the
        // unresolved prefix is left out of the names), no INCLUDE projection without attributes
    }

    @Test
    void whatMavenWritesForALeftOutParameterAndWhatResolvesIsNotAProblem() throws Exception {
        UnresolvedExpressions unresolved = find("""
                <region>${dynamo-setup.region}</region>
                <tableNamePrefix>  ${dynamo-setup.tableNamePrefix} </tableNamePrefix>
                <reportDirectory>${session.executionRootDirectory}/reports</reportDirectory>
                <profile>price-$${not.an.expression}</profile>
                <tableFiles><tableFile>tables/*.json</tableFile></tableFiles>
                """);

        assertThat(unresolved.withPluginProblems(List.of())).isEmpty();
    }

    @Test
    void anExpressionThatResolvesToNothingIsAProblemToo() throws Exception {
        UnresolvedExpressions unresolved = find("""
                <tableNameSuffix>-${blank.at.runtime}</tableNameSuffix>
                <allowedAccountIds><allowedAccountId>1</allowedAccountId><allowedAccountId>${a}</allowedAccountId></allowedAccountIds>
                <tableFiles><tableFile>${undefined.dir}/${env.NOT_SET}.json</tableFile></tableFiles>
                <tables>${undefined.tables}</tables>
                """);

        assertThat(unresolved.withPluginProblems(List.of())).extracting(ConfigurationProblem::toString).containsExactly(
                "plugin configuration, <tableNameSuffix>: '-${blank.at.runtime}' holds ${blank.at.runtime}, which"
                        + " resolves to nothing: give it a value, or remove the element",
                "plugin configuration, <allowedAccountIds><allowedAccountId>[2]: '${a}' is an expression Maven could"
                        + " not resolve: define the property a (-Da=... or in <properties>), or remove the element",
                "plugin configuration, <tableFiles><tableFile>: '${undefined.dir}/${env.NOT_SET}.json' holds"
                        + " ${undefined.dir} and ${env.NOT_SET}, which Maven could not resolve: define the property"
                        + " undefined.dir (-Dundefined.dir=... or in <properties>) and set the environment variable"
                        + " NOT_SET (export NOT_SET=...), or remove the element",
                "plugin configuration, <tables>: '${undefined.tables}' is an expression Maven could not resolve:"
                        + " define the property undefined.tables (-Dundefined.tables=... or in <properties>), or"
                        + " remove the element");
    }

    @Test
    void otherProblemsOfAnUnresolvedParameterGiveWayToIt() throws Exception {
        UnresolvedExpressions unresolved = find("<endpoint>http://${undefined.host}:8000</endpoint>");

        List<ConfigurationProblem> problems = unresolved.withPluginProblems(List.of(
                PluginParameter.ENDPOINT.problem("not an URL"),
                PluginParameter.TIMEOUT.problem("not a duration")));

        assertThat(problems).extracting(ConfigurationProblem::element).containsExactly("<endpoint>", "<timeout>");
        assertThat(problems.get(0).message()).startsWith("'http://${undefined.host}:8000' holds ${undefined.host}");
    }

    @Test
    void anIamPolicyVariableInAPolicyInThePomIsToEscapeOrToMoveToAFile() throws Exception {
        UnresolvedExpressions unresolved = find("""
                <tables>
                  <table>
                    <name>orders</name>
                    <partitionKey>id</partitionKey>
                    <resourcePolicy><![CDATA[{"Statement": {"Effect": "Allow", "Principal": "*",
                      "Action": "dynamodb:GetItem", "Resource": "*",
                      "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:username}"]}}}}]]></resourcePolicy>
                  </table>
                  <table>
                    <name>users</name>
                    <partitionKey>id</partitionKey>
                    <resourcePolicy>{"Statement": {"Condition": {"StringEquals": {"k": "$${aws:username}"}}}}</resourcePolicy>
                  </table>
                </tables>
                """);
        PomTable orders = table("orders", "id");
        orders.resourcePolicy = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\":"
                + " \"dynamodb:GetItem\", \"Resource\": \"*\", \"Condition\": {\"ForAllValues:StringEquals\":"
                + " {\"dynamodb:LeadingKeys\": [\"${aws:username}\"]}}}}";
        // escaped, Maven hands over ${aws:username}, the policy variable
        PomTable users = table("users", "id");
        users.resourcePolicy = "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"k\": \"${aws:username}\"}}}}";

        List<ConfigurationProblem> problems = problems(unresolved, List.of(orders, users), Map.of(), null);

        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "table 'orders', <resourcePolicy>: the policy holds ${aws:username}, which Maven could not resolve:"
                        + " for an IAM policy variable write $${...} (Maven then hands ${...} over), or put the policy"
                        + " in <resourcePolicyFile>, which Maven does not read; for a property, define it");
    }
}
