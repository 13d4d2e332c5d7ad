package io.github.dynamosetup.declaration;

import java.util.List;
import java.util.stream.Collectors;

/** The declared tables break DynamoDB's rules or the plugin's; nothing was sent to AWS. */
public class InvalidDeclarationException extends Exception {

    private final List<ConfigurationProblem> problems;

    public InvalidDeclarationException(List<ConfigurationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigurationProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigurationProblem> problems) {
        return "The dynamo-setup configuration is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "); no AWS call was made:"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
