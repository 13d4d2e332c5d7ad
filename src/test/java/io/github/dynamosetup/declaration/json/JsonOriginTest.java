package io.github.dynamosetup.declaration.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The places of a table file's JSON paths: where a problem the reader finds keeps a rule quiet. */
class JsonOriginTest {

    private static final JsonOrigin FILE = new JsonOrigin("tables/orders.json");

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("$.TableName", FILE.place(null, 0, Setting.NAME)),
                Arguments.of("$.KeySchema[1].AttributeName", FILE.place(null, 0, Setting.PARTITION_KEY)),
                Arguments.of("$.KeySchema", FILE.place(null, 0, Setting.SORT_KEY)),
                Arguments.of("$.AttributeDefinitions[0].AttributeType", FILE.place(null, 0, Setting.KEYS)),
                Arguments.of("$.ProvisionedThroughput.ReadCapacityUnits", FILE.place(null, 0, Setting.CAPACITY)),
                Arguments.of("$.SSESpecification.KMSMasterKeyId", FILE.place(null, 0, Setting.KMS_KEY)),
                Arguments.of("$.SSESpecification.SSEType", FILE.place(null, 0, Setting.ENCRYPTION)),
                Arguments.of("$.Tags[0].Value", FILE.place(null, 0, Setting.TAGS)),
                Arguments.of("$.GlobalSecondaryIndexes", FILE.place(null, 0, Setting.GLOBAL_SECONDARY_INDEXES)),
                Arguments.of("$.GlobalSecondaryIndexes[2]", FILE.place(IndexKind.GLOBAL, 3, null)),
                Arguments.of("$.GlobalSecondaryIndexes[0].IndexName", FILE.place(IndexKind.GLOBAL, 1, Setting.NAME)),
                Arguments.of("$.LocalSecondaryIndexes[0].KeySchema[1].AttributeName",
                        FILE.place(IndexKind.LOCAL, 1, Setting.SORT_KEY)),
                Arguments.of("$.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes[1]",
                        FILE.place(IndexKind.GLOBAL, 1, Setting.NON_KEY_ATTRIBUTES)),
                Arguments.of("$.Billing", FILE.place(null, 0, null)),
                Arguments.of("line 3, column 14", FILE.place(null, 0, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void aPathLiesInTheSettingAtItOrAboveIt(String path, Place expected) {
        assertThat(FILE.placeOf(path)).isEqualTo(expected);
    }
}
