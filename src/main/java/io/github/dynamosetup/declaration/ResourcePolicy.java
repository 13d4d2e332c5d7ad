package io.github.dynamosetup.declaration;

import java.util.Objects;

/**
 * A table's resource-based policy as declared: the JSON document DynamoDB is sent, exactly as written (AWS counts
 * its whitespace against the size limit), and the file it was read from, for messages.
 *
 * @param document the policy document, JSON text
 * @param file the file it was read from, relative to the project ({@code <resourcePolicyFile>}); {@code null}
 *     when the document is written in the declaration itself
 */
public record ResourcePolicy(String document, String file) {

    public ResourcePolicy {
        Objects.requireNonNull(document, "document");
    }

    /** A document written in the declaration itself. */
    public static ResourcePolicy inline(String document) {
        return new ResourcePolicy(document, null);
    }
}
