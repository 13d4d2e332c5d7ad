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
 * Deletes every item of the declared tables and leaves the tables as they are (keys, indexes, TTL, stream and its
 * ARN, backups, tags): a clean slate between integration-test runs. The items are read by key with parallel Scan
 * segments and deleted with BatchWriteItem, 25 a call. On a local server (a loopback endpoint) a table of 1,000 items
 * or more is deleted and created again as declared instead, which is far faster there (README, "Integration tests",
 * has the measurement); on AWS never, as a new table costs its CREATING time and changes its stream's ARN. A declared table that does not exist fails the build
 * naming it; run {@code create} first. On an endpoint that is not on this machine (AWS itself) the goal refuses,
 * before any AWS call, unless {@code allowedAccountIds} is set.
 *
 * @since 0.1.0
 */
@Mojo(name = "reset", threadSafe = true)
public class ResetMojo extends AbstractProvisioningMojo {

    /**
     * On a local server, a table with this many items or more is deleted and created again rather than emptied item by
     * item: measured on moto, 10,000 items took 5.2 s to delete and 45 ms to re-create, 100 items 266 ms and 138 ms
     * (README "Integration tests"). Never on AWS, where a new table costs its CREATING time and a new stream ARN.
     */
    static final long RECREATE_FROM_ITEMS = 1000;

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.reset.skip", defaultValue = "false")
    private boolean skipReset;

    @Inject
    public ResetMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void refuseUnguardedEndpoint(String endpoint, boolean accountsListed) throws MojoFailureException {
        if (!accountsListed) {
            throw new MojoFailureException("Refusing to delete the items of tables in " + endpoint + ", which is not"
                    + " a server on this machine: dynamo-setup:reset empties tables there only with <allowedAccountIds>"
                    + " set to the accounts it may change. Nothing was deleted.");
        }
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.reset(declaration, localEndpoint() ? RECREATE_FROM_ITEMS : Long.MAX_VALUE);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipReset;
    }
}
