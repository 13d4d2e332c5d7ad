package io.github.dynamosetup.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.IoUtils;

/**
 * One DynamoDB client for one run, built from the connection settings with the plugin's rules for
 * region and credentials. Closing it closes the client, its HTTP connections and the credentials' own
 * clients (STS for an assumed role).
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

    /**
     * The only credentials source with a short limit: off EC2 the instance metadata service may never answer,
     * and a build should say "no credentials" at once rather than wait on it. Every other source (a
     * credential_process helper waiting for a push approval, an assume-role over a slow network) has the
     * run's timeout.
     */
    static final Duration METADATA_SERVICE_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final DynamoDbClient client;
    private final ConnectionSettings settings;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> closeables;
    private final ProxyRoute route;

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
            credentials = resolveCredentials(settings, region, info, closeables);
        } catch (MissingCredentialsException | RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
        ProxyRoute route = route(settings, settings.endpoint() != null ? settings.endpoint()
                : URI.create("https://" + DynamoDbClient.serviceMetadata().endpointFor(Region.of(region))));
        var builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(route.httpClient(CONNECT_TIMEOUT, SOCKET_TIMEOUT))
                .overrideConfiguration(o -> profileOverride(o, settings)
                        .retryStrategy(RETRIES)
                        .apiCallTimeout(settings.apiCallTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return new DynamoDbConnection(builder.build(), settings, region, credentials, closeables, route);
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
    private static StsClient stsClient(ConnectionSettings settings, String region,
            AwsCredentialsProvider credentials) {
        var sts = StsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(stsRoute(settings, region).httpClient(CONNECT_TIMEOUT, SOCKET_TIMEOUT))
                .overrideConfiguration(o -> profileOverride(o, settings)
                        .retryStrategy(RETRIES)
                        .apiCallTimeout(settings.apiCallTimeout()));
        URI endpoint = stsEndpoint(settings);
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        return sts.build();
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

    private static AwsCredentialsProvider resolveCredentials(ConnectionSettings settings, String region,
            Consumer<String> info, List<AutoCloseable> closeables) throws MissingCredentialsException {
        if (settings.credentials() != null) {
            ConnectionSettings.AccessKey key = settings.credentials();
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        }
        Optional<ConnectionSettings.ChosenProfile> chosen = settings.chosenProfile();
        if (chosen.isPresent()) {
            // a chosen profile gives the credentials or the run fails: never a silent fallback
            return profileCredentials(settings, chosen.get(), region, closeables);
        }
        ProfileFile files;
        try {
            files = settings.profiles().get();
        } catch (RuntimeException e) {
            throw new MissingCredentialsException("the shared AWS config files could not be read: " + why(e), e);
        }
        if (Endpoints.isLoopback(settings.endpoint())) {
            // Local servers accept any key; use real ones when present, never ask the metadata service.
            AwsCredentialsProvider local = AwsCredentialsProviderChain.builder()
                    .reuseLastProviderEnabled(true)
                    .credentialsProviders(
                            EnvironmentVariableCredentialsProvider.create(),
                            SystemPropertyCredentialsProvider.create(),
                            ProfileCredentialsProvider.builder().profileFile(files).profileName("default").build())
                    .build();
            try {
                within(local::resolveCredentials, settings.credentialsTimeout());
                return local;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MissingCredentialsException("interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                info.accept("No AWS credentials found; using dummy credentials for the local endpoint "
                        + Endpoints.display(settings.endpoint()));
                return StaticCredentialsProvider.create(LOCAL_SERVER_CREDENTIALS);
            }
        }
        AwsCredentialsProviderChain chain = defaultChain(files);
        closeables.add(chain);
        return resolvedOrFail(chain, "default provider chain", settings.credentialsTimeout());
    }

    /**
     * The SDK's default credentials chain, in its order (Java system properties, environment variables, web
     * identity token, the {@code default} profile, container credentials, instance metadata; see "Default
     * credentials provider chain" in the AWS SDK for Java 2.x developer guide,
     * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html), with one change:
     * only the instance metadata service has a short limit, {@link #METADATA_SERVICE_TIMEOUT}.
     */
    static AwsCredentialsProviderChain defaultChain(ProfileFile files) {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        WebIdentityTokenFileCredentialsProvider.builder().build(),
                        ProfileCredentialsProvider.builder().profileFile(files).profileName("default").build(),
                        ContainerCredentialsProvider.builder().build(),
                        new TimeLimited(InstanceProfileCredentialsProvider.builder().build(),
                                "EC2 instance metadata service", METADATA_SERVICE_TIMEOUT))
                .build();
    }

    /**
     * The credentials of the chosen profile, as the SDK's {@link ProfileCredentialsProvider} gives them (static
     * keys, credential_process, SSO, ...), except for an assumed role ({@code role_arn} with
     * {@code source_profile}): its STS client is built here, so that AssumeRole goes where the configuration
     * says (see {@link #stsEndpoint(ConnectionSettings)}) rather than where the SDK's own STS client would send
     * it (always AWS's STS: the SDK gives it no endpoint of ours).
     */
    private static AwsCredentialsProvider profileCredentials(ConnectionSettings settings,
            ConnectionSettings.ChosenProfile chosen, String region, List<AutoCloseable> closeables)
            throws MissingCredentialsException {
        ProfileFile files;
        try {
            files = settings.profiles().get();
        } catch (RuntimeException e) {
            throw MissingCredentialsException.ofProfile(chosen, "the shared AWS config files could not be read: "
                    + why(e), e);
        }
        Optional<Profile> profile = files.profile(chosen.name());
        if (profile.isEmpty()) {
            throw MissingCredentialsException.ofProfile(chosen, "no profile of that name is defined in "
                    + ProfileFiles.describe(settings.environment()) + ".", null);
        }
        Optional<String> roleArn = profile.get().property(ProfileProperty.ROLE_ARN).filter(DynamoDbConnection::hasText);
        Optional<String> sourceProfile = profile.get().property(ProfileProperty.SOURCE_PROFILE)
                .filter(DynamoDbConnection::hasText).map(String::trim);
        AwsCredentialsProvider provider;
        try {
            if (roleArn.isPresent() && sourceProfile.isPresent() && !sourceProfile.get().equals(chosen.name())) {
                provider = assumedRole(settings, chosen, profile.get(), roleArn.get().trim(), sourceProfile.get(),
                        files, region, closeables);
            } else {
                provider = ProfileCredentialsProvider.builder().profileFile(files).profileName(chosen.name()).build();
            }
        } catch (RuntimeException e) {
            throw MissingCredentialsException.ofProfile(chosen, why(e), e);
        }
        if (provider instanceof AutoCloseable closeable) {
            closeables.add(closeable);
        }
        return resolvedOrFail(provider, settings.credentialsTimeout(),
                (why, cause) -> MissingCredentialsException.ofProfile(chosen, why, cause));
    }

    private static AwsCredentialsProvider assumedRole(ConnectionSettings settings,
            ConnectionSettings.ChosenProfile chosen, Profile profile, String roleArn, String sourceProfile,
            ProfileFile files, String region, List<AutoCloseable> closeables) throws MissingCredentialsException {
        if (profile.property(ProfileProperty.MFA_SERIAL).filter(DynamoDbConnection::hasText).isPresent()) {
            throw MissingCredentialsException.ofProfile(chosen, "it assumes " + roleArn + " with MFA (mfa_serial),"
                    + " and a build cannot ask for the code. Get temporary credentials first (aws-vault,"
                    + " 'aws sts get-session-token', or a credential_process helper) and give those.", null);
        }
        if (files.profile(sourceProfile).isEmpty()) {
            throw MissingCredentialsException.ofProfile(chosen, "its source_profile '" + sourceProfile
                    + "' is not defined in " + ProfileFiles.describe(settings.environment()) + ".", null);
        }
        ProfileCredentialsProvider source = ProfileCredentialsProvider.builder()
                .profileFile(files).profileName(sourceProfile).build();
        closeables.add(source);
        StsClient stsClient = stsClient(settings, region, source);
        closeables.add(stsClient);
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(profile.property(ProfileProperty.ROLE_SESSION_NAME).filter(DynamoDbConnection::hasText)
                        .map(String::trim).orElse("dynamo-setup-" + System.currentTimeMillis()));
        profile.property(ProfileProperty.EXTERNAL_ID).filter(DynamoDbConnection::hasText).map(String::trim)
                .ifPresent(request::externalId);
        Optional<String> duration = profile.property(ProfileProperty.DURATION_SECONDS).filter(DynamoDbConnection::hasText);
        if (duration.isPresent()) {
            try {
                request.durationSeconds(Integer.parseInt(duration.get().trim()));
            } catch (NumberFormatException e) {
                throw MissingCredentialsException.ofProfile(chosen, "its duration_seconds '" + duration.get().trim()
                        + "' is not a whole number of seconds.", null);
            }
        }
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(stsClient)
                .refreshRequest(request.build())
                .build();
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

    /** What went wrong, in the words of every cause that says something new. */
    static String why(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t instanceof SdkException sdk ? AwsErrors.detail(sdk) : t.getMessage();
            if (t instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
                message = AwsErrors.errorCode(service) + ": " + message;
            }
            String text = message == null ? "" : message.trim();
            if (!text.isEmpty() && parts.stream().noneMatch(p -> p.contains(text))) {
                parts.add(text);
            }
        }
        if (parts.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        if (parts.iterator().next().startsWith("Profile file contained no credentials")) {
            // the SDK's words list the whole file; say what a profile needs instead
            return "it has no credentials: a profile needs aws_access_key_id and aws_secret_access_key (in the"
                    + " credentials or config file), a credential_process, sso_session (or sso_start_url) settings,"
                    + " role_arn with source_profile or credential_source, or web_identity_token_file with role_arn.";
        }
        List<String> said = new ArrayList<>();
        for (String part : parts) {
            said.add(said.size() < parts.size() - 1 && part.endsWith(".") ? part.substring(0, part.length() - 1) : part);
        }
        return String.join(": ", said);
    }

    static AwsCredentialsProvider resolvedOrFail(AwsCredentialsProvider provider, String source, Duration within)
            throws MissingCredentialsException {
        return resolvedOrFail(provider, within, (why, cause) -> new MissingCredentialsException(source + ": " + why, cause));
    }

    /** Makes the exception for a source that failed, from why it failed. */
    interface Failure {
        MissingCredentialsException of(String why, Throwable cause);
    }

    /**
     * Resolves the credentials once, before any request, within {@code within} (the run's timeout): a
     * credential helper may wait for the user, but never for ever.
     */
    static AwsCredentialsProvider resolvedOrFail(AwsCredentialsProvider provider, Duration within, Failure failure)
            throws MissingCredentialsException {
        try {
            within(provider::resolveCredentials, within);
            return provider;
        } catch (ExecutionException e) {
            throw failure.of(why(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw failure.of("no answer within " + within + " (the run's <timeout>); raise <timeout> if the"
                    + " credentials source needs longer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.of("interrupted", e);
        }
    }

    private static <T> T within(java.util.concurrent.Callable<T> task, Duration within)
            throws ExecutionException, TimeoutException, InterruptedException {
        ExecutorService resolver = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "dynamo-setup-credentials");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return resolver.submit(task).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            // interrupts the source: a credential_process helper is destroyed by the SDK then
            resolver.shutdownNow();
        }
    }

    /** A credentials source that must answer within a short limit, or counts as having none. */
    static final class TimeLimited implements AwsCredentialsProvider, AutoCloseable {
        private final AwsCredentialsProvider delegate;
        private final String name;
        private final Duration limit;

        TimeLimited(AwsCredentialsProvider delegate, String name, Duration limit) {
            this.delegate = delegate;
            this.name = name;
            this.limit = limit;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return within(delegate::resolveCredentials, limit);
            } catch (ExecutionException e) {
                throw SdkClientException.create(name + ": " + why(e.getCause()), e.getCause());
            } catch (TimeoutException e) {
                throw SdkClientException.create(name + ": no answer within " + limit.toMillis()
                        + " ms (off EC2 it never answers)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SdkClientException.create(name + ": interrupted");
            }
        }

        @Override
        public void close() {
            IoUtils.closeIfCloseable(delegate, null);
        }

        @Override
        public String toString() {
            return name;
        }
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
        closeAll(closeables);
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            IoUtils.closeQuietly(closeables.get(i), null);
        }
    }
}
