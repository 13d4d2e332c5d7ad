package io.github.dynamosetup.declaration;

/** Global or local secondary index. */
public enum IndexKind {
    GLOBAL,
    LOCAL
}
