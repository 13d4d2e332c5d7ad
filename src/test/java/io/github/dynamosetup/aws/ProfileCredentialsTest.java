package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The profile the user chose ({@code <profile>} or {@code AWS_PROFILE}) gives the credentials and the region,
 * from shared config files written for each test; credential_process helpers are small shell scripts. Nothing
 * here connects: the local endpoint is never called (credentials are resolved before any request).
 */
class ProfileCredentialsTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:1");

    @TempDir
    Path home;

    private final List<String> info = new ArrayList<>();

    private Path script(String name, String body) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private Supplier<ProfileFile> files(String config, String credentials) throws Exception {
        Path configFile = Files.writeString(home.resolve("config"), config);
        Path credentialsFile = Files.writeString(home.resolve("credentials"), credentials);
        return () -> ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build())
                .addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build())
                .build();
    }

    private ConnectionSettings settings(String profile, Map<String, String> environment, Duration timeout,
            Supplier<ProfileFile> files) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        return new ConnectionSettings(null, LOCAL, "<endpoint>", null, profile, null, Duration.ofSeconds(30), timeout,
                env, files);
    }

    @Test
    void awsProfileGivesTheKeysAndTheRegion() throws Exception {
        Supplier<ProfileFile> files = files("[profile dev]\nregion = eu-west-3\n",
                "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n"
                        + "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n");

        try (DynamoDbConnection connection = DynamoDbConnection.open(
                settings(null, Map.of("AWS_PROFILE", "dev"), Duration.ofSeconds(10), files), info::add)) {
            assertThat(connection.region()).isEqualTo("eu-west-3");
            assertThat(connection.credentials().accessKeyId()).isEqualTo("AKIDDEV");
        }
        assertThat(info).isEmpty();
    }

    @Test
    void theProfileParameterWinsOverAwsProfile() throws Exception {
        Supplier<ProfileFile> files = files("[profile dev]\nregion = eu-west-3\n[profile ci]\nregion = ca-central-1\n",
                "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n"
                        + "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n");

        try (DynamoDbConnection connection = DynamoDbConnection.open(
                settings("ci", Map.of("AWS_PROFILE", "dev"), Duration.ofSeconds(10), files), info::add)) {
            assertThat(connection.region()).isEqualTo("ca-central-1");
            assertThat(connection.credentials().accessKeyId()).isEqualTo("AKIDCI");
        }
    }

    @Test
    void aMissingAwsProfileFailsEvenForALocalServerInsteadOfFallingBackToDummyCredentials() throws Exception {
        Supplier<ProfileFile> files = files("[profile dev]\nregion = eu-west-3\n", "");

        assertThatThrownBy(() -> DynamoDbConnection.open(
                settings(null, Map.of("AWS_PROFILE", "prod"), Duration.ofSeconds(10), files), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'prod' (chosen by AWS_PROFILE) gave no credentials: no profile"
                        + " of that name is defined in " + home.resolve("config") + " (AWS_CONFIG_FILE) or "
                        + home.resolve("credentials") + " (AWS_SHARED_CREDENTIALS_FILE).");
        assertThat(info).isEmpty();
    }

    @Test
    void aProfileWithoutKeysSaysSo() throws Exception {
        Supplier<ProfileFile> files = files("[profile dev]\nregion = eu-west-3\n", "");

        assertThatThrownBy(() -> DynamoDbConnection.open(
                settings(null, Map.of("AWS_PROFILE", "dev"), Duration.ofSeconds(10), files), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'dev' (chosen by AWS_PROFILE) gave no credentials: it has no"
                        + " credentials: a profile needs aws_access_key_id and aws_secret_access_key");
        assertThat(info).isEmpty();
    }

    @Test
    void unreadableConfigFilesAreNamedForTheChosenProfile() throws Exception {
        Supplier<ProfileFile> files = files("[profile dev\nregion = eu-west-3\n", "");

        assertThatThrownBy(() -> DynamoDbConnection.open(
                settings(null, Map.of("AWS_PROFILE", "dev"), Duration.ofSeconds(10), files), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'dev' (chosen by AWS_PROFILE) gave no credentials: the shared"
                        + " AWS config files could not be read: ");
        assertThat(info).isEmpty();
    }

    @Test
    void aSlowCredentialProcessHasTheRunsTimeoutNotTwoSeconds() throws Exception {
        Path helper = script("slow-helper", "sleep 3\n"
                + "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDSLOW\", \"SecretAccessKey\": \"slow-secret\"}'");
        Supplier<ProfileFile> files = files("[profile vault]\nregion = eu-south-1\ncredential_process = " + helper
                + "\n", "");

        long start = System.nanoTime();
        try (DynamoDbConnection connection = DynamoDbConnection.open(
                settings(null, Map.of("AWS_PROFILE", "vault"), Duration.ofSeconds(30), files), info::add)) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(connection.credentials().accessKeyId()).isEqualTo("AKIDSLOW");
            assertThat(connection.region()).isEqualTo("eu-south-1");
        }
    }

    @Test
    void aCredentialProcessThatFailsIsNamedWithItsOwnWords() throws Exception {
        Path helper = script("failing-helper", "echo 'Okta push was denied' >&2\nexit 1");
        Supplier<ProfileFile> files = files("[profile okta]\ncredential_process = " + helper + "\n", "");

        assertThatThrownBy(() -> DynamoDbConnection.open(
                settings("okta", Map.of(), Duration.ofSeconds(30), files), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'okta' (chosen by <profile>) gave no credentials: ")
                .hasMessageContaining("Failed to refresh process-based credentials: Command returned non-zero exit"
                        + " value (1) with error message: Okta push was denied");
        assertThat(info).isEmpty();
    }

    @Test
    void aCredentialProcessSlowerThanTheRunsTimeoutIsStoppedAndNamed() throws Exception {
        Path helper = script("stuck-helper", "exec sleep 30");
        Supplier<ProfileFile> files = files("[profile stuck]\ncredential_process = " + helper + "\n", "");

        long start = System.nanoTime();
        assertThatThrownBy(() -> DynamoDbConnection.open(
                settings(null, Map.of("AWS_PROFILE", "stuck"), Duration.ofSeconds(1), files), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'stuck' (chosen by AWS_PROFILE) gave no credentials: no answer"
                        + " within PT1S (the run's <timeout>); raise <timeout> if the credentials source needs longer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anAssumedRoleWithMfaIsRefusedBeforeAnyCall() throws Exception {
        Supplier<ProfileFile> files = files("[profile admin]\nrole_arn = arn:aws:iam::111122223333:role/admin\n"
                + "source_profile = base\nmfa_serial = arn:aws:iam::111122223333:mfa/me\n",
                "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");

        assertThatThrownBy(() -> DynamoDbConnection.open(
                settings("admin", Map.of(), Duration.ofSeconds(10), files), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'admin' (chosen by <profile>) gave no credentials: it assumes"
                        + " arn:aws:iam::111122223333:role/admin with MFA (mfa_serial), and a build cannot ask for the"
                        + " code.");
    }
}
