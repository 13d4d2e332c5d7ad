package io.github.dynamosetup.declaration;

/** What a DynamoDB stream record holds about a changed item. */
public enum StreamViewType {
    KEYS_ONLY,
    NEW_IMAGE,
    OLD_IMAGE,
    NEW_AND_OLD_IMAGES
}
