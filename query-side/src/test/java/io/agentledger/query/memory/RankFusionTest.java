package io.agentledger.query.memory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankFusionTest {

    @Test
    void itemsRankedWellByBothRetrieversComeFirstAndScoresFallInZeroToOne() {
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d", "a")));
        assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("b", "a", "d", "c");
        assertThat(fused.get(0).score()).isLessThanOrEqualTo(1.0).isGreaterThan(fused.get(1).score());
        assertThat(fused).allSatisfy(f -> assertThat(f.score()).isBetween(0.0, 1.0));
    }

    @Test
    void theTopOfEveryRankingScoresOne() {
        assertThat(RankFusion.fuse(List.of(List.of("x"), List.of("x"))).get(0).score()).isEqualTo(1.0);
        assertThat(RankFusion.fuse(List.of(List.of(), List.of()))).isEmpty();
    }
}
