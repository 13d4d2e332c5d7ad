package io.github.dynamosetup.declaration;

/** How a table is billed: on demand, or with provisioned read and write capacity. */
public enum BillingMode {
    PAY_PER_REQUEST,
    PROVISIONED
}
