package io.github.dynamosetup.core;

import java.util.List;
import java.util.stream.Collectors;

/** What a run does, and the AWS actions (IAM permissions) it needs. */
public enum Goal {
    CREATE("create", Actions.with(Actions.WRITE, Actions.REPLICAS), Actions.WRITE_AUTO_SCALING),
    VALIDATE("validate", Actions.READ, Actions.READ_AUTO_SCALING),
    PLAN("plan", Actions.READ, Actions.READ_AUTO_SCALING),
    FORCE("force", Actions.with(List.of("dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:UpdateTimeToLive",
            "dynamodb:UpdateContinuousBackups", "dynamodb:TagResource",
            "dynamodb:UpdateContributorInsights", "dynamodb:DescribeContributorInsights",
            "dynamodb:PutResourcePolicy", "dynamodb:UpdateTable"), Actions.REPLICAS),
            Actions.WRITE_AUTO_SCALING),
    SEED("seed", List.of("dynamodb:BatchWriteItem"), List.of()),
    DELETE("delete", List.of("dynamodb:DescribeTable", "dynamodb:DeleteTable"), List.of()),
    RESET("reset", List.of("dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:BatchWriteItem"), List.of());

    /**
     * Holds what enum constants cannot refer to before they are declared. A table with a resource policy needs
     * dynamodb:GetResourcePolicy to read it and dynamodb:PutResourcePolicy to write it, also to create the table with
     * it: "You need to specify the CreateTable and PutResourcePolicy IAM actions for authorizing a user to create a
     * table with a resource-based policy" (API_CreateTable, ResourcePolicy). dynamo-setup never deletes a policy.
     */
    private static final class Actions {
        static final List<String> READ = List.of("dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive",
                "dynamodb:ListTagsOfResource", "dynamodb:DescribeContinuousBackups",
                "dynamodb:DescribeContributorInsights", "dynamodb:GetResourcePolicy");
        static final List<String> WRITE = List.of("dynamodb:CreateTable", "dynamodb:DescribeTable",
                "dynamodb:DescribeTimeToLive", "dynamodb:ListTagsOfResource", "dynamodb:DescribeContinuousBackups",
                "dynamodb:UpdateTable", "dynamodb:UpdateTimeToLive", "dynamodb:UpdateContinuousBackups",
                "dynamodb:TagResource",
                "dynamodb:UpdateContributorInsights", "dynamodb:DescribeContributorInsights",
                "dynamodb:GetResourcePolicy", "dynamodb:PutResourcePolicy");
        /**
         * Adding a global table replica: UpdateTable in the table's region, and what DynamoDB does in the replica's
         * region in the caller's name (CreateTableReplica, CreateTable, and the item actions that copy the data),
         * "Using IAM with global tables" (developer guide, globaltables-security). The table statement's
         * resource, every region's tables, covers both regions; the replication service-linked role
         * (AWSServiceRoleForDynamoDBReplication) is made on first use with iam:CreateServiceLinkedRole.
         */
        static final List<String> REPLICAS = List.of("dynamodb:CreateTableReplica", "dynamodb:Scan",
                "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem",
                "dynamodb:BatchWriteItem");

        static List<String> with(List<String> actions, List<String> more) {
            return java.util.stream.Stream.concat(actions.stream(), more.stream()).toList();
        }

        /** Auto scaling's reads: its scalable targets and policies, asked for only where a table needs them. */
        static final List<String> READ_AUTO_SCALING = List.of("application-autoscaling:DescribeScalableTargets",
                "application-autoscaling:DescribeScalingPolicies");
        /**
         * Auto scaling's writes, with what AWS asks of the caller besides: the CloudWatch alarms of a target tracking
         * policy ("Permissions required for API actions on target services and CloudWatch", Application Auto Scaling
         * user guide, security_iam_id-based-policy-examples.html) and, on the account's first scalable target of
         * DynamoDB, its service-linked role AWSServiceRoleForApplicationAutoScaling_DynamoDBTable.
         */
        static final List<String> WRITE_AUTO_SCALING = List.of("application-autoscaling:RegisterScalableTarget",
                "application-autoscaling:PutScalingPolicy", "application-autoscaling:DescribeScalableTargets",
                "application-autoscaling:DescribeScalingPolicies", "cloudwatch:PutMetricAlarm",
                "cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms", "iam:CreateServiceLinkedRole");
    }

    private final String goalName;
    private final List<String> iamActions;
    private final List<String> autoScalingActions;

    Goal(String goalName, List<String> iamActions, List<String> autoScalingActions) {
        this.goalName = goalName;
        this.iamActions = iamActions;
        this.autoScalingActions = autoScalingActions;
    }

    /** The goal as typed on the command line ({@code create}). */
    public String goalName() {
        return goalName;
    }


    /**
     * The smallest IAM policy that lets this goal run, as JSON: DynamoDB's actions on the tables, and those of auto
     * scaling, which name no table (Application Auto Scaling's actions take no table ARN), on any resource.
     */
    public String iamPolicy() {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [{\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Action\": [" + quoted(iamActions) + "],\n"
                + "    \"Resource\": \"arn:aws:dynamodb:*:*:table/*\"\n"
                + (autoScalingActions.isEmpty() ? "" : "  }, {\n"
                        + "    \"Effect\": \"Allow\",\n"
                        + "    \"Action\": [" + quoted(autoScalingActions) + "],\n"
                        + "    \"Resource\": \"*\"\n")
                + "  }]\n"
                + "}";
    }

    private static String quoted(List<String> actions) {
        return actions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
    }
}
