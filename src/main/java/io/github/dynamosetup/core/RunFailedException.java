package io.github.dynamosetup.core;

import java.util.List;

/**
 * A run that wrote something failed part-way. The message says, table by table, what was done and where
 * it stopped, so that the next run (which picks up where this one stopped) finishes the job.
 */
public class RunFailedException extends ProvisioningException {

    public RunFailedException(Goal goal, List<String> tableLines, ProvisioningException firstFailure,
            Remedies remedies) {
        super(goal.goalName() + " did not finish: " + firstFailure.getMessage() + "\nWhere each table stands:"
                + String.join("", tableLines.stream().map(l -> "\n  " + l).toList())
                + "\nRun " + remedies.run(goal) + " again: it reads each table's state and does only"
                + " what is left.", firstFailure);
    }
}
