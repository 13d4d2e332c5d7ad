package io.github.dynamosetup.aws;

import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Keeps the AWS SDK's debug lines that carry secrets out of Maven's log.
 *
 * <p>Under {@code mvn -X} Maven lets every logger print DEBUG, the SDK's included. Its SigV4 signer then
 * prints each request's canonical request, headers with their values: {@code x-amz-security-token} is one
 * of them whenever the credentials are temporary ({@code AWS_SESSION_TOKEN}, {@code credential_process}, SSO,
 * an assumed role), so the session token would be in the build log. Measured with SDK 2.57 under Maven 3.9:
 * {@code software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner} prints "AWS4 Canonical
 * Request" with that header; {@code software.amazon.awssdk.request} prints header <em>names</em> only, and
 * nothing else of the SDK printed a secret key, a token or a proxy password.
 *
 * <p>Maven's logger (SLF4J Simple, as Maven 3 ships it; its fork in Maven 4) reads a logger's level from the
 * system property {@code org.slf4j.simpleLogger.log.<name>} (Maven 3) or {@code maven.logger.log.<name>}
 * (Maven 4) when the logger is first made, which is when the SDK class that owns it is first used. The plugin
 * sets both to {@code info} for the signer loggers before it makes its first client.
 */
public final class SecretLogging {

    /** The SDK's loggers whose DEBUG lines carry request header values. */
    static final List<String> SIGNER_LOGGERS = List.of(
            "software.amazon.awssdk.http.auth.aws.internal.signer", // DefaultV4RequestSigner (SDK 2.21 and later)
            "software.amazon.awssdk.auth.signer");                  // the older Aws4Signer, same lines

    /** The logger that prints the canonical request, to check that it is quiet. */
    static final String CANONICAL_REQUEST_LOGGER =
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner";

    private SecretLogging() {}

    /**
     * Lowers the signer loggers to INFO, and says what could not be lowered: a warning for the log when the
     * signer's logger still prints DEBUG (it was made before, by another plugin using the SDK, or Maven's
     * logging was replaced by one that ignores these properties).
     */
    public static Optional<String> quietSigners() {
        for (String logger : SIGNER_LOGGERS) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
            System.setProperty("maven.logger.log." + logger, "info");
        }
        if (LoggerFactory.getLogger(CANONICAL_REQUEST_LOGGER).isDebugEnabled()) {
            return Optional.of("The AWS SDK's request signer logs at DEBUG in this build (logger "
                    + CANONICAL_REQUEST_LOGGER + "), and its lines show the session token of temporary credentials;"
                    + " set that logger to INFO in your logging configuration, or run without -X.");
        }
        return Optional.empty();
    }
}
