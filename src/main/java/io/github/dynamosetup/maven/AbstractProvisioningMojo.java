package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.AwsErrors;
import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.aws.Endpoints;
import io.github.dynamosetup.aws.MissingCredentialsException;
import io.github.dynamosetup.aws.WarmUp;
import io.github.dynamosetup.core.DriftException;
import io.github.dynamosetup.core.Goal;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.ReplicaRegions;
import io.github.dynamosetup.core.RunProgress;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.core.TablesAlreadyExistException;
import io.github.dynamosetup.core.TablesProtectedException;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.report.JsonReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A goal that talks to DynamoDB: one client for the run, one call into the core, the core's events
 * rendered on the mojo's thread, the report in {@code target/dynamo-setup/<goal>-report.json} whatever the
 * outcome, and the core's typed failures turned into BUILD FAILURE (missing tables, drift, existing tables:
 * the user's to act on) or BUILD ERROR (AWS, credentials or the network), each a typed Mojo exception that
 * keeps its cause.
 */
public abstract class AbstractProvisioningMojo extends AbstractDynamoSetupMojo {

    /**
     * Where {@code <goal>-report.json} goes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.reportDirectory", defaultValue = "${project.build.directory}/dynamo-setup")
    private File reportDirectory;

    /**
     * How many tables are worked on at once: read, created or updated, and waited for. The default, 250,
     * is what AWS accepts in flight for tables with secondary indexes (500 without); a run therefore never
     * holds more table operations than AWS takes, and 200 tables go through in one wave. Lower it when
     * other jobs share the account's table operation budget.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.maxConcurrency", defaultValue = "250")
    private int maxConcurrency;

    /**
     * The AWS accounts the write goals ({@code create}, {@code force}, {@code seed}, {@code reset}, {@code delete})
     * may change. {@code reset} and {@code delete} refuse any endpoint that is not on this machine unless it is set.
     * When set, they first
     * ask STS which account the credentials belong to, and refuse, before any write, when it is not
     * listed: a guard against provisioning into production with the wrong profile. Comma-separated on the
     * command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.allowedAccountIds")
    private List<String> allowedAccountIds = new ArrayList<>();

    /** Whether this run's endpoint is on this machine (a local server); set once the connection is resolved. */
    private boolean localEndpoint;

