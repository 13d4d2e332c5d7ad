package io.github.dynamosetup.localserver;

import java.util.Locale;
import java.util.Optional;

/** A kind of DynamoDB-compatible server {@code start} can run. */
public enum Backend {
    /** A container through Testcontainers, where a Docker engine answers. */
    DOCKER,
    /** moto's server, {@code python3 -m moto.server}. */
    MOTO,
    /** dynalite on Node.js. */
    DYNALITE;

    /** The name as written in the POM. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The backend named {@code value}, any case; empty for {@code auto} and for names that are none. */
    public static Optional<Backend> of(String value) {
        for (Backend backend : values()) {
            if (backend.value().equalsIgnoreCase(value.trim())) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }
}
