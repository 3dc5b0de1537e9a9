package io.agentledger.command.web;

import io.agentledger.kernel.error.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void readsStrongAndWeakEtagsAndTheBody() {
        assertThat(IfMatch.expectedVersion("\"3\"", null)).isEqualTo(3L);
        assertThat(IfMatch.expectedVersion("W/\"4\"", null)).isEqualTo(4L);
        assertThat(IfMatch.expectedVersion(null, 5L)).isEqualTo(5L);
        assertThat(IfMatch.expectedVersion("*", null)).isNull();
        assertThat(IfMatch.expectedVersion("\"2\"", 2L)).isEqualTo(2L);
    }

    @Test
    void refusesGarbageAndDisagreement() {
        assertThatThrownBy(() -> IfMatch.expectedVersion("\"abc\"", null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> IfMatch.expectedVersion("\"-1\"", null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> IfMatch.expectedVersion("\"2\"", 3L)).isInstanceOf(DomainException.class);
    }
}
