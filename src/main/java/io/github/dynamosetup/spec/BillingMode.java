package io.github.dynamosetup.spec;

/** How a table is billed: on demand, or with provisioned read and write capacity. */
public enum BillingMode {
    PAY_PER_REQUEST,
    PROVISIONED
}
