package io.github.dynamosetup.declaration;

import java.util.List;
import java.util.Objects;

/**
 * A local secondary index as declared: it shares the table's partition key and has its own sort key.
 *
 * @param name the index name
 * @param sortKey the index's sort key, {@code null} when not declared
 * @param projection which attributes the index copies
 * @param nonKeyAttributes the attributes an {@link IndexProjection#INCLUDE} projection copies
 */
public record DeclaredLocalIndex(String name, KeyAttribute sortKey, IndexProjection projection, List<String> nonKeyAttributes) {

    public DeclaredLocalIndex {
        Objects.requireNonNull(projection, "projection");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }
}
