package io.github.dynamosetup.core;

import io.github.dynamosetup.core.TableResult.Outcome;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The writes of a run, one table at a time: CreateTable and what follows it (ACTIVE, TTL, point-in-time
 * recovery, auto scaling), and the changes that bring an existing table to its declaration (UpdateTable, an index, TTL,
 * tags, point-in-time recovery), each safe to race with other builds. Every write is told as an event.
 */
final class TableWriter {

    private final DynamoDbClient client;
    private final LiveTableReader reader;
    private final AutoScalingTargets autoScaling;

    TableWriter(DynamoDbClient client, LiveTableReader reader, AutoScalingTargets autoScaling) {
        this.client = client;
        this.reader = reader;
        this.autoScaling = autoScaling;
    }

    /**
     * Calls CreateTable.
     *
     * @return the new table, or null when it exists already (ResourceInUseException: made by another build,
     *     or by a call of ours whose answer was lost)
     */
    TableDescription create(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        TableDescription created = calls.call(declared.name(), "CreateTable", () -> {
            try {
                return client.createTable(CreateTableRequests.of(declared)).tableDescription();
            } catch (ResourceInUseException e) {
                return null;
            }
        });
        if (created != null) {
            calls.events().on(new ProvisioningEvent.Created(declared.name()));
        }
        return created;
    }

    /**
     * Waits for a created table (and the indexes made with it) to become ACTIVE, then applies what
     * CreateTable cannot carry.
     */
    TableResult finishCreated(DeclaredTable declared, TableDescription created, AwsCalls calls, long startNanos)
            throws ProvisioningException {
        calls.waiter(client).awaitCreated(declared.name(), created);
        calls.events().on(new ProvisioningEvent.Active(declared.name()));
        List<String> actions = new ArrayList<>(List.of("create"));
        List<Change> after = new ArrayList<>();
        if (declared.timeToLiveAttribute() != null) {
            after.add(new Change.EnableTimeToLive(declared.timeToLiveAttribute()));
        }
        if (declared.pointInTimeRecovery()) {
            after.add(new Change.EnablePointInTimeRecovery(declared.recoveryPeriodInDays()));
        }
        if (!AutoScalingTargets.declared(declared).isEmpty()) {
            after.add(new Change.ConfigureAutoScaling(AutoScalingTargets.declared(declared)));
        }
        // replicas last: PROVISIONED ones need write auto scaling in place (globaltables_reqs_bestpractices)
        declared.replicaRegions().forEach(region -> after.add(new Change.AddReplica(region)));
        String streamArn = created.latestStreamArn();
        for (Change change : after) {
            Applied applied = apply(declared, created.tableArn(), change, calls);
            if (applied.byThisRun()) {
                actions.add(change.label());
            }
            if (applied.streamArn() != null) {
                streamArn = applied.streamArn(); // a replica turns the stream on
            }
        }
        return new TableResult(declared, Outcome.CREATED, actions, List.of(), created.tableArn(), streamArn,
                since(startNanos));
    }

    /**
     * Applies the fixable changes to an existing table, one call and one kind of change at a time, each
     * UpdateTable once the table and its indexes are ACTIVE again (AWS refuses UpdateTable on a table
     * that is not, and allows one index creation at a time per table: UpdateTable, API reference).
     */
    TableResult update(DeclaredTable declared, LiveTable live, List<Difference> differences, AwsCalls calls)
            throws ProvisioningException {
        long start = System.nanoTime();
        Set<Change> changes = Difference.changes(differences);
        if (changes.isEmpty()) {
            return new TableResult(declared, differences.isEmpty() ? Outcome.UP_TO_DATE : Outcome.DRIFT, List.of(),
                    differences, live.arn(), live.streamArn(), since(start));
        }
        List<String> actions = new ArrayList<>();
        String streamArn = live.streamArn();
        for (Change change : changes) {
            Applied applied = apply(declared, live.arn(), change, calls);
            if (applied.byThisRun()) {
                actions.add(change.label());
            }
            if (applied.streamArn() != null) {
                streamArn = applied.streamArn();
            }
        }
        return new TableResult(declared, Outcome.UPDATED, actions, differences, live.arn(), streamArn, since(start));
    }

    /**
     * What one change did.
     *
     * @param byThisRun whether this run made the change (false: another run had made it)
     * @param streamArn the table's latest stream as read after an UpdateTable, else null
     */
    private record Applied(boolean byThisRun, String streamArn) {}

