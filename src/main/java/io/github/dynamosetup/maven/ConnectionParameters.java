package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.Endpoints;
import io.github.dynamosetup.aws.ProfileFiles;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Place;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The goals' connection parameters ({@code <region>}, {@code <endpoint>}, {@code <profile>}, {@code <serverId>}),
 * settings.xml's servers and proxies, the environment and the shared AWS config files, checked offline and turned
 * into the {@link ConnectionSettings} of a run. Every problem names the element or settings.xml entry to edit.
 */
final class ConnectionParameters {

    /** One API call, its retries included, never takes longer than this, nor than the run's timeout. */
    private static final Duration MAX_API_CALL = Duration.ofMinutes(2);

    private final String region;
    private final String endpoint;
    private final String profile;
    private final String serverId;
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;
    private final Supplier<ProfileFile> profileFile;

    ConnectionParameters(String region, String endpoint, String profile, String serverId, Settings settings,
            SettingsDecrypter decrypter, Map<String, String> environment, Supplier<ProfileFile> profileFile) {
        this.region = region;
        this.endpoint = endpoint;
        this.profile = profile;
        this.serverId = serverId;
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
        this.profileFile = profileFile;
    }

    /**
     * The settings of the run's connection; what is wrong is added to {@code problems}, named by element.
     *
     * @param waitTimeout the run's {@code <timeout>}: no single call, nor credentials resolution, waits longer
     */
    ConnectionSettings resolve(Duration waitTimeout, List<ConfigurationProblem> problems) {
        ProfileFiles.Once profiles = new ProfileFiles.Once(profileFile);
        Optional<ConnectionSettings.ChosenProfile> chosen = ConnectionSettings.chosenProfile(profile, environment);
        Optional<String> unreadable = profiles.problem();
        if (chosen.isPresent()) {
            String element = element(chosen.get());
            // chosen by the environment when the parameter is not set
            Place place = hasText(profile) ? PluginParameter.PROFILE.place() : null;
            if (unreadable.isPresent()) {
                problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, element, "the shared"
                        + " AWS config files (" + ProfileFiles.describe(environment) + ") could not be read, so the "
                        + chosen.get() + " cannot be: " + unreadable.get(), place));
            } else if (profiles.get().profile(chosen.get().name()).isEmpty()) {
                problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, element, "the"
                        + " profile '" + chosen.get().name() + "' is not defined in "
                        + ProfileFiles.describe(environment) + "; create it ('aws configure --profile "
                        + chosen.get().name() + "') or choose another", place));
            }
        }
        // without a chosen profile, unreadable files only mean no endpoint settings from them
        Supplier<ProfileFile> forEndpoints = unreadable.isPresent() || (chosen.isPresent()
                && profiles.get().profile(chosen.get().name()).isEmpty())
                ? () -> ProfileFile.aggregator().build() : profiles;
        String profileName = chosen.map(ConnectionSettings.ChosenProfile::name).orElse("default");
        // the endpoint parameter, when set, is the only value Endpoints reads for DynamoDB
        Optional<Endpoints.Configured> dynamoDb = Endpoints.configured("dynamodb", endpoint,
                PluginParameter.ENDPOINT.describe(), environment, forEndpoints, profileName,
                reporter(hasText(endpoint) ? PluginParameter.ENDPOINT.place() : null, problems));
        // STS goes to a local DynamoDB endpoint; only otherwise do its own settings count
        Optional<Endpoints.Configured> sts = dynamoDb.filter(e -> Endpoints.isLoopback(e.uri())).isPresent()
                ? Optional.empty()
                : Endpoints.configured("sts", null, null, environment, forEndpoints, profileName,
                        reporter(null, problems));
        return new ConnectionSettings(
                blankToNull(region),
                dynamoDb.map(Endpoints.Configured::uri).orElse(null),
                dynamoDb.map(Endpoints.Configured::source).orElse(null),
                sts.map(Endpoints.Configured::uri).orElse(null),
                blankToNull(profile),
                serverCredentials(problems),
                waitTimeout.compareTo(MAX_API_CALL) < 0 ? waitTimeout : MAX_API_CALL,
                waitTimeout,
                environment,
                profiles,
                settingsProxies(problems));
    }

    /** Adds each problem once: DynamoDB and STS read the same environment variables and profile. */
    private static BiConsumer<String, String> reporter(Place place, List<ConfigurationProblem> problems) {
        return (where, message) -> {
            ConfigurationProblem problem = new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, where,
                    message, place);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        };
    }

    private static String element(ConnectionSettings.ChosenProfile chosen) {
        return chosen.chosenBy().startsWith("<") ? chosen.chosenBy() : chosen.chosenBy() + " (environment variable)";
    }

    private ConnectionSettings.AccessKey serverCredentials(List<ConfigurationProblem> problems) {
        if (!hasText(serverId)) {
            return null;
        }
        Server server = settings.getServer(serverId.trim());
        if (server == null) {
            problems.add(PluginParameter.SERVER_ID.problem("settings.xml has no <server> with <id>" + serverId
                    + "</id>; add one whose <username> is the access key id and whose <password> is the secret"
                    + " access key"));
            return null;
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : decrypted.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                problems.add(PluginParameter.SERVER_ID.problem("the password of settings.xml server '" + serverId
                        + "' could not be decrypted: " + problem.getMessage()));
                return null;
            }
        }
        Server clear = decrypted.getServer();
        if (clear.getUsername() == null || clear.getUsername().isBlank()
                || clear.getPassword() == null || clear.getPassword().isBlank()) {
            problems.add(PluginParameter.SERVER_ID.problem("settings.xml server '" + serverId + "' needs a <username>"
                    + " (the access key id) and a <password> (the secret access key)"));
            return null;
        }
        return new ConnectionSettings.AccessKey(clear.getUsername().trim(), clear.getPassword().trim(),
                "settings.xml server '" + serverId + "'");
    }

    /**
     * The active {@code <proxy>} entries of settings.xml for http and https, passwords decrypted the Maven way
     * (<a href="https://maven.apache.org/guides/mini/guide-encryption.html">guide to password encryption</a>).
     * Which one carries a request is decided per host (see {@code ProxyRoute}).
     */
    private List<ConnectionSettings.Proxy> settingsProxies(List<ConfigurationProblem> problems) {
        List<ConnectionSettings.Proxy> proxies = new ArrayList<>();
        for (Proxy proxy : settings.getProxies()) {
            String protocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol().trim().toLowerCase(Locale.ROOT);
            if (!proxy.isActive() || !(protocol.equals("http") || protocol.equals("https"))) {
                continue;
            }
            if (proxy.getHost() == null || proxy.getHost().isBlank()) {
                problems.add(new ConfigurationProblem("settings.xml", "<proxy> id '" + proxy.getId() + "'",
                        "the active proxy has no <host>; give its host name, or set <active>false</active>"));
                continue;
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            boolean failed = false;
            for (SettingsProblem problem : decrypted.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    problems.add(new ConfigurationProblem("settings.xml", "<proxy> id '" + proxy.getId() + "'",
                            "its <password> could not be decrypted: " + problem.getMessage() + "; encrypt it again"
                            + " with mvn --encrypt-password and the master password of settings-security.xml"));
                    failed = true;
                }
            }
            if (failed) {
                continue;
            }
            Proxy clear = decrypted.getProxy() == null ? proxy : decrypted.getProxy();
            proxies.add(new ConnectionSettings.Proxy(proxy.getId(), protocol, clear.getHost().trim(), clear.getPort(),
                    blankToNull(clear.getUsername()), clear.getPassword(), blankToNull(clear.getNonProxyHosts())));
        }
        return proxies;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
