package io.github.dynamosetup.aws;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.IoUtils;

/** A credentials source that must answer within a short limit, or counts as having none. */
final class TimeLimited implements AwsCredentialsProvider, AutoCloseable {
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
            return Credentials.within(delegate::resolveCredentials, limit);
        } catch (ExecutionException e) {
            throw SdkClientException.create(name + ": " + Credentials.why(e.getCause()), e.getCause());
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
