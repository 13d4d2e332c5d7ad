package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.TestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * An assume-role profile (role_arn + source_profile) asks STS where the configuration says. moto answers STS
 * AssumeRole on the DynamoDB port and puts the assumed role in the role's account: GetCallerIdentity then
 * names that account, which proves the credentials came from the AssumeRole that moto answered.
 */
@ExtendWith(DynamoDbServerExtension.class)
class AssumeRoleProfileTest {

    private static final String ROLE_ACCOUNT = "111122223333";

    @TempDir
    Path home;

    private Supplier<ProfileFile> files() throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[profile deploy]\n"
                + "role_arn = arn:aws:iam::" + ROLE_ACCOUNT + ":role/deployer\n"
                + "source_profile = base\n"
                + "role_session_name = dynamo-setup-test\n"
                + "region = eu-west-2\n"
                + "[profile base]\n"
                + "aws_access_key_id = AKIDBASE\n"
                + "aws_secret_access_key = base-secret\n");
        return () -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
    }

    private ConnectionSettings settings(URI endpoint, URI sts) throws Exception {
        return new ConnectionSettings(null, endpoint, "<endpoint>", sts, null, null, Duration.ofSeconds(30),
                Duration.ofSeconds(30), Map.of("AWS_PROFILE", "deploy"), files());
    }

    @Test
    void withALocalEndpointAssumeRoleGoesToThatServer(TestServer server) throws Exception {
        try (DynamoDbConnection connection = DynamoDbConnection.open(settings(server.endpoint(), null), line -> {})) {
            assertThat(connection.region()).isEqualTo("eu-west-2");
            assertThat(connection.credentials().accessKeyId()).isNotEqualTo("AKIDBASE").startsWith("ASIA");
            assertThat(connection.accountId()).isEqualTo(ROLE_ACCOUNT);
            assertThat(connection.client().listTables().tableNames()).isNotNull();
        }
    }

    @Test
    void withARemoteEndpointAssumeRoleGoesToTheConfiguredStsEndpoint(TestServer server) throws Exception {
        // the DynamoDB endpoint cannot resolve and is never called: credentials are resolved at open
        URI remote = URI.create("https://dynamodb.example.invalid");
        try (DynamoDbConnection connection = DynamoDbConnection.open(settings(remote, server.endpoint()), line -> {})) {
            assertThat(connection.credentials().accessKeyId()).startsWith("ASIA");
            assertThat(connection.accountId()).isEqualTo(ROLE_ACCOUNT);
        }
    }
}
