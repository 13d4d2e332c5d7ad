package io.github.dynamosetup.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dynamosetup.core.Change;
import io.github.dynamosetup.core.Difference;
import io.github.dynamosetup.core.Goal;
import io.github.dynamosetup.core.ProvisioningEvent;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunProgress;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableResult;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable account of a run, {@code <goal>-report.json}, whatever its outcome: per table its
 * verdict, what was done, every difference found, how long it took and, when the run failed, where the
 * table stopped and why, with the run's failure at the top. Built from the run's events ({@link RunProgress}).
 * Written with Jackson's streaming generator: a databind ObjectMapper costs a cold JVM about 0.1 s more,
 * which every build would pay.
 */
public final class JsonReport {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {}

    /** The report file of {@code name} ({@code create}, {@code plan}, ...) in {@code directory}. */
    public static Path file(Path directory, String name) {
        return directory.resolve(name + "-report.json");
    }

    /**
     * Writes the report into {@code directory} and returns its path.
     *
     * @param name the report's name, {@code <name>-report.json}
     * @param declared the declared tables, for a run that failed before it started
     * @param progress what the run's events told
     * @param failure the message the run failed with, or null when it succeeded
     * @param elapsed how long the goal took, connecting included, whether it succeeded or failed
     * @param reusedFrom the module of the build whose run this is, when the goal reused another module's result;
     *     else null
     */
    public static Path write(Path directory, String name, List<DeclaredTable> declared, RunProgress progress,
            String failure, Duration elapsed, String reusedFrom) throws IOException {
        Files.createDirectories(directory);
        Path file = file(directory, name);
        RunSummary summary = progress.summary();
        ProvisioningEvent.Started started = progress.started();
        try (JsonGenerator json = JSON.createGenerator(Files.newBufferedWriter(file))) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("goal", name);
            json.writeBooleanField("dryRun", summary != null ? summary.dryRun()
                    : started != null ? started.goal() == Goal.PLAN : name.equals(Goal.PLAN.goalName()));
            json.writeStringField("target", summary != null ? summary.target() : started != null ? started.target() : null);
            json.writeNumberField("elapsedMillis", elapsed.toMillis());
            if (reusedFrom != null) {
                json.writeStringField("reusedFrom", reusedFrom);
            }
            if (failure != null) {
                json.writeObjectFieldStart("failure");
                json.writeStringField("message", failure);
                json.writeEndObject();
            }
            json.writeArrayFieldStart("tables");
            if (summary != null) {
                for (TableResult table : summary.tables()) {
                    writeTable(json, table.declared(), table.outcome().name(), table, table.duration(), null, table.actions());
                }
            } else {
                for (DeclaredTable table : started != null ? started.tables() : declared) {
                    writeUnfinished(json, table, progress, started != null);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return file;
    }

    /** A table of a run that did not get to its end: its result, or what was done and where it stopped. */
    private static void writeUnfinished(JsonGenerator json, DeclaredTable table, RunProgress progress, boolean started)
            throws IOException {
        TableResult result = progress.result(table.name());
        if (result != null) {
            writeTable(json, table, result.outcome().name(), result, result.duration(), null, result.actions());
            return;
        }
        ProvisioningException failure = progress.failure(table.name());
        TableResult assessed = progress.assessed(table.name());
        String outcome = failure != null ? "FAILED" : started ? "NOT_FINISHED" : "NOT_STARTED";
        writeTable(json, table, outcome, assessed, null, failure == null ? null : failure.getMessage(),
                progress.actions(table.name()));
    }

    /**
     * @param found the table's result, or what the run found before acting; null when the run never read it
     * @param duration the time spent on the table, null when the run did not get to the table's end
     * @param error why the run stopped on the table, or null
     */
    private static void writeTable(JsonGenerator json, DeclaredTable declared, String outcome, TableResult found,
            Duration duration, String error, List<String> actions) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", declared.name());
        json.writeStringField("declaredAt", declared.origin().describe());
        json.writeStringField("outcome", outcome.toLowerCase(Locale.ROOT).replace('_', '-'));
        json.writeStringField("arn", found == null ? null : found.arn());
        json.writeStringField("streamArn", found == null ? null : found.streamArn());
        if (duration == null) {
            json.writeNullField("durationMillis");
        } else {
            json.writeNumberField("durationMillis", duration.toMillis());
        }
        json.writeArrayFieldStart("actions");
        for (String action : actions) {
            json.writeString(action);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("drift");
        for (Difference difference : found == null ? List.<Difference>of() : found.drift()) {
            if (difference.kind() == Difference.Kind.PENDING) {
                continue; // not drift: under "pending"
            }
            json.writeStartObject();
            json.writeStringField("setting", difference.what());
            json.writeStringField("declared", difference.declared());
            json.writeStringField("live", difference.live());
            json.writeStringField("kind", difference.kind().name().toLowerCase(Locale.ROOT));
            json.writeBooleanField("fixedByCreate", difference.change() != null);
            json.writeStringField("advice", difference.advice());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("pending");
        for (Difference difference : found == null ? List.<Difference>of() : found.pending()) {
            json.writeStartObject();
            json.writeStringField("setting", difference.what());
            json.writeStringField("declared", difference.declared());
            json.writeStringField("state", difference.live());
            json.writeStringField("note", difference.advice());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (found != null && found.outcome() == TableResult.Outcome.WOULD_UPDATE) {
            json.writeArrayFieldStart("steps");
            for (Change change : Difference.changes(found.drift())) {
                for (Change.Step step : change.steps()) {
                    json.writeStartObject();
                    json.writeStringField("step", step.description());
                    json.writeBooleanField("backfill", step.backfill());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
        }
        if (error != null) {
            json.writeStringField("error", error);
        }
        json.writeEndObject();
    }
}
