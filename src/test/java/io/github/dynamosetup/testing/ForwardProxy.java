package io.github.dynamosetup.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP forward proxy on loopback, as a corporate proxy is to the plugin: it takes requests in
 * absolute form ({@code POST http://dynamodb.test.invalid:8000/ HTTP/1.1}), remembers them, and forwards
 * each to the test server, whatever host the request names: so a host that cannot resolve
 * ({@code *.invalid}) is reachable only through it. No https tunnelling (CONNECT).
 */
public final class ForwardProxy implements AutoCloseable {

    /** One request the proxy carried: its absolute URI, its Proxy-Authorization header, and its body. */
    public record Seen(String method, URI uri, String proxyAuthorization, String body) {}

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "proxy-connection", "proxy-authorization", "keep-alive", "transfer-encoding");

    private final ServerSocket server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Path journal;

    private ForwardProxy(ServerSocket server, URI target, Path journal) {
        this.server = server;
        this.target = target;
        this.journal = journal;
    }

    /** A proxy forwarding to {@code target} (the test server), on a free loopback port. */
    public static ForwardProxy to(URI target) {
        return to(target, 0, null);
    }

    /**
     * A proxy forwarding to {@code target} on a given loopback port, which also writes one line per request
     * to {@code journal} (when not null) for another process to read: {@code METHOD URI user=NAME ACTION}, the
     * user being the one of the Proxy-Authorization header (never its password) and the action the request's
     * X-Amz-Target or Action.
     */
    public static ForwardProxy to(URI target, int port, Path journal) {
        try {
            ForwardProxy proxy = new ForwardProxy(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), target,
                    journal);
            proxy.threads.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the forward proxy", e);
        }
    }

    /** Writes every request from now on to {@code journal} as well. */
    public void journal(Path journal) {
        this.journal = journal;
    }

    /** The user name of a Basic Proxy-Authorization header, or {@code -}. */
    private static String user(String proxyAuthorization) {
        if (proxyAuthorization == null || !proxyAuthorization.startsWith("Basic ")) {
            return "-";
        }
        String pair = new String(Base64.getDecoder().decode(proxyAuthorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        return pair.substring(0, Math.max(0, pair.indexOf(':')));
    }

    private synchronized void record(Seen request, Map<String, String> headers) {
        seen.add(request);
        Path journal = this.journal;
        if (journal == null) {
            return;
        }
        String action = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("X-Amz-Target"))
                .map(Map.Entry::getValue).findFirst()
                .orElse(request.body().startsWith("Action=") ? request.body().split("&")[0] : "-");
        try {
            Files.writeString(journal, request.method() + " " + request.uri() + " user=" + user(request.proxyAuthorization())
                    + " " + action + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request carried so far. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One request per connection, answered with Connection: close. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            String length = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                    .map(Map.Entry::getValue).findFirst().orElse("0");
            byte[] body = in.readNBytes(Integer.parseInt(length));
            String authorization = headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Proxy-Authorization")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            URI requested = URI.create(parts[1]);
            record(new Seen(parts[0], requested, authorization, new String(body, StandardCharsets.UTF_8)), headers);
            OutputStream out = socket.getOutputStream();
            if (requested.getHost() == null) {
                // origin form: not a request to a proxy
                respond(out, 400, Map.of(), new byte[0]);
                return;
            }
            String path = requested.getRawPath() == null || requested.getRawPath().isEmpty() ? "/" : requested.getRawPath();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path
                    + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery())))
                    .method(parts[0], HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    request.header(name, value);
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    answerHeaders.put(name, String.join(", ", values));
                }
            });
            respond(out, response.statusCode(), answerHeaders, response.body());
        } catch (IOException | RuntimeException e) {
            // the client sees the connection close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(OutputStream out, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Proxied\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
