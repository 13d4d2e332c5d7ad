package io.github.dynamosetup.declaration;

/** Which attributes a secondary index copies from the table, in DynamoDB's own terms. */
public enum IndexProjection {
    /** Every attribute of the item. */
    ALL,
    /** Only the table's and the index's keys. */
    KEYS_ONLY,
    /** The keys plus the index's non-key attributes. */
    INCLUDE
}
