package io.agentledger.command.run.tool;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The tools every runtime has. They are honest stand-ins: search answers from a small built-in
 * corpus, and documents, calendar events and emails are written to the outbox for delivery.
 */
@Component
public class BuiltInTools {

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    /** The built-in tools plus any {@link Tool} beans of the application. */
    @org.springframework.beans.factory.annotation.Autowired
    public BuiltInTools(org.springframework.beans.factory.ObjectProvider<Tool> extra) {
        this();
        extra.orderedStream().forEach(tool -> tools.put(tool.name(), tool));
    }

    public BuiltInTools() {
        register("web_search", "Searches reference material for a query", ToolKind.READ_ONLY, "0.001",
                Map.of("query", "what to search for"), (params, effects) -> Map.of("query", params.get("query"),
                        "results", List.of("Overview of " + params.get("query"), "Recent notes on " + params.get("query"))));
        register("calculator", "Adds up a list of numbers", ToolKind.READ_ONLY, "0",
                Map.of("numbers", "the numbers to add"), (params, effects) -> Map.of("sum", sum(params.get("numbers"))));
        register("create_document", "Writes a document to the workspace", ToolKind.SIDE_EFFECTING, "0.01",
                Map.of("title", "document title", "content", "document text"), (params, effects) -> {
                    effects.record("document", params);
                    return Map.of("document", String.valueOf(params.get("title")), "status", "written");
                });
        register("calendar_create_event", "Puts an event in the team calendar", ToolKind.SIDE_EFFECTING, "0.01",
                Map.of("title", "event title", "when", "date and time"), (params, effects) -> {
                    effects.record("calendar", params);
                    return Map.of("event", String.valueOf(params.get("title")), "status", "scheduled");
                });
        register("send_email", "Sends an email", ToolKind.EXTERNAL_COMMUNICATION, "0.02",
                Map.of("to", "recipient address", "subject", "subject line", "body", "message text"),
                (params, effects) -> {
                    effects.record("email", params);
                    return Map.of("to", String.valueOf(params.get("to")), "status", "queued");
                });
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public List<Tool> all() {
        return List.copyOf(tools.values());
    }

    private void register(String name, String description, ToolKind kind, String cost, Map<String, String> parameters,
                          BiFunction<Map<String, Object>, ToolEffects, Map<String, Object>> work) {
        BigDecimal estimatedCost = new BigDecimal(cost);
        tools.put(name, new Tool() {
            public String name() {
                return name;
            }

            public String description() {
                return description;
            }

            public ToolKind kind() {
                return kind;
            }

            public BigDecimal estimatedCost() {
                return estimatedCost;
            }

            public Map<String, String> parameters() {
                return parameters;
            }

            public Map<String, Object> execute(Map<String, Object> params, ToolEffects effects) {
                return work.apply(params, effects);
            }
        });
    }

    private static double sum(Object numbers) {
        if (!(numbers instanceof List<?> list)) {
            return 0;
        }
        return list.stream().filter(Number.class::isInstance).mapToDouble(n -> ((Number) n).doubleValue()).sum();
    }
}
