package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints, table by table, exactly what {@code create} would do (create, update which settings, leave
 * up to date, or report drift it cannot fix) and makes no write call. Same as
 * {@code create -Ddynamo-setup.dryRun}.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractProvisioningMojo {

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.plan.skip", defaultValue = "false")
    private boolean skipPlan;

    /**
     * Plans adding the declared global secondary indexes that existing tables lack, as
     * {@code create -Ddynamo-setup.applyIndexChanges} would.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.applyIndexChanges", defaultValue = "false")
    private boolean applyIndexChanges;

    /**
     * Plans replacing the global secondary indexes whose keys or projection differ from their declaration, step by
     * step (delete, wait until gone, create, wait for the backfill), as
     * {@code create -Ddynamo-setup.applyIndexChanges -Ddynamo-setup.replaceChangedIndexes=true} would. Needs
     * {@code applyIndexChanges}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.replaceChangedIndexes", defaultValue = "false")
    private boolean replaceChangedIndexes;

    /**
     * Plans as {@code create -Ddynamo-setup.waitForIndexes=false} would with {@code false}: one index change per
     * table, not waited for, the others left for a later run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.waitForIndexes", defaultValue = "true")
    private boolean waitForIndexes;

    @Inject
    public PlanMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void checkParameters(List<ConfigurationProblem> problems) {
        CreateMojo.checkIndexParameters(applyIndexChanges, replaceChangedIndexes, problems);
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.plan(declaration, new TableProvisioner.Options(applyIndexChanges, false,
                replaceChangedIndexes, waitForIndexes));
    }

    @Override
    protected boolean writes() {
        return false;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipPlan;
    }
}
