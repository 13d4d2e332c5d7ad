package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.Setting;
import java.time.Duration;

/**
 * How the tool that drives the core tells a user to do something: run a goal, change a setting, declare a
 * value. The core knows what the remedy is (run create again, raise the timeout); the build tool knows how it
 * is written ({@code mvn dynamo-setup:create}, {@code <timeout>}), so every message of the core that names a
 * remedy asks for it here.
 */
public interface Remedies {

    /** The settings of a run that messages may point at. */
    enum RunSetting {
        REGION,
        ENDPOINT,
        TIMEOUT
    }

    /** The command that runs a goal, e.g. {@code mvn dynamo-setup:create}. */
    String run(Goal goal);

    /** The command that runs create so that it adds the declared global secondary indexes a table lacks. */
    String runApplyingIndexChanges();

    /**
     * The command that runs create so that it also deletes a global secondary index whose keys or projection
     * differ from the declaration and creates it as declared.
     */
    String runReplacingChangedIndexes();

    /** How a setting of the run is named where the user sets it, e.g. {@code <timeout>}. */
    String setting(RunSetting setting);

    /** How one run is given a longer timeout, e.g. {@code -Ddynamo-setup.timeout=PT20M}. */
    String raiseTimeout(Duration timeout);

    /** How drift is accepted without failing the run. */
    String allowDrift();

    /** How a table declares {@code setting} with {@code value}, e.g. {@code <streamViewType>KEYS_ONLY</streamViewType>}. */
    String declare(Setting setting, String value);
}
