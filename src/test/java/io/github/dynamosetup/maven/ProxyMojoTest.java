package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.ForwardProxy;
import io.github.dynamosetup.testing.MavenSettings;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The plugin's traffic through a proxy, as on a machine whose only way out is a corporate proxy: the endpoint
 * is a host that cannot resolve ({@code dynamodb.test.invalid}), reachable only through a forward proxy on
 * loopback that hands every request to the test server.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class ProxyMojoTest {

    private static final String POM = "src/test/resources/unit/server-credentials/pom.xml";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    private final RecordingLog log = new RecordingLog();
    private final Settings settings = MavenSettings.withServerCredentials();
    private TestServer testServer;
    private DynamoDbClient server;
    private ForwardProxy proxy;
    private String unresolvableEndpoint;

    @BeforeEach
    void behindAProxy(TestServer testServer, DynamoDbClient server) {
        MojoHarness.asInABuild(session, project, mojoExecution);
        this.testServer = testServer;
        this.server = server;
        proxy = ForwardProxy.to(testServer.endpoint());
        unresolvableEndpoint = "http://dynamodb.test.invalid:" + testServer.endpoint().getPort();
        session.getUserProperties().setProperty("dynamo-setup.endpoint", unresolvableEndpoint);
        when(session.getSettings()).thenReturn(settings);
    }

    @AfterEach
    void close() {
        proxy.close();
    }

    private static Proxy proxy(String id, String protocol, String host, int port) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(port);
        return proxy;
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    @MojoParameter(name = "allowedAccountIds", value = "123456789012")
    void theSettingsProxyCarriesEveryCallWithItsCredentials(CreateMojo mojo) throws Exception {
        Proxy corp = proxy("corp", "http", proxy.host(), proxy.port());
        corp.setUsername("proxy-user");
        corp.setPassword("proxy-password-NEVER-LOGGED");
        settings.addProxy(corp);
        // STS is not asked at a DynamoDB endpoint on another machine: the AWS setting names where it is
        CreateMojo withStsEndpoint = Mockito.spy(mojo);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("AWS_ENDPOINT_URL_STS", unresolvableEndpoint);
        Mockito.doReturn(environment).when(withStsEndpoint).environment();
        withStsEndpoint.setLog(log);

        withStsEndpoint.execute();

        assertThat(server.listTables().tableNames()).containsExactly("user_sessions");
        assertThat(proxy.seen()).isNotEmpty().allSatisfy(seen -> {
            assertThat(seen.uri().toString()).startsWith(unresolvableEndpoint);
            assertThat(seen.proxyAuthorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("proxy-user:proxy-password-NEVER-LOGGED".getBytes(StandardCharsets.UTF_8)));
        });
        // both clients went through it: STS for the account check, then DynamoDB
        assertThat(proxy.seen()).anyMatch(seen -> seen.body().contains("Action=GetCallerIdentity"));
        assertThat(proxy.seen()).anyMatch(seen -> seen.body().contains("\"TableName\":\"user_sessions\""));
        assertThat(log.lines()).anyMatch(l -> l.contains("create: 1 table in region us-east-1 at " + unresolvableEndpoint
                + " through the proxy 127.0.0.1:" + proxy.port() + " (check settings.xml <proxy> id 'corp')"));
        assertThat(log.lines()).noneMatch(l -> l.contains("NEVER-LOGGED"));
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    @MojoParameter(name = "timeout", value = "PT5S")
    void nonProxyHostsAndInactiveProxiesAreSkippedAsInMaven(CreateMojo mojo) throws Exception {
        Proxy inactive = proxy("inactive", "http", "127.0.0.1", deadPort());
        inactive.setActive(false);
        Proxy excluding = proxy("excluding", "http", "127.0.0.1", deadPort());
        excluding.setNonProxyHosts("localhost|*.TEST.invalid");
        Proxy otherProtocol = proxy("https-only", "https", "127.0.0.1", deadPort());
        settings.addProxy(inactive);
        settings.addProxy(excluding);
        settings.addProxy(otherProtocol);
        settings.addProxy(proxy("corp", "http", proxy.host(), proxy.port()));

        mojo.execute();

        assertThat(server.listTables().tableNames()).containsExactly("user_sessions");
        assertThat(proxy.seen()).isNotEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    @MojoParameter(name = "timeout", value = "PT5S")
    void aDeadProxyIsNamedInTheBuildError(CreateMojo mojo) throws Exception {
        int dead = deadPort();
        settings.addProxy(proxy("corp", "http", "127.0.0.1", dead));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("SdkClientException from DescribeTable on table 'user_sessions': ")
                .hasMessageContaining("DynamoDB could not be reached in region us-east-1 at " + unresolvableEndpoint
                        + " through the proxy 127.0.0.1:" + dead + " (check settings.xml <proxy> id 'corp')");
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void aLoopbackEndpointNeverGoesThroughAProxy(CreateMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "endpoint", testServer.endpoint().toString());
        settings.addProxy(proxy("corp", "http", proxy.host(), proxy.port()));
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] before = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = System.getProperty(keys[i]);
        }
        System.setProperty("http.proxyHost", proxy.host());
        System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
        System.setProperty("http.nonProxyHosts", "none.test.invalid"); // the JDK's own default spares localhost
        try {
            mojo.execute();
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], before[i]);
                }
            }
        }

        assertThat(server.listTables().tableNames()).containsExactly("user_sessions");
        assertThat(proxy.seen()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void theJvmProxyPropertiesStillWorkWithoutASettingsProxy(CreateMojo mojo) throws Exception {
        String host = System.getProperty("http.proxyHost");
        String port = System.getProperty("http.proxyPort");
        System.setProperty("http.proxyHost", proxy.host());
        System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
        mojo.setLog(log);
        try {
            mojo.execute();
        } finally {
            restore("http.proxyHost", host);
            restore("http.proxyPort", port);
        }

        assertThat(server.listTables().tableNames()).containsExactly("user_sessions");
        assertThat(proxy.seen()).isNotEmpty()
                .allSatisfy(seen -> assertThat(seen.uri().toString()).startsWith(unresolvableEndpoint));
        assertThat(log.lines()).anyMatch(l -> l.contains(" through the proxy 127.0.0.1:" + proxy.port()
                + " (check the system property http.proxyHost)"));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
