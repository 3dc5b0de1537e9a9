package io.agentledger.query.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: each ranking gives an item {@code 1 / (k + rank)}; the sums order the union.
 * Scores are divided by the best possible sum (first in every ranking), so they fall in (0, 1].
 */
public final class RankFusion {

    public static final int K = 60;

    private RankFusion() {
    }

    public record Fused(String id, double score) {
    }

    public static List<Fused> fuse(List<List<String>> rankings) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                sums.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        double best = rankings.size() / (double) (K + 1);
        List<Fused> fused = new ArrayList<>();
        sums.forEach((id, sum) -> fused.add(new Fused(id, Math.round(sum / best * 10_000) / 10_000.0)));
        fused.sort((a, b) -> Double.compare(b.score(), a.score()));
        return fused;
    }
}
