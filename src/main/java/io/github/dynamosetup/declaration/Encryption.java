package io.github.dynamosetup.declaration;

/** Who holds the key that encrypts a table at rest. */
public enum Encryption {
    /** A key AWS owns and manages (DynamoDB's default, no charge). */
    AWS_OWNED,
    /** The AWS managed KMS key of the account, {@code aws/dynamodb}. */
    AWS_MANAGED,
    /** A customer managed KMS key, named by its id, ARN or alias. */
    CUSTOMER_MANAGED
}
