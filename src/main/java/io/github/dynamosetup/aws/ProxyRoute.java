package io.github.dynamosetup.aws;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * How the requests of one AWS client reach their host: directly, through the settings.xml proxy that applies,
 * or through the proxy the JVM's system properties or the environment name, decided without touching the
 * network.
 *
 * <ul>
 *   <li>A loopback endpoint (a local test server) is always reached directly, whatever proxy is configured.</li>
 *   <li>Else, when settings.xml has active {@code <proxy>} entries, Maven's rule chooses: the first active proxy
 *       whose {@code <protocol>} is the request's protocol and whose {@code <nonProxyHosts>} do not name the
 *       host; for https, an {@code http} proxy when no {@code https} one applies (as Maven Resolver's
 *       {@code DefaultProxySelector} does). No proxy applies: direct.</li>
 *   <li>Else the AWS SDK's own rule of {@link ProxyConfiguration}: the system properties
 *       {@code https.proxyHost}/{@code https.proxyPort}/{@code https.proxyUser}/{@code https.proxyPassword}
 *       ({@code http.*} for an http endpoint) and {@code http.nonProxyHosts}, else the environment variables
 *       {@code HTTPS_PROXY} ({@code HTTP_PROXY}) and {@code NO_PROXY}
 *       (<a href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/http-configuration-url.html">
 *       SDK guide: URLConnection-based HTTP client, proxy configuration</a>).</li>
 * </ul>
 *
 * @param kind where the proxy comes from
 * @param scheme the protocol of the requests, {@code https} for AWS
 * @param proxy the proxy's {@code host:port}, empty for a direct route
 * @param source where the proxy came from, for messages ({@code settings.xml <proxy> id 'corp'},
 *     {@code the system property https.proxyHost}, {@code the environment variable HTTPS_PROXY})
 * @param settingsProxy the settings.xml proxy of a {@link Kind#SETTINGS} route
 */
public record ProxyRoute(Kind kind, String scheme, Optional<String> proxy, String source,
        ConnectionSettings.Proxy settingsProxy) {

    /** Where the route's proxy comes from. */
    public enum Kind { DIRECT, SETTINGS, JVM_OR_ENVIRONMENT }

    private static ProxyRoute direct(String scheme) {
        return new ProxyRoute(Kind.DIRECT, scheme, Optional.empty(), "", null);
    }

    /**
     * The route to {@code target}, the endpoint override or the AWS endpoint the client will call.
     *
     * @param systemProperty reads a JVM system property ({@code System::getProperty})
     * @param environment the process environment
     */
    public static ProxyRoute to(URI target, List<ConnectionSettings.Proxy> settingsProxies,
            UnaryOperator<String> systemProperty, Map<String, String> environment) {
        String scheme = target.getScheme() == null ? "https" : target.getScheme().toLowerCase(Locale.ROOT);
        if (Endpoints.isLoopback(target)) {
            return direct(scheme);
        }
        String host = target.getHost() == null ? "" : target.getHost();
        List<ConnectionSettings.Proxy> web = settingsProxies.stream()
                .filter(p -> "http".equals(protocolOf(p)) || "https".equals(protocolOf(p)))
                .toList();
        if (!web.isEmpty()) {
            Optional<ConnectionSettings.Proxy> chosen = firstFor(web, scheme, host);
            if (chosen.isEmpty() && "https".equals(scheme)) {
                chosen = firstFor(web, "http", host);
            }
            return chosen.map(p -> new ProxyRoute(Kind.SETTINGS, scheme, Optional.of(p.host() + ":" + p.port()),
                    "settings.xml <proxy> id '" + p.id() + "'", p)).orElse(direct(scheme));
        }
        return fromJvmOrEnvironment(scheme, host, systemProperty, environment);
    }

    private static Optional<ConnectionSettings.Proxy> firstFor(List<ConnectionSettings.Proxy> proxies, String protocol,
            String host) {
        return proxies.stream()
                .filter(p -> protocol.equals(protocolOf(p)))
                .filter(p -> !matchesMavenNonProxyHosts(p.nonProxyHosts(), host))
                .findFirst();
    }

    private static String protocolOf(ConnectionSettings.Proxy proxy) {
        return proxy.protocol() == null || proxy.protocol().isBlank() ? "http"
                : proxy.protocol().trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Maven's {@code <nonProxyHosts>}: host names separated by {@code |}, {@code *} a wildcard, compared
     * without regard to case ("This matches the JDK configuration equivalent", guide to proxies).
     */
    static boolean matchesMavenNonProxyHosts(String nonProxyHosts, String host) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        for (String entry : nonProxyHosts.split("\\|")) {
            String pattern = entry.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            String regex = String.join(".*", java.util.Arrays.stream(pattern.split("\\*", -1))
                    .map(part -> part.isEmpty() ? "" : Pattern.quote(part)).toList());
            if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(host).matches()) {
                return true;
            }
        }
        return false;
    }

    /** What the SDK will take from the system properties or environment, to name it in messages. */
    private static ProxyRoute fromJvmOrEnvironment(String scheme, String host, UnaryOperator<String> systemProperty,
            Map<String, String> environment) {
        String property = scheme + ".proxyHost";
        String proxyHost = systemProperty.apply(property);
        String source;
        String proxy;
        if (proxyHost != null && !proxyHost.isBlank()) {
            String port = systemProperty.apply(scheme + ".proxyPort");
            proxy = proxyHost.trim() + ":" + (port == null || port.isBlank() ? "80" : port.trim());
            source = "the system property " + property;
            if (matchesMavenNonProxyHosts(systemProperty.apply("http.nonProxyHosts"), host)) {
                return new ProxyRoute(Kind.JVM_OR_ENVIRONMENT, scheme, Optional.empty(), "", null);
            }
        } else {
            String variable = scheme.toUpperCase(Locale.ROOT) + "_PROXY";
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                variable = scheme + "_proxy";
                value = environment.get(variable);
            }
            if (value == null || value.isBlank()) {
                return new ProxyRoute(Kind.JVM_OR_ENVIRONMENT, scheme, Optional.empty(), "", null);
            }
            proxy = hostAndPort(value.trim());
            source = "the environment variable " + variable;
            String noProxy = environment.getOrDefault("NO_PROXY", environment.get("no_proxy"));
            if (noProxy != null && matchesMavenNonProxyHosts(noProxy.replace(',', '|'), host)) {
                return new ProxyRoute(Kind.JVM_OR_ENVIRONMENT, scheme, Optional.empty(), "", null);
            }
        }
        return new ProxyRoute(Kind.JVM_OR_ENVIRONMENT, scheme, Optional.of(proxy), source, null);
    }

    /** {@code host:port} of a proxy URL, without the user and password it may carry. */
    private static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "http://" + url);
            if (uri.getHost() != null) {
                return uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            // named as given below, minus anything before '@'
        }
        return url.substring(url.lastIndexOf('@') + 1);
    }

    /** For messages: {@code  through the proxy host:port (check settings.xml <proxy> id 'corp')}, or nothing. */
    public String describe() {
        return proxy.map(p -> " through the proxy " + p + " (check " + source + ")").orElse("");
    }

    /** The HTTP client of this route, with these timeouts. */
    public SdkHttpClient.Builder<?> httpClient(Duration connectTimeout, Duration socketTimeout) {
        return switch (kind) {
            case DIRECT -> new DirectClient(connectTimeout, socketTimeout, null);
            // the JDK would open the https tunnel without the proxy's credentials (see ProxyTunnel)
            case SETTINGS -> "https".equals(scheme) && hasText(settingsProxy.username())
                    ? new DirectClient(connectTimeout, socketTimeout, new ProxyTunnel(settingsProxy.host(),
                            settingsProxy.port(), settingsProxy.username(), settingsProxy.password()))
                    : UrlConnectionHttpClient.builder()
                    .connectionTimeout(connectTimeout)
                    .socketTimeout(socketTimeout)
                    .proxyConfiguration(p -> {
                        p.endpoint(URI.create("http://" + settingsProxy.host() + ":" + settingsProxy.port()))
                                .useSystemPropertyValues(false)
                                .useEnvironmentVariablesValues(false);
                        if (settingsProxy.username() != null && !settingsProxy.username().isBlank()) {
                            // the SDK sends them as Proxy-Authorization: Basic to the proxy
                            p.username(settingsProxy.username()).password(settingsProxy.password());
                        }
                    });
            // the SDK reads https.* (or http.*) system properties, then HTTPS_PROXY (HTTP_PROXY) and NO_PROXY
            case JVM_OR_ENVIRONMENT -> UrlConnectionHttpClient.builder()
                    .connectionTimeout(connectTimeout)
                    .socketTimeout(socketTimeout)
                    .proxyConfiguration(p -> p.scheme(scheme));
        };
    }

    /**
     * Requests that never go through a proxy of the JVM's, not even its default {@link java.net.ProxySelector}:
     * the SDK's client opens connections with {@code openConnection()} when it has no proxy of its own, and
     * that consults {@code http.proxyHost}. With a {@code tunnel}, https connections go through it instead.
     */
    private record DirectClient(Duration connectTimeout, Duration socketTimeout, ProxyTunnel tunnel)
            implements SdkHttpClient.Builder<DirectClient> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return UrlConnectionHttpClient.create(uri -> {
                try {
                    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
                    connection.setConnectTimeout((int) connectTimeout.toMillis());
                    connection.setReadTimeout((int) socketTimeout.toMillis());
                    if (tunnel != null && connection instanceof javax.net.ssl.HttpsURLConnection https) {
                        https.setSSLSocketFactory(tunnel);
                    }
                    return connection;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
