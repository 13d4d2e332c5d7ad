package io.github.dynamosetup.core;

import java.util.List;
import java.util.stream.Collectors;

/** What a run does, and the DynamoDB actions (IAM permissions) it needs. */
public enum Goal {
    CREATE("create", Actions.WRITE),
    VALIDATE("validate", Actions.READ),
    PLAN("plan", Actions.READ),
    FORCE("force", List.of("dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:UpdateTimeToLive",
            "dynamodb:UpdateContinuousBackups", "dynamodb:TagResource",
            "dynamodb:UpdateContributorInsights", "dynamodb:DescribeContributorInsights",
            "dynamodb:PutResourcePolicy")),
    SEED("seed", List.of("dynamodb:BatchWriteItem")),
    DELETE("delete", List.of("dynamodb:DescribeTable", "dynamodb:DeleteTable")),
    RESET("reset", List.of("dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:BatchWriteItem"));

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
    }

    private final String goalName;
    private final List<String> iamActions;

    Goal(String goalName, List<String> iamActions) {
        this.goalName = goalName;
        this.iamActions = iamActions;
    }

    /** The goal as typed on the command line ({@code create}). */
    public String goalName() {
        return goalName;
    }


    /** The smallest IAM policy that lets this goal run, as JSON. */
    public String iamPolicy() {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [{\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Action\": ["
                + iamActions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "))
                + "],\n"
                + "    \"Resource\": \"arn:aws:dynamodb:*:*:table/*\"\n"
                + "  }]\n"
                + "}";
    }
}
