package io.github.dynamosetup.core;

import io.github.dynamosetup.spec.GlobalSecondaryIndexSpec;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** A write that brings an existing table closer to its declaration. Each is one API call. */
public sealed interface Change {

    /** A short name for the log line {@code ~ update  table (ttl, tags)}. */
    String label();

    /** One UpdateTable call; the table is UPDATING until it is done. */
    record UpdateTable(String label, Consumer<UpdateTableRequest.Builder> request) implements Change {}

    /** One UpdateTable call that adds a global secondary index, which then backfills. */
    record AddIndex(GlobalSecondaryIndexSpec index) implements Change {
        @Override
        public String label() {
            return "index " + index.name();
        }
    }

    /** UpdateTimeToLive. */
    record EnableTimeToLive(String attribute) implements Change {
        @Override
        public String label() {
            return "ttl";
        }
    }

    /** TagResource with the declared tags that are missing or different. */
    record TagTable(Map<String, String> tags) implements Change {
        @Override
        public String label() {
            return "tags";
        }
    }

    /** UpdateContinuousBackups. */
    record EnablePointInTimeRecovery() implements Change {
        @Override
        public String label() {
            return "pitr";
        }
    }
}
