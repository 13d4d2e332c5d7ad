package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.Goal;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.core.TableResult;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Creates every declared table that does not exist, waits until each is ACTIVE, then enables TTL and
 * point-in-time recovery where declared. Existing tables are compared with their declaration: what can
 * change in place is brought to it, the rest is reported as drift. A second run makes no write call.
 * Afterwards each table's name, ARN and stream ARN are Maven properties
 * ({@code dynamo-setup.table.<declared name>.name}, {@code .arn}, {@code .streamArn}) for later plugins.
 *
 * @since 0.1.0
 */
@Mojo(name = "create", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class CreateMojo extends AbstractProvisioningMojo {

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.create.skip", defaultValue = "false")
    private boolean skipCreate;

    /**
     * Prints what the goal would do, as {@code plan} does, and makes no write call.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Adds declared global secondary indexes that an existing table lacks, one UpdateTable call per index,
     * waiting for each to finish backfilling. Off by default: on a large table an index takes long to build
     * and costs write capacity. Indexes are deleted only with {@code replaceChangedIndexes}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.applyIndexChanges", defaultValue = "false")
    private boolean applyIndexChanges;

    /**
     * With {@code applyIndexChanges}: a global secondary index whose keys (in order, a key of several attributes
     * included) or projection differ from its declaration is deleted, waited for until it is gone, and created as
     * declared, then waited for until it has backfilled; one index at a time per table, the tables in parallel.
     * Queries on that index fail from its deletion until it is ACTIVE again. Without it, such an index is reported
     * as drift naming this parameter. A local secondary index never changes: only a new table has other ones.
     * {@code true} without {@code applyIndexChanges} is a configuration error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.replaceChangedIndexes", defaultValue = "false")
    private boolean replaceChangedIndexes;

    /**
     * Whether the goal waits until each index it adds to an existing table (or replaces) has backfilled, which
     * takes minutes even on an empty table and hours on a large one. With {@code false}, it returns once AWS has
     * accepted the index's creation and reports the index as pending (console and report); as AWS takes one index
     * creation or deletion at a time per table, it then starts at most one index change per table and leaves the
     * others, and any UpdateTable on a table whose index is still being built, for the next run, reported as
     * pending too. Pending is never drift: {@code validate} reports an index still being created as pending and
     * passes. Tables created by the goal are not concerned: their indexes are built with them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.waitForIndexes", defaultValue = "true")
    private boolean waitForIndexes;

    /**
     * Fails the build when an existing table still differs from its declaration after the goal has fixed
     * what it can. With {@code false}, the drift is only reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.failOnDrift", defaultValue = "true")
    private boolean failOnDrift;

    /**
     * Lets the modules of one build reuse the result of the first module that ran {@code create} on the same
     * tables (their content, wherever each module declares or reads them), with the same connection (endpoint,
     * region, profile, credentials, proxies) and the same options ({@code dryRun}, {@code applyIndexChanges},
     * {@code replaceChangedIndexes}, {@code waitForIndexes}, {@code failOnDrift}, {@code timeout},
     * {@code maxConcurrency}, {@code allowedAccountIds}): that module does the AWS work; the others make no AWS
     * call, print one line naming it, write its report as their own (with {@code reusedFrom}) and export its table
     * properties into their own project. Under {@code -T}, a module waits for that run while it works, and runs the
     * goal itself when it failed. Only within one build, never from an earlier one. Set it to {@code false} when
     * something between two modules changes the tables (a module's tests delete them, say).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.reuseWithinBuild", defaultValue = "true")
    private boolean reuseWithinBuild;

    @Inject
    public CreateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void checkParameters(List<ConfigurationProblem> problems) {
        checkIndexParameters(applyIndexChanges, replaceChangedIndexes, problems);
    }

    /** {@code replaceChangedIndexes} means nothing without {@code applyIndexChanges}: said, never ignored. */
    static void checkIndexParameters(boolean applyIndexChanges, boolean replaceChangedIndexes,
            List<ConfigurationProblem> problems) {
        if (replaceChangedIndexes && !applyIndexChanges) {
            problems.add(PluginParameter.REPLACE_CHANGED_INDEXES.problem("true without <applyIndexChanges>true"
                    + "</applyIndexChanges>: indexes are replaced only where index changes are applied; set"
                    + " <applyIndexChanges>true</applyIndexChanges> (-Ddynamo-setup.applyIndexChanges) too, or leave"
                    + " replaceChangedIndexes false"));
        }
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        TableProvisioner.Options options = new TableProvisioner.Options(applyIndexChanges, failOnDrift,
                replaceChangedIndexes, waitForIndexes);
        return dryRun ? provisioner.plan(declaration, options) : provisioner.create(declaration, options);
    }

    @Override
    protected String reportName() {
        return dryRun ? Goal.PLAN.goalName() : goalName();
    }

    /** Exports each table's real name and ARNs, for failsafe tests and other plugins of the same build. */
    @Override
    protected void completed(RunSummary summary) {
        if (dryRun) {
            return;
        }
        Properties properties = project().getProperties();
        for (TableResult table : summary.tables()) {
            String prefix = "dynamo-setup.table." + table.declared().declaredName();
            properties.setProperty(prefix + ".name", table.declared().name());
            if (table.arn() != null) {
                properties.setProperty(prefix + ".arn", table.arn());
            }
            if (table.streamArn() != null) {
                properties.setProperty(prefix + ".streamArn", table.streamArn());
            }
        }
    }

    @Override
    protected Optional<List<Object>> reuseOptions() {
        return reuseWithinBuild ? Optional.of(List.of(dryRun, applyIndexChanges, failOnDrift, replaceChangedIndexes,
                waitForIndexes)) : Optional.empty();
    }

    @Override
    protected boolean writes() {
        return !dryRun;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipCreate;
    }
}
