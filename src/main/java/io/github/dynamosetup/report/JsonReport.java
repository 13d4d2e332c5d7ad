package io.github.dynamosetup.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dynamosetup.core.Difference;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine-readable account of a run, {@code <goal>-report.json}: per table its verdict, what was
 * done, every difference found, and how long it took.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** Writes the report into {@code directory} and returns its path. */
    public static Path write(Path directory, String goal, RunSummary summary) throws IOException {
        ObjectNode root = JSON.createObjectNode()
                .put("goal", goal)
                .put("dryRun", summary.dryRun())
                .put("target", summary.target())
                .put("elapsedMillis", summary.elapsed().toMillis());
        ArrayNode tables = root.putArray("tables");
        for (TableResult table : summary.tables()) {
            ObjectNode node = tables.addObject()
                    .put("name", table.spec().name())
                    .put("declaredAt", table.spec().origin().describe())
                    .put("outcome", table.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("arn", table.arn())
                    .put("streamArn", table.streamArn())
                    .put("durationMillis", table.duration().toMillis());
            ArrayNode actions = node.putArray("actions");
            table.actions().forEach(actions::add);
            ArrayNode drift = node.putArray("drift");
            for (Difference difference : table.drift()) {
                drift.addObject()
                        .put("setting", difference.what())
                        .put("declared", difference.declared())
                        .put("live", difference.live())
                        .put("kind", difference.kind().name().toLowerCase(Locale.ROOT))
                        .put("fixedByCreate", difference.change() != null)
                        .put("advice", difference.advice());
            }
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(goal + "-report.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
