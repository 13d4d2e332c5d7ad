package io.github.dynamosetup.spec;

/** Global or local secondary index. */
public enum IndexKind {
    GLOBAL,
    LOCAL
}
