package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

class DynamoDbConnectionTest {

    @TempDir
    Path home;

    private Supplier<ProfileFile> profiles() throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[profile staging]\nregion = eu-central-1\n"
                + "[profile noregion]\noutput = json\n");
        return () -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
    }

    private static ConnectionSettings settings(String region, String profile, Map<String, String> environment) {
        return new ConnectionSettings(region, null, profile, null, Duration.ofMinutes(1), environment);
    }

    @Test
    void theRegionParameterWins() throws Exception {
        assertThat(DynamoDbConnection.resolveRegion(
                settings("ap-south-1", "staging", Map.of("AWS_REGION", "us-west-2")), profiles()))
                .isEqualTo("ap-south-1");
    }

    @Test
    void thenAwsRegionFromTheEnvironment() throws Exception {
        assertThat(DynamoDbConnection.resolveRegion(settings(null, "staging", Map.of("AWS_REGION", "us-west-2")),
                profiles())).isEqualTo("us-west-2");
    }

    @Test
    void thenTheRegionOfTheConfiguredProfile() throws Exception {
        assertThat(DynamoDbConnection.resolveRegion(settings(null, "staging", Map.of()), profiles()))
                .isEqualTo("eu-central-1");
    }

    @Test
    void elseUsEast1() throws Exception {
        assertThat(DynamoDbConnection.resolveRegion(settings(null, null, Map.of()), profiles())).isEqualTo("us-east-1");
        assertThat(DynamoDbConnection.resolveRegion(settings(" ", "noregion", Map.of("AWS_REGION", "")), profiles()))
                .isEqualTo("us-east-1");
        assertThat(DynamoDbConnection.resolveRegion(settings(null, "unknown", Map.of()), profiles()))
                .isEqualTo("us-east-1");
    }

    private record RegionCase(String parameter, String profile, Map<String, String> environment, String expected) {}

    @Test
    void theWholeRegionRuleFollowsTheCliWhereTheSeedIsSilent() throws Exception {
        Supplier<ProfileFile> profiles = profiles();
        List<RegionCase> cases = List.of(
                new RegionCase("ap-south-1", "staging", Map.of("AWS_REGION", "us-west-2",
                        "AWS_DEFAULT_REGION", "eu-north-1", "AWS_PROFILE", "staging"), "ap-south-1"),
                new RegionCase(null, "staging", Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "eu-north-1"),
                        "us-west-2"),
                new RegionCase(null, "staging", Map.of("AWS_DEFAULT_REGION", "eu-north-1"), "eu-north-1"),
                new RegionCase(null, null, Map.of("AWS_REGION", " ", "AWS_DEFAULT_REGION", "eu-north-1"), "eu-north-1"),
                new RegionCase(null, "staging", Map.of(), "eu-central-1"),
                new RegionCase(null, null, Map.of("AWS_PROFILE", "staging"), "eu-central-1"),
                new RegionCase(null, "noregion", Map.of("AWS_PROFILE", "staging"), "us-east-1"),
                new RegionCase(null, " ", Map.of("AWS_PROFILE", "staging"), "eu-central-1"),
                new RegionCase(null, null, Map.of("AWS_PROFILE", "unknown"), "us-east-1"),
                new RegionCase(null, null, Map.of(), "us-east-1"));
        for (RegionCase c : cases) {
            assertThat(DynamoDbConnection.resolveRegion(settings(c.parameter(), c.profile(), c.environment()), profiles))
                    .as(c.toString()).isEqualTo(c.expected());
        }
    }

    @Test
    void stsGoesToALocalDynamoDbEndpointElseToTheConfiguredStsEndpointNeverToARemoteDynamoDbEndpoint() {
        URI local = URI.create("http://127.0.0.1:4566");
        URI configuredSts = URI.create("https://sts.example.invalid");
        URI vpcEndpoint = URI.create("https://vpce-1.dynamodb.eu-west-1.vpce.example.invalid");
        assertThat(DynamoDbConnection.stsEndpoint(connection(local, configuredSts))).isEqualTo(local);
        assertThat(DynamoDbConnection.stsEndpoint(connection(vpcEndpoint, configuredSts))).isEqualTo(configuredSts);
        assertThat(DynamoDbConnection.stsEndpoint(connection(vpcEndpoint, null))).isNull();
        assertThat(DynamoDbConnection.stsEndpoint(connection(null, null))).isNull();
    }

    private static ConnectionSettings connection(URI endpoint, URI sts) {
        return new ConnectionSettings(null, endpoint, "<endpoint>", sts, null, null, Duration.ofMinutes(1),
                Duration.ofMinutes(1), Map.of(), () -> ProfileFile.aggregator().build());
    }

    @Test
    void settingsNeverPrintTheEnvironmentOrASecret() {
        ConnectionSettings settings = new ConnectionSettings(null, null, null,
                new ConnectionSettings.AccessKey("AKID", "s3cr3t", "settings.xml server 'x'"), Duration.ofMinutes(1),
                Map.of("AWS_SECRET_ACCESS_KEY", "envs3cr3t"));
        assertThat(settings.toString()).contains("AKID").doesNotContain("s3cr3t").doesNotContain("envs3cr3t");
    }

    @Test
    void loopbackEndpointsAreRecognisedWithoutLookingUpNames() {
        assertThat(Endpoints.isLoopback(URI.create("http://localhost:8000"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://127.0.0.1:8000"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://127.10.0.3:8000"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://[::1]:8000"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://dynamo.localhost:8000"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://10.0.0.5:8000"))).isFalse();
        assertThat(Endpoints.isLoopback(URI.create("https://dynamodb.example.test"))).isFalse();
        assertThat(Endpoints.isLoopback(URI.create("http://cafe:8000"))).isFalse();
        assertThat(Endpoints.isLoopback(null)).isFalse();
    }

    @Test
    void plainHttpToAnotherMachineGetsAWarningDecidedWithoutConnecting() {
        assertThat(Endpoints.insecureWarning(URI.create("http://dynamodb.internal.example:8000")))
                .hasValueSatisfying(w -> assertThat(w).startsWith("The endpoint http://dynamodb.internal.example:8000"
                        + " is plain http:// to another machine"));
        assertThat(Endpoints.insecureWarning(URI.create("http://10.1.2.3:8000"))).isPresent();
        assertThat(Endpoints.insecureWarning(URI.create("https://dynamodb.internal.example"))).isEmpty();
        assertThat(Endpoints.insecureWarning(URI.create("http://localhost:8000"))).isEmpty();
        assertThat(Endpoints.insecureWarning(URI.create("http://127.0.0.1:8000"))).isEmpty();
        assertThat(Endpoints.insecureWarning(null)).isEmpty();
    }

    @Test
    void anAccessKeyNeverShowsItsSecret() {
        ConnectionSettings.AccessKey key = new ConnectionSettings.AccessKey("AKID", "s3cr3t", "settings.xml server 'x'");
        assertThat(key.toString()).contains("AKID").doesNotContain("s3cr3t");
    }
}
