package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.testing.ChildProcess;
import io.github.dynamosetup.testing.ForwardProxy;
import io.github.dynamosetup.testing.TunnelTlsProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.AttributeMap;

/** An https endpoint behind a settings.xml proxy that asks for a password: the tunnel carries the credentials. */
class ProxyTunnelTest {

    @Test
    void anHttpsEndpointIsAskedForWithConnect() throws Exception {
        assertThat(firstRequestToTheProxy().method()).isEqualTo("CONNECT");
        assertThat(firstRequestToTheProxy().uri().toString()).isEqualTo("dynamodb.test.invalid:443");
    }

    @Test
    void theConnectCarriesTheProxyCredentials() throws Exception {
        assertThat(firstRequestToTheProxy().proxyAuthorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("me:pa55word".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * End to end, in a JVM of its own that trusts a certificate made here for {@code dynamodb.test.invalid}:
     * TLS runs through the tunnel the proxy opened once it had the credentials.
     */
    @Test
    void anHttpsCallGoesThroughAProxyThatAsksForAPassword(@TempDir Path directory) throws Exception {
        Path keyStore = directory.resolve("tls.p12");
        String bin = Path.of(System.getProperty("java.home"), "bin").toString();
        try (ChildProcess keytool = ChildProcess.start("keytool", new ProcessBuilder(
                Path.of(bin, "keytool").toString(), "-genkeypair", "-alias", "tls",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "1", "-dname", "CN=dynamodb.test.invalid",
                "-ext", "SAN=dns:dynamodb.test.invalid", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit"))) {
            ChildProcess.Exit made = keytool.awaitExit(Duration.ofMinutes(1));
            assertThat(made.code()).as(made.output()).isZero();
        }
        try (ChildProcess call = ChildProcess.java("the https call through the proxy", TunnelTlsProcess.class,
                keyStore.toString())) {
            ChildProcess.Exit exit = call.awaitExit(Duration.ofMinutes(2));

            assertThat(exit.output()).contains("proxy saw CONNECT dynamodb.test.invalid:", "with the credentials",
                    "server answered [through-the-tunnel]");
            assertThat(exit.code()).as(exit.output()).isZero();
        }
    }

    private static ForwardProxy.Seen firstRequestToTheProxy() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.to(URI.create("http://127.0.0.1:9"))) {
            URI target = URI.create("https://dynamodb.test.invalid");
            ProxyRoute route = ProxyRoute.to(target, List.of(new ConnectionSettings.Proxy("corp", "http", proxy.host(),
                    proxy.port(), "me", "pa55word", null)), name -> null, Map.of());
            try (SdkHttpClient client = route.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .buildWithDefaults(AttributeMap.empty())) {
                SdkHttpRequest request = SdkHttpRequest.builder().uri(target).method(SdkHttpMethod.GET).build();
                assertThatThrownBy(() -> client.prepareRequest(HttpExecuteRequest.builder().request(request).build())
                        .call()).isNotNull();
            }
            assertThat(proxy.seen()).isNotEmpty();
            return proxy.seen().get(0);
        }
    }
}
