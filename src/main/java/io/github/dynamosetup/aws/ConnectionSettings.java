package io.github.dynamosetup.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where and as whom to talk to DynamoDB, as configured; {@code null} means "not configured".
 *
 * @param region the region parameter
 * @param endpoint the DynamoDB endpoint override (validated), from {@code <endpoint>} or the AWS settings for it
 * @param endpointSource where {@code endpoint} was configured, for messages ({@code <endpoint>},
 *     {@code AWS_ENDPOINT_URL_DYNAMODB (environment variable)}...)
 * @param stsEndpoint the STS endpoint the AWS settings configure ({@code AWS_ENDPOINT_URL_STS}...), or {@code null}
 * @param profile the {@code <profile>} parameter: a named profile of the shared AWS config and credentials files
 * @param credentials an access key pair given by the build (settings.xml server)
 * @param apiCallTimeout how long one API call may take, retries included
 * @param credentialsTimeout how long resolving the credentials may take (the run's timeout)
 * @param environment the process environment, read for {@code AWS_REGION}, {@code AWS_PROFILE}...
 * @param profiles the shared AWS config and credentials files
 * @param proxies the active {@code <proxy>} entries of settings.xml, passwords decrypted, in their order
 */
public record ConnectionSettings(
        String region,
        URI endpoint,
        String endpointSource,
        URI stsEndpoint,
        String profile,
        AccessKey credentials,
        Duration apiCallTimeout,
        Duration credentialsTimeout,
        Map<String, String> environment,
        Supplier<ProfileFile> profiles,
        List<Proxy> proxies) {

    public ConnectionSettings {
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(credentialsTimeout, "credentialsTimeout");
        Objects.requireNonNull(profiles, "profiles");
        environment = Map.copyOf(environment);
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
        if (endpoint != null && endpointSource == null) {
            endpointSource = "<endpoint>";
        }
    }

    /**
     * Settings with an endpoint from {@code <endpoint>}, no STS endpoint, credentials resolved within
     * {@code apiCallTimeout}, and the default shared config files.
     */
    public ConnectionSettings(String region, URI endpoint, String profile, AccessKey credentials,
            Duration apiCallTimeout, Map<String, String> environment) {
        this(region, endpoint, null, null, profile, credentials, apiCallTimeout, apiCallTimeout, environment,
                ProfileFile::defaultProfileFile, List.of());
    }

    /** Settings without settings.xml proxies. */
    public ConnectionSettings(String region, URI endpoint, String endpointSource, URI stsEndpoint, String profile,
            AccessKey credentials, Duration apiCallTimeout, Duration credentialsTimeout, Map<String, String> environment,
            Supplier<ProfileFile> profiles) {
        this(region, endpoint, endpointSource, stsEndpoint, profile, credentials, apiCallTimeout, credentialsTimeout,
                environment, profiles, List.of());
    }

    /** Without the environment and the credentials' secret: it may be logged. */
    @Override
    public String toString() {
        return "ConnectionSettings[region=" + region + ", endpoint=" + endpoint + " (" + endpointSource + "), stsEndpoint="
                + stsEndpoint + ", profile=" + profile + ", credentials=" + credentials + "]";
    }

    /**
     * The profile chosen by the user: {@code <profile>}, else the {@code AWS_PROFILE} environment variable (as
     * the AWS CLI and SDKs do). Empty means none was chosen.
     */
    public Optional<ChosenProfile> chosenProfile() {
        return chosenProfile(profile, environment);
    }

    /** The profile chosen by {@code <profile>}, else by {@code AWS_PROFILE}. */
    public static Optional<ChosenProfile> chosenProfile(String profileParameter, Map<String, String> environment) {
        if (profileParameter != null && !profileParameter.isBlank()) {
            return Optional.of(new ChosenProfile(profileParameter.trim(), "<profile>"));
        }
        String fromEnvironment = environment.get("AWS_PROFILE");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new ChosenProfile(fromEnvironment.trim(), "AWS_PROFILE"));
        }
        return Optional.empty();
    }

    /**
     * A profile the user chose.
     *
     * @param name the profile's name
     * @param chosenBy {@code <profile>} or {@code AWS_PROFILE}
     */
    public record ChosenProfile(String name, String chosenBy) {
        /** For messages: {@code profile 'dev' (chosen by AWS_PROFILE)}. */
        @Override
        public String toString() {
            return "profile '" + name + "' (chosen by " + chosenBy + ")";
        }
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
