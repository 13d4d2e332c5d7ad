package io.github.dynamosetup.aws;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;

/** The shared AWS config and credentials files, as the SDK finds them, for checks and messages. */
public final class ProfileFiles {

    private ProfileFiles() {}

    /**
     * Which files the SDK reads, for messages: {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE}
     * when set, else {@code ~/.aws/config} and {@code ~/.aws/credentials} (see "Location of the shared config
     * and credentials files", https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html).
     */
    public static String describe(Map<String, String> environment) {
        return file(environment, "AWS_CONFIG_FILE", "~/.aws/config") + " or "
                + file(environment, "AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials");
    }

    private static String file(Map<String, String> environment, String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.trim() + " (" + variable + ")";
    }

    /**
     * The files read once, and the reason they could not be, if so: a malformed file is a configuration
     * problem, reported before any AWS call.
     */
    public static final class Once implements Supplier<ProfileFile> {
        private final Supplier<ProfileFile> source;
        private ProfileFile files;
        private RuntimeException failure;

        public Once(Supplier<ProfileFile> source) {
            this.source = source;
        }

        @Override
        public synchronized ProfileFile get() {
            if (files == null && failure == null) {
                try {
                    files = source.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return files;
        }

        /** Why the files could not be read, if they could not. */
        public Optional<String> problem() {
            try {
                get();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
    }
}
