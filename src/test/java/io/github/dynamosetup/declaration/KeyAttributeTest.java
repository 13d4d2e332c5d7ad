package io.github.dynamosetup.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyAttributeTest {

    @Test
    void readsNameAndType() {
        assertThat(KeyAttribute.parse("doctor_id:S")).isEqualTo(new KeyAttribute("doctor_id", AttributeType.S));
        assertThat(KeyAttribute.parse(" ttl : n ")).isEqualTo(new KeyAttribute("ttl", AttributeType.N));
        assertThat(KeyAttribute.parse("blob:B")).isEqualTo(new KeyAttribute("blob", AttributeType.B));
    }

    @Test
    void aBareNameIsAString() {
        assertThat(KeyAttribute.parse("user_id")).isEqualTo(new KeyAttribute("user_id", AttributeType.S));
    }

    @Test
    void anAttributeNameMayContainColons() {
        assertThat(KeyAttribute.parse("a:b:N")).isEqualTo(new KeyAttribute("a:b", AttributeType.N));
    }

    @Test
    void rejectsATypeOtherThanSNB() {
        assertThatThrownBy(() -> KeyAttribute.parse("doctor_id:BOOL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'doctor_id:BOOL' has the key type 'BOOL'")
                .hasMessageContaining("doctor_id:S, doctor_id:N or doctor_id:B");
    }

    @Test
    void rejectsAMissingName() {
        assertThatThrownBy(() -> KeyAttribute.parse(":S")).hasMessageContaining("has no attribute name");
    }
}
