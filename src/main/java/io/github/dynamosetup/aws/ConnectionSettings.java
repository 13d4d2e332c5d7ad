package io.github.dynamosetup.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to talk to DynamoDB, as configured; {@code null} means "not configured".
 *
 * @param region the region parameter
 * @param endpoint the endpoint override, for local servers
 * @param profile a named profile of the shared AWS config and credentials files
 * @param credentials an access key pair given by the build (settings.xml server)
 * @param apiCallTimeout how long one API call may take, retries included
 * @param environment the process environment, read for {@code AWS_REGION}
 * @param proxies the active {@code <proxy>} entries of settings.xml, passwords decrypted, in their order
 */
public record ConnectionSettings(
        String region,
        URI endpoint,
        String profile,
        AccessKey credentials,
        Duration apiCallTimeout,
        Map<String, String> environment,
        List<Proxy> proxies) {

    public ConnectionSettings {
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        environment = Map.copyOf(environment);
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
    }

    /** Settings without settings.xml proxies. */
    public ConnectionSettings(String region, URI endpoint, String profile, AccessKey credentials,
            Duration apiCallTimeout, Map<String, String> environment) {
        this(region, endpoint, profile, credentials, apiCallTimeout, environment, List.of());
    }

    /**
     * An access key pair. {@link #toString()} never shows the secret.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param source where the pair came from, for messages (e.g. {@code settings.xml server 'aws-dev'})
     */
    public record AccessKey(String accessKeyId, String secretAccessKey, String source) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + " from " + source + "]";
        }
    }

    /**
     * An active {@code <proxy>} of settings.xml, as Maven defines it
     * (<a href="https://maven.apache.org/settings.html#proxies">settings reference</a>,
     * <a href="https://maven.apache.org/guides/mini/guide-proxies.html">guide to proxies</a>).
     * {@link #toString()} never shows the password.
     *
     * @param id the proxy's {@code <id>}, for messages
     * @param protocol {@code http} or {@code https}: the protocol of the requests it carries ({@code http}
     *     when omitted, as in Maven)
     * @param host the proxy's host
     * @param port the proxy's port
     * @param username the user name for the proxy, or {@code null}
     * @param password the password for the proxy, decrypted, or {@code null}
     * @param nonProxyHosts hosts reached directly, {@code |}-separated, {@code *} as a wildcard; or {@code null}
     */
    public record Proxy(String id, String protocol, String host, int port, String username, String password,
            String nonProxyHosts) {
        @Override
        public String toString() {
            return "Proxy[" + id + " " + protocol + " " + host + ":" + port + (username == null ? "" : " as " + username)
                    + "]";
        }
    }
}