    /**
     * Maven makes the mojo, then fills its parameters: the SDK's warm-up (see {@link WarmUp}) starts here, so that it
     * runs beside both that and the configuration's checks. A build run with {@code -Ddynamo-setup.skip=true} (Maven
     * makes user properties system properties) warms nothing up.
     */
    protected AbstractProvisioningMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
        if (!Boolean.getBoolean("dynamo-setup.skip")) {
            WarmUp.start(message -> getLog().debug(message)); // the log Maven gives the mojo once it is made
        }
    }

    @Override
    protected final void execute(Declaration declaration, ConnectionSettings connection, Duration waitTimeout)
            throws MojoExecutionException, MojoFailureException {
        if (maxConcurrency < 1) {
            throw new MojoFailureException("The dynamo-setup configuration is invalid: <maxConcurrency> is "
                    + maxConcurrency + "; give a number of tables of at least 1 (default 250)");
        }
        prepare(declaration);
        localEndpoint = Endpoints.isLoopback(connection.endpoint());
        if (!localEndpoint) {
            refuseUnguardedEndpoint(connection.endpoint() == null
                    ? "AWS itself (" + (connection.region() == null ? "the region of the AWS SDK's region chain"
                            : "region " + connection.region()) + ")"
                    : Endpoints.display(connection.endpoint()) + " (from " + connection.endpointSource() + ")",
                    !allowedAccounts().isEmpty());
        }
        Path reports = reportDirectory.toPath();
        try (BuildResults.Claim claim = claim(declaration, connection, waitTimeout)) {
            Optional<BuildResults.Result> reusable = claim.reusable();
            if (reusable.isPresent()) {
                reuse(reusable.get(), reports);
                return;
            }
            claim.succeeded(runAndReport(declaration, connection, waitTimeout, reports));
        }
    }

    /** Runs the goal, writes its report, and returns its result for the modules after this one. */
    private BuildResults.Result runAndReport(Declaration declaration, ConnectionSettings connection,
            Duration waitTimeout, Path reports) throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        String reportName = reportName();
        MavenProvisioningListener listener = new MavenProvisioningListener(getLog(), MavenRemedies.INSTANCE);
        Endpoints.insecureWarning(connection.endpoint()).ifPresent(getLog()::warn);
        RunSummary summary;
        try {
            summary = provision(declaration, connection, waitTimeout, listener);
        } catch (Exception e) {
            AbstractMojoExecutionException failure = failure(e);
            report(reports, reportName, declaration.tables(), listener.progress(), failure, elapsedSince(start), null);
            if (failure instanceof MojoFailureException userMistake) {
                throw userMistake;
            }
            throw (MojoExecutionException) failure;
        }
        Duration elapsed = elapsedSince(start);
        report(reports, reportName, declaration.tables(), listener.progress(), null, elapsed, null);
        completed(summary);
        return new BuildResults.Result(project().getArtifactId(), declaration.tables(), listener.progress(), summary,
                elapsed);
    }

    /**
     * Claims this run for the build: another module's result of the same work to reuse (waiting for it while it
     * runs), or this module runs the goal and the modules after it may reuse its result.
     */
    private BuildResults.Claim claim(Declaration declaration, ConnectionSettings connection, Duration waitTimeout)
            throws MojoExecutionException {
        Optional<List<Object>> options = reuseOptions();
        if (options.isEmpty()) {
            return BuildResults.unshared();
        }
        try {
            return BuildResults.claim(session(), project(), BuildResults.Work.of(pluginVersion(), goalName(),
                    declaration, connection, Arrays.asList(options.get(), waitTimeout, maxConcurrency, allowedAccountIds)));
        } catch (InterruptedException e) {
            throw (MojoExecutionException) failure(e);
        }
    }

    /** Writes the report of another module's run of the same work, and does what this goal does after a run. */
    private void reuse(BuildResults.Result result, Path reports) throws MojoExecutionException {
        getLog().info("dynamo-setup:" + goalName() + " reuses the result of module " + result.module() + " in this"
                + " build (same tables, connection and options): no AWS call made here. To run it in every module,"
                + " set -Ddynamo-setup.reuseWithinBuild=false");
        report(reports, reportName(), result.declared(), result.progress(), null, result.elapsed(), result.module());
        completed(result.summary());
    }

    /**
     * Reads and checks what the goal needs beyond the declaration (the seed's items), before any AWS call;
     * nothing by default.
     */
    protected void prepare(Declaration declaration) throws MojoFailureException {}

    /**
     * The options that change this goal's outcome, when modules of one build may reuse one module's successful
     * run of it; empty when every module runs it (the default).
     */
    protected Optional<List<Object>> reuseOptions() {
        return Optional.empty();
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Connects, checks the account of a write goal, and runs the goal on a thread of its own. The connection is
     * closed here when the run does not start, and by the run's thread once the run has ended otherwise: a build
     * stopped twice stops waiting for the run, never cuts its AWS calls.
     */
    private RunSummary provision(Declaration declaration, ConnectionSettings connection, Duration waitTimeout,
            MavenProvisioningListener listener) throws MissingCredentialsException, MojoExecutionException,
            MojoFailureException, ProvisioningException, InterruptedException {
        DynamoDbConnection dynamoDb = DynamoDbConnection.open(connection, getLog()::info);
        TableProvisioner provisioner;
        try {
            // replica regions need the resolved region: checked here, still before any AWS call
            List<ConfigurationProblem> replicaProblems = ReplicaRegions.problems(declaration.tables(), dynamoDb.region());
            if (!replicaProblems.isEmpty()) {
                throw new InvalidConfigurationFailure(goalName(), new InvalidDeclarationException(replicaProblems));
            }
            if (writes()) {
                checkAccount(dynamoDb);
            }
            provisioner = new TableProvisioner(dynamoDb.client(), listener, MavenRemedies.INSTANCE, waitTimeout,
                    dynamoDb.target(), maxConcurrency, dynamoDb::autoScaling);
        } catch (Exception e) {
            dynamoDb.close();
            throw e;
        }
        return listener.relay(() -> run(provisioner, declaration), provisioner::stop, dynamoDb);
    }

    /**
     * Removes the report of an earlier build before anything else: a build that stops on its configuration, is
     * skipped or finds no tables must not leave an earlier run's report to pass for its own.
     */
    @Override
    protected final void discardEarlierReport() throws MojoExecutionException {
        Path reports = reportDirectory.toPath();
        try {
            Files.deleteIfExists(JsonReport.file(reports, reportName()));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not remove the earlier dynamo-setup report from " + reports + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * What the user is told when the run fails: BUILD FAILURE for what the user must act on (drift, existing
     * tables, the account check), BUILD ERROR for AWS, credentials, the network and a stopped build; an
     * exception nobody expected becomes a sentence asking for a report, never a raw exception.
     */
    private AbstractMojoExecutionException failure(Exception e) {
        if (e instanceof AbstractMojoExecutionException mojoFailure) {
            return mojoFailure;
        } else if (e instanceof DriftException drift) {
            return new DriftFailure(drift);
        } else if (e instanceof TablesAlreadyExistException exist) {
            return new TablesExistFailure(exist);
        } else if (e instanceof TablesProtectedException protectedTables) {
            return new TablesProtectedFailure(protectedTables);
        } else if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProvisioningFailure(goalName(), "dynamo-setup:" + goalName() + " was interrupted: the build"
                    + " was stopped while it worked. Run " + MavenRemedies.INSTANCE.run(Goal.VALIDATE) + " to see where"
                    + " each table stands.", e);
        } else if (e instanceof ProvisioningException || e instanceof MissingCredentialsException) {
            return new ProvisioningFailure(goalName(), e.getMessage(), e);
        } else if (e instanceof RuntimeException unexpected) {
            return new UnexpectedFailure(goalName(), unexpected);
        }
        return new UnexpectedFailure(goalName(), new IllegalStateException(e)); // no other checked exception is thrown
    }

    /**
     * Refuses, before any AWS call, to run against an endpoint that is not on this machine (AWS itself, say) when
     * the goal needs more guards there; nothing by default. {@code delete} and {@code reset} use it.
     *
     * @param endpoint the endpoint, for the message
     * @param accountsListed whether {@code allowedAccountIds} lists any account
     * @throws MojoFailureException to refuse, naming what to set
     */
    protected void refuseUnguardedEndpoint(String endpoint, boolean accountsListed) throws MojoFailureException {}

    /** Whether the endpoint is on this machine (a local server), as {@code create} decides for dummy credentials. */
    protected final boolean localEndpoint() {
        return localEndpoint;
    }

    private List<String> allowedAccounts() {
        return allowedAccountIds == null ? List.of() : allowedAccountIds.stream()
                .filter(id -> id != null && !id.isBlank()).map(String::trim).toList();
    }

    /** Whether this run may write (the account check of {@code allowedAccountIds} comes first then). */
    protected abstract boolean writes();

    private void checkAccount(DynamoDbConnection dynamoDb) throws MojoFailureException, MojoExecutionException {
        List<String> allowed = allowedAccounts();
        if (allowed.isEmpty()) {
            return;
        }
        String account;
        try {
            account = dynamoDb.accountId();
        } catch (SdkException e) {
            throw new MojoExecutionException("Could not ask STS in " + dynamoDb.stsTarget() + " which AWS account"
                    + " the credentials belong to (" + AwsErrors.errorCode(e) + ": " + AwsErrors.detail(e) + "), so nothing was written; <allowedAccountIds>"
                    + " needs sts:GetCallerIdentity, which every principal may call unless a policy denies it.", e);
        }
        if (!allowed.contains(account)) {
            throw new MojoFailureException("Refusing to write: the credentials belong to AWS account " + account
                    + ", which <allowedAccountIds> (" + String.join(", ", allowed) + ") does not list. Nothing was"
                    + " written. Use the credentials of an allowed account (<profile>, <serverId> or the environment),"
                    + " or add " + account + " to <allowedAccountIds>.");
        }
        getLog().debug("AWS account " + account + " is allowed");
    }

    /** The goal's one call into the core. */
    protected abstract RunSummary run(TableProvisioner provisioner, Declaration declaration)
            throws ProvisioningException;

    /** What the goal does after a successful run; nothing by default. */
    protected void completed(RunSummary summary) {}

    /** The name of the report file: {@code <reportName>-report.json}. */
    protected String reportName() {
        return goalName();
    }

    /**
     * Writes {@code <reportName>-report.json} from what the run's events told, with the failure when there is
     * one. A report that cannot be written fails a run that succeeded; it never hides a run's own failure.
     *
     * @param reusedFrom the module whose run this is, when this module reused it; else null
     */
    private void report(Path directory, String name, List<DeclaredTable> declared, RunProgress progress,
            AbstractMojoExecutionException failure, Duration elapsed, String reusedFrom) throws MojoExecutionException {
        try {
            Path file = JsonReport.write(directory, name, declared, progress,
                    failure == null ? null : failure.getMessage(), elapsed, reusedFrom);
            getLog().debug("dynamo-setup report: " + file);
        } catch (IOException e) {
            String message = "Could not write the dynamo-setup report to " + directory + ": " + e.getMessage();
            if (failure != null) {
                getLog().warn(message);
                failure.addSuppressed(e);
                return;
            }
            throw new MojoExecutionException(message, e);
        }
    }
}
