package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.spec.ConfigurationProblem;
import io.github.dynamosetup.spec.Declaration;
import io.github.dynamosetup.spec.InvalidDeclarationException;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the table declaration and the connection parameters, checked together before
 * anything else happens, and skipping. A problem in them is BUILD FAILURE, with no AWS call made.
 */
public abstract class AbstractDynamoSetupMojo extends AbstractMojo {

    /**
     * The tables to provision. Each {@code <table>} has a {@code <name>} and a {@code <partitionKey>}
     * ({@code name:TYPE}, TYPE one of S, N, B; S when omitted), and optionally {@code <sortKey>},
     * {@code <globalSecondaryIndexes>}, {@code <localSecondaryIndexes>}, {@code <timeToLiveAttribute>},
     * {@code <billingMode>} ({@code PAY_PER_REQUEST} by default, or {@code PROVISIONED} with
     * {@code <readCapacity>} and {@code <writeCapacity>}), {@code <maxReadRequestUnits>} and
     * {@code <maxWriteRequestUnits>}, {@code <streamViewType>}, {@code <encryption>} ({@code AWS_OWNED},
     * {@code AWS_MANAGED}, {@code CUSTOMER_MANAGED} with {@code <kmsKeyId>}), {@code <pointInTimeRecovery>},
     * {@code <deletionProtection>}, {@code <tableClass>} and {@code <tags>}. Attribute definitions are
     * derived from the keys. A {@code ${...}} that Maven cannot resolve, in any element, is a configuration
     * error naming the table and the element.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Table> tables = new ArrayList<>();

    /**
     * Table spec files, in the JSON that {@code aws dynamodb create-table --cli-input-json} reads, plus
     * {@code TimeToLiveSpecification} and {@code PointInTimeRecoverySpecification}: paths or globs
     * ({@code src/main/dynamodb/*.json}) relative to the project, declared as
     * {@code <tableFiles><tableFile>...</tableFile></tableFiles>}. Their tables join those of
     * {@code <tables>}; the global {@code <tags>}, prefix and suffix apply to them too.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> tableFiles = new ArrayList<>();

    /**
     * Tags given to every table, as {@code <Key>value</Key>} elements; a table's own {@code <tags>} add
     * to these and override those with the same key. An empty value or an unresolved {@code ${...}}
     * expression is a configuration error.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> tags = new LinkedHashMap<>();

    /**
     * Prepended to every declared table name, e.g. {@code ${env.STAGE}-}. A property in it that Maven cannot
     * resolve, or that is set but empty ({@code ${env.STAGE}-} giving {@code -}), is a configuration error,
     * not another stage's tables; an element written empty means no prefix.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.tableNamePrefix")
    private String tableNamePrefix;

    /**
     * Appended to every declared table name, e.g. {@code -${env.STAGE}}; checked like {@code tableNamePrefix}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.tableNameSuffix")
    private String tableNameSuffix;

    /**
     * The AWS region. When unset: the {@code AWS_REGION} environment variable, else the region of
     * {@code profile} when one is set, else {@code us-east-1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.region")
    private String region;

    /**
     * The DynamoDB endpoint, for local servers (e.g. {@code http://localhost:8000}). Unset means the
     * region's AWS endpoint. With a loopback endpoint and no credentials anywhere, dummy credentials are
     * used. A loopback endpoint is reached directly; AWS and any other endpoint through the active
     * settings.xml {@code <proxy>} Maven would use for its host, else the JVM's proxy system properties or
     * {@code HTTPS_PROXY}/{@code NO_PROXY}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.endpoint")
    private String endpoint;

    /**
     * A named profile of the shared AWS config and credentials files ({@code ~/.aws/config},
     * {@code ~/.aws/credentials}) to take credentials, and the region when none is set, from.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.profile")
    private String profile;

    /**
     * The id of a {@code <server>} in settings.xml whose username is the access key id and whose
     * password (encrypted the Maven way, if you like) is the secret access key. Unset: the AWS SDK's
     * default credentials chain (environment, profile, container or instance role).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.serverId")
    private String serverId;

    /**
     * How long a run may take to wait for tables and indexes to become ACTIVE, and to wait out what AWS
     * refuses only for now (throttling, LimitExceededException while too many table operations are in
     * flight, point-in-time recovery while a new table's backups are being enabled), as an ISO-8601
     * duration. Adding an index to an existing table takes AWS minutes even on an empty table: raise it
     * for {@code applyIndexChanges}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.timeout", defaultValue = "PT10M")
    private String timeout;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** The configuration as written, to find the {@code ${...}} Maven could not resolve: see {@link UnresolvedExpressions}. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    private final SettingsDecrypter settingsDecrypter;

    protected AbstractDynamoSetupMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping dynamo-setup:" + goalName() + " (dynamo-setup.skip is true)");
            return;
        }
        if (isGoalSkipped()) {
            getLog().info("Skipping dynamo-setup:" + goalName() + " (dynamo-setup." + goalName() + ".skip is true)");
            return;
        }
        UnresolvedExpressions unresolved = UnresolvedExpressions.of(mojoExecution, session, tableNamePrefix,
                tableNameSuffix);
        List<ConfigurationProblem> problems = new ArrayList<>();
        Duration waitTimeout = parseTimeout(problems);
        ConnectionSettings connection = connectionSettings(waitTimeout, problems);
        Path projectDirectory = projectDirectory();
        List<Path> files = TableFiles.resolve(projectDirectory, tableFiles, problems);
        problems = unresolved.withPluginProblems(problems);
        Declaration declaration;
        try {
            declaration = DeclarationMapper.map(new DeclarationMapper.Configuration(tables, files, projectDirectory,
                    tags, tableNamePrefix, tableNameSuffix, unresolved), problems);
        } catch (InvalidDeclarationException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if (declaration.tables().isEmpty()) {
            getLog().warn("dynamo-setup:" + goalName() + " has no tables to work on: declare them in the plugin's"
                    + " <tables> or <tableFiles>");
            return;
        }
        execute(declaration, connection, waitTimeout);
    }

    /** The project's directory, against which table files are resolved. */
    protected Path projectDirectory() {
        return (basedir == null ? new File(".") : basedir).toPath().toAbsolutePath().normalize();
    }

