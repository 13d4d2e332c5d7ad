package io.github.dynamosetup.declaration;

/** DynamoDB's table classes: the default, and the one cheaper to store and dearer to read. */
public enum TableClass {
    STANDARD,
    STANDARD_INFREQUENT_ACCESS
}
