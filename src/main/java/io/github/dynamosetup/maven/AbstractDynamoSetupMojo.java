package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.localserver.LocalServer;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import software.amazon.awssdk.profiles.ProfileFile;

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
     * {@code AWS_MANAGED}, {@code CUSTOMER_MANAGED} with {@code <kmsKeyId>}), {@code <pointInTimeRecovery>} (with
     * {@code <recoveryPeriodInDays>}, 1 to 35), {@code <warmThroughput>} ({@code <readUnitsPerSecond>} and/or
     * {@code <writeUnitsPerSecond>}, at least 1; also on a global secondary index; raised where the table has
     * less, never lowered), {@code <contributorInsights>} ({@code true} or {@code false}; also on a global
     * secondary index), {@code <deletionProtection>}, {@code <tableClass>},
     * {@code <autoScaling>} (with {@code PROVISIONED}, on the table and its indexes: {@code <read>} and {@code <write>},
     * each with {@code <min>}, {@code <max>} and {@code <targetUtilization>}, 10 to 90 percent; capacity it owns is never
     * drift), {@code <replicas>} ({@code <replica><region>eu-west-1</region></replica>}: global table replicas, added
     * once the table is ACTIVE, never removed) and {@code <tags>}. Attribute definitions are
     * derived from the keys. A {@code ${...}} that Maven cannot resolve, in any element, is a configuration
     * error naming the table and the element.
     * {@code <resourcePolicy>} (the policy JSON, best in a CDATA section) or {@code <resourcePolicyFile>} (a UTF-8
     * JSON file relative to the project: the way for a policy with IAM policy variables such as
     * {@code ${aws:username}}, which Maven would take for its own, unless written {@code $${aws:username}}) attaches
     * a resource-based policy, compared as JSON.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<PomTable> tables = new ArrayList<>();

    /**
     * table files, in the JSON that {@code aws dynamodb create-table --cli-input-json} reads, plus
     * {@code TimeToLiveSpecification}, {@code PointInTimeRecoverySpecification} and
     * {@code ContributorInsightsSpecification} ({@code {"Enabled": true}}, on the table and in a global secondary
     * index, as in CloudFormation), and dynamo-setup's own {@code AutoScaling} and {@code Replicas}: paths or globs
     * ({@code src/main/dynamodb/*.json}) relative to the project, declared as
     * {@code <tableFiles><tableFile>...</tableFile></tableFiles>}. Their tables join those of
     * {@code <tables>}; the global {@code <tags>}, prefix and suffix apply to them too.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> tableFiles = new ArrayList<>();

    /**
     * CloudFormation templates whose tables join those of {@code <tables>} and {@code <tableFiles>}: SAM templates and
     * {@code cdk synth} output too, YAML or JSON. Each {@code <template>} has a {@code <file>} (a path or a glob, such
     * as {@code cdk.out/*.template.json}, relative to the project), and optionally {@code <stackName>} (the value of
     * {@code AWS::StackName}; the project's artifactId by default), {@code <parameters>} ({@code <Stage>dev</Stage>}:
     * values of the template's parameters; a parameter not given takes its {@code Default}) and {@code <accountId>}
     * (the value of {@code AWS::AccountId}; {@code 123456789012} with a loopback endpoint, else a reference to it is
     * a configuration error). {@code AWS::Region} is the region the plugin works in. The
     * {@code AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable} and {@code AWS::DynamoDB::GlobalTable}
     * (its replica in that region) resources are read, their intrinsic functions resolved; a table without
     * {@code TableName} is named after its logical ID, which also names it in exported properties
     * ({@code dynamo-setup.table.<LogicalId>.name}) and item files. The global {@code <tags>}, prefix and suffix
     * apply. What the plugin cannot resolve or apply is a configuration error naming the file, the resource and the
     * property.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<PomTemplate> templates = new ArrayList<>();

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
     * The AWS region. When unset: the {@code AWS_REGION} environment variable, else {@code AWS_DEFAULT_REGION},
     * else the region of the chosen profile ({@code profile}, else the {@code AWS_PROFILE} environment
     * variable), else {@code us-east-1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.region")
    private String region;

    /**
     * The DynamoDB endpoint, for local servers (e.g. {@code http://localhost:8000}): {@code http://} or
     * {@code https://}, a host, a port from 1 to 65535 when given, nothing else (no user info, path or query);
     * checked before any AWS call. When unset: the server {@code start} runs for this module (the project property
     * {@code dynamo-setup.endpoint} it sets), else the SDKs' settings {@code AWS_ENDPOINT_URL_DYNAMODB}, the
     * profile's {@code services} section, {@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}; else
     * the region's AWS endpoint. With a loopback endpoint, no chosen profile and no credentials anywhere, dummy
     * credentials are used; STS calls (assume-role profiles, {@code allowedAccountIds}) go to a loopback
     * endpoint too. A loopback endpoint is reached directly; AWS and any other endpoint through the active
     * settings.xml {@code <proxy>} Maven would use for its host, else the JVM's proxy system properties or
     * {@code HTTPS_PROXY}/{@code NO_PROXY}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.endpoint")
    private String endpoint;

    /**
     * A named profile of the shared AWS config and credentials files ({@code AWS_CONFIG_FILE} and
     * {@code AWS_SHARED_CREDENTIALS_FILE}, by default {@code ~/.aws/config} and {@code ~/.aws/credentials}) to
     * take credentials, and the region when none is set, from. When unset, the {@code AWS_PROFILE}
     * environment variable chooses one. A chosen profile that is not defined, or gives no credentials, fails
     * the run with its name and the reason; it is never replaced by other credentials.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.profile")
    private String profile;

    /**
     * The id of a {@code <server>} in settings.xml whose username is the access key id and whose
     * password (encrypted the Maven way, if you like) is the secret access key. Unset: the chosen profile
     * ({@code profile} or {@code AWS_PROFILE}), else the AWS SDK's default credentials chain (environment,
     * {@code default} profile, web identity, container or instance role).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.serverId")
    private String serverId;

    /**
     * How long a run may take to wait for tables and indexes to become ACTIVE, and to wait out what AWS
     * refuses only for now (throttling, LimitExceededException while too many table operations are in
     * flight, point-in-time recovery while a new table's backups are being enabled), as an ISO-8601
     * duration. It also bounds how long the credentials may take (a {@code credential_process} helper waiting
     * for an approval, an AssumeRole). Adding an index to an existing table takes AWS minutes even on an empty
     * table: raise it for {@code applyIndexChanges}.
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

    /**
     * This goal's execution: its goal name, and the configuration as written, to find the {@code ${...}} Maven
     * could not resolve (see {@link UnresolvedExpressions}).
     */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    private final SettingsDecrypter settingsDecrypter;

    protected AbstractDynamoSetupMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            discardEarlierReport();
            checkAndRun();
        } catch (RuntimeException e) {
            throw new UnexpectedFailure(goalName(), e); // a defect: said as a sentence, never a raw exception
        }
    }

    private void checkAndRun() throws MojoExecutionException, MojoFailureException {
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
        checkParameters(problems);
        String endpointInUse = endpoint();
        ConnectionSettings connection = new ConnectionParameters(region, endpointInUse, profile, serverId, settings,
                settingsDecrypter, environment(), this::profileFile).resolve(waitTimeout, problems);
        Path projectDirectory = projectDirectory();
        List<Path> files = TableFiles.resolve(projectDirectory, tableFiles, problems);
        // a template whose <file>, <parameters>... Maven could not resolve is reported as such, and not read
        List<TemplateFiles.TemplateFile> templateFiles = templates == null || templates.isEmpty() ? List.of()
                : TemplateFiles.resolve(projectDirectory, templates, unresolved.templatesWithExpressions(),
                        project.getArtifactId(), connection, problems);
        problems = unresolved.withPluginProblems(problems);
        Declaration declaration;
        try {
            declaration = onLocalServer(DeclarationMapper.map(new DeclarationMapper.Configuration(tables, files,
                    templateFiles, projectDirectory, tags, tableNamePrefix, tableNameSuffix, unresolved), problems),
                    endpointInUse);
        } catch (InvalidDeclarationException e) {
            throw new InvalidConfigurationFailure(goalName(), e);
        }
        if (declaration.tables().isEmpty()) {
            getLog().warn("dynamo-setup:" + goalName() + " has no tables to work on: declare them in the plugin's"
                    + " <tables>, <tableFiles> or <templates>");
            return;
        }
        execute(declaration, connection, waitTimeout);
    }

    /**
     * The {@code <endpoint>} parameter, else the server {@code start} ran for this module: the project property
     * {@code dynamo-setup.endpoint} it sets. Maven gives a parameter the value of a project property only where its
     * expression is evaluated from the project's properties, which not every caller of the mojo does (the testing
     * harness does not): the property is read here as well.
     */
    private String endpoint() throws MojoFailureException {
        if (endpoint != null && !endpoint.isBlank()) {
            return endpoint;
        }
        String started = project.getProperties().getProperty(ModuleServers.ENDPOINT_PROPERTY);
        String stopped = project.getProperties().getProperty(ModuleServers.STOPPED_PROPERTY);
        if (started == null && stopped != null) {
            // the goal would go to AWS itself, with whatever credentials the machine has
            throw new MojoFailureException("dynamo-setup:" + goalName() + " runs after dynamo-setup:stop stopped"
                    + " this module's local server (" + stopped + ") and has no <endpoint>, so it would work on AWS"
                    + " itself instead: nothing was done. Goals run in the order of their phases (stop in"
                    + " post-integration-test, validate by default in verify): bind this goal to an earlier phase in"
                    + " an execution of its own (<phase>integration-test</phase>), or give it an <endpoint>.");
        }
        return started;
    }

    /**
     * On the server {@code start} ran in this module (the goal's endpoint is that server's), the declaration as far
     * as that server goes: what it lacks is left out, one line per table saying what (see {@link LocalServerLimits}).
     */
    private Declaration onLocalServer(Declaration declaration, String endpointInUse)
            throws InvalidDeclarationException {
        LocalServer server = session == null || session.getRepositorySession() == null ? null
                : ModuleServers.of(session, project);
        if (server == null || !server.endpoint().toString().equals(endpointInUse)) {
            return declaration;
        }
        Set<LocalServerLimits.Lack> lacks = LocalServerLimits.of(server);
        List<DeclaredTable> adapted = new ArrayList<>();
        for (DeclaredTable table : declaration.tables()) {
            LocalServerLimits.Adapted local = LocalServerLimits.adapt(table, lacks);
            if (!local.leftOut().isEmpty()) {
                getLog().info("dynamo-setup:" + goalName() + ": table " + table.name() + " goes without "
                        + String.join(", ", local.leftOut()) + " on " + server.description() + ", the server start"
                        + " ran, which lacks these settings; on AWS they apply");
            }
            adapted.add(local.table());
        }
        return Declaration.of(adapted);
    }

    /** The project's directory, against which table files are resolved. */
    protected final Path projectDirectory() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /** Adds the problems of this goal's own parameters to {@code problems}, reported with the rest; none by default. */
    protected void checkParameters(List<ConfigurationProblem> problems) {}

    /** Removes what an earlier build of this goal left that this run would replace; nothing by default. */
    protected void discardEarlierReport() throws MojoExecutionException {}

    /** Runs the goal on a valid, non-empty declaration. */
    protected abstract void execute(Declaration declaration, ConnectionSettings connection, Duration waitTimeout)
            throws MojoExecutionException, MojoFailureException;

    /**
     * The goal's name, as typed after {@code dynamo-setup:}: the goal Maven runs this mojo as. Maven always
     * hands a mojo its execution ({@code ${mojoExecution}}), whose goal is the mojo descriptor's.
     */
    protected final String goalName() {
        return mojoExecution.getGoal();
    }

    /** Whether {@code tableNamePrefix} or {@code tableNameSuffix} is set to something other than blanks. */
    protected final boolean tableNamesAreAffixed() {
        return tableNamePrefix != null && !tableNamePrefix.isBlank()
                || tableNameSuffix != null && !tableNameSuffix.isBlank();
    }

    /** The build this goal runs in. */
    protected final MavenSession session() {
        return session;
    }

    /** The module this goal runs in. */
    protected final MavenProject project() {
        return project;
    }

    /** This plugin's version, as the build resolved it. */
    protected final String pluginVersion() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

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
        problems.add(PluginParameter.TIMEOUT.problem("'" + timeout + "' is not a positive ISO-8601 duration; write"
                + " e.g. PT10M (10 minutes) or PT90S"));
        return Duration.ofMinutes(10);
    }

    /** The process environment: AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_DYNAMODB... */
    protected Map<String, String> environment() {
        return System.getenv();
    }

    /**
     * The shared AWS config and credentials files, found as the SDK finds them ({@code AWS_CONFIG_FILE},
     * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/config} and {@code ~/.aws/credentials}).
     */
    private ProfileFile profileFile() {
        return ProfileFile.defaultProfileFile();
    }
}
