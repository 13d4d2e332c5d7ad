package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which way requests go, decided without the network. */
class ProxyRouteTest {

    private static final URI AWS = URI.create("https://dynamodb.eu-west-1.amazonaws.com");
    private static final UnaryOperator<String> NO_PROPERTIES = name -> null;

    private static ConnectionSettings.Proxy proxy(String id, String protocol, String nonProxyHosts) {
        return new ConnectionSettings.Proxy(id, protocol, id + ".corp.example", 3128, null, null, nonProxyHosts);
    }

    private static ProxyRoute route(URI target, List<ConnectionSettings.Proxy> proxies) {
        return ProxyRoute.to(target, proxies, NO_PROPERTIES, Map.of());
    }

    @Test
    void httpsTakesTheHttpsProxyElseTheHttpOneAsMavenDoes() {
        assertThat(route(AWS, List.of(proxy("plain", "http", null), proxy("secure", "https", null))).describe())
                .isEqualTo(" through the proxy secure.corp.example:3128 (check settings.xml <proxy> id 'secure')");
        assertThat(route(AWS, List.of(proxy("plain", "http", null))).describe())
                .isEqualTo(" through the proxy plain.corp.example:3128 (check settings.xml <proxy> id 'plain')");
        assertThat(route(URI.create("http://dynamodb.test.invalid:8000"), List.of(proxy("secure", "https", null)))
                .kind()).isEqualTo(ProxyRoute.Kind.DIRECT);
    }

    @Test
    void nonProxyHostsAreMavensWildcardsSeparatedByBars() {
        assertThat(ProxyRoute.matchesMavenNonProxyHosts("*.amazonaws.com|localhost", AWS.getHost())).isTrue();
        assertThat(ProxyRoute.matchesMavenNonProxyHosts("dynamodb.*", AWS.getHost())).isTrue();
        assertThat(ProxyRoute.matchesMavenNonProxyHosts("DYNAMODB.EU-WEST-1.AMAZONAWS.COM", AWS.getHost())).isTrue();
        assertThat(ProxyRoute.matchesMavenNonProxyHosts("amazonaws.com|dynamodbXeu-west-1", AWS.getHost())).isFalse();
        assertThat(route(AWS, List.of(proxy("corp", "http", "*.amazonaws.com"))).kind())
                .isEqualTo(ProxyRoute.Kind.DIRECT);
        assertThat(route(AWS, List.of(proxy("first", "https", "*.amazonaws.com"), proxy("second", "https", null)))
                .describe()).contains("id 'second'");
    }

    @Test
    void aLoopbackEndpointIsAlwaysDirect() {
        for (String endpoint : List.of("http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000")) {
            ProxyRoute route = ProxyRoute.to(URI.create(endpoint), List.of(proxy("corp", "http", null)),
                    name -> name.endsWith("proxyHost") ? "proxy.corp.example" : null,
                    Map.of("HTTP_PROXY", "http://proxy.corp.example:3128"));
            assertThat(route.kind()).as(endpoint).isEqualTo(ProxyRoute.Kind.DIRECT);
            assertThat(route.describe()).isEmpty();
        }
    }

    @Test
    void withoutSettingsProxiesTheJvmPropertiesThenTheEnvironmentAreNamed() {
        UnaryOperator<String> properties = name -> switch (name) {
            case "https.proxyHost" -> "jvm.corp.example";
            case "https.proxyPort" -> "8080";
            default -> null;
        };
        assertThat(ProxyRoute.to(AWS, List.of(), properties, Map.of()).describe())
                .isEqualTo(" through the proxy jvm.corp.example:8080 (check the system property https.proxyHost)");
        ProxyRoute fromEnvironment = ProxyRoute.to(AWS, List.of(), NO_PROPERTIES,
                Map.of("HTTPS_PROXY", "http://user:pa55word@env.corp.example:3128"));
        assertThat(fromEnvironment.describe())
                .isEqualTo(" through the proxy env.corp.example:3128 (check the environment variable HTTPS_PROXY)");
        assertThat(ProxyRoute.to(AWS, List.of(), NO_PROPERTIES, Map.of("HTTPS_PROXY", "env.corp.example:3128",
                "NO_PROXY", "localhost,*.amazonaws.com")).describe()).isEmpty();
        assertThat(ProxyRoute.to(AWS, List.of(), NO_PROPERTIES, Map.of()).describe()).isEmpty();
    }

    @Test
    void aProxyPasswordNeverShows() {
        var secret = new ConnectionSettings.Proxy("corp", "http", "proxy", 3128, "me", "pa55word", null);
        assertThat(secret.toString()).doesNotContain("pa55word");
        assertThat(Endpoints.display(URI.create("http://me:pa55word@dynamodb.test.invalid:8000")))
                .isEqualTo("http://***@dynamodb.test.invalid:8000");
    }
}
