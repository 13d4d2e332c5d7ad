package io.github.dynamosetup.declaration;

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

    /** {@code name:TYPE}. */
    @Override
    public String toString() {
        return attributeName + ":" + type;
    }
}
