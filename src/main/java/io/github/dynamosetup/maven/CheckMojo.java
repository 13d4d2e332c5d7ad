package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.report.ConsoleReport;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks the whole declaration offline, with DynamoDB's own rules: no credentials, no network. Every
 * other goal runs the same check before its first AWS call; this goal lets a build catch mistakes in
 * the {@code validate} phase, long before the tables are provisioned.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractDynamoSetupMojo {

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.check.skip", defaultValue = "false")
    private boolean skipCheck;

    @Inject
    public CheckMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void execute(Declaration declaration, ConnectionSettings connection, Duration waitTimeout) {
        getLog().info(ConsoleReport.checkedLine(declaration.tables()));
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipCheck;
    }
}
