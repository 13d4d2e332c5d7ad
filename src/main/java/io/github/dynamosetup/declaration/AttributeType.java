package io.github.dynamosetup.declaration;

/** The scalar types DynamoDB allows for key attributes: string, number and binary. */
public enum AttributeType {
    S,
    N,
    B
}
