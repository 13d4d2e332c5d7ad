package io.github.dynamosetup.spec;

/** The scalar types DynamoDB allows for key attributes: string, number and binary. */
public enum AttributeType {
    S,
    N,
    B
}
