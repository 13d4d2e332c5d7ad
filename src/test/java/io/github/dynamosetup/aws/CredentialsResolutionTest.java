package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Credentials are resolved when the connection is opened, before any request: these tests never
 * connect. Surefire runs them with no AWS credentials in the environment and the metadata service off.
 */
class CredentialsResolutionTest {

    private final List<String> info = new ArrayList<>();

    private static ConnectionSettings settings(URI endpoint, String profile) {
        return new ConnectionSettings("us-east-1", endpoint, profile, null, Duration.ofSeconds(5), Map.of());
    }

    @Test
    void noCredentialsForAwsSaysUnableToLocateCredentialsAndEveryWayToProvideThem() {
        assertThatThrownBy(() -> DynamoDbConnection.open(settings(null, null), info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("Unable to locate credentials (default provider chain: ")
                .hasMessageContaining("environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                .hasMessageContaining("'aws configure'")
                .hasMessageContaining("an IAM role")
                .hasMessageContaining("<serverId> / -Ddynamo-setup.serverId=ID");
    }

    @Test
    void aProviderThatNeverAnswersIsNoCredentialsNotAHang() {
        AwsCredentialsProvider silent = () -> {
            try {
                new CountDownLatch(1).await(); // like the metadata service off EC2
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        };

        assertThatThrownBy(() -> Credentials.resolvedOrFail(silent, "default provider chain",
                Duration.ofMillis(200)))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("Unable to locate credentials (default provider chain: no answer within PT0.2S"
                        + " (the run's <timeout>); raise <timeout> if the credentials source needs longer).");
    }

    @Test
    void aProfileWithoutCredentialsIsNamedAndNeverReplacedByDummyOnesForALocalServer() {
        assertThatThrownBy(() -> DynamoDbConnection.open(settings(URI.create("http://127.0.0.1:8000"), "staging"),
                info::add))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'staging' (chosen by <profile>) gave no credentials: no profile"
                        + " of that name is defined in ~/.aws/config or ~/.aws/credentials.\nFix the profile");
        assertThat(info).isEmpty();
    }

    @Test
    void theMetadataServiceAloneHasAShortLimit() {
        AwsCredentialsProvider silent = () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        };
        var limited = new TimeLimited(silent, "EC2 instance metadata service", Duration.ofMillis(200));

        assertThatThrownBy(limited::resolveCredentials)
                .isInstanceOf(SdkClientException.class)
                .hasMessage("EC2 instance metadata service: no answer within 200 ms (off EC2 it never answers)");
        assertThat(Credentials.METADATA_SERVICE_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theDefaultChainNamesEverySourceThatFailedAndWhy() {
        assertThatThrownBy(() -> Credentials.resolvedOrFail(
                Credentials.defaultChain(ProfileFile.aggregator().build()), "default provider chain",
                Duration.ofSeconds(30)))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("EnvironmentVariableCredentialsProvider")
                .hasMessageContaining("ProfileCredentialsProvider")
                .hasMessageContaining("EC2 instance metadata service: ");
    }

    @Test
    void aLoopbackEndpointWithoutCredentialsGetsDummyOnesAndSaysSo() throws Exception {
        try (DynamoDbConnection connection = DynamoDbConnection.open(settings(URI.create("http://localhost:8000"), null),
                info::add)) {
            assertThat(connection.target()).isEqualTo("region us-east-1 at http://localhost:8000");
        }
        assertThat(info).containsExactly(
                "No AWS credentials found; using dummy credentials for the local endpoint http://localhost:8000");
    }

    @Test
    void credentialsFromTheBuildAreUsedAsTheyAre() throws Exception {
        ConnectionSettings fromServer = new ConnectionSettings(null, null, null,
                new ConnectionSettings.AccessKey("AKID", "secret", "settings.xml server 'aws'"), Duration.ofSeconds(5),
                Map.of());
        try (DynamoDbConnection connection = DynamoDbConnection.open(fromServer, info::add)) {
            assertThat(connection.region()).isEqualTo("us-east-1");
        }
        assertThat(info).isEmpty();
    }
}
