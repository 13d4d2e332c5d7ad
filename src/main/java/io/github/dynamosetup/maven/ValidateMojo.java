package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.Declaration;
import java.util.List;
import java.util.Optional;
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

    /**
     * Lets the modules of one build reuse the result of the first module that validated the same tables (their
     * content, wherever each module declares or reads them) with the same connection and {@code failOnDrift}: the
     * other modules make no AWS call, print one line naming that module and write its report as their own, with
     * {@code reusedFrom}. Under {@code -T}, a module waits for that run while it works, and validates itself when
     * it failed. Only within one build, never from an earlier one. Set it to {@code false} when something between
     * two modules changes the tables.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.reuseWithinBuild", defaultValue = "true")
    private boolean reuseWithinBuild;

    @Inject
    public ValidateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.validate(declaration, failOnDrift);
    }

    @Override
    protected Optional<List<Object>> reuseOptions() {
        return reuseWithinBuild ? Optional.of(List.of(failOnDrift)) : Optional.empty();
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
