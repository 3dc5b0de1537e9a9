package io.agentledger.bench;

import io.agentledger.projection.search.MemoryEmbeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Documents made of sentences about a few dozen subjects. Each distinct sentence is embedded once; a
 * document's vector is the normalised sum of its sentences' vectors, which keeps loading 100k documents
 * in minutes while giving the kNN index realistic, clustered vectors.
 */
final class SyntheticCorpus {

    private static final String[] SUBJECTS = {"invoice", "quarterly budget", "hiring plan", "database migration",
            "customer escalation", "product launch", "security audit", "office move", "vendor contract",
            "marketing campaign", "release notes", "incident review", "team offsite", "pricing change",
            "support backlog", "data retention", "travel booking", "training course", "board meeting",
            "api outage", "mobile app", "onboarding", "expense report", "tax filing", "partner deal",
            "design review", "roadmap", "performance review", "sales forecast", "legal review"};
    private static final String[] FRAMES = {"We need a decision on the %s by Friday.",
            "The %s slipped again and the owners are unsure why.", "Notes from the call about the %s.",
            "Please review the attached draft for the %s.", "The %s is done; lessons learned are below.",
            "Who is accountable for the %s next quarter?", "Summary of the %s discussion with finance.",
            "Reminder: the %s deadline moves to next month.", "The %s costs more than planned.",
            "Feedback on the %s from three customers."};

    final List<String> sentences = new ArrayList<>();
    final List<float[]> vectors;
    private final Random random = new Random(42);

    SyntheticCorpus(MemoryEmbeddings embeddings) {
        for (String subject : SUBJECTS) {
            for (String frame : FRAMES) {
                sentences.add(frame.formatted(subject));
            }
        }
        vectors = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += 50) {
            vectors.addAll(embeddings.embedAll(sentences.subList(i, Math.min(i + 50, sentences.size()))));
        }
    }

    record Document(String text, float[] vector) {
    }

    Document next() {
        StringBuilder text = new StringBuilder();
        float[] sum = new float[vectors.get(0).length];
        for (int s = 0; s < 3; s++) {
            int pick = random.nextInt(sentences.size());
            text.append(sentences.get(pick)).append(' ');
            float[] v = vectors.get(pick);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= (float) Math.sqrt(norm);
        }
        return new Document(text.toString().strip(), sum);
    }

    String query() {
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        return random.nextBoolean() ? subject : "what did we decide about the " + subject;
    }
}
