package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.profiles.ProfileFile;

/** Endpoints are checked and chosen offline: nothing here connects. */
class EndpointsTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://localhost:8000          | http://localhost:8000
            HTTP://127.0.0.1:8000          | http://127.0.0.1:8000
            Https://dynamodb.eu-west-1.amazonaws.com | https://dynamodb.eu-west-1.amazonaws.com
            http://127.0.0.1:8000/         | http://127.0.0.1:8000
            '  http://[::1]:8000  '        | http://[::1]:8000
            http://localhost:1             | http://localhost:1
            http://localhost:65535         | http://localhost:65535
            https://dynamodb.example.invalid | https://dynamodb.example.invalid
            """)
    void validEndpointsAreAcceptedAndNormalised(String value, String expected) {
        assertThat(Endpoints.parse(value)).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:99999         | 'http://127.0.0.1:99999' has the port 99999; a port is a number from 1 to 65535
            http://127.0.0.1:0             | 'http://127.0.0.1:0' has the port 0; a port is a number from 1 to 65535
            http://127.0.0.1:123456789012  | 'http://127.0.0.1:123456789012' has the port 123456789012; a port is a number from 1 to 65535
            http://127.0.0.1:              | 'http://127.0.0.1:' ends its host with ':' but gives no port; write the port (e.g. http://127.0.0.1:8000) or leave out the ':'
            http://[::1]:                  | 'http://[::1]:' ends its host with ':' but gives no port
            http://localhost:80a           | 'http://localhost:80a' has the port '80a', which is not a number
            localhost:8000                 | 'localhost:8000' does not start with http:// or https://; write e.g. http://localhost:8000
            ftp://localhost:8000           | 'ftp://localhost:8000' does not start with http:// or https://
            http://localhost:8000/dynamodb | 'http://localhost:8000/dynamodb' has a path ('/dynamodb'); a DynamoDB endpoint is scheme, host and port only
            http://localhost:8000?x=1      | 'http://localhost:8000?x=1' has a query or fragment
            http://localhost:8000/#top     | 'http://localhost:8000/#top' has a query or fragment
            http://                        | 'http://' is not a URL
            http://under_score:8000        | 'http://under_score:8000' has no valid host name
            'http://local host:8000'       | 'http://local host:8000' is not a URL
            """)
    void invalidEndpointsSayWhatIsWrongAndHowToWriteThem(String value, String message) {
        assertThatThrownBy(() -> Endpoints.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://admin:s3cr3t@localhost:8000",
        "https://s3cr3t@dynamodb.example.invalid",
        "http://admin:s3cr3t@local host:8000",
        "ftp://admin:s3cr3t@localhost"
    })
    void userInfoIsRefusedWithoutBeingRepeated(String value) {
        assertThatThrownBy(() -> Endpoints.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cr3t")
                .hasMessageNotContaining("admin")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("user info", "does not start with http://"));
        assertThatThrownBy(() -> Endpoints.parse("http://admin:s3cr3t@localhost:8000"))
                .hasMessageStartingWith("the URL has user info (name:password@ before the host), which is not shown"
                        + " here; remove it");
    }

    private Supplier<ProfileFile> config(String text) throws Exception {
        Path file = Files.writeString(home.resolve("config"), text);
        return () -> ProfileFile.builder().content(file).type(ProfileFile.Type.CONFIGURATION).build();
    }

    private static final String CONFIG = """
            [default]
            endpoint_url = http://127.0.0.1:7000
            [profile dev]
            region = eu-west-1
            services = local
            endpoint_url = http://127.0.0.1:7001
            [profile broken]
            endpoint_url = http://127.0.0.1:99999
            [profile ignoring]
            endpoint_url = http://127.0.0.1:7001
            ignore_configured_endpoint_urls = true
            [services local]
            dynamodb =
              endpoint_url = http://127.0.0.1:7002
            sts =
              endpoint_url = http://127.0.0.1:7003
            """;

    private record Case(String parameter, Map<String, String> environment, String profile, String expected,
            String source) {}

    @Test
    void theParameterWinsThenTheSdksOrderOfServiceSpecificEndpoints() throws Exception {
        Supplier<ProfileFile> files = config(CONFIG);
        List<Case> cases = List.of(
                new Case("http://localhost:8000", Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9000"), "dev",
                        "http://localhost:8000", "<endpoint>"),
                new Case(null, Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9000",
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:9001"), "dev",
                        "http://127.0.0.1:9000", "AWS_ENDPOINT_URL_DYNAMODB (environment variable)"),
                new Case(null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9001"), "dev",
                        "http://127.0.0.1:7002", "endpoint_url of dynamodb in [services local] (profile 'dev')"),
                new Case(null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9001"), "default",
                        "http://127.0.0.1:9001", "AWS_ENDPOINT_URL (environment variable)"),
                new Case(null, Map.of(), "default", "http://127.0.0.1:7000", "endpoint_url of profile 'default'"),
                new Case(null, Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true",
                        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9000"), "dev", null, null),
                new Case("http://localhost:8000", Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), "dev",
                        "http://localhost:8000", "<endpoint>"),
                new Case(null, Map.of(), "ignoring", null, null),
                new Case(null, Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"), "ignoring",
                        "http://127.0.0.1:7001", "endpoint_url of profile 'ignoring'"),
                new Case(null, Map.of(), "nosuchprofile", null, null));
        for (Case c : cases) {
            List<String> problems = new ArrayList<>();
            Optional<Endpoints.Configured> chosen = Endpoints.configured("dynamodb", c.parameter(), "<endpoint>",
                    c.environment(), files, c.profile(), (where, what) -> problems.add(where + ": " + what));
            assertThat(problems).as(c.toString()).isEmpty();
            assertThat(chosen.map(Endpoints.Configured::uri).map(URI::toString).orElse(null)).as(c.toString())
                    .isEqualTo(c.expected());
            assertThat(chosen.map(Endpoints.Configured::source).orElse(null)).as(c.toString()).isEqualTo(c.source());
        }
    }

    @Test
    void stsHasItsOwnServiceSpecificSettings() throws Exception {
        Supplier<ProfileFile> files = config(CONFIG);
        assertThat(Endpoints.configured("sts", null, null, Map.of(), files, "dev", (w, m) -> {}))
                .contains(new Endpoints.Configured(URI.create("http://127.0.0.1:7003"),
                        "endpoint_url of sts in [services local] (profile 'dev')"));
        assertThat(Endpoints.configured("sts", null, null, Map.of("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9100"),
                files, "dev", (w, m) -> {}))
                .contains(new Endpoints.Configured(URI.create("http://127.0.0.1:9100"),
                        "AWS_ENDPOINT_URL_STS (environment variable)"));
    }

    @Test
    void anEmptyEndpointVariableIsAProblemWhereTheSdkWouldReadIt() throws Exception {
        Supplier<ProfileFile> files = config(CONFIG);
        List<String> problems = new ArrayList<>();
        assertThat(Endpoints.configured("dynamodb", null, "<endpoint>", Map.of("AWS_ENDPOINT_URL_DYNAMODB", ""),
                files, "dev", (where, what) -> problems.add(where + ": " + what))).isEmpty();
        assertThat(problems).containsExactly("AWS_ENDPOINT_URL_DYNAMODB (environment variable): is set but empty,"
                + " which the AWS SDK cannot use as an endpoint; unset it ('unset AWS_ENDPOINT_URL_DYNAMODB') or give"
                + " a URL such as http://localhost:8000");
        problems.clear();
        // the parameter wins: the SDK never reads the variables then
        assertThat(Endpoints.configured("dynamodb", "http://localhost:8000", "<endpoint>",
                Map.of("AWS_ENDPOINT_URL_DYNAMODB", "", "AWS_ENDPOINT_URL", " "), files, "dev",
                (where, what) -> problems.add(where + ": " + what))).isPresent();
        assertThat(problems).isEmpty();
    }

    @Test
    void anInvalidEndpointFromTheEnvironmentOrAProfileNamesWhereItCameFrom() throws Exception {
        Supplier<ProfileFile> files = config(CONFIG);
        List<String> problems = new ArrayList<>();
        assertThat(Endpoints.configured("dynamodb", null, "<endpoint>", Map.of("AWS_ENDPOINT_URL_DYNAMODB",
                "http://127.0.0.1:99999"), files, "default", (where, what) -> problems.add(where + ": " + what)))
                .isEmpty();
        assertThat(Endpoints.configured("dynamodb", null, "<endpoint>", Map.of(), files, "broken",
                (where, what) -> problems.add(where + ": " + what))).isEmpty();
        assertThat(problems).containsExactly(
                "AWS_ENDPOINT_URL_DYNAMODB (environment variable): 'http://127.0.0.1:99999' has the port 99999; a"
                        + " port is a number from 1 to 65535",
                "endpoint_url of profile 'broken': 'http://127.0.0.1:99999' has the port 99999; a port is a number"
                        + " from 1 to 65535");
    }
}
