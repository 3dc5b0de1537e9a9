package io.agentledger.projection.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.springframework.stereotype.Component;

import java.util.List;

/** all-MiniLM-L6-v2 run in-process (384 dimensions), loaded on first use. */
@Component
public class MemoryEmbeddings {

    public static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> embedding.vector()).toList();
    }

    private EmbeddingModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2EmbeddingModel();
                }
            }
        }
        return model;
    }
}
