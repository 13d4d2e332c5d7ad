package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.KeyAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The POM's notation of a key attribute, {@code name:TYPE}, where TYPE is S, N or B; a bare {@code name} means S.
 * A key of several attributes (global secondary indexes only) lists them in order, separated by commas:
 * {@code tenant:S, region:S}.
 */
final class KeyNotation {

    private KeyNotation() {}

    /**
     * The attributes of a key in order, separated by commas.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and how to write it
     */
    static List<KeyAttribute> parseList(String text) {
        List<KeyAttribute> keys = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' has an empty attribute between commas; list the"
                        + " attributes as name:TYPE separated by commas, e.g. tenant:S, region:S");
            }
            keys.add(parse(part));
        }
        return keys;
    }

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
