package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.List;

/**
 * What a run found and did, table by table.
 *
 * @param goal the goal that ran
 * @param created tables this run created
 * @param existing declared tables that already existed
 * @param missing declared tables that do not exist (validate only)
 * @param elapsed time from the first API call to the end
 */
public record RunSummary(Goal goal, List<String> created, List<String> existing, List<String> missing,
        Duration elapsed) {

    public RunSummary {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        missing = List.copyOf(missing);
    }
}
