package io.agentledger.kernel.id;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsArePrefixedCrockfordUlids() {
        String id = Ids.newId(IdPrefix.GOAL);
        assertThat(id).matches("goal_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ids.hasPrefix(id, IdPrefix.GOAL)).isTrue();
        assertThat(Ids.hasPrefix(id, IdPrefix.RUN)).isFalse();
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        String earlier = Ids.newId(IdPrefix.RUN, Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        String later = Ids.newId(IdPrefix.RUN, Clock.fixed(Instant.parse("2030-01-01T00:00:00.001Z"), ZoneOffset.UTC));
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Clock frozen = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId(IdPrefix.USER, frozen));
        }
        assertThat(ids).hasSize(10_000);
    }
}
