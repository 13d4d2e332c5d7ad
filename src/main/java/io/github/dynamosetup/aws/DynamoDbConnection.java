package io.github.dynamosetup.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * One DynamoDB client for one run, built from the connection settings with the plugin's rules for
 * region and credentials. Closing it closes the client, its HTTP connections and the credentials' own
 * clients (STS for an assumed role), and the Application Auto Scaling client if one was made.
 */
public final class DynamoDbConnection implements AutoCloseable {

    /** The seed script's default region, used when nothing else names one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * The SDK's standard retry strategy (exponential backoff with jitter; throttling, 5xx, dropped
     * connections and timeouts), with 5 attempts instead of 3: control-plane calls are throttled more
     * readily than data calls, and AWS asks clients to retry them with backoff.
     */
    public static final RetryStrategy RETRIES = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(5)
            .build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final DynamoDbClient client;
    private final ConnectionSettings settings;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> closeables;
    private final ProxyRoute route;
    private ApplicationAutoScalingClient autoScaling;

    private DynamoDbConnection(DynamoDbClient client, ConnectionSettings settings, String region,
            AwsCredentialsProvider credentials, List<AutoCloseable> closeables, ProxyRoute route) {
        this.client = client;
        this.settings = settings;
        this.region = region;
        this.credentials = credentials;
        this.closeables = closeables;
        this.route = route;
    }

