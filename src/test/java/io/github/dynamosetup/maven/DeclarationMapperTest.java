package io.github.dynamosetup.maven;

import static io.github.dynamosetup.maven.PomBeans.gsi;
import static io.github.dynamosetup.maven.PomBeans.noneUnresolved;
import static io.github.dynamosetup.maven.PomBeans.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.ResourcePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationMapperTest {

    private static Declaration map(List<PomTable> tables, Map<String, String> globalTags, String prefix, String suffix,
            List<ConfigurationProblem> extraProblems) throws InvalidDeclarationException {
        return DeclarationMapper.map(new DeclarationMapper.Configuration(tables, List.of(), List.of(), Path.of("."),
                globalTags, prefix, suffix, noneUnresolved()), extraProblems);
    }

    @Test
    void mapsEveryElementOfATable() throws Exception {
        PomTable orders = table("orders", "customer_id");
        orders.sortKey = "created_at:N";
        orders.billingMode = "provisioned";
        orders.readCapacity = 5L;
        orders.writeCapacity = 3L;
        orders.timeToLiveAttribute = " expires ";
        PomGlobalSecondaryIndex byStatus = gsi("by-status", "status:S");
        byStatus.projection = "INCLUDE";
        byStatus.nonKeyAttributes = List.of("total", " ");
        byStatus.readCapacity = 1L;
        byStatus.writeCapacity = 1L;
        orders.globalSecondaryIndexes = List.of(byStatus);

        DeclaredTable declared = map(List.of(orders), Map.of(), null, null, List.of()).tables().get(0);

        assertThat(declared.partitionKey()).isEqualTo(new KeyAttribute("customer_id", AttributeType.S));
        assertThat(declared.sortKey()).isEqualTo(new KeyAttribute("created_at", AttributeType.N));
        assertThat(declared.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(declared.capacity()).isEqualTo(new Capacity(5L, 3L));
        assertThat(declared.timeToLiveAttribute()).isEqualTo("expires");
        assertThat(declared.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.projection()).isEqualTo(IndexProjection.INCLUDE);
            assertThat(index.nonKeyAttributes()).containsExactly("total");
            assertThat(index.capacity()).isEqualTo(new Capacity(1L, 1L));
        });
    }

    @Test
    void aResourcePolicyIsTakenAsWrittenInlineOrFromItsFile(@TempDir Path project) throws Exception {
        String policy = "{\n  \"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"dynamodb:GetItem\",\n"
                + "    \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"dynamodb:LeadingKeys\": \"${aws:username}\"}}}\n}\n";
        Files.createDirectories(project.resolve("policies"));
        // a byte order mark, as some editors write one, is no part of the policy
        Files.writeString(project.resolve("policies/users.json"), "\uFEFF" + policy);
        PomTable orders = table("orders", "id");
        orders.resourcePolicy = policy;
        PomTable users = table("users", "id");
        users.resourcePolicyFile = " policies/users.json ";

        List<DeclaredTable> declared = DeclarationMapper.map(new DeclarationMapper.Configuration(List.of(orders, users),
                List.of(), List.of(), project, Map.of(), null, null, noneUnresolved()), List.of()).tables();

        assertThat(declared.get(0).resourcePolicy()).isEqualTo(ResourcePolicy.inline(policy));
        assertThat(declared.get(1).resourcePolicy()).isEqualTo(new ResourcePolicy(policy, "policies/users.json"));
    }

    @Test
    void defaultsArePayPerRequestAndProjectionAll() throws Exception {
        PomTable sessions = table("user_sessions", "user_id");
        sessions.globalSecondaryIndexes = List.of(gsi("by-user", "user_id"));

        DeclaredTable declared = map(List.of(sessions), null, null, null, List.of()).tables().get(0);

        assertThat(declared.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(declared.globalSecondaryIndexes().get(0).projection()).isEqualTo(IndexProjection.ALL);
        assertThat(declared.tags()).isEmpty();
    }

    @Test
    void tableTagsAddToAndOverrideGlobalTags() throws Exception {
        PomTable doctores = table("doctores", "doctor_id");
        doctores.tags = Map.of("Environment", "prod", "Team", "agenda");

        Declaration declaration = map(List.of(doctores, table("user_sessions", "user_id")),
                Map.of("Application", "HealthAssistantAPI", "Environment", "dev"), null, null, List.of());

        assertThat(declaration.tables().get(0).tags())
                .containsExactly(Map.entry("Application", "HealthAssistantAPI"), Map.entry("Environment", "prod"),
                        Map.entry("Team", "agenda"));
        assertThat(declaration.tables().get(1).tags())
                .containsExactly(Map.entry("Application", "HealthAssistantAPI"), Map.entry("Environment", "dev"));
    }

    @Test
    void prefixAndSuffixMakeTheTableName() throws Exception {
        Declaration declaration = map(List.of(table(" doctores ", "doctor_id")), Map.of(), "dev-",
                "-v2", List.of());

        assertThat(declaration.tables().get(0).name()).isEqualTo("dev-doctores-v2");
    }

    @Test
    void aBadGlobalTagIsReportedOnceAndNotWhereATableOverridesIt() {
        Map<String, String> globalTags = new LinkedHashMap<>();
        globalTags.put("Environment", null);
        PomTable overriding = table("doctores", "doctor_id");
        overriding.tags = Map.of("Environment", "prod");

        assertThatThrownBy(() -> map(List.of(overriding, table("user_sessions", "user_id")),
                globalTags, null, null, List.of()))
                .isInstanceOf(InvalidDeclarationException.class)
                .satisfies(e -> assertThat(((InvalidDeclarationException) e).problems())
                        .singleElement().asString()
                        .startsWith("plugin configuration, <tags><Environment>: the tag value is empty"));
    }

    /**
     * A tag value that still holds {@code ${...}} is an expression Maven left as it was, named as such rather
     * than as characters DynamoDB refuses (an expression Maven reports too is left to {@link
     * UnresolvedExpressions}).
     */
    @Test
    void aTagValueStillHoldingAnExpressionIsReportedAsUnresolved() {
        PomTable doctores = table("doctores", "doctor_id");
        doctores.tags = Map.of("Owner", "${env.OWNER}");

        assertThatThrownBy(() -> map(List.of(doctores), Map.of("Environment", "${env.ENVIRONMENT}"), null, null,
                List.of()))
                .isInstanceOf(InvalidDeclarationException.class)
                .satisfies(e -> assertThat(((InvalidDeclarationException) e).problems())
                        .extracting(ConfigurationProblem::toString).containsExactly(
                                "plugin configuration, <tags><Environment>: the tag value '${env.ENVIRONMENT}' holds"
                                        + " an unresolved Maven expression; define the property or environment"
                                        + " variable it names (e.g. export ENVIRONMENT=dev for ${env.ENVIRONMENT}), or"
                                        + " remove the tag",
                                "table 'doctores', <tags><Owner>: the tag value '${env.OWNER}' holds an unresolved"
                                        + " Maven expression; define the property or environment variable it names"
                                        + " (e.g. export ENVIRONMENT=dev for ${env.ENVIRONMENT}), or remove the tag"));
    }

    @Test
    void aKeyThatCannotBeReadIsReportedOnceNotAlsoAsMissing() {
        assertThatThrownBy(() -> map(List.of(table("doctores", "doctor_id:X")), Map.of(), null, null,
                List.of()))
                .isInstanceOf(InvalidDeclarationException.class)
                .satisfies(e -> assertThat(((InvalidDeclarationException) e).problems())
                        .singleElement().asString()
                        .startsWith("table 'doctores', <partitionKey>: 'doctor_id:X' has the key type 'X'"));
    }

    /**
     * The rules run once over the POM's tables and the files' together: a file's table that breaks a rule,
     * and that the POM declares too, is reported once for each, not by the reader and again by the
     * declaration.
     */
    @Test
    void eachRuleATableFileBreaksIsReportedOnceWithTheNameThePomDeclaresToo(@TempDir Path project) throws Exception {
        Path file = Files.writeString(project.resolve("orders.json"), """
                {
                  "TableName": "orders",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "BillingMode": "PAY_PER_REQUEST",
                  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
                }
                """);

        List<ConfigurationProblem> problems = catchThrowableOfType(InvalidDeclarationException.class,
                () -> DeclarationMapper.map(new DeclarationMapper.Configuration(List.of(table("orders", "id")),
                        List.of(file), List.of(), project, Map.of(), null, null, noneUnresolved()), List.of()))
                        .problems();

        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "table 'orders' (orders.json), $.TableName: declared twice, at <tables> #1 and at file orders.json;"
                        + " remove one or give them different names",
                "table 'orders' (orders.json), $.ProvisionedThroughput: read/write capacity is only for PROVISIONED"
                        + " billing; remove it or set the billing mode to PROVISIONED");
    }
}
