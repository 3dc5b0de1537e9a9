package io.agentledger.command.run.runtime;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.kernel.goal.PlannedTask;
import io.agentledger.kernel.goal.Priority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime that needs no network, and says so: it routes a goal to the intent of its nearest
 * labelled example (all-MiniLM-L6-v2 embeddings computed in-process), plans from a template per
 * intent, and summarises by listing what the steps did. It does not reason.
 */
public class OfflineAgentRuntime implements AgentRuntime {

    public static final String PROVIDER = "offline";
    public static final String MODEL = "all-minilm-l6-v2+templates";

    static final Map<String, List<String>> EXAMPLES = Map.of(
            "research", List.of("Research the market for electric bikes", "Find information about our competitors",
                    "Investigate trends in renewable energy"),
            "communication", List.of("Email the team about the launch", "Send an update to our customers",
                    "Notify stakeholders about the delay"),
            "scheduling", List.of("Schedule a meeting with the design team", "Book a review session next week",
                    "Arrange the quarterly planning day"),
            "writing", List.of("Write a blog post about our release", "Draft the quarterly report",
                    "Create documentation for the new API"),
            "analysis", List.of("Analyze the sales numbers", "Calculate the total budget for the project",
                    "Compare the costs of three vendors"));
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final Supplier<EmbeddingModel> loader;
    private volatile EmbeddingModel embeddings;
    private Map<String, List<Embedding>> examples;

    /** The model (some 90 MB of heap while it loads) is loaded by the first run that needs it, not at startup. */
    public OfflineAgentRuntime() {
        this(AllMiniLmL6V2EmbeddingModel::new);
    }

    OfflineAgentRuntime(Supplier<EmbeddingModel> loader) {
        this.loader = loader;
    }

    private EmbeddingModel embeddings() {
        if (embeddings == null) {
            synchronized (this) {
                if (embeddings == null) {
                    EmbeddingModel model = loader.get();
                    Map<String, List<Embedding>> embedded = new LinkedHashMap<>();
                    EXAMPLES.forEach((intent, texts) -> embedded.put(intent,
                            texts.stream().map(text -> model.embed(text).content()).toList()));
                    examples = embedded;
                    embeddings = model;
                }
            }
        }
        return embeddings;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Outcome<Intent> routeIntent(String goalText) {
        long start = System.nanoTime();
        Embedding goal = embeddings().embed(goalText).content();
        String best = "research";
        double bestScore = -1;
        for (Map.Entry<String, List<Embedding>> entry : examples.entrySet()) {
            for (Embedding example : entry.getValue()) {
                double score = CosineSimilarity.between(goal, example);
                if (score > bestScore) {
                    bestScore = score;
                    best = entry.getKey();
                }
            }
        }
        return new Outcome<>(new Intent(best, Math.round(bestScore * 1000) / 1000.0), usage(start));
    }

    @Override
    public Outcome<List<PlannedTask>> plan(String goalText, String intent, List<Tool> tools) {
        long start = System.nanoTime();
        String title = goalText.length() > 60 ? goalText.substring(0, 57) + "..." : goalText;
        List<PlannedTask> tasks = new ArrayList<>();
        switch (intent) {
            case "communication" -> {
                tasks.add(task(0, "Draft the message", "create_document", Map.of("title", "Draft: " + title,
                        "content", goalText)));
                tasks.add(task(1, "Send the message", "send_email", Map.of("to", "team@example.com",
                        "subject", title, "body", goalText), "task-0"));
            }
            case "scheduling" -> tasks.add(task(0, "Put it in the calendar", "calendar_create_event",
                    Map.of("title", title, "when", "next business day 10:00")));
            case "analysis" -> {
                tasks.add(task(0, "Work out the figures", "calculator", Map.of("numbers", numbersIn(goalText))));
                tasks.add(task(1, "Write up the analysis", "create_document", Map.of("title", "Analysis: " + title,
                        "content", goalText), "task-0"));
            }
            default -> {
                tasks.add(task(0, "Gather material", "web_search", Map.of("query", goalText)));
                tasks.add(task(1, "Write up the findings", "create_document", Map.of("title", "Notes: " + title,
                        "content", goalText), "task-0"));
            }
        }
        return new Outcome<>(tasks, usage(start));
    }

    @Override
    public Outcome<String> summarize(String goalText, List<Map<String, Object>> steps) {
        long start = System.nanoTime();
        long executed = steps.stream().filter(s -> "executed".equals(s.get("outcome"))).count();
        StringBuilder summary = new StringBuilder("Goal \"").append(goalText).append("\": ").append(executed)
                .append(" of ").append(steps.size()).append(" planned steps executed.");
        for (Map<String, Object> step : steps) {
            summary.append(" ").append(step.get("tool")).append(": ").append(step.get("outcome")).append('.');
        }
        return new Outcome<>(summary.toString(), usage(start));
    }

    /** Without a model it can only say what kind of request it recognised, and that it cannot reason about it. */
    @Override
    public Outcome<String> respond(String instructions, String request) {
        long start = System.nanoTime();
        Intent intent = routeIntent(request).value();
        return new Outcome<>("Offline runtime: recognised a " + intent.name() + " request (confidence "
                + intent.confidence() + "): \"" + request + "\". Configure a model provider for the agent to act "
                + "on it.", usage(start));
    }

    /** Plain instructions only, each clause one tool call (see {@link OfflineTaskPlanner}). */
    @Override
    public Outcome<TaskTurns.Turn> act(String task, List<TaskTurns.ToolSpec> tools, List<TaskTurns.Entry> history) {
        long start = System.nanoTime();
        return new Outcome<>(OfflineTaskPlanner.next(task, history), Usage.free(PROVIDER, "instructions",
                (System.nanoTime() - start) / 1_000_000));
    }

    private static PlannedTask task(int index, String title, String tool, Map<String, Object> parameters,
                                    String... dependencies) {
        return new PlannedTask("task-" + index, title, title + " with " + tool, Priority.MEDIUM,
                BigDecimal.ONE, List.of(dependencies), tool, parameters);
    }

    private static List<Double> numbersIn(String text) {
        List<Double> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(Double.parseDouble(matcher.group()));
        }
        return numbers;
    }

    private static Usage usage(long startNanos) {
        return Usage.free(PROVIDER, MODEL, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
