package io.github.dynamosetup.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The plugin's credentials rule, resolved once before any request: {@code <serverId>}'s keys, else the chosen
 * profile's credentials (never a silent fallback), else for a local endpoint whatever keys are at hand or dummy
 * ones, else the SDK's default chain with a short limit on the instance metadata service. Every source answers
 * within the run's timeout. {@link DynamoDbConnection} builds the clients that sign with them.
 */
final class Credentials {

    private Credentials() {}

    /** Any key pair works with local servers; this one says where it came from. */
    static final AwsBasicCredentials LOCAL_SERVER_CREDENTIALS =
            AwsBasicCredentials.create("dynamo-setup-local", "dynamo-setup-local");

    /**
     * The only credentials source with a short limit: off EC2 the instance metadata service may never answer,
     * and a build should say "no credentials" at once rather than wait on it. Every other source (a
     * credential_process helper waiting for a push approval, an assume-role over a slow network) has the
     * run's timeout.
     */
    static final Duration METADATA_SERVICE_TIMEOUT = Duration.ofSeconds(2);


    static AwsCredentialsProvider resolve(ConnectionSettings settings, String region,
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
     * says (see {@link DynamoDbConnection#stsEndpoint(ConnectionSettings)}) rather than where the SDK's own STS client would send
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
        Optional<String> roleArn = profile.get().property(ProfileProperty.ROLE_ARN).filter(Credentials::hasText);
        Optional<String> sourceProfile = profile.get().property(ProfileProperty.SOURCE_PROFILE)
                .filter(Credentials::hasText).map(String::trim);
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
        if (profile.property(ProfileProperty.MFA_SERIAL).filter(Credentials::hasText).isPresent()) {
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
        StsClient stsClient = DynamoDbConnection.stsClient(settings, region, source);
        closeables.add(stsClient);
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(profile.property(ProfileProperty.ROLE_SESSION_NAME).filter(Credentials::hasText)
                        .map(String::trim).orElse("dynamo-setup-" + System.currentTimeMillis()));
        profile.property(ProfileProperty.EXTERNAL_ID).filter(Credentials::hasText).map(String::trim)
                .ifPresent(request::externalId);
        Optional<String> duration = profile.property(ProfileProperty.DURATION_SECONDS).filter(Credentials::hasText);
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

    /** What went wrong, in the words of every cause that says something new. */
    static String why(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t instanceof SdkException sdk ? AwsErrors.detail(sdk) : t.getMessage();
            if (t instanceof AwsServiceException service) {
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

    static <T> T within(Callable<T> task, Duration within)
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


    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
