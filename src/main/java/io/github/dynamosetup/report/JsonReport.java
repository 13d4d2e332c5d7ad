package io.github.dynamosetup.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dynamosetup.core.Difference;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine-readable account of a run, {@code <goal>-report.json}: per table its verdict, what was
 * done, every difference found, and how long it took. Written with Jackson's streaming generator: a
 * databind ObjectMapper costs a cold JVM about 0.1 s more, which every build would pay.
 */
public final class JsonReport {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {}

    /** Writes the report into {@code directory} and returns its path. */
    public static Path write(Path directory, String goal, RunSummary summary) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(goal + "-report.json");
        try (JsonGenerator json = JSON.createGenerator(Files.newBufferedWriter(file))) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("goal", goal);
            json.writeBooleanField("dryRun", summary.dryRun());
            json.writeStringField("target", summary.target());
            json.writeNumberField("elapsedMillis", summary.elapsed().toMillis());
            json.writeArrayFieldStart("tables");
            for (TableResult table : summary.tables()) {
                writeTable(json, table);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return file;
    }

    private static void writeTable(JsonGenerator json, TableResult table) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", table.declared().name());
        json.writeStringField("declaredAt", table.declared().origin().describe());
        json.writeStringField("outcome", table.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.writeStringField("arn", table.arn());
        json.writeStringField("streamArn", table.streamArn());
        json.writeNumberField("durationMillis", table.duration().toMillis());
        json.writeArrayFieldStart("actions");
        for (String action : table.actions()) {
            json.writeString(action);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("drift");
        for (Difference difference : table.drift()) {
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
        json.writeEndObject();
    }
}
