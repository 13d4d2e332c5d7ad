package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.spec.Declaration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks that every declared table exists, with read-only calls. The build fails listing every missing
 * table and the command that creates it.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractProvisioningMojo {

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.validate.skip", defaultValue = "false")
    private boolean skipValidate;

    @Inject
    public ValidateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        provisioner.validate(declaration);
    }

    @Override
    protected String goalName() {
        return "validate";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipValidate;
    }
}