    /**
     * Resolves region and credentials (before any request is sent) and builds the client.
     *
     * @param info receives one line about choices the user should know of (dummy credentials)
     * @throws MissingCredentialsException when no credentials are found for a non-local endpoint, or the
     *     chosen profile gives none
     */
    public static DynamoDbConnection open(ConnectionSettings settings, Consumer<String> info)
            throws MissingCredentialsException {
        SecretLogging.quietSigners().ifPresent(info); // before any SDK client signs, or resolves credentials
        String region = resolveRegion(settings, settings.profiles());
        List<AutoCloseable> closeables = new ArrayList<>();
        AwsCredentialsProvider credentials;
        try {
            credentials = Credentials.resolve(settings, region, info, closeables);
        } catch (MissingCredentialsException | RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
        ProxyRoute route = route(settings, settings.endpoint() != null ? settings.endpoint()
                : URI.create("https://" + DynamoDbClient.serviceMetadata().endpointFor(Region.of(region))));
        DynamoDbClient client = configured(DynamoDbClient.builder(), settings, region, credentials, route,
                settings.endpoint());
        return new DynamoDbConnection(client, settings, region, credentials, closeables, route);
    }

    /**
     * A client of any AWS service the plugin calls, built the one way: the region, the credentials, the HTTP
     * client of the route, the plugin's retries and call timeout, the profile files' other settings, and the
     * endpoint when one is configured ({@code null}: the SDK's own for the region).
     */
    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configured(B builder,
            ConnectionSettings settings, String region, AwsCredentialsProvider credentials, ProxyRoute route,
            URI endpoint) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(route.httpClient(CONNECT_TIMEOUT, SOCKET_TIMEOUT))
                .overrideConfiguration(o -> profileOverride(o, settings)
                        .retryStrategy(RETRIES)
                        .apiCallTimeout(settings.apiCallTimeout()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** How requests to {@code target} travel: direct, or through which proxy (see {@link ProxyRoute}). */
    private static ProxyRoute route(ConnectionSettings settings, URI target) {
        return ProxyRoute.to(target, settings.proxies(), System::getProperty, settings.environment());
    }

    /** How STS calls travel: to {@link #stsEndpoint}, else the region's STS endpoint, through the proxy for it. */
    private static ProxyRoute stsRoute(ConnectionSettings settings, String region) {
        URI endpoint = stsEndpoint(settings);
        return route(settings, endpoint != null ? endpoint
                : URI.create("https://" + StsClient.serviceMetadata().endpointFor(Region.of(region))));
    }

    /**
     * An STS client (AssumeRole, GetCallerIdentity) signing with {@code credentials}, asked where
     * {@link #stsEndpoint} says, through the proxy for it, with the plugin's retries and call timeout.
     */
    static StsClient stsClient(ConnectionSettings settings, String region, AwsCredentialsProvider credentials) {
        return configured(StsClient.builder(), settings, region, credentials, stsRoute(settings, region),
                stsEndpoint(settings));
    }

    /** The SDK reads the same config files and profile as the plugin (for the settings the plugin leaves to it). */
    private static ClientOverrideConfiguration.Builder profileOverride(ClientOverrideConfiguration.Builder o,
            ConnectionSettings settings) {
        o.defaultProfileFileSupplier(() -> {
            try {
                return settings.profiles().get();
            } catch (RuntimeException e) {
                // unreadable files were reported before (a chosen profile) or only mean no settings from them
                return ProfileFile.aggregator().build();
            }
        });
        settings.chosenProfile().ifPresent(p -> o.defaultProfileName(p.name()));
        return o;
    }

    /**
     * The region a connection made with {@code settings} works in, found without any call (see
     * {@link #resolveRegion}): what a template's {@code AWS::Region} is.
     */
    public static String regionOf(ConnectionSettings settings) {
        return resolveRegion(settings, settings.profiles());
    }

    /**
     * The region rule: the parameter, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION} (the AWS CLI's
     * variable), else the region of the chosen profile ({@code <profile>}, else {@code AWS_PROFILE}), else
     * {@value #DEFAULT_REGION}. Never asks the EC2 metadata service.
     */
    static String resolveRegion(ConnectionSettings settings, Supplier<ProfileFile> profiles) {
        if (hasText(settings.region())) {
            return settings.region().trim();
        }
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String fromEnvironment = settings.environment().get(variable);
            if (hasText(fromEnvironment)) {
                return fromEnvironment.trim();
            }
        }
        Optional<ConnectionSettings.ChosenProfile> chosen = settings.chosenProfile();
        if (chosen.isPresent()) {
            Optional<String> fromProfile;
            try {
                fromProfile = profiles.get().profile(chosen.get().name())
                        .flatMap(p -> p.property(ProfileProperty.REGION))
                        .filter(DynamoDbConnection::hasText);
            } catch (RuntimeException e) {
                // unreadable files: the chosen profile's credentials fail next, saying why
                fromProfile = Optional.empty();
            }
            if (fromProfile.isPresent()) {
                return fromProfile.get().trim();
            }
        }
        return DEFAULT_REGION;
    }

    /**
     * Where STS calls go (AssumeRole for a profile's role, GetCallerIdentity for {@code allowedAccountIds}): to
     * the DynamoDB endpoint when that is a server on this machine (moto and LocalStack answer STS on the same
     * port, and a local test must not reach AWS); else to the STS endpoint the AWS settings configure
     * ({@code AWS_ENDPOINT_URL_STS}, the profile's {@code services} section, {@code AWS_ENDPOINT_URL}, the
     * profile's {@code endpoint_url}); else {@code null}: the region's STS endpoint. A DynamoDB endpoint on
     * another machine (a VPC endpoint, say) is never used for STS.
     */
    static URI stsEndpoint(ConnectionSettings settings) {
        if (Endpoints.isLoopback(settings.endpoint())) {
            return settings.endpoint();
        }
        return settings.stsEndpoint();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The AWS account the credentials belong to, from STS GetCallerIdentity (a call every principal may
     * make), asked where {@link #stsEndpoint(ConnectionSettings)} says.
     */
    public String accountId() {
        try (StsClient client = stsClient(settings, region, credentials)) {
            return client.getCallerIdentity().account();
        }
    }

    /** Where {@link #accountId()} asks STS, for messages, like {@link #target()}. */
    public String stsTarget() {
        URI endpoint = stsEndpoint(settings);
        return "region " + region + (endpoint == null ? "" : " at " + Endpoints.display(endpoint))
                + stsRoute(settings, region).describe();
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * The run's Application Auto Scaling client, made on the first call with the DynamoDB client's settings: region,
     * credentials, retries, call timeout, profile files and proxy rules. It is asked at the DynamoDB endpoint when that
     * is a server on this machine (moto answers both services on one port, and a local test must not reach AWS),
     * else at the region's Application Auto Scaling endpoint, or the one the AWS settings give it
     * ({@code AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING}, the profile's {@code services} section), which the SDK
     * reads itself. Closed with the connection.
     */
    public synchronized ApplicationAutoScalingClient autoScaling() {
        if (autoScaling == null) {
            URI endpoint = Endpoints.isLoopback(settings.endpoint()) ? settings.endpoint() : null;
            ProxyRoute autoScalingRoute = endpoint != null ? route : route(settings, URI.create("https://"
                    + ApplicationAutoScalingClient.serviceMetadata().endpointFor(Region.of(region))));
            autoScaling = configured(ApplicationAutoScalingClient.builder(), settings, region, credentials,
                    autoScalingRoute, endpoint);
        }
        return autoScaling;
    }

    /** The credentials the client signs with, resolved. */
    AwsCredentials credentials() {
        return credentials.resolveCredentials();
    }

    /**
     * Where the tables live, for messages: {@code region us-east-1}, {@code region us-east-1 at http://...},
     * and the proxy on the way, if any ({@code ... through the proxy host:port (check settings.xml <proxy> id
     * 'corp')}).
     */
    public String target() {
        return "region " + region + (settings.endpoint() == null ? "" : " at " + Endpoints.display(settings.endpoint()))
                + route.describe();
    }

    public String region() {
        return region;
    }

    @Override
    public void close() {
        client.close();
        synchronized (this) {
            if (autoScaling != null) {
                autoScaling.close();
            }
        }
        closeAll(closeables);
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            IoUtils.closeQuietly(closeables.get(i), null);
        }
    }
}