    /**
     * Makes one change, safe to race with other builds: when AWS refuses it and the live table turns out to
     * have it anyway (TTL "already enabled", a stream or index another build added), it is done; when the
     * table is busy with another change (ResourceInUseException), it is tried again once the table is
     * ACTIVE. Refusals that only mean "not now" are waited out by {@link AwsCalls}.
     */
    private Applied apply(DeclaredTable declared, String arn, Change change, AwsCalls calls)
            throws ProvisioningException {
        String name = declared.name();
        TableActivityWaiter waiter = calls.waiter(client);
        boolean updatesTable = change instanceof Change.UpdateTable || change instanceof Change.AddIndex
                || change instanceof Change.AddReplica;
        for (int attempt = 1; ; attempt++) {
            if (updatesTable) {
                waiter.awaitActive(name);
            }
            try {
                send(declared, arn, change, calls);
                break;
            } catch (AwsCallException refused) {
                if (refused instanceof PermissionDeniedException
                        || !(refused.getCause() instanceof AwsServiceException)) {
                    throw refused;
                }
                LiveTable live;
                try {
                    live = reader.read(declared, calls);
                } catch (ProvisioningException unreadable) {
                    refused.addSuppressed(unreadable);
                    throw refused;
                }
                if (live != null && change.isDoneOn(live)) {
                    calls.events().on(new ProvisioningEvent.ChangedMeanwhile(name, change, refused.errorCode()));
                    if (change instanceof Change.AddIndex add) {
                        waiter.awaitIndexActive(name, add.index().name());
                    } else if (change instanceof Change.AddReplica replica) {
                        awaitReplica(name, replica.region(), waiter);
                    }
                    return new Applied(false, live.streamArn());
                }
                if (!"ResourceInUseException".equals(refused.errorCode()) || calls.deadline().passed()) {
                    throw refused;
                }
                calls.pause(attempt, (SdkException) refused.getCause(), name, operation(change));
            }
        }
        String streamArn = null;
        if (change instanceof Change.UpdateTable) {
            streamArn = waiter.awaitActive(name).latestStreamArn();
        } else if (change instanceof Change.AddIndex add) {
            waiter.awaitIndexActive(name, add.index().name());
        } else if (change instanceof Change.AddReplica replica) {
            streamArn = awaitReplica(name, replica.region(), waiter);
        }
        calls.events().on(new ProvisioningEvent.Changed(name, change));
        return new Applied(true, streamArn);
    }

    /**
     * Waits until the table is ACTIVE and its replica in {@code region} is made; a replica AWS could not make
     * (CREATION_FAILED, REGION_DISABLED, ...) fails the table with AWS's own description.
     *
     * @return the table's latest stream, which AWS turns on for a global table
     */
    private static String awaitReplica(String name, String region, TableActivityWaiter waiter)
            throws ProvisioningException {
        TableDescription table = waiter.awaitReplica(name, region);
        ReplicaDescription replica = table.replicas().stream().filter(r -> region.equals(r.regionName())).findFirst()
                .orElseThrow();
        if (!"ACTIVE".equals(replica.replicaStatusAsString())) {
            throw new AwsCallException(replica.replicaStatusAsString(), "The replica of table '" + name + "' in "
                    + region + " is " + replica.replicaStatusAsString() + (replica.replicaStatusDescription() == null
                    ? "" : ": " + replica.replicaStatusDescription()) + ". Check that the region is enabled for the"
                    + " account and that the table's KMS key (if any) can be used there, then remove the failed"
                    + " replica by hand (aws dynamodb update-table --table-name " + name + " --replica-updates"
                    + " '[{\"Delete\": {\"RegionName\": \"" + region + "\"}}]') and run the goal again.", null);
        }
        return table.latestStreamArn();
    }

    private static String operation(Change change) {
        if (change instanceof Change.EnableTimeToLive) {
            return "UpdateTimeToLive";
        } else if (change instanceof Change.TagTable) {
            return "TagResource";
        } else if (change instanceof Change.EnablePointInTimeRecovery) {
            return "UpdateContinuousBackups";
        } else if (change instanceof Change.ConfigureAutoScaling) {
            return "RegisterScalableTarget";
        }
        return "UpdateTable";
    }

    /** The one API call of a change. */
    private void send(DeclaredTable declared, String arn, Change change, AwsCalls calls) throws ProvisioningException {
        String name = declared.name();
        String operation = operation(change);
        if (change instanceof Change.UpdateTable update) {
            calls.run(name, operation, () -> client.updateTable(r -> {
                r.tableName(name);
                update.request().accept(r);
            }));
        } else if (change instanceof Change.AddIndex add) {
            calls.run(name, operation, () -> client.updateTable(CreateTableRequests.addIndex(declared, add.index())));
        } else if (change instanceof Change.AddReplica replica) {
            // one replica per UpdateTable: the table is UPDATING until it is made, and "you can't issue another
            // UpdateTable request" meanwhile (UpdateTable, API reference; ReplicationGroupUpdate)
            calls.run(name, operation, () -> client.updateTable(r -> r.tableName(name).replicaUpdates(
                    ReplicationGroupUpdate.builder().create(c -> c.regionName(replica.region())).build())));
        } else if (change instanceof Change.EnableTimeToLive ttl) {
            calls.run(name, operation, () -> client.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(ttl.attribute()))));
        } else if (change instanceof Change.TagTable tagging) {
            calls.run(name, operation, () -> client.tagResource(r -> r.resourceArn(arn)
                    .tags(tagging.tags().entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
        } else if (change instanceof Change.ConfigureAutoScaling scaling) {
            for (var target : scaling.targets().entrySet()) {
                autoScaling.apply(name, target.getKey(), target.getValue(), calls);
            }
        } else if (change instanceof Change.EnablePointInTimeRecovery recovery) {
            // RecoveryPeriodInDays: "If no value is provided, the value will default to 35"
            // (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html)
            Integer days = recovery.recoveryPeriodInDays() == null ? null
                    : Math.toIntExact(recovery.recoveryPeriodInDays());
            calls.run(name, operation, () -> client.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)
                            .recoveryPeriodInDays(days))));
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
