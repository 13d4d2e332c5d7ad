package io.github.dynamosetup.maven;

/** A {@code <localSecondaryIndex>} of a {@code <table>}: the table's partition key with another sort key. */
public class PomLocalSecondaryIndex extends PomSecondaryIndex {}
