package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.Declaration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Compares every declared table with the live one, with read-only calls: keys, indexes, billing, TTL,
 * declared tags, stream, encryption, point-in-time recovery, deletion protection and table class. Each
 * table is up to date, has fixable drift, or has incompatible drift (only a new table would match);
 * every difference is listed as {@code declared -> live}. Missing tables always fail the build; drift
 * does unless {@code failOnDrift} is false.
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

    /**
     * Fails the build when a table differs from its declaration. With {@code false}, drift is only
     * reported (missing tables still fail the build).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.failOnDrift", defaultValue = "true")
    private boolean failOnDrift;

    @Inject
    public ValidateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.validate(declaration, failOnDrift);
    }

    @Override
    protected boolean writes() {
        return false;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipValidate;
    }
}
