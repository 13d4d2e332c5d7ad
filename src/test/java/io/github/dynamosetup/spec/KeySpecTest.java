package io.github.dynamosetup.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeySpecTest {

    @Test
    void readsNameAndType() {
        assertThat(KeySpec.parse("doctor_id:S")).isEqualTo(new KeySpec("doctor_id", AttributeType.S));
        assertThat(KeySpec.parse(" ttl : n ")).isEqualTo(new KeySpec("ttl", AttributeType.N));
        assertThat(KeySpec.parse("blob:B")).isEqualTo(new KeySpec("blob", AttributeType.B));
    }

    @Test
    void aBareNameIsAString() {
        assertThat(KeySpec.parse("user_id")).isEqualTo(new KeySpec("user_id", AttributeType.S));
    }

    @Test
    void anAttributeNameMayContainColons() {
        assertThat(KeySpec.parse("a:b:N")).isEqualTo(new KeySpec("a:b", AttributeType.N));
    }

    @Test
    void rejectsATypeOtherThanSNB() {
        assertThatThrownBy(() -> KeySpec.parse("doctor_id:BOOL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'doctor_id:BOOL' has the key type 'BOOL'")
                .hasMessageContaining("doctor_id:S, doctor_id:N or doctor_id:B");
    }

    @Test
    void rejectsAMissingName() {
        assertThatThrownBy(() -> KeySpec.parse(":S")).hasMessageContaining("has no attribute name");
    }
}
