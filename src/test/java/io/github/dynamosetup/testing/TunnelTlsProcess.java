package io.github.dynamosetup.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.ProxyRoute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An https call through a proxy that asks for a password, as its own JVM (whose default TLS trust is the
 * test's certificate, set before anything uses TLS): a TLS server on loopback for the host
 * {@code dynamodb.test.invalid}, a CONNECT proxy on loopback that wants {@code me:pa55word}, and a DynamoDB
 * client on the plugin's route. Prints what the proxy saw and what the server answered.
 *
 * <p>Argument: a PKCS12 key store (password {@code changeit}) with the server's key and certificate.
 */
public final class TunnelTlsProcess {

    private TunnelTlsProcess() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("javax.net.ssl.keyStore", args[0]);
        System.setProperty("javax.net.ssl.keyStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStore", args[0]);
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(SSLContext.getDefault()));
        tls.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"TableNames\":[\"through-the-tunnel\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tls.start();
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread proxying = new Thread(() -> tunnel(proxy, tls.getAddress().getPort()), "connect-proxy");
            proxying.setDaemon(true);
            proxying.start();
            URI target = URI.create("https://dynamodb.test.invalid:" + tls.getAddress().getPort());
            ProxyRoute route = ProxyRoute.to(target, List.of(new ConnectionSettings.Proxy("corp", "http", "127.0.0.1",
                    proxy.getLocalPort(), "me", "pa55word", null)), name -> null, Map.of());
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(target).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .httpClientBuilder(route.httpClient(Duration.ofSeconds(10), Duration.ofSeconds(10))).build()) {
                System.out.println("server answered " + client.listTables().tableNames());
            }
        } finally {
            tls.stop(0);
        }
    }

    /** Answers one CONNECT: 407 without the expected credentials, else a tunnel to the TLS server. */
    private static void tunnel(ServerSocket proxy, int tlsPort) {
        try (Socket client = proxy.accept()) {
            String head = head(client.getInputStream());
            String expected = "Proxy-Authorization: Basic "
                    + Base64.getEncoder().encodeToString("me:pa55word".getBytes(StandardCharsets.UTF_8));
            System.out.println("proxy saw " + head.lines().findFirst().orElse("")
                    + (head.lines().anyMatch(expected::equalsIgnoreCase) ? " with the credentials" : " without"));
            if (!head.lines().anyMatch(expected::equalsIgnoreCase)) {
                client.getOutputStream().write("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), tlsPort)) {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                Thread back = new Thread(() -> copy(server, client));
                back.setDaemon(true);
                back.start();
                copy(client, server);
                back.join(10_000);
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("proxy failed: " + e);
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed: the call is over
        }
    }
}
