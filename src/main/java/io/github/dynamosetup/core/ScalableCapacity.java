package io.github.dynamosetup.core;

/**
 * One capacity dimension Application Auto Scaling can own: the reads or the writes of a table or of one of its
 * global secondary indexes. Names it the way Application Auto Scaling does
 * (<a href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html">
 * API_RegisterScalableTarget</a>: ResourceId {@code table/NAME} or {@code table/NAME/index/INDEX}, ScalableDimension
 * {@code dynamodb:table:ReadCapacityUnits}, {@code dynamodb:index:WriteCapacityUnits} ...; predefined metrics
 * {@code DynamoDBReadCapacityUtilization} and {@code DynamoDBWriteCapacityUtilization},
 * <a href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html">
 * API_PredefinedMetricSpecification</a>).
 *
 * @param index the global secondary index, or {@code null} for the table's own capacity
 * @param write writes ({@code true}) or reads
 */
public record ScalableCapacity(String index, boolean write) {

    /** Application Auto Scaling's namespace for DynamoDB. */
    static final String NAMESPACE = "dynamodb";

    /** {@code table/NAME} or {@code table/NAME/index/INDEX}. */
    String resourceId(String table) {
        return index == null ? "table/" + table : "table/" + table + "/index/" + index;
    }

    /** {@code dynamodb:table:ReadCapacityUnits} and its three siblings. */
    String dimension() {
        return "dynamodb:" + (index == null ? "table" : "index") + ":" + (write ? "Write" : "Read") + "CapacityUnits";
    }

    /** The predefined metric a target tracking policy of this dimension follows. */
    String metric() {
        return write ? "DynamoDBWriteCapacityUtilization" : "DynamoDBReadCapacityUtilization";
    }

    /**
     * The policy's name: the one DynamoDB's console gives ({@code DynamoDBReadCapacityUtilization:table/NAME}), so that
     * a policy made there is the one dynamo-setup converges, not a second one next to it. Policy names are unique per
     * scalable target.
     */
    String policyName(String table) {
        return metric() + ":" + resourceId(table);
    }

    /** For messages: {@code read capacity}, {@code write capacity of index byEmail}. */
    public String describe() {
        return (write ? "write" : "read") + " capacity" + (index == null ? "" : " of index " + index);
    }
}
