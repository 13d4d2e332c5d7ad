package io.github.dynamosetup.maven;

import static io.github.dynamosetup.maven.PomBeans.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.MavenSettings;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code <templates>} through maven-plugin-testing-harness against the test server: a SAM template's tables
 * created beside those of {@code <tables>}, named by the stack and the parameters given in the POM, exported and
 * seeded under their logical IDs; a table declared twice, and a template's problems with the POM's, in one failure
 * before any AWS call.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class TemplatesMojoTest {

    private static final String POM = "src/test/resources/unit/templates/pom.xml";
    private static final String TEMPLATE = "src/test/resources/unit/templates/template.yaml";

    @Inject
    private MavenSession session;

    @Inject
    private MojoExecution mojoExecution;

    @Inject
    private MavenProject project;

    private final RecordingLog log = new RecordingLog();
    private DynamoDbClient server;
    private AwsBehaviour layer;

    @BeforeEach
    void pointAtTheLayerInFrontOfTheTestServer(TestServer testServer, DynamoDbClient server) {
        MojoHarness.asInABuild(session, project, mojoExecution);
        layer = AwsBehaviour.inFrontOf(testServer.endpoint()).batchWrites();
        session.getUserProperties().setProperty("dynamo-setup.endpoint", layer.endpoint().toString());
        this.server = server;
        when(session.getSettings()).thenReturn(MavenSettings.withServerCredentials());
    }

    @AfterEach
    void closeTheLayer() {
        layer.close();
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void createsTheTemplatesTablesBesideThePomsAndExportsThemByLogicalId(CreateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.listTables().tableNames()).containsExactlyInAnyOrder("it-audit", "it-shop-test-orders",
                "it-Sessions");
        TableSnapshot orders = TableSnapshot.read(server, "it-shop-test-orders");
        assertThat(orders.partitionKey()).isEqualTo("id:S");
        assertThat(orders.billingMode()).isEqualTo("PAY_PER_REQUEST");
        assertThat(orders.tags()).containsEntry("Stage", "test").containsEntry("Owner", "shop");
        assertThat(orders.tags().get("Account")).startsWith(TemplateFiles.LOCAL_ACCOUNT_ID + " in ");
        TableSnapshot sessions = TableSnapshot.read(server, "it-Sessions");
        assertThat(sessions.partitionKey()).isEqualTo("id:S");
        assertThat(sessions.billingMode()).isEqualTo("PAY_PER_REQUEST");
        assertThat(project.getProperties()).containsEntry("dynamo-setup.table.OrdersTable.name", "it-shop-test-orders")
                .containsEntry("dynamo-setup.table.Sessions.name", "it-Sessions")
                .containsEntry("dynamo-setup.table.audit.name", "it-audit");
    }

    @Test
    @InjectMojo(goal = "seed", pom = POM)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/templates-seed")
    void itemFilesNameTemplateTablesByTheirLogicalIds(SeedMojo mojo) throws Exception {
        server.createTable(b -> b.tableName("it-shop-test-orders").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        server.createTable(b -> b.tableName("it-Sessions").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        server.createTable(b -> b.tableName("it-audit").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.getItem(b -> b.tableName("it-shop-test-orders")
                .key(Map.of("id", AttributeValue.fromS("o-1")))).item()).containsEntry("total", AttributeValue.fromN("12"));
        assertThat(server.getItem(b -> b.tableName("it-Sessions")
                .key(Map.of("id", AttributeValue.fromS("s-1")))).hasItem()).isTrue();
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void aTableOfATemplateThatThePomDeclaresTooIsRefusedNamingBothPlaces(CreateMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "tables", new ArrayList<>(List.of(table("Sessions", "id:S"))));
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("table 'it-Sessions' (" + TEMPLATE + ", resource Sessions),"
                        + " Resources.Sessions.Properties.TableName: declared twice, at <tables> #1 and at resource"
                        + " Sessions of template " + TEMPLATE);
        assertThat(layer.calls()).isZero();
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void aPomTableNamedAsATemplateTablesLogicalIdIsRefusedAsTheirExportsWouldClash(CreateMojo mojo)
            throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "tables", new ArrayList<>(List.of(table("OrdersTable", "id:S"))));
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("table 'it-shop-test-orders' (" + TEMPLATE + ", resource OrdersTable),"
                        + " Resources.OrdersTable.Properties.TableName: is known to the build as 'OrdersTable' (in"
                        + " exported properties dynamo-setup.table.OrdersTable.* and in item files), as is table"
                        + " 'it-OrdersTable' at <tables> #1");
        assertThat(layer.calls()).isZero();
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void aTemplatesProblemsComeWithThePomsInOneFailureBeforeAnyAwsCall(CreateMojo mojo) throws Exception {
        PomTemplate template = new PomTemplate();
        template.file = TEMPLATE;
        template.parameters = new LinkedHashMap<>();
        MojoExtension.setVariableValueToObject(mojo, "templates", new ArrayList<>(List.of(template)));
        MojoExtension.setVariableValueToObject(mojo, "tables", new ArrayList<>(List.of(table("audit", "id:X"))));
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (2 problems); no AWS call was made:")
                .hasMessageContaining("\n  - table 'it-audit', <partitionKey>: 'id:X' has the key type 'X'")
                // without <stackName>, the stack is named after the artifactId
                .hasMessageContaining("\n  - table 'it-module-a-orders' (" + TEMPLATE + ", resource OrdersTable),"
                        + " Resources.OrdersTable.Properties.Tags[0].Value: Parameter Stage has no value: the template"
                        + " gives it no Default. Give it in the template's <parameters><Stage>value</Stage></parameters>.");
        assertThat(layer.calls()).isZero();
    }
}
