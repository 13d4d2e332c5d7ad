package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.core.RunProgress;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * The successful runs of {@code create} and {@code validate} that the modules of one build share: the first module
 * to run a goal on some tables, with one connection and options, does the AWS work; the modules after it, and
 * those that arrive while it works ({@code -T}), reuse its result when it succeeded, and run the goal themselves
 * when it failed. Kept in the build's own storage, Maven Resolver's session data
 * (<a href="https://maven.apache.org/resolver/apidocs/org/eclipse/aether/RepositorySystemSession.html#getData()">
 * RepositorySystemSession.getData()</a>), which Maven creates for each build and shares between the threads of
 * {@code -T}: never in a static field, since an mvnd daemon or an IDE keeps the plugin's classes from one build to
 * the next. Only the methods Maven 3.6.3's resolver (1.4.1) has are used: {@code get}, and the compare-and-set
 * {@code set(key, expected, value)}.
 */
final class BuildResults {

    /** Every component of a declared table but where it was declared. */
    private static final List<Method> TABLE_CONTENT = Arrays.stream(DeclaredTable.class.getRecordComponents())
            .filter(component -> !component.getName().equals("origin")).map(RecordComponent::getAccessor).toList();

    private BuildResults() {}

    /**
     * What makes two runs one piece of work. Also the key in the session data: a record of this class, so two
     * keys are equal only when a realm of this very plugin made both, whose value is then of this realm's
     * {@link Run} too.
     *
     * @param pluginVersion this plugin's version
     * @param goal the goal
     * @param tables each declared table's content, its origin left out: a parent's {@code <tableFiles>} are read
     *     under each module's own directory, from files that may hold the same tables or others
     * @param connection every input of the connection's resolution (region, endpoint, profile, credentials...)
     * @param options the options that change the goal's outcome
     */
    record Work(String pluginVersion, String goal, List<List<Object>> tables, List<Object> connection,
            List<Object> options) {

        /**
         * The work of {@code goal} on {@code declaration}. The connection counts as configured: equal settings
         * resolve to one region and one source of credentials within a build, whose AWS environment variables and
         * profile files are the process's.
         */
        static Work of(String pluginVersion, String goal, Declaration declaration, ConnectionSettings connection,
                List<Object> options) {
            Map<String, String> awsEnvironment = new TreeMap<>();
            connection.environment().forEach((name, value) -> {
                if (name.startsWith("AWS_")) {
                    awsEnvironment.put(name, value);
                }
            });
            List<Object> inputs = Arrays.asList(connection.region(), connection.endpoint(), connection.stsEndpoint(),
                    connection.profile(), connection.credentials(), connection.apiCallTimeout(),
                    connection.credentialsTimeout(), awsEnvironment, connection.proxies());
            return new Work(pluginVersion, goal, declaration.tables().stream().map(BuildResults::content).toList(),
                    inputs, options);
        }

        /** Never the connection: it holds the settings.xml credentials. */
        @Override
        public String toString() {
            return "Work[" + goal + " of " + tables.size() + " tables, plugin " + pluginVersion + "]";
        }
    }

    /**
     * A successful run, as the modules after it reuse it.
     *
     * @param module the artifactId of the module that ran it
     * @param declared the tables as that module declared them, for the report
     * @param progress what the run's events told, for the report
     * @param summary what the run found and did
     * @param elapsed how long the goal took there, for the report
     */
    record Result(String module, List<DeclaredTable> declared, RunProgress progress, RunSummary summary,
            Duration elapsed) {}

    /**
     * Claims {@code work} for the module of {@code project}: returns the result of another module's run of it,
     * waiting for that run while it works, or makes this module the one that runs it. A module never reuses its
     * own earlier run: a goal bound twice in a module was asked for twice.
     *
     * @throws InterruptedException when the build is stopped while this module waits for another's run
     */
    static Claim claim(MavenSession session, MavenProject project, Work work) throws InterruptedException {
        SessionData data = session.getRepositorySession().getData();
        String module = project.getGroupId() + ":" + project.getArtifactId();
        while (true) {
            Run mine = new Run(module);
            Run current = (Run) data.get(work);
            if (current == null) {
                if (data.set(work, null, mine)) {
                    return new Claim(mine, null);
                }
            } else if (current.module.equals(module)) {
                return unshared();
            } else {
                current.done.await();
                if (current.result != null) {
                    return new Claim(null, current.result);
                }
                if (data.set(work, current, mine)) { // it failed: this module runs the goal for the modules after it
                    return new Claim(mine, null);
                }
            }
        }
    }

    /** The claim of a goal that shares nothing: it runs, and its result is not kept. */
    static Claim unshared() {
        return new Claim(null, null);
    }

    /**
     * A module's part in a piece of work: a result to reuse, or the run it does. Closing it ends the run for the
     * modules waiting on it: without {@link #succeeded}, as failed, so that they run the goal themselves.
     */
    static final class Claim implements AutoCloseable {

        private final Run run;
        private final Result reusable;

        private Claim(Run run, Result reusable) {
            this.run = run;
            this.reusable = reusable;
        }

        /** Another module's result this module reuses instead of running the goal. */
        Optional<Result> reusable() {
            return Optional.ofNullable(reusable);
        }

        /** Keeps this module's successful run for the modules after it. */
        void succeeded(Result result) {
            if (run != null) {
                run.result = result;
            }
        }

        @Override
        public void close() {
            if (run != null) {
                run.done.countDown();
            }
        }
    }

    /** One module's run of a piece of work; done once it has ended, with its result when it succeeded. */
    private static final class Run {
        private final String module;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Result result;

        private Run(String module) {
            this.module = module;
        }
    }

    private static List<Object> content(DeclaredTable table) {
        List<Object> values = new ArrayList<>(TABLE_CONTENT.size());
        for (Method accessor : TABLE_CONTENT) {
            try {
                values.add(accessor.invoke(table));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor.getName() + " of a declared table", e);
            }
        }
        return values;
    }
}
