package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.Declaration;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Deletes the declared tables, and only those (no table is listed), and waits until each is gone: the teardown of
 * per-build tables. A table that does not exist is reported, not an error; one still CREATING or UPDATING is waited
 * for until ACTIVE first. A table with deletion protection is left as it is and its protection never turned off:
 * the other tables are deleted, then the build fails naming the protected ones. On an endpoint that is not on this
 * machine (AWS itself) the goal refuses, before any AWS call, unless {@code allowedAccountIds} is set and the table
 * names carry a non-empty {@code tableNamePrefix} or {@code tableNameSuffix} (per-build tables such as
 * {@code ci-${env.BUILD_ID}-}).
 *
 * @since 0.1.0
 */
@Mojo(name = "delete", threadSafe = true)
public class DeleteMojo extends AbstractProvisioningMojo {

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.delete.skip", defaultValue = "false")
    private boolean skipDelete;

    @Inject
    public DeleteMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void refuseUnguardedEndpoint(String endpoint, boolean accountsListed) throws MojoFailureException {
        boolean affixed = tableNamesAreAffixed();
        if (accountsListed && affixed) {
            return;
        }
        throw new MojoFailureException("Refusing to delete tables in " + endpoint + ", which is not a server on this"
                + " machine: dynamo-setup:delete deletes tables there only with <allowedAccountIds> set and table names"
                + " made per build with a non-empty <tableNamePrefix> or <tableNameSuffix> (e.g."
                + " <tableNamePrefix>ci-${env.BUILD_ID}-</tableNamePrefix>). Missing here: "
                + (accountsListed ? "" : "<allowedAccountIds>") + (accountsListed || affixed ? "" : " and ")
                + (affixed ? "" : "<tableNamePrefix> or <tableNameSuffix>") + ". Nothing was deleted.");
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.delete(declaration);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipDelete;
    }
}
