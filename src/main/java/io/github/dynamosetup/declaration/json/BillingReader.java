package io.github.dynamosetup.declaration.json;

import static io.github.dynamosetup.declaration.json.JsonFields.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.declaration.json.JsonFields.Shape;
import java.util.function.BiFunction;

/**
 * Reads how a table file pays: its {@code BillingMode}, and the {@code ProvisionedThroughput},
 * {@code OnDemandThroughput} and {@code WarmThroughput} of the table and of each global secondary index. A file
 * without BillingMode is PROVISIONED, as for CreateTable, and then needs capacity on the table and on every global
 * secondary index. Also reads their {@code AutoScaling}, which goes with provisioned capacity.
 */
public final class BillingReader {

    private static final Shape PROVISIONED_THROUGHPUT = new Shape("ProvisionedThroughput", "ReadCapacityUnits",
            "WriteCapacityUnits");
    private static final Shape ON_DEMAND_THROUGHPUT = new Shape("OnDemandThroughput", "MaxReadRequestUnits",
            "MaxWriteRequestUnits");
    private static final Shape WARM_THROUGHPUT = new Shape("WarmThroughput", "ReadUnitsPerSecond",
            "WriteUnitsPerSecond");

    private static final Shape AUTO_SCALING = new Shape("AutoScaling", "Read", "Write");
    private static final Shape SCALING = new Shape("AutoScaling.Read or .Write", "MinCapacity", "MaxCapacity",
            "TargetUtilization");

    private final JsonFields json;
    /** The file names no BillingMode, so DynamoDB's default, PROVISIONED, applies. */
    private boolean provisionedByDefault;

    public BillingReader(JsonFields json) {
        this.json = json;
    }

    /**
     * The billing mode the file asks for; PROVISIONED when it names none, as for CreateTable, which then
     * needs the table's ProvisionedThroughput (reported when it is missing). Call it before the indexes.
     */
    public BillingMode billingMode(JsonNode root) {
        provisionedByDefault = isAbsent(root.get("BillingMode"));
        BillingMode billingMode = declaredMode(root);
        if (provisionedByDefault && isAbsent(root.get("ProvisionedThroughput"))) {
            // DynamoDB answers "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is
            // PROVISIONED" (see declaredMode(root))
            json.problem("$.ProvisionedThroughput", "missing; " + json.notation().provisionedByDefault()
                    + ", and a PROVISIONED table needs"
                    + " ReadCapacityUnits and WriteCapacityUnits: add \"ProvisionedThroughput\":"
                    + " {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5} with your figures, or set"
                    + " \"BillingMode\": \"PAY_PER_REQUEST\"");
        }
        return billingMode;
    }

    private BillingMode declaredMode(JsonNode root) {
        BillingMode billingMode = json.enumValue(BillingMode.class, root, "BillingMode", "$.BillingMode");
        if (billingMode != null) {
            return billingMode;
        }
        if (!provisionedByDefault) {
            // an unknown value, reported already: read the rest as the capacity given suggests, not to add
            // problems that only stem from the guess
            return isAbsent(root.get("ProvisionedThroughput")) ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED;
        }
        // CreateTable makes a PROVISIONED table of a request without BillingMode: it refuses one without
        // ProvisionedThroughput "when BillingMode is PROVISIONED" (API reference, ProvisionedThroughput: "If you set
        // BillingMode as PROVISIONED, you must specify this property")
        return BillingMode.PROVISIONED;
    }

    /** Reports a global secondary index without ProvisionedThroughput in a file that is PROVISIONED by default. */
    void checkIndexCapacity(JsonNode index, String indexPath) {
        if (provisionedByDefault && isAbsent(index.get("ProvisionedThroughput"))) {
            // DynamoDB: "ProvisionedThroughput is not specified for index: <name>"
            json.problem(indexPath + ".ProvisionedThroughput", "missing; " + json.notation().provisionedByDefault()
                    + ", and then every global"
                    + " secondary index needs its own ReadCapacityUnits and WriteCapacityUnits: add them to this"
                    + " index, or set \"BillingMode\": \"PAY_PER_REQUEST\" on the table");
        }
    }

    /** The table's ProvisionedThroughput, OnDemandThroughput and WarmThroughput. */
    public void readTableThroughput(JsonNode root, DeclaredTable.Builder table) {
        table.capacity(capacity(root.get("ProvisionedThroughput"), "$.ProvisionedThroughput"))
                .onDemandThroughput(requestUnits(root.get("OnDemandThroughput"), "$.OnDemandThroughput"))
                .warmThroughput(warmThroughput(root.get("WarmThroughput"), "$.WarmThroughput"));
    }

    /** The ProvisionedThroughput at {@code path}, of the table or of a global secondary index. */
    public Capacity capacity(JsonNode node, String path) {
        return readAndWrite(node, path, PROVISIONED_THROUGHPUT, "ReadCapacityUnits", "WriteCapacityUnits",
                Capacity::new, Capacity.NONE);
    }

    /** The OnDemandThroughput at {@code path}, of the table or of a global secondary index. */
    RequestUnits requestUnits(JsonNode node, String path) {
        return readAndWrite(node, path, ON_DEMAND_THROUGHPUT, "MaxReadRequestUnits", "MaxWriteRequestUnits",
                RequestUnits::new, RequestUnits.NONE);
    }

    /**
     * The AutoScaling at {@code path}, of the table or of a global secondary index: dynamo-setup's own field (the
     * create-table JSON has none), named like CloudFormation's and the AWS CLI's Application Auto Scaling input:
     * {@code {"Read": {"MinCapacity": 5, "MaxCapacity": 100, "TargetUtilization": 70}, "Write": {...}}}.
     */
    AutoScaling autoScaling(JsonNode node, String path) {
        JsonNode scaling = json.object(node, path);
        if (scaling == null) {
            return AutoScaling.NONE;
        }
        json.checkFields(scaling, path, AUTO_SCALING);
        return new AutoScaling(dimension(scaling.get("Read"), path + ".Read"),
                dimension(scaling.get("Write"), path + ".Write"));
    }

    private AutoScaling.Dimension dimension(JsonNode node, String path) {
        JsonNode dimension = json.object(node, path);
        if (dimension == null) {
            return null;
        }
        json.checkFields(dimension, path, SCALING);
        return new AutoScaling.Dimension(json.number(dimension, "MinCapacity", path + ".MinCapacity"),
                json.number(dimension, "MaxCapacity", path + ".MaxCapacity"),
                json.decimal(dimension, "TargetUtilization", path + ".TargetUtilization"));
    }

    /** The WarmThroughput at {@code path}, of the table or of a global secondary index. */
    public WarmThroughput warmThroughput(JsonNode node, String path) {
        return readAndWrite(node, path, WARM_THROUGHPUT, "ReadUnitsPerSecond", "WriteUnitsPerSecond",
                WarmThroughput::new, WarmThroughput.NONE);
    }

    /** An object of two whole numbers, one for reads and one for writes; {@code none} where there is none. */
    private <T> T readAndWrite(JsonNode node, String path, Shape shape, String read, String write,
            BiFunction<Long, Long, T> of, T none) {
        JsonNode throughput = json.object(node, path);
        if (throughput == null) {
            return none;
        }
        json.checkFields(throughput, path, shape);
        return of.apply(json.number(throughput, read, path + "." + read),
                json.number(throughput, write, path + "." + write));
    }
}
