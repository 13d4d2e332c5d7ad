package io.github.dynamosetup.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to talk to DynamoDB, as configured; {@code null} means "not configured".
 *
 * @param region the region parameter
 * @param endpoint the endpoint override, for local servers
 * @param profile a named profile of the shared AWS config and credentials files
 * @param credentials an access key pair given by the build (settings.xml server)
 * @param apiCallTimeout how long one API call may take, retries included
 * @param environment the process environment, read for {@code AWS_REGION}
 */
public record ConnectionSettings(
        String region,
        URI endpoint,
        String profile,
        AccessKey credentials,
        Duration apiCallTimeout,
        Map<String, String> environment) {

    public ConnectionSettings {
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        environment = Map.copyOf(environment);
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
}
