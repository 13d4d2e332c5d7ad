package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.Goal;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.core.TableResult;
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
     * and costs write capacity. Indexes are never deleted.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.applyIndexChanges", defaultValue = "false")
    private boolean applyIndexChanges;

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
     * {@code failOnDrift}, {@code timeout}, {@code maxConcurrency}, {@code allowedAccountIds}): that module does the
     * AWS work; the others make no AWS call, print one line naming it, write its report as their own (with
     * {@code reusedFrom}) and export its table properties into their own project. Under {@code -T}, a module waits
     * for that run while it works, and runs the goal itself when it failed. Only within one build, never from an
     * earlier one. Set it to {@code false} when something between two modules changes the tables (a module's
     * tests delete them, say).
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
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        TableProvisioner.Options options = new TableProvisioner.Options(applyIndexChanges, failOnDrift);
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
        return reuseWithinBuild ? Optional.of(List.of(dryRun, applyIndexChanges, failOnDrift)) : Optional.empty();
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
