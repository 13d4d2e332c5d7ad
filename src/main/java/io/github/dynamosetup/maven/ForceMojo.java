package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.Declaration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Calls CreateTable for every declared table without checking first (the seed script's --force). Tables
 * that already exist make the build fail, naming them; the others are still created and configured.
 *
 * @since 0.1.0
 */
@Mojo(name = "force", threadSafe = true)
public class ForceMojo extends AbstractProvisioningMojo {

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.force.skip", defaultValue = "false")
    private boolean skipForce;

    @Inject
    public ForceMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.force(declaration);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipForce;
    }
}
