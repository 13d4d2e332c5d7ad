package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.aws.MissingCredentialsException;
import io.github.dynamosetup.core.MissingTablesException;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.core.TablesAlreadyExistException;
import io.github.dynamosetup.spec.Declaration;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * A goal that talks to DynamoDB: one client for the run, one call into the core, and the core's typed
 * failures turned into BUILD FAILURE (missing or existing tables: the user's to act on) or BUILD ERROR
 * (AWS, credentials or the network).
 */
public abstract class AbstractProvisioningMojo extends AbstractDynamoSetupMojo {

    protected AbstractProvisioningMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected final void execute(Declaration declaration, ConnectionSettings connection, Duration waitTimeout)
            throws MojoExecutionException, MojoFailureException {
        MavenProvisioningListener listener = new MavenProvisioningListener(getLog());
        try (DynamoDbConnection dynamoDb = DynamoDbConnection.open(connection, getLog()::info)) {
            run(new TableProvisioner(dynamoDb.client(), listener, waitTimeout, dynamoDb.target()), declaration);
        } catch (MissingTablesException | TablesAlreadyExistException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (MissingCredentialsException | ProvisioningException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal's one call into the core. */
    protected abstract void run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException;
}
