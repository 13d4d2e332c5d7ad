package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' behaviour layer: an HTTP proxy in front of moto (or dynalite) that makes the server answer
 * the control plane the way real DynamoDB does where local servers do not. Every behaviour is off until
 * a test switches it on, and each follows one entry of {@code src/test/AWS-BEHAVIOUR.md}, the catalogue
 * that cites AWS's API reference or developer guide for it. The proxy keeps its own clock per table (when
 * it was created, updated, when TTL changed) and rewrites statuses and errors accordingly; everything else
 * is the server's own answer.
 *
 * <p>Over 300 lines: one proxy whose behaviours share its per-table clock; each switch is a few lines.
 */
public final class AwsBehaviour implements AutoCloseable {

    private static final String PREFIX = "DynamoDB_20120810.";
    private static final Set<String> READS = Set.of("DescribeTable", "DescribeTimeToLive", "ListTagsOfResource",
            "DescribeContinuousBackups", "ListTables");
    private static final Set<String> TABLE_OPERATIONS = Set.of("CreateTable", "UpdateTable", "DeleteTable");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    /** How long a table's tags stay "being updated" after TagResource (measured on AWS: about 1.7 s). */
    private static final Duration TAGS_SETTLE = Duration.ofMillis(1700);

    private final URI backend;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "aws-behaviour");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, TableClock> tables = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    private final List<String> updateTableRequests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Runnable> before = new ConcurrentHashMap<>();

    private volatile Duration creating = Duration.ZERO;
    private volatile Duration invisibleAfterCreate = Duration.ZERO;
    private volatile Duration updating = Duration.ZERO;
    private volatile Duration backfilling = Duration.ZERO;
    private volatile Duration backupsUnavailable = Duration.ZERO;
    private volatile Duration timeToLiveEnabling;
    private volatile Duration tagReadsLag = Duration.ZERO;
    private volatile boolean strictUpdateTable;
    private volatile boolean quotas;
    private volatile boolean recoveryPeriodRange;
    private volatile boolean keySchemaLimits;
    private volatile WarmThroughputEmulation warmThroughput;
    private volatile ContributorInsightsEmulation contributorInsights;
    private volatile IndexEmulation indexes;
    private volatile TableDeletionEmulation deletions;
    private volatile int maxTableOperations = Integer.MAX_VALUE;
    private volatile RateLimit readRate;
    private volatile RateLimit tagRate;
    private volatile java.util.function.Consumer<ObjectNode> tableDescription = table -> { };
    private volatile AutoScalingEmulation autoScaling;
    private volatile ReplicaEmulation replicas;
    private final ResourcePolicyEmulation resourcePolicies = new ResourcePolicyEmulation();
    private volatile BatchWriteEmulation batchWrites;

    private AwsBehaviour(URI backend, HttpServer server) {
        this.backend = backend;
        this.server = server;
    }

    /** A proxy to {@code backend} on a free loopback port, with no behaviour switched on yet. */
    public static AwsBehaviour inFrontOf(URI backend) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            AwsBehaviour layer = new AwsBehaviour(backend, server);
            server.setExecutor(layer.executor);
            server.createContext("/", layer::handle);
            server.start();
            return layer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every behaviour of the catalogue at once, with durations short enough for a test: tables CREATING
     * for {@code creating}, invisible to DescribeTable for a fifth of it, UPDATING and backfilling for
     * half of it, backups unavailable for as long again after ACTIVE, TTL ENABLING as long, the rules of
     * UpdateTable and TTL enforced.
     */
    public static AwsBehaviour likeAws(URI backend, Duration creating) {
        return inFrontOf(backend)
                .creating(creating)
                .invisibleAfterCreate(creating.dividedBy(5))
                .updating(creating.dividedBy(2))
                .backfilling(creating)
                .backupsUnavailableAfterCreate(creating)
                .recoveryPeriodRange()
                .keySchemaLimits()
                .autoScalingLikeAws()
                .replicas(creating)
                .warmThroughput(2)
                .contributorInsights(2)
                .indexOperations(creating)
                .timeToLive(creating)
                .tagReadsLag(creating)
                .strictUpdateTable()
                .resourcePolicies()
                .policyReadsLag()
                .tagging()
                .quotas()
                .maxTableOperations(500);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- switches ----

    /**
     * Catalogue: BatchWriteItem (rows 29, 30). Refuses more than 25 requests, the same key twice, an empty key
     * value and an item over 400 KB, as AWS does (see {@link BatchWriteEmulation}).
     */
    public AwsBehaviour batchWrites() {
        if (batchWrites == null) {
            batchWrites = new BatchWriteEmulation();
        }
        return this;
    }

    /** Catalogue: BatchWriteItem (row 30). The next {@code calls} calls leave {@code percent} % unprocessed. */
    public AwsBehaviour unprocessedItems(int calls, int percent) {
        batchWrites();
        batchWrites.unprocessed(calls, percent);
        return this;
    }

    /** Catalogue: CREATING. A new table (and the indexes made with it) is CREATING for this long. */
    public AwsBehaviour creating(Duration duration) {
        this.creating = duration;
        return this;
    }

    /** Catalogue: eventual consistency. DescribeTable says ResourceNotFoundException this long after CreateTable. */
    public AwsBehaviour invisibleAfterCreate(Duration duration) {
        this.invisibleAfterCreate = duration;
        return this;
    }

    /**
     * Catalogue rows 31 to 34 ({@link TableDeletionEmulation}): DeleteTable refused while the table is CREATING or
     * UPDATING and for deletion protection, with AWS's answers; a deleted table DELETING this long; Scan pages of at
     * most {@code scanPage} items. Not part of {@link #likeAws}: tests there delete and create tables of the same
     * name between steps with the server's own speed.
     */
    public AwsBehaviour deletingTables(Duration deleting, int scanPage) {
        this.deletions = new TableDeletionEmulation(deleting, scanPage);
        return this;
    }

    /** Catalogue: UPDATING. A table is UPDATING this long after UpdateTable. */
    public AwsBehaviour updating(Duration duration) {
        this.updating = duration;
        return this;
    }

    /** Catalogue: backfill. An index added by UpdateTable is CREATING, Backfilling, this long. */
    public AwsBehaviour backfilling(Duration duration) {
        this.backfilling = duration;
        return this;
    }

    /**
     * Catalogue: PITR on a new table. UpdateContinuousBackups is refused with
     * ContinuousBackupsUnavailableException for this long after the table became ACTIVE.
     */
    public AwsBehaviour backupsUnavailableAfterCreate(Duration duration) {
        this.backupsUnavailable = duration;
        return this;
    }

    /**
     * Catalogue: recovery period. UpdateContinuousBackups with a RecoveryPeriodInDays outside 1 to 35 is
     * refused with ValidationException ("Minimum value of 1. Maximum value of 35",
     * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html">
     * API_PointInTimeRecoverySpecification</a>); moto 5.2 accepts 36.
     */
    public AwsBehaviour recoveryPeriodRange() {
        this.recoveryPeriodRange = true;
        return this;
    }

    /**
     * Catalogue: keys of several attributes. A global secondary index's KeySchema with more than 4 HASH or
     * more than 4 RANGE elements ("Each global secondary index supports up to 4 partition keys and up to 4
     * sort keys", <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">
     * API_CreateTable</a>), and several HASH or RANGE elements in the table's KeySchema ("exactly one element
     * with KeyType HASH ... or exactly two elements, in this order: HASH then RANGE", same page) or in a local
     * secondary index's (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_LocalSecondaryIndex.html">
     * API_LocalSecondaryIndex</a>: "Maximum number of 2 items") are refused with ValidationException, in
     * CreateTable and in UpdateTable's index creation; moto 5.2 keeps them all without a check.
     */
    public AwsBehaviour keySchemaLimits() {
        this.keySchemaLimits = true;
        return this;
    }

    /**
     * Catalogue: auto scaling. Application Auto Scaling refuses a scalable target on a missing or PAY_PER_REQUEST
     * table or a missing index, a min above the max, and a policy without a target; registering moves the capacity
     * into [min, max] (see {@link AutoScalingEmulation}). moto 5.2 keeps targets and policies without a check.
     */
    public AwsBehaviour autoScalingLikeAws() {
        this.autoScaling = new AutoScalingEmulation(backend);
        return this;
    }

    /**
     * Catalogue: replicas. UpdateTable's ReplicaUpdates Create, which moto 5.2 ignores, makes a replica CREATING for
     * {@code creating} (the table UPDATING as long), then ACTIVE in DescribeTable's Replicas, turning a
     * NEW_AND_OLD_IMAGES stream on; a region AWS lacks or the table's own, and a PROVISIONED table without write auto
     * scaling, are refused (see {@link ReplicaEmulation}).
     */
    public AwsBehaviour replicas(Duration creating) {
        this.replicas = new ReplicaEmulation(new AutoScalingEmulation(backend), creating);
        return this;
    }

    /** With {@link #replicas}: a replica in {@code region} ends CREATION_FAILED. */
    public AwsBehaviour replicaFailsIn(String region) {
        replicas.failIn(region);
        return this;
    }

    /** With {@link #replicas}: another tool added an ACTIVE replica of {@code table} in {@code region}. */
    public void replicaAddedByHand(String table, String region) {
        replicas.addedByHand(table, region);
    }

    /**
     * Moves the provisioned capacity of {@code table} (or of its {@code index}, when not null) as Application Auto
     * Scaling does under a scaling policy, behind the plugin's back.
     */
    public void scaleCapacity(String table, String index, long read, long write) {
        try {
            new AutoScalingEmulation(backend).scale(table, index, read, write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Catalogue: warm throughput. UpdateTable that lowers warm throughput is refused, a value an update leaves out
     * is kept, and an increase is UPDATING for {@code updatingDescribes} DescribeTable answers (see
     * {@link WarmThroughputEmulation}).
     */
    public AwsBehaviour warmThroughput(int updatingDescribes) {
        this.warmThroughput = new WarmThroughputEmulation(updatingDescribes);
        return this;
    }

    /**
     * Catalogue: resource policies. CreateTable's ResourcePolicy is kept (moto ignores it), a policy that is no JSON
     * object or is over 20 KB is refused with ValidationException, DeleteResourcePolicy without a policy succeeds: see
     * {@link ResourcePolicyEmulation}.
     */
    public AwsBehaviour resourcePolicies() {
        resourcePolicies.switchOn();
        return this;
    }

    /**
     * Catalogue: contributor insights. UpdateContributorInsights and DescribeContributorInsights answered by the
     * layer, ENABLING (or DISABLING) for {@code settlingDescribes} answers (see {@link ContributorInsightsEmulation}).
     */
    public AwsBehaviour contributorInsights(int settlingDescribes) {
        this.contributorInsights = new ContributorInsightsEmulation(settlingDescribes);
        return this;
    }

    /**
     * Catalogue: contributor insights. The next ENABLE ends FAILED with this FailureException (with
     * {@link #contributorInsights(int)} on).
     */
    public AwsBehaviour contributorInsightsFailing(String exceptionName, String description) {
        contributorInsights.failNextEnable(exceptionName, description);
        return this;
    }

    /**
     * Catalogue: policy reads lag. The first GetResourcePolicy after a CreateTable with a policy or a
     * PutResourcePolicy answers PolicyNotFoundException (see {@link ResourcePolicyEmulation}).
     */
    public AwsBehaviour policyReadsLag() {
        resourcePolicies.lagReads();
        return this;
    }

    /**
     * Catalogue: index creation and deletion. At most one index created or deleted per UpdateTable
     * (ValidationException), none while another of the table is being created or deleted (LimitExceededException,
     * as row 8), a deleted index DELETING for {@code deleting} before DescribeTable stops listing it, and the
     * deletion of a missing index refused with ResourceNotFoundException; see {@link IndexEmulation}. moto 5.2.1
     * accepts several in one call, removes a deleted index at once and answers a missing one with HTTP 500.
     */
    public AwsBehaviour indexOperations(Duration deleting) {
        this.indexes = new IndexEmulation(deleting);
        return this;
    }

    /**
     * Catalogue: TTL. Enabling TTL that is enabled is refused ("TimeToLive is already enabled"), a second
     * change within the hour is refused, and a new setting is ENABLING for {@code enabling}.
     */
    public AwsBehaviour timeToLive(Duration enabling) {
        this.timeToLiveEnabling = enabling;
        return this;
    }

    /**
     * Catalogue: UpdateTable. Refused with ResourceInUseException unless the table is ACTIVE; one kind of
     * change per call; one index created at a time per table; no provisioned throughput for an index of
     * an on-demand table.
     */
    public AwsBehaviour strictUpdateTable() {
        this.strictUpdateTable = true;
        return this;
    }

    /**
     * Catalogue: tag reads lag. For this long after TagResource, ListTagsOfResource still answers the tags
     * the table had before (TagResource, API reference: it "will only reflect the changes after a few seconds").
     */
    public AwsBehaviour tagReadsLag(Duration duration) {
        this.tagReadsLag = duration;
        return this;
    }

    /**
     * Catalogue: tagging. TagResource is limited to 5 calls a second in the account (ThrottlingException)
     * and refused with LimitExceededException while the table's tags are being updated.
     */
    public AwsBehaviour tagging() {
        this.tagRate = new RateLimit(5);
        return this;
    }

    /**
     * Catalogue: quotas counted over hours. Provisioned capacity decreases (4, then one an hour), switches
     * to PAY_PER_REQUEST (4 in 24 hours) and encryption key changes (4 in 24 hours), each refused beyond
     * with LimitExceededException.
     */
    public AwsBehaviour quotas() {
        this.quotas = true;
        return this;
    }

    /** Catalogue: concurrent table operations. LimitExceededException beyond this many tables in transition. */
    public AwsBehaviour maxTableOperations(int max) {
        this.maxTableOperations = max;
        return this;
    }

    /**
     * Catalogue: control-plane throttling. Read calls (Describe*, List*) beyond {@code perSecond} a second,
     * over the whole account, get ThrottlingException, for as long as the test runs.
     */
    public AwsBehaviour throttleReads(int perSecond) {
        this.readRate = new RateLimit(perSecond);
        return this;
    }

    /**
     * Catalogue: values AWS adds later. DescribeTable's {@code Table} is handed to {@code edit} before it is
     * answered: a table class or billing mode AWS added after this plugin was built, say.
     */
    public AwsBehaviour describeTableAs(java.util.function.Consumer<ObjectNode> edit) {
        tableDescription = edit;
        return this;
    }

    /**
     * Runs {@code action} once, just before the layer answers the first call of {@code operation}: another
     * build acting between the plugin's read and its write, say.
     */
    public AwsBehaviour onceBefore(String operation, Runnable action) {
        before.put(operation, action);
        return this;
    }

    // ---- what happened ----

    /** Calls of every operation that reached the layer, refused or not. */
    public int calls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Calls of {@code operation} that reached the layer, refused or not. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** Calls of {@code operation} the layer refused, as AWS would have. */
    public int refusals(String operation) {
        return refusals.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** Calls of {@code operation} answered with success. */
    public int successes(String operation) {
        return successes.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** The bodies of the UpdateTable requests that reached the server, in order. */
    public List<String> updateTableRequests() {
        return List.copyOf(updateTableRequests);
    }

    // ---- the proxy ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(PREFIX) ? target.substring(PREFIX.length())
                    : target != null && target.startsWith(AutoScalingEmulation.PREFIX)
                            ? target.substring(AutoScalingEmulation.PREFIX.length()) : "";
            calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            Runnable action = before.remove(operation);
            if (action != null) {
                action.run();
            }
            Answer answer;
            try {
                answer = answer(operation, exchange, body);
            } catch (RuntimeException e) {
                answer = Answer.error(500, "InternalServerError", "behaviour layer: " + e);
            }
            if (answer.refused()) {
                refusals.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            } else if (answer.status() == 200) {
                successes.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "aws-behaviour");
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private Answer answer(String operation, HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        String table = tableName(request);
        long now = System.nanoTime();
        RateLimit rate = readRate;
        if (rate != null && READS.contains(operation) && !rate.tryAcquire()) {
            return Answer.refusal("ThrottlingException", "Rate of requests exceeds the allowed throughput.");
        }
        if (keySchemaLimits && (operation.equals("CreateTable") || operation.equals("UpdateTable"))) {
            Answer refused = keySchemaRefusal(request);
            if (refused != null) {
                return refused;
            }
        }
        if (TABLE_OPERATIONS.contains(operation) && inTransition(now) >= maxTableOperations) {
            return Answer.refusal("LimitExceededException", "Subscriber limit exceeded: Only " + maxTableOperations
                    + " tables can be created, updated, or deleted simultaneously");
        }
        TableClock clock = table == null ? null : tables.get(table);
        boolean creatingNow = clock != null && now < clock.activeAt;
        TableDeletionEmulation deletion = deletions;
        if (deletion != null) {
            Answer deletionAnswer = switch (operation) {
                case "CreateTable" -> deletion.createTable(table, now);
                case "DescribeTable" -> deletion.describeTable(table, now);
                case "Scan" -> forward(exchange, deletion.scan(request));
                default -> null;
            };
            if (deletionAnswer != null) {
                return deletionAnswer;
            }
        }
        switch (operation) {
            case "CreateTable":
                Answer policyRefused = resourcePolicies.beforeCreateTable(request);
                return policyRefused != null ? policyRefused : resourcePolicies.afterCreateTable(
                        createTable(exchange, body, request, table, now), request, (op, b) -> forward(exchange, op, b));
            case "PutResourcePolicy":
            case "GetResourcePolicy":
            case "DeleteResourcePolicy":
                return resourcePolicies.answer(operation, request, body, (op, b) -> forward(exchange, op, b));
            case "DescribeTable":
                if (clock != null && now < clock.visibleAt) {
                    return Answer.refusal("ResourceNotFoundException", "Requested resource not found: Table: "
                            + table + " not found");
                }
                return describeTable(withIndexesBeingDeleted(forward(exchange, body), "Table", table, now), clock, now);
            case "UpdateTable":
                return updateTable(exchange, body, request, table, clock, now);
            case "UpdateTimeToLive":
                if (creatingNow) {
                    return Answer.refusal("ResourceInUseException", "Attempt to change a resource which is still in"
                            + " use: Table " + table + " is being created");
                }
                return updateTimeToLive(exchange, body, request, table, now);
            case "DescribeTimeToLive":
                if (creatingNow) {
                    return Answer.refusal("ValidationException", "Cannot describe time to live while table is in"
                            + " CREATING state");
                }
                return describeTimeToLive(forward(exchange, body), clock, now);
            case "ListTagsOfResource":
                if (creatingNow) {
                    return Answer.refusal("ResourceNotFoundException", "Requested resource not found: ResourceArn: "
                            + request.path("ResourceArn").asText() + " not found");
                }
                byte[] stale = clock == null ? null : clock.staleTags;
                if (stale != null && now < clock.tagsStaleUntil) {
                    return Answer.ok(stale);
                }
                return forward(exchange, body);
            case "TagResource":
                return tagResource(exchange, body, table, clock, now);
            case "DescribeContinuousBackups":
            case "UpdateContinuousBackups":
                return continuousBackups(exchange, body, operation, request, table, clock, now);
            case "RegisterScalableTarget":
            case "PutScalingPolicy":
                return autoScaling(exchange, body, operation, request);
            case "UpdateContributorInsights":
            case "DescribeContributorInsights":
                ContributorInsightsEmulation insights = contributorInsights;
                return insights == null ? forward(exchange, body)
                        : insights.answer(operation, request, describe(exchange, table));
            case "DeleteTable":
                Answer deleted = deletion == null ? forward(exchange, body) : deletion.deleteTable(table,
                        creatingNow ? "CREATING" : clock != null && now < clock.updatingUntil ? "UPDATING" : null,
                        (op, b) -> forward(exchange, op, b), now);
                if (deleted.status() == 200) {
                    forget(table);
                    tables.remove(table);
                    if (replicas != null) {
                        replicas.deleted(table);
                    }
                    if (indexes != null) {
                        indexes.forget(table);
                    }
                }
                return deleted;
            case "BatchWriteItem":
                return batchWrites == null ? forward(exchange, body) : batchWriteItem(exchange, request);
            default:
                return forward(exchange, body);
        }
    }

    /** See {@link #autoScalingLikeAws()}. */
    private Answer autoScaling(HttpExchange exchange, byte[] body, String operation, JsonNode request)
            throws IOException {
        AutoScalingEmulation emulation = autoScaling;
        if (emulation == null) {
            return forward(exchange, body);
        }
        AutoScalingEmulation.Refusal refusal = emulation.refusal(operation, request);
        if (refusal != null) {
            return Answer.refusal(refusal.code(), refusal.message());
        }
        Answer answer = forward(exchange, body);
        if (answer.status() == 200 && operation.equals("RegisterScalableTarget")) {
            emulation.registered(request);
        }
        return answer;
    }

    /**
     * The backups APIs say TableNotFoundException while a table is CREATING and just after; enabling
     * point-in-time recovery is then refused with ContinuousBackupsUnavailableException until the new
     * table's backups are enabled.
     */
    private Answer continuousBackups(HttpExchange exchange, byte[] body, String operation, JsonNode request,
            String table, TableClock clock, long now) throws IOException {
        JsonNode days = request.path("PointInTimeRecoverySpecification").path("RecoveryPeriodInDays");
        if (recoveryPeriodRange && operation.equals("UpdateContinuousBackups") && days.isNumber()
                && (days.asLong() < 1 || days.asLong() > 35)) {
            // AWS's message for a value outside a member's range, in the form of its model validation
            return Answer.refusal("ValidationException", "1 validation error detected: Value '" + days.asText()
                    + "' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint:"
                    + " Member must have value " + (days.asLong() < 1 ? "greater than or equal to 1"
                            : "less than or equal to 35"));
        }
        if (clock == null || now >= clock.backupsAvailableAt) {
            return forward(exchange, body);
        }
        long unavailable = clock.backupsAvailableAt - clock.activeAt;
        if (now < clock.activeAt + unavailable / 3) {
            return Answer.refusal("TableNotFoundException", "Table not found: " + table);
        }
        if (operation.equals("UpdateContinuousBackups")
                && request.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()) {
            return Answer.refusal("ContinuousBackupsUnavailableException", "Backups are being enabled for the table: "
                    + table + ". Please retry later");
        }
        return forward(exchange, body);
    }

    private Answer tagResource(HttpExchange exchange, byte[] body, String table, TableClock clock, long now)
            throws IOException {
        if (clock != null && now < clock.activeAt) {
            return Answer.refusal("ResourceInUseException", "Attempt to change a resource which is still in use:"
                    + " Table is being created: " + table);
        }
        RateLimit rate = tagRate;
        if (rate != null && !rate.tryAcquire()) {
            return Answer.refusal("ThrottlingException", "Rate exceeded");
        }
        TableClock tagged = tables.computeIfAbsent(table, t -> new TableClock(now));
        synchronized (tagged) {
            if (rate != null && now < tagged.tagsSettledAt) {
                return Answer.refusal("LimitExceededException", "Subscriber limit exceeded: Table tags are being"
                        + " updated: " + table);
            }
            byte[] before = forward(exchange, "ListTagsOfResource", "{\"ResourceArn\":"
                    + JSON.writeValueAsString(JSON.readTree(body).path("ResourceArn").asText()) + "}").body();
            Answer answer = forward(exchange, body);
            if (answer.status() == 200) {
                tagged.tagsSettledAt = now + TAGS_SETTLE.toNanos();
                if (!tagReadsLag.isZero()) {
                    tagged.staleTags = before;
                    tagged.tagsStaleUntil = now + tagReadsLag.toNanos();
                }
            }
            return answer;
        }
    }

    private Answer createTable(HttpExchange exchange, byte[] body, JsonNode request, String table, long now)
            throws IOException {
        boolean indexes = request.path("GlobalSecondaryIndexes").size() + request.path("LocalSecondaryIndexes").size() > 0;
        if (indexes && inTransition(now) >= maxTableOperations / 2) {
            return Answer.refusal("LimitExceededException", "Subscriber limit exceeded: Only " + maxTableOperations / 2
                    + " tables with secondary indexes can be in the CREATING state at once");
        }
        if (strictUpdateTable && "PAY_PER_REQUEST".equals(request.path("BillingMode").asText())) {
            if (request.has("ProvisionedThroughput")) {
                return Answer.refusal("ValidationException", "One or more parameter values were invalid: Neither"
                        + " ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
            for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
                if (index.has("ProvisionedThroughput")) {
                    return Answer.refusal("ValidationException", "One or more parameter values were invalid:"
                            + " ProvisionedThroughput should not be specified for index: "
                            + index.path("IndexName").asText() + " when BillingMode is PAY_PER_REQUEST");
                }
            }
        }
        // the clock is set before the server creates the table: a DescribeTable that finds the table must find
        // it CREATING, also when it arrives while this CreateTable is still being answered
        TableClock clock = new TableClock(now + creating.toNanos());
        clock.visibleAt = now + invisibleAfterCreate.toNanos();
        clock.backupsAvailableAt = clock.activeAt + backupsUnavailable.toNanos();
        if (tables.putIfAbsent(table, clock) != null) {
            return forward(exchange, body); // known to exist: the server refuses it
        }
        Answer answer = forward(exchange, body);
        if (answer.status() == 200) {
            return rewrite(answer, "TableDescription", clock, now);
        }
        tables.remove(table, clock);
        return answer;
    }

    private Answer updateTable(HttpExchange exchange, byte[] body, JsonNode request, String table, TableClock clock,
            long now) throws IOException {
        WarmThroughputEmulation warm = warmThroughput;
        if (warm != null && WarmThroughputEmulation.concerns(request)) {
            JsonNode live = describe(exchange, table).path("Table");
            Answer refused = warm.refusal(request, live);
            if (refused != null) {
                return refused;
            }
            body = warm.merged(request, live);
        }
        List<String> creates = new ArrayList<>();
        request.path("GlobalSecondaryIndexUpdates").forEach(u -> {
            if (u.has("Create")) {
                creates.add(u.path("Create").path("IndexName").asText());
            }
        });
        IndexEmulation emulation = indexes;
        JsonNode before = null;
        if (emulation != null && request.has("GlobalSecondaryIndexUpdates")) {
            before = describe(exchange, table).path("Table");
            IndexEmulation.Refusal refused = emulation.refusal(table, request, before,
                    (t, index) -> clock != null && clock.creating(index, now), now);
            if (refused != null) {
                return Answer.refusal(refused.code(), refused.message());
            }
        }
        if (strictUpdateTable) {
            if (clock != null && now < clock.activeAt) {
                return Answer.refusal("ResourceInUseException", "Attempt to change a resource which is still in use:"
                        + " Table is being created: " + table);
            }
            if (clock != null && now < clock.updatingUntil) {
                return Answer.refusal("ResourceInUseException", "Attempt to change a resource which is still in use:"
                        + " Table: " + table + " is in the process of being updated.");
            }
            List<String> kinds = kindsOfChange(request);
            if (kinds.size() > 1) {
                return Answer.refusal("ValidationException", kinds.contains("encryption")
                        ? "One or more parameter values were invalid: Server-Side Encryption modification must be the"
                                + " only operation in the request"
                        : kinds.contains("stream")
                                ? "One or more parameter values were invalid: You cannot modify stream status while"
                                        + " updating table IOPS"
                                : "One or more parameter values were invalid: only one of these can change in one"
                                        + " UpdateTable request: " + String.join(", ", kinds));
            }
            if (creates.size() > 1 || !creates.isEmpty() && clock != null && clock.backfilling(now)) {
                return Answer.refusal("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can"
                        + " be created or deleted simultaneously per table");
            }
            JsonNode live = describe(exchange, table).path("Table");
            Answer refused = stateRefusal(request, table, live, creates);
            if (refused == null) {
                refused = onDemandIndexThroughput(request, live);
            }
            if (refused == null && quotas) {
                refused = quota(request, table, live, now);
            }
            if (refused != null) {
                return refused;
            }
        }
        if (replicas != null) {
            Answer refused = replicaRefusal(exchange, table, request);
            if (refused != null) {
                return refused;
            }
        }
        Answer answer = forward(exchange, body);
        if (answer.status() != 200) {
            return answer;
        }
        updateTableRequests.add(new String(body, StandardCharsets.UTF_8));
        if (warm != null) {
            warm.updated(table, request);
        }
        if (before != null) {
            emulation.accepted(table, request, before, now);
        }
        TableClock updated = tables.computeIfAbsent(table, t -> new TableClock(now));
        updated.updatingUntil = now + updating.toNanos();
        ReplicaEmulation replicated = replicas;
        if (replicated != null && ReplicaEmulation.addsReplica(request)) {
            replicated.added(table, request, now);
            updated.updatingUntil = Math.max(updated.updatingUntil, now + replicated.creating().toNanos());
        }
        creates.forEach(index -> updated.indexes.put(index, now + Math.max(backfilling.toNanos(),
                updating.toNanos())));
        return withIndexesBeingDeleted(rewrite(answer, "TableDescription", updated, now), "TableDescription", table,
                now);
    }

    /** See {@link #indexOperations}: the answer with the table's indexes being deleted listed DELETING. */
    private Answer withIndexesBeingDeleted(Answer answer, String field, String table, long now) throws IOException {
        IndexEmulation emulation = indexes;
        if (emulation == null || answer.status() != 200) {
            return answer;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(answer.body());
        if (root.get(field) instanceof ObjectNode description) {
            emulation.describe(table, description, now);
        }
        return Answer.ok(JSON.writeValueAsBytes(root));
    }

    /** See {@link #replicas(Duration)}. */
    private Answer replicaRefusal(HttpExchange exchange, String table, JsonNode request) throws IOException {
        AutoScalingEmulation.Refusal refusal = replicas.refusal(table, request, region(exchange));
        return refusal == null ? null : Answer.refusal(refusal.code(), refusal.message());
    }

    /** The region a request was signed for: the credential scope of its Authorization header. */
    private static String region(HttpExchange exchange) {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        java.util.regex.Matcher scope = java.util.regex.Pattern.compile("Credential=[^/]+/[^/]+/([^/]+)/")
                .matcher(authorization);
        return scope.find() ? scope.group(1) : "us-east-1";
    }

    /**
     * What one UpdateTable call changes, by the kinds AWS allows one at a time: "You can only perform one
     * of the following operations at once" (UpdateTable, API reference).
     */
    private static List<String> kindsOfChange(JsonNode request) {
        Set<String> kinds = new java.util.LinkedHashSet<>();
        if (request.has("BillingMode") || request.has("ProvisionedThroughput") || request.has("OnDemandThroughput")) {
            kinds.add("billing mode or throughput");
        }
        if (request.has("StreamSpecification")) {
            kinds.add("stream");
        }
        if (request.has("SSESpecification")) {
            kinds.add("encryption");
        }
        if (request.has("TableClass")) {
            kinds.add("table class");
        }
        if (request.has("DeletionProtectionEnabled")) {
            kinds.add("deletion protection");
        }
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.has("Create")) {
                kinds.add("index creation");
            } else if (update.has("Delete")) {
                kinds.add("index deletion");
            } else if (update.has("Update")) {
                kinds.add("billing mode or throughput"); // an index's throughput goes with the table's
            }
        }
        return List.copyOf(kinds);
    }

    /** See {@link #keySchemaLimits()}: the first key schema of the request that AWS refuses, or null. */
    private static Answer keySchemaRefusal(JsonNode request) {
        List<String> refusals = new ArrayList<>();
        refusals.add(keySchemaProblem("table", request.path("KeySchema"), 1));
        request.path("LocalSecondaryIndexes").forEach(i -> refusals.add(
                keySchemaProblem("index " + i.path("IndexName").asText(), i.path("KeySchema"), 1)));
        request.path("GlobalSecondaryIndexes").forEach(i -> refusals.add(
                keySchemaProblem("index " + i.path("IndexName").asText(), i.path("KeySchema"), 4)));
        request.path("GlobalSecondaryIndexUpdates").forEach(u -> refusals.add(keySchemaProblem(
                "index " + u.path("Create").path("IndexName").asText(), u.path("Create").path("KeySchema"), 4)));
        return refusals.stream().filter(Objects::nonNull).findFirst()
                .map(message -> Answer.refusal("ValidationException", "One or more parameter values were invalid: "
                        + message))
                .orElse(null);
    }

    private static String keySchemaProblem(String of, JsonNode keySchema, int most) {
        int hashes = 0;
        int ranges = 0;
        for (JsonNode element : keySchema) {
            if ("HASH".equals(element.path("KeyType").asText())) {
                hashes++;
            } else {
                ranges++;
            }
        }
        return hashes > most || ranges > most ? "Invalid KeySchema of " + of + ": " + hashes + " HASH and " + ranges
                + " RANGE elements; at most " + most + " of each" : null;
    }

    /** ProvisionedThroughput on an index of an on-demand table is refused (UpdateTable, API reference). */
    private static Answer onDemandIndexThroughput(JsonNode request, JsonNode live) {
        String billing = request.path("BillingMode").asText("");
        if (billing.isEmpty()) {
            billing = live.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
        }
        if (!"PAY_PER_REQUEST".equals(billing)) {
            return null;
        }
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            JsonNode change = update.has("Create") ? update.get("Create") : update.get("Update");
            if (change != null && change.has("ProvisionedThroughput")) {
                return Answer.refusal("ValidationException", "One or more parameter values were invalid: Neither"
                        + " ReadCapacityUnits nor WriteCapacityUnits can be specified for index: "
                        + change.path("IndexName").asText() + " when BillingMode is PAY_PER_REQUEST");
            }
        }
        return null;
    }

    /** Changes that the table's state makes meaningless: a stream that is on, an index that exists. */
    private static Answer stateRefusal(JsonNode request, String table, JsonNode live, List<String> creates) {
        if (request.path("StreamSpecification").path("StreamEnabled").asBoolean(false)
                && live.path("StreamSpecification").path("StreamEnabled").asBoolean(false)) {
            return Answer.refusal("ValidationException", "Table already has an enabled stream: TableName: " + table);
        }
        for (JsonNode index : live.path("GlobalSecondaryIndexes")) {
            if (creates.contains(index.path("IndexName").asText())) {
                return Answer.refusal("ValidationException", "Attempting to create an index which already exists");
            }
        }
        return null;
    }

    /** The quotas AWS counts over hours or a day (Service, account, and table quotas, developer guide). */
    private Answer quota(JsonNode request, String table, JsonNode live, long now) {
        TableClock clock = tables.computeIfAbsent(table, t -> new TableClock(now));
        synchronized (clock) {
            if ("PAY_PER_REQUEST".equals(request.path("BillingMode").asText())
                    && !"PAY_PER_REQUEST".equals(live.path("BillingModeSummary").path("BillingMode").asText())) {
                if (clock.count(clock.onDemandSwitches, now, DAY) >= 4) {
                    return Answer.refusal("LimitExceededException", "Subscriber limit exceeded: Update to"
                            + " PayPerRequest mode are limited to 4 times in 1 day(s).");
                }
                clock.onDemandSwitches.add(now);
            }
            long read = request.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(Long.MAX_VALUE);
            long write = request.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong(Long.MAX_VALUE);
            JsonNode current = live.path("ProvisionedThroughput");
            if (read < current.path("ReadCapacityUnits").asLong(0) || write < current.path("WriteCapacityUnits").asLong(0)) {
                int today = clock.count(clock.decreases, now, DAY);
                if (today >= 4 && clock.count(clock.decreases, now, HOUR) >= 1) {
                    return Answer.refusal("LimitExceededException", "Subscriber limit exceeded: Provisioned"
                            + " throughput decreases are limited within a given UTC day. After the first 4 decreases,"
                            + " each subsequent decrease in the same UTC day can be performed at most once every 3600"
                            + " seconds. Number of decreases today: " + today);
                }
                clock.decreases.add(now);
            }
            if (request.path("SSESpecification").path("Enabled").asBoolean(false)) {
                if (clock.count(clock.encryptionChanges, now, DAY) >= 4) {
                    return Answer.refusal("LimitExceededException", "Encryption mode changes are limited in the 24h"
                            + " window; try again later");
                }
                clock.encryptionChanges.add(now);
            }
            return null;
        }
    }

    private Answer updateTimeToLive(HttpExchange exchange, byte[] body, JsonNode request, String table, long now)
            throws IOException {
        if (timeToLiveEnabling == null) {
            return forward(exchange, body);
        }
        JsonNode wanted = request.path("TimeToLiveSpecification");
        TableClock clock = tables.computeIfAbsent(table, t -> new TableClock(now));
        synchronized (clock) {
            JsonNode current = JSON.readTree(forward(exchange, "DescribeTimeToLive",
                    "{\"TableName\":\"" + table + "\"}").body()).path("TimeToLiveDescription");
            String status = current.path("TimeToLiveStatus").asText("DISABLED");
            boolean enabled = status.equals("ENABLED") || status.equals("ENABLING");
            if (wanted.path("Enabled").asBoolean(false) && enabled) {
                return Answer.refusal("ValidationException", "TimeToLive is already enabled");
            }
            if (!wanted.path("Enabled").asBoolean(false) && !enabled) {
                return Answer.refusal("ValidationException", "TimeToLive is already disabled");
            }
            if (now - clock.timeToLiveChangedAt < HOUR.toNanos()) {
                return Answer.refusal("ValidationException", "Time to live has been modified multiple times within a"
                        + " fixed interval");
            }
            Answer answer = forward(exchange, body);
            if (answer.status() == 200) {
                clock.timeToLiveChangedAt = now;
                clock.timeToLiveSettledAt = now + timeToLiveEnabling.toNanos();
            }
            return answer;
        }
    }

    private Answer describeTimeToLive(Answer answer, TableClock clock, long now) throws IOException {
        if (answer.status() != 200 || clock == null || now >= clock.timeToLiveSettledAt) {
            return answer;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(answer.body());
        ObjectNode ttl = (ObjectNode) root.path("TimeToLiveDescription");
        String status = ttl.path("TimeToLiveStatus").asText();
        if (status.equals("ENABLED")) {
            ttl.put("TimeToLiveStatus", "ENABLING");
        } else if (status.equals("DISABLED")) {
            ttl.put("TimeToLiveStatus", "DISABLING");
        }
        return Answer.ok(JSON.writeValueAsBytes(root));
    }

    private Answer describeTable(Answer answer, TableClock clock, long now) throws IOException {
        Answer described = answer.status() == 200 && clock != null ? rewrite(answer, "Table", clock, now) : answer;
        if (described.status() != 200) {
            return described;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(described.body());
        if (root.get("Table") instanceof ObjectNode table) {
            if (warmThroughput != null) {
                warmThroughput.described(table);
            }
            tableDescription.accept(table);
            if (replicas != null) {
                replicas.describe(table.path("TableName").asText(), table, now);
            }
        }
        return Answer.ok(JSON.writeValueAsBytes(root));
    }

    /** The table's and its indexes' statuses as the layer's clock says, in a DescribeTable-shaped answer. */
    private static Answer rewrite(Answer answer, String field, TableClock clock, long now) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(answer.body());
        if (!(root.get(field) instanceof ObjectNode table)) {
            return answer;
        }
        boolean creating = now < clock.activeAt;
        if (creating) {
            table.put("TableStatus", "CREATING");
        } else if (now < clock.updatingUntil) {
            table.put("TableStatus", "UPDATING");
        }
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            Long activeAt = clock.indexes.get(index.path("IndexName").asText());
            if (creating) {
                ((ObjectNode) index).put("IndexStatus", "CREATING");
            } else if (activeAt != null && now < activeAt) {
                ((ObjectNode) index).put("IndexStatus", "CREATING").put("Backfilling", true);
            }
        }
        return Answer.ok(JSON.writeValueAsBytes(root));
    }
    /** A table deleted: what the emulations keep of it goes too. */
    private void forget(String table) {
        if (warmThroughput != null) {
            warmThroughput.forget(table);
        }
        if (contributorInsights != null) {
            contributorInsights.forget(table);
        }
    }


    private int inTransition(long now) {
        return (int) tables.values().stream().filter(c -> now < c.activeAt || now < c.updatingUntil).count();
    }

    private JsonNode describe(HttpExchange exchange, String table) throws IOException {
        return JSON.readTree(forward(exchange, "DescribeTable", "{\"TableName\":\"" + table + "\"}").body());
    }

    private static String tableName(JsonNode request) {
        if (request.hasNonNull("TableName")) {
            return request.get("TableName").asText();
        }
        if (request.hasNonNull("ResourceArn")) {
            String arn = request.get("ResourceArn").asText();
            return arn.substring(arn.indexOf(":table/") + ":table/".length());
        }
        return null;
    }

    /** BatchWriteItem through {@link BatchWriteEmulation}: refused, or forwarded with the unprocessed share held back. */
    private Answer batchWriteItem(HttpExchange exchange, JsonNode request) throws IOException {
        BatchWriteEmulation.Decision decision = batchWrites.decide(request, table -> {
            Answer described = forward(exchange, "DescribeTable", "{\"TableName\":" + JSON.writeValueAsString(table)
                    + "}");
            List<String> names = new ArrayList<>();
            JSON.readTree(described.body()).path("Table").path("KeySchema")
                    .forEach(key -> names.add(key.path("AttributeName").asText()));
            return names;
        });
        if (decision.refused()) {
            return Answer.refusal(decision.errorCode(), decision.message());
        }
        if (decision.nothingToForward()) {
            return Answer.ok(BatchWriteEmulation.withUnprocessed(new byte[0], decision.unprocessed()));
        }
        Answer answer = forward(exchange, JSON.writeValueAsBytes(decision.forward()));
        return answer.status() != 200 ? answer
                : Answer.ok(BatchWriteEmulation.withUnprocessed(answer.body(), decision.unprocessed()));
    }

    private Answer forward(HttpExchange exchange, byte[] body) throws IOException {
        return forward(exchange, null, body);
    }

    /** Asks the server itself, with the headers of the call being answered (moto and dynalite check no signature). */
    private Answer forward(HttpExchange exchange, String operation, String body) throws IOException {
        return forward(exchange, operation, body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer forward(HttpExchange exchange, String operation, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI().getPath()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            if (Set.of("host", "content-length", "connection", "expect", "upgrade").contains(name)) {
                continue;
            }
            for (String value : header.getValue()) {
                request.header(header.getKey(), name.equals("x-amz-target") && operation != null
                        ? PREFIX + operation : value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** When things happen to one table, on {@link System#nanoTime()}'s clock. */
    private static final class TableClock {
        final long activeAt;
        volatile long visibleAt;
        volatile long updatingUntil;
        volatile long backupsAvailableAt;
        volatile long timeToLiveChangedAt = Long.MIN_VALUE / 2;
        volatile long timeToLiveSettledAt;
        volatile long tagsSettledAt;
        volatile long tagsStaleUntil;
        volatile byte[] staleTags;
        final Map<String, Long> indexes = new ConcurrentHashMap<>();
        final List<Long> onDemandSwitches = new ArrayList<>();
        final List<Long> decreases = new ArrayList<>();
        final List<Long> encryptionChanges = new ArrayList<>();

        int count(List<Long> times, long now, Duration within) {
            return (int) times.stream().filter(t -> now - t < within.toNanos()).count();
        }

        TableClock(long activeAt) {
            this.activeAt = activeAt;
        }

        boolean backfilling(long now) {
            return indexes.values().stream().anyMatch(at -> now < at);
        }

        /** Whether the index {@code name}, added by UpdateTable, is still being created. */
        boolean creating(String name, long now) {
            Long activeAt = indexes.get(name);
            return activeAt != null && now < activeAt;
        }
    }

    /** An answer to the client: the server's, or the layer's own refusal. */
    record Answer(int status, byte[] body, boolean refused) {
        static Answer ok(byte[] body) {
            return new Answer(200, body, false);
        }

        static Answer refusal(String code, String message) {
            return error(400, code, message);
        }

        static Answer ok(String body) {
            return ok(body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer error(int status, String code, String message) {
            Map<String, String> error = new HashMap<>();
            // DynamoDB names its validation errors after the service framework, the others after the API
            error.put("__type", (code.equals("ValidationException") ? "com.amazon.coral.validate#"
                    : "com.amazonaws.dynamodb.v20120810#") + code);
            error.put("message", message);
            try {
                return new Answer(status, JSON.writeValueAsBytes(error), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A token bucket refilled {@code perSecond} times a second, holding at most a second's worth. */
    private static final class RateLimit {
        private final int perSecond;
        private double tokens;
        private long last = System.nanoTime();

        RateLimit(int perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
        }

        synchronized boolean tryAcquire() {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens--;
                return true;
            }
            return false;
        }
    }
}