    /** Runs the goal on a valid, non-empty declaration. */
    protected abstract void execute(Declaration declaration, ConnectionSettings connection, Duration waitTimeout)
            throws MojoExecutionException, MojoFailureException;

    /** The goal's name, as typed after {@code dynamo-setup:}. */
    protected abstract String goalName();

    /** Whether the goal's own skip parameter ({@code dynamo-setup.<goal>.skip}) is set. */
    protected abstract boolean isGoalSkipped();

    private Duration parseTimeout(List<ConfigurationProblem> problems) {
        try {
            Duration parsed = Duration.parse(timeout.trim());
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, "<timeout>", "'" + timeout
                + "' is not a positive ISO-8601 duration; write e.g. PT10M (10 minutes) or PT90S"));
        return Duration.ofMinutes(10);
    }

    /** One API call, its retries included, never takes longer than this, nor than the run's timeout. */
    private static final Duration MAX_API_CALL = Duration.ofMinutes(2);

    private ConnectionSettings connectionSettings(Duration waitTimeout, List<ConfigurationProblem> problems) {
        return new ConnectionSettings(
                blankToNull(region),
                parseEndpoint(problems),
                blankToNull(profile),
                serverCredentials(problems),
                waitTimeout.compareTo(MAX_API_CALL) < 0 ? waitTimeout : MAX_API_CALL,
                System.getenv(),
                settingsProxies(problems));
    }

    private URI parseEndpoint(List<ConfigurationProblem> problems) {
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(endpoint.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, "<endpoint>", "'"
                + endpoint.replaceAll("//[^/@]*@", "//***@") + "' is not an http(s) URL with a host; write e.g. http://localhost:8000"));
        return null;
    }

    private ConnectionSettings.AccessKey serverCredentials(List<ConfigurationProblem> problems) {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = settings == null ? null : settings.getServer(serverId.trim());
        if (server == null) {
            problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, "<serverId>", "settings.xml has no <server> with"
                    + " <id>" + serverId + "</id>; add one whose <username> is the access key id and whose"
                    + " <password> is the secret access key"));
            return null;
        }
        SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : decrypted.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, "<serverId>", "the password of settings.xml"
                        + " server '" + serverId + "' could not be decrypted: " + problem.getMessage()));
                return null;
            }
        }
        Server clear = decrypted.getServer();
        if (clear.getUsername() == null || clear.getUsername().isBlank()
                || clear.getPassword() == null || clear.getPassword().isBlank()) {
            problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, "<serverId>", "settings.xml server '" + serverId
                    + "' needs a <username> (the access key id) and a <password> (the secret access key)"));
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
        if (settings == null) {
            return proxies;
        }
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
            SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
