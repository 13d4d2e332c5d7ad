package io.github.dynamosetup.core;

import io.github.dynamosetup.aws.AwsErrors;
import io.github.dynamosetup.spec.Declaration;
import io.github.dynamosetup.spec.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The provisioning engine. Every goal runs the same way, table by table: read the live state, decide
 * what to do, act, then wait for the tables it created and apply what CreateTable cannot carry (TTL,
 * point-in-time recovery).
 * Knows DynamoDB, not Maven.
 */
public final class TableProvisioner {

    private final DynamoDbClient client;
    private final ProvisioningListener listener;
    private final TableActivityWaiter waiter;
    private final String target;

    /**
     * @param client the DynamoDB client of this run; the caller closes it
     * @param listener where progress goes
     * @param timeout how long to wait for created tables to become ACTIVE
     * @param target where the tables live, for messages (e.g. {@code region us-east-1})
     */
    public TableProvisioner(DynamoDbClient client, ProvisioningListener listener, Duration timeout, String target) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.waiter = new TableActivityWaiter(client, timeout);
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Creates the declared tables that do not exist; existing tables are left as they are. */
    public RunSummary create(Declaration declaration) throws ProvisioningException {
        long start = System.nanoTime();
        Map<TableSpec, TableDescription> live = readLiveState(declaration, Goal.CREATE);
        List<TableSpec> toCreate = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        live.forEach((table, description) -> {
            if (description == null) {
                toCreate.add(table);
                listener.info("+ create  " + table.name());
            } else {
                existing.add(table.name());
                listener.info("= exists  " + table.name() + " (" + description.tableStatusAsString()
                        + "; left as it is)");
            }
        });
        List<TableSpec> created = createAll(toCreate, Goal.CREATE, List.of());
        finishCreated(created, Goal.CREATE);
        return summarize(new RunSummary(Goal.CREATE, names(created), existing, List.of(), since(start)));
    }

    /** Checks that every declared table exists; read-only. */
    public RunSummary validate(Declaration declaration) throws ProvisioningException {
        long start = System.nanoTime();
        Map<TableSpec, TableDescription> live = readLiveState(declaration, Goal.VALIDATE);
        List<String> existing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        live.forEach((table, description) -> {
            if (description == null) {
                missing.add(table.name());
                listener.warn("! missing " + table.name());
            } else {
                existing.add(table.name());
                listener.info("= exists  " + table.name() + " (" + description.tableStatusAsString() + ")");
            }
        });
        RunSummary summary = summarize(new RunSummary(Goal.VALIDATE, List.of(), existing, missing, since(start)));
        if (!missing.isEmpty()) {
            throw new MissingTablesException(missing, target);
        }
        return summary;
    }

    /**
     * Calls CreateTable for every declared table without looking first. Tables that already exist make
     * the run fail after the others have been created and configured.
     */
    public RunSummary force(Declaration declaration) throws ProvisioningException {
        long start = System.nanoTime();
        List<String> existing = new ArrayList<>();
        declaration.tables().forEach(t -> listener.info("+ create  " + t.name() + " (forced)"));
        List<TableSpec> created = createAll(declaration.tables(), Goal.FORCE, existing);
        finishCreated(created, Goal.FORCE);
        RunSummary summary = summarize(new RunSummary(Goal.FORCE, names(created), existing, List.of(), since(start)));
        if (!existing.isEmpty()) {
            throw new TablesAlreadyExistException(existing, names(created), target);
        }
        return summary;
    }

    /** DescribeTable for each declared table; a table that does not exist maps to {@code null}. */
    private Map<TableSpec, TableDescription> readLiveState(Declaration declaration, Goal goal)
            throws AwsCallException {
        Map<TableSpec, TableDescription> live = new LinkedHashMap<>();
        for (TableSpec table : declaration.tables()) {
            live.put(table, call(table.name(), "DescribeTable", goal, () -> {
                try {
                    return client.describeTable(r -> r.tableName(table.name())).table();
                } catch (ResourceNotFoundException e) {
                    return null;
                }
            }));
        }
        return live;
    }

