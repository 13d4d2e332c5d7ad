package io.github.dynamosetup.declaration;

import java.util.Locale;
import java.util.Objects;

/**
 * A key attribute (partition key or sort key of a table or index): its name and scalar type.
 *
 * @param attributeName the attribute's name
 * @param type its type
 */
public record KeyAttribute(String attributeName, AttributeType type) {

    public KeyAttribute {
        Objects.requireNonNull(attributeName, "attributeName");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Reads the POM notation {@code name:TYPE}, where TYPE is S, N or B; a bare {@code name} means S.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and how to write it
     */
    public static KeyAttribute parse(String text) {
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

    /** The POM notation of this key, {@code name:TYPE}. */
    @Override
    public String toString() {
        return attributeName + ":" + type;
    }
}
