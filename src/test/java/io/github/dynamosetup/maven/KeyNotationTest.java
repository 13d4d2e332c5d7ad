package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.KeyAttribute;
import org.junit.jupiter.api.Test;

class KeyNotationTest {

    @Test
    void readsNameAndType() {
        assertThat(KeyNotation.parse("doctor_id:S")).isEqualTo(new KeyAttribute("doctor_id", AttributeType.S));
        assertThat(KeyNotation.parse(" ttl : n ")).isEqualTo(new KeyAttribute("ttl", AttributeType.N));
        assertThat(KeyNotation.parse("blob:B")).isEqualTo(new KeyAttribute("blob", AttributeType.B));
    }

    @Test
    void aBareNameIsAString() {
        assertThat(KeyNotation.parse("user_id")).isEqualTo(new KeyAttribute("user_id", AttributeType.S));
    }

    @Test
    void anAttributeNameMayContainColons() {
        assertThat(KeyNotation.parse("a:b:N")).isEqualTo(new KeyAttribute("a:b", AttributeType.N));
    }

    @Test
    void rejectsATypeOtherThanSNB() {
        assertThatThrownBy(() -> KeyNotation.parse("doctor_id:BOOL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'doctor_id:BOOL' has the key type 'BOOL'")
                .hasMessageContaining("doctor_id:S, doctor_id:N or doctor_id:B");
    }

    @Test
    void rejectsAMissingName() {
        assertThatThrownBy(() -> KeyNotation.parse(":S")).hasMessageContaining("has no attribute name");
    }

    @Test
    void readsTheAttributesOfAKeyInOrder() {
        assertThat(KeyNotation.parseList("tenant:S, region:S,round:N")).containsExactly(
                new KeyAttribute("tenant", AttributeType.S), new KeyAttribute("region", AttributeType.S),
                new KeyAttribute("round", AttributeType.N));
        assertThat(KeyNotation.parseList("doctor_id")).containsExactly(new KeyAttribute("doctor_id", AttributeType.S));
    }

    @Test
    void rejectsAnEmptyAttributeBetweenCommas() {
        assertThatThrownBy(() -> KeyNotation.parseList("tenant:S, , region:S"))
                .hasMessageContaining("'tenant:S, , region:S' has an empty attribute between commas");
    }
}
