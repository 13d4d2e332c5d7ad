package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.Goal;
import io.github.dynamosetup.core.Remedies;
import io.github.dynamosetup.declaration.Setting;
import java.time.Duration;

/**
 * The core's remedies in Maven's words: the goals as {@code mvn dynamo-setup:<goal>}, the run's settings as
 * the plugin's parameters and their {@code -D} properties, table settings as POM elements.
 */
public final class MavenRemedies implements Remedies {

    /** The remedies of every goal of the plugin: they depend on nothing of a build. */
    public static final MavenRemedies INSTANCE = new MavenRemedies();

    private static final String PREFIX = "dynamo-setup";

    private MavenRemedies() {}

    @Override
    public String run(Goal goal) {
        return "mvn " + PREFIX + ":" + goal.goalName();
    }

    @Override
    public String runApplyingIndexChanges() {
        return run(Goal.CREATE) + " -D" + PREFIX + ".applyIndexChanges";
    }

    @Override
    public String runReplacingChangedIndexes() {
        return runApplyingIndexChanges() + " -D" + PREFIX + ".replaceChangedIndexes=true";
    }

    @Override
    public String setting(RunSetting setting) {
        return switch (setting) {
            case REGION -> "<region>";
            case ENDPOINT -> "<endpoint>";
            case TIMEOUT -> "<timeout>";
        };
    }

    @Override
    public String raiseTimeout(Duration timeout) {
        return "-D" + PREFIX + ".timeout=" + timeout;
    }

    @Override
    public String allowDrift() {
        return "<failOnDrift>false</failOnDrift> (-D" + PREFIX + ".failOnDrift=false)";
    }

    /** The element of a {@code <table>} that holds the setting, with the value: {@code <tableClass>STANDARD</tableClass>}. */
    @Override
    public String declare(Setting setting, String value) {
        String element = PomOrigin.elementOf(setting);
        return element + value + "</" + element.substring(1);
    }
}
