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
 * Creates every declared table that does not exist, waits until each is ACTIVE, then enables TTL where
 * declared. Tables that already exist are left as they are, so a second run makes no write call.
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

    @Inject
    public CreateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        provisioner.create(declaration);
    }

    @Override
    protected String goalName() {
        return "create";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipCreate;
    }
}
