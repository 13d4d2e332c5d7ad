package io.github.dynamosetup.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One DynamoDB client for one run, built from the connection settings with the plugin's rules for
 * region and credentials. Closing it closes the client and its HTTP connections.
 */
public final class DynamoDbConnection implements AutoCloseable {

    /** The seed script's default region, used when nothing else names one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** Any key pair works with local servers; this one says where it came from. */
    static final AwsBasicCredentials LOCAL_SERVER_CREDENTIALS =
            AwsBasicCredentials.create("dynamo-setup-local", "dynamo-setup-local");

    /**
     * The SDK's standard retry strategy (exponential backoff with jitter; throttling, 5xx, dropped
     * connections and timeouts), with 5 attempts instead of 3: control-plane calls are throttled more
     * readily than data calls, and AWS asks clients to retry them with backoff.
     */
    public static final RetryStrategy RETRIES = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(5)
            .build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CREDENTIALS_TIMEOUT = Duration.ofSeconds(2);
    /**
     * A named profile may assume a role (an STS call, retried) from source credentials that a
     * credential_process prints: measured above 2 s in a cold Maven JVM on a busy 2-core machine. The instance
     * metadata service, which the 2 s guard is for, is not part of a named profile unless it says so.
     */
    private static final Duration PROFILE_CREDENTIALS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final DynamoDbClient client;
    private final String region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final ConnectionSettings settings;
    private final ProxyRoute route;

    private DynamoDbConnection(DynamoDbClient client, String region, URI endpoint, AwsCredentialsProvider credentials,
            ConnectionSettings settings, ProxyRoute route) {
        this.client = client;
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.settings = settings;
        this.route = route;
    }

