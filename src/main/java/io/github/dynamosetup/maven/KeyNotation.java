package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.KeyAttribute;
import java.util.Locale;

/** The POM's notation of a key attribute, {@code name:TYPE}, where TYPE is S, N or B; a bare {@code name} means S. */
final class KeyNotation {

    private KeyNotation() {}

    /** @throws IllegalArgumentException with a message that says what is wrong and how to write it */
    static KeyAttribute parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
        String type = colon < 0 ? "S" : trimmed.substring(colon + 1).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no attribute name; write it as name:TYPE, e.g. doctor_id:S");
        }
        try {
            return new KeyAttribute(name, AttributeType.valueOf(type.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' has the key type '" + type
                    + "', but DynamoDB keys are S (string), N (number) or B (binary); write it as "
                    + name + ":S, " + name + ":N or " + name + ":B");
        }
    }
}
