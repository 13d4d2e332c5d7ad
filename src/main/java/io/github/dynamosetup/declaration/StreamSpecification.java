package io.github.dynamosetup.declaration;

/**
 * A table's DynamoDB stream as declared. From the POM a stream is enabled by naming its view type; a
 * JSON file says both, and may contradict itself, which validation reports.
 *
 * @param enabled whether the stream is on
 * @param viewType what each record holds, {@code null} when not declared
 */
public record StreamSpecification(boolean enabled, StreamViewType viewType) {}
