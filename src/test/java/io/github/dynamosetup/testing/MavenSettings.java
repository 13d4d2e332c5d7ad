package io.github.dynamosetup.testing;

import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/** The settings.xml of the mojo tests, which they hand to the harness's session. */
public final class MavenSettings {

    private MavenSettings() {}

    /**
     * Settings with the {@code <server>} that {@code src/test/resources/unit/server-credentials/pom.xml}
     * names, {@code aws-dev}: its username is the access key id, its password the secret access key.
     */
    public static Settings withServerCredentials() {
        Server awsDev = new Server();
        awsDev.setId("aws-dev");
        awsDev.setUsername("AKIDFROMSETTINGS");
        awsDev.setPassword("secret-from-settings");
        Settings settings = new Settings();
        settings.addServer(awsDev);
        return settings;
    }
}