    /**
     * Sends CreateTable for each table and returns those created. For the force goal, a table that
     * already exists is added to {@code alreadyExisting} instead of failing the run.
     */
    private List<TableSpec> createAll(List<TableSpec> tables, Goal goal, List<String> alreadyExisting)
            throws AwsCallException {
        List<TableSpec> created = new ArrayList<>();
        for (TableSpec table : tables) {
            boolean done = call(table.name(), "CreateTable", goal, () -> {
                try {
                    client.createTable(CreateTableRequests.of(table));
                    return true;
                } catch (ResourceInUseException e) {
                    if (goal != Goal.FORCE) {
                        throw e;
                    }
                    listener.warn("! exists  " + table.name() + " (CreateTable refused: ResourceInUseException)");
                    return false;
                }
            });
            if (done) {
                created.add(table);
            } else {
                alreadyExisting.add(table.name());
            }
        }
        return created;
    }

    /** Waits for freshly created tables to become ACTIVE, then applies what CreateTable cannot carry. */
    private void finishCreated(List<TableSpec> created, Goal goal) throws ProvisioningException {
        if (created.isEmpty()) {
            return;
        }
        waiter.awaitActive(names(created), listener);
        for (TableSpec table : created) {
            if (table.timeToLiveAttribute() != null) {
                call(table.name(), "UpdateTimeToLive", goal, () -> client.updateTimeToLive(r -> r
                        .tableName(table.name())
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName(table.timeToLiveAttribute()))));
                listener.info("  ttl     " + table.name() + " (enabled on '" + table.timeToLiveAttribute() + "')");
            }
            if (table.pointInTimeRecovery()) {
                call(table.name(), "UpdateContinuousBackups", goal, () -> client.updateContinuousBackups(r -> r
                        .tableName(table.name())
                        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))));
                listener.info("  pitr    " + table.name() + " (point-in-time recovery enabled)");
            }
        }
    }

    private RunSummary summarize(RunSummary summary) {
        int total = summary.created().size() + summary.existing().size() + summary.missing().size();
        StringBuilder line = new StringBuilder()
                .append(summary.goal().goalName()).append(": ").append(total)
                .append(total == 1 ? " table in " : " tables in ").append(target).append(" - ");
        List<String> counts = new ArrayList<>();
        if (summary.goal() != Goal.VALIDATE) {
            counts.add(summary.created().size() + " created");
        }
        counts.add(summary.existing().size() + (summary.goal() == Goal.VALIDATE ? " present" : " already existed"));
        if (summary.goal() == Goal.VALIDATE) {
            counts.add(summary.missing().size() + " missing");
        }
        line.append(String.join(", ", counts))
                .append(String.format(Locale.ROOT, " (%.1f s)", summary.elapsed().toMillis() / 1000.0));
        listener.info(line.toString());
        return summary;
    }

    /** Runs one DynamoDB call and turns its failure into a typed exception naming table and operation. */
    private <T> T call(String table, String operation, Goal goal, Supplier<T> request) throws AwsCallException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(table, operation, goal, e);
        }
    }

    private AwsCallException translate(String table, String operation, Goal goal, SdkException e) {
        String code = AwsErrors.errorCode(e);
        String detail = AwsErrors.detail(e);
        if (AwsErrors.isAccessDenied(e)) {
            return new PermissionDeniedException(table, operation, goal, detail, e);
        }
        String fix;
        if (e instanceof SdkClientException) {
            fix = "DynamoDB could not be reached in " + target + ". Check <region>/<endpoint> and the network, then"
                    + " run the goal again.";
        } else if (e instanceof ResourceInUseException) {
            fix = "The table is being created, updated or deleted by someone else; run mvn dynamo-setup:validate"
                    + " to see its state, then run the goal again.";
        } else if ("UnrecognizedClientException".equals(code) || "InvalidSignatureException".equals(code)) {
            fix = "The credentials were not accepted; check the access key, secret key and session token in use.";
        } else if ("LimitExceededException".equals(code) || "ThrottlingException".equals(code)) {
            fix = "AWS limits how many table operations may run at once; run the goal again in a minute.";
        } else if ("ValidationException".equals(code)) {
            fix = "DynamoDB rejected the table as declared; correct the declaration of this table.";
        } else {
            fix = "Run the goal again; if this persists, check the AWS Health Dashboard for DynamoDB in " + target + ".";
        }
        return new AwsCallException(table, operation, code,
                code + " from " + operation + " on table '" + table + "': " + detail + ". " + fix, e);
    }

    private static List<String> names(List<TableSpec> tables) {
        return tables.stream().map(TableSpec::name).toList();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