    /**
     * Resolves region and credentials (before any request is sent) and builds the client.
     *
     * @param info receives one line about choices the user should know of (dummy credentials)
     * @throws MissingCredentialsException when no credentials are found for a non-local endpoint
     */
    public static DynamoDbConnection open(ConnectionSettings settings, Consumer<String> info)
            throws MissingCredentialsException {
        SecretLogging.quietSigners().ifPresent(info); // before any SDK client signs, or resolves credentials
        String region = resolveRegion(settings, ProfileFile::defaultProfileFile);
        AwsCredentialsProvider credentials = resolveCredentials(settings, info);
        ProxyRoute route = route(settings, settings.endpoint() != null ? settings.endpoint()
                : URI.create("https://" + DynamoDbClient.serviceMetadata().endpointFor(Region.of(region))));
        var builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(route.httpClient(CONNECT_TIMEOUT, SOCKET_TIMEOUT))
                .overrideConfiguration(o -> o
                        .retryStrategy(RETRIES)
                        .apiCallTimeout(settings.apiCallTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return new DynamoDbConnection(builder.build(), region, settings.endpoint(), credentials, settings, route);
    }

    /** How requests to {@code target} travel: direct, or through which proxy (see {@link ProxyRoute}). */
    private static ProxyRoute route(ConnectionSettings settings, URI target) {
        return ProxyRoute.to(target, settings.proxies(), System::getProperty, settings.environment());
    }

    /**
     * The region rule: the parameter, else {@code AWS_REGION}, else the region of the configured
     * profile, else {@value #DEFAULT_REGION}. Never asks the EC2 metadata service.
     */
    static String resolveRegion(ConnectionSettings settings, Supplier<ProfileFile> profiles) {
        if (hasText(settings.region())) {
            return settings.region().trim();
        }
        String fromEnvironment = settings.environment().get("AWS_REGION");
        if (hasText(fromEnvironment)) {
            return fromEnvironment.trim();
        }
        if (hasText(settings.profile())) {
            Optional<String> fromProfile = profiles.get().profile(settings.profile())
                    .flatMap(p -> p.property("region"))
                    .filter(DynamoDbConnection::hasText);
            if (fromProfile.isPresent()) {
                return fromProfile.get().trim();
            }
        }
        return DEFAULT_REGION;
    }

    private static AwsCredentialsProvider resolveCredentials(ConnectionSettings settings, Consumer<String> info)
            throws MissingCredentialsException {
        if (settings.credentials() != null) {
            ConnectionSettings.AccessKey key = settings.credentials();
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        }
        if (hasText(settings.profile())) {
            AwsCredentialsProvider profile = ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
            return resolvedOrFail(profile, "profile '" + settings.profile() + "'", PROFILE_CREDENTIALS_TIMEOUT);
        }
        if (Endpoints.isLoopback(settings.endpoint())) {
            // Local servers accept any key; use real ones when present, never ask the metadata service.
            AwsCredentialsProvider local = AwsCredentialsProviderChain.builder()
                    .reuseLastProviderEnabled(true)
                    .credentialsProviders(
                            EnvironmentVariableCredentialsProvider.create(),
                            SystemPropertyCredentialsProvider.create(),
                            ProfileCredentialsProvider.create())
                    .build();
            try {
                local.resolveCredentials();
                return local;
            } catch (SdkException e) {
                info.accept("No AWS credentials found; using dummy credentials for the local endpoint "
                        + Endpoints.display(settings.endpoint()));
                return StaticCredentialsProvider.create(LOCAL_SERVER_CREDENTIALS);
            }
        }
        return resolvedOrFail(DefaultCredentialsProvider.builder().build(), "default provider chain");
    }

    private static AwsCredentialsProvider resolvedOrFail(AwsCredentialsProvider provider, String source)
            throws MissingCredentialsException {
        return resolvedOrFail(provider, source, CREDENTIALS_TIMEOUT);
    }

    /**
     * Resolves the credentials once, before any request, within {@code within}: off EC2, the default
     * chain's last resort, the instance metadata service, may not answer at all, and a build should say
     * "no credentials" at once rather than hang on it.
     */
    static AwsCredentialsProvider resolvedOrFail(AwsCredentialsProvider provider, String source, Duration within)
            throws MissingCredentialsException {
        ExecutorService resolver = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "dynamo-setup-credentials");
            thread.setDaemon(true);
            return thread;
        });
        try {
            resolver.submit(provider::resolveCredentials).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return provider;
        } catch (ExecutionException e) {
            throw new MissingCredentialsException(source + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new MissingCredentialsException(source + ": no provider answered within " + within.toMillis()
                    + " ms (off EC2, the instance metadata service may never answer)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingCredentialsException(source + ": interrupted", e);
        } finally {
            resolver.shutdownNow();
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The AWS account the credentials belong to, from STS GetCallerIdentity (a call every principal may
     * make). With an endpoint override, STS is asked at that endpoint too (local servers such as moto
     * answer it); otherwise at the region's STS endpoint.
     */
    public String accountId() {
        ProxyRoute stsRoute = stsRoute();
        var sts = StsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(stsRoute.httpClient(CONNECT_TIMEOUT, SOCKET_TIMEOUT));
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        try (StsClient client = sts.build()) {
            return client.getCallerIdentity().account();
        }
    }

    private ProxyRoute stsRoute() {
        return route(settings, endpoint != null ? endpoint
                : URI.create("https://" + StsClient.serviceMetadata().endpointFor(Region.of(region))));
    }

    /** Where {@link #accountId()} asks STS, for messages, like {@link #target()}. */
    public String stsTarget() {
        return "region " + region + (endpoint == null ? "" : " at " + Endpoints.display(endpoint))
                + stsRoute().describe();
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * Where the tables live, for messages: {@code region us-east-1}, {@code region us-east-1 at http://...},
     * and the proxy on the way, if any ({@code ... through the proxy host:port (check settings.xml <proxy> id
     * 'corp')}).
     */
    public String target() {
        return "region " + region + (endpoint == null ? "" : " at " + Endpoints.display(endpoint)) + route.describe();
    }

    public String region() {
        return region;
    }

    @Override
    public void close() {
        client.close();
    }
}
