package io.agentledger.command.run.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.kernel.goal.PlannedTask;
import io.agentledger.kernel.goal.Priority;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Routes, plans and summarises with a language model through LangChain4j. Failures that may pass
 * (5xx, timeouts, rate limits, replies not in the asked shape) are retried with exponential backoff;
 * then the node fails with a {@link ProviderFailure} that says what happened.
 */
public class LlmAgentRuntime implements AgentRuntime {

    static final Set<String> INTENTS = Set.of("research", "communication", "scheduling", "writing", "analysis");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final String model;
    private final ChatModel chat;
    private final int attempts;
    private final Duration backoff;
    private final LlmProperties.Model price;
    private final boolean forcesToolChoice;

    public LlmAgentRuntime(String provider, String model, ChatModel chat, int attempts, Duration backoff,
                           LlmProperties.Model price) {
        this.provider = provider;
        this.model = model;
        this.chat = chat;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.price = price;
        this.forcesToolChoice = provider.equals("openai") || provider.equals("azure");
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Outcome<Intent> routeIntent(String goalText) {
        ChatRequest request = ChatRequest.builder().messages(
                SystemMessage.from("Classify the user's goal as exactly one intent of: "
                        + String.join(", ", INTENTS.stream().sorted().toList())
                        + ". Answer with JSON only: {\"intent\": \"<intent>\", \"confidence\": <0..1>}"),
                UserMessage.from(goalText)).build();
        return call(request, response -> {
            JsonNode reply = json(response.aiMessage().text());
            String intent = reply.path("intent").asText().toLowerCase(Locale.ROOT);
            if (!INTENTS.contains(intent)) {
                throw new MalformedReply("the intent '" + intent + "' is none of " + INTENTS);
            }
            return new Intent(intent, reply.path("confidence").asDouble(0.5));
        });
    }

    @Override
    public Outcome<List<PlannedTask>> plan(String goalText, String intent, List<Tool> tools) {
        List<String> names = tools.stream().map(Tool::name).toList();
        ToolSpecification submitPlan = ToolSpecification.builder()
                .name("submit_plan")
                .description("Submit the plan: the tasks that reach the goal, in order")
                .parameters(JsonObjectSchema.builder().addProperty("tasks", JsonArraySchema.builder()
                        .items(JsonObjectSchema.builder()
                                .addStringProperty("title")
                                .addStringProperty("description")
                                .addEnumProperty("tool", names)
                                .addProperty("parameters", JsonObjectSchema.builder().additionalProperties(true)
                                        .build())
                                .addEnumProperty("priority", List.of("low", "medium", "high", "urgent"))
                                .addNumberProperty("estimated_hours")
                                .required("title", "tool", "parameters")
                                .build())
                        .build()).required("tasks").build())
                .build();
        String catalogue = tools.stream().map(t -> "- " + t.name() + ": " + t.description() + " (parameters: "
                + String.join(", ", t.parameters().keySet()) + ")").collect(Collectors.joining("\n"));
        ChatRequest.Builder request = ChatRequest.builder().messages(
                SystemMessage.from("You plan how an agent reaches a goal, using only these tools:\n" + catalogue
                        + "\nCall submit_plan with the tasks."),
                UserMessage.from("Goal (" + intent + "): " + goalText)).toolSpecifications(submitPlan);
        if (forcesToolChoice) {
            request.toolChoice(ToolChoice.REQUIRED);
        }
        return call(request.build(), response -> tasks(response, names));
    }

    @Override
    public Outcome<String> summarize(String goalText, List<Map<String, Object>> steps) {
        String done;
        try {
            done = JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        ChatRequest request = ChatRequest.builder().messages(
                SystemMessage.from("Summarise in two or three sentences what was done for the goal."),
                UserMessage.from("Goal: " + goalText + "\nSteps: " + done)).build();
        return call(request, response -> {
            String text = response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new MalformedReply("the summary is empty");
            }
            return text.trim();
        });
    }

    @Override
    public Outcome<String> respond(String instructions, String request) {
        ChatRequest chat = ChatRequest.builder().messages(SystemMessage.from(instructions),
                UserMessage.from(request)).build();
        return call(chat, response -> {
            String text = response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new MalformedReply("the answer is empty");
            }
            return text.trim();
        });
    }

    @Override
    public Outcome<TaskTurns.Turn> act(String task, List<TaskTurns.ToolSpec> tools, List<TaskTurns.Entry> history) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from("You carry out a task in a workspace folder with the tools given; paths are "
                + "relative to the workspace. Call the tools you need, one step at a time. When the task is done, "
                + "call no tool and answer with a short summary of what you did."));
        messages.add(UserMessage.from(task));
        int call = 0;
        for (TaskTurns.Entry entry : history) {
            if (entry instanceof TaskTurns.Exchange exchange) {
                String id = "call_" + (++call);
                messages.add(AiMessage.from(ToolExecutionRequest.builder().id(id).name(exchange.tool())
                        .arguments(text(exchange.input())).build()));
                messages.add(ToolExecutionResultMessage.from(id, exchange.tool(), exchange.output()));
            } else if (entry instanceof TaskTurns.Input input) {
                messages.add(UserMessage.from(input.content()));
            }
        }
        List<ToolSpecification> specifications = tools.stream().map(tool -> {
            JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
            tool.parameters().forEach(parameters::addStringProperty);
            return ToolSpecification.builder().name(tool.name()).description(tool.description())
                    .parameters(parameters.required(tool.required()).build()).build();
        }).toList();
        Set<String> names = tools.stream().map(TaskTurns.ToolSpec::name).collect(Collectors.toSet());
        return call(ChatRequest.builder().messages(messages).toolSpecifications(specifications).build(), response -> {
            AiMessage answer = response.aiMessage();
            List<TaskTurns.Call> calls = new ArrayList<>();
            if (answer.hasToolExecutionRequests()) {
                for (ToolExecutionRequest request : answer.toolExecutionRequests()) {
                    if (!names.contains(request.name())) {
                        throw new MalformedReply("the model called an unknown tool '" + request.name() + "'");
                    }
                    Map<String, Object> input = JSON.convertValue(json(request.arguments()), Map.class);
                    calls.add(new TaskTurns.Call(request.name(), input == null ? Map.of() : input, request.name()));
                }
            }
            String text = answer.text() == null ? "" : answer.text().trim();
            if (calls.isEmpty() && text.isEmpty()) {
                throw new MalformedReply("the answer has neither tool calls nor a summary");
            }
            return new TaskTurns.Turn(text, calls, null, null);
        });
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<PlannedTask> tasks(ChatResponse response, List<String> toolNames) {
        List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
        if (calls == null || calls.stream().noneMatch(c -> "submit_plan".equals(c.name()))) {
            throw new MalformedReply("the model did not call submit_plan");
        }
        JsonNode arguments = json(calls.stream().filter(c -> "submit_plan".equals(c.name())).findFirst()
                .orElseThrow().arguments());
        List<PlannedTask> tasks = new ArrayList<>();
        for (JsonNode task : arguments.path("tasks")) {
            String tool = task.path("tool").asText();
            if (!toolNames.contains(tool)) {
                throw new MalformedReply("the plan names an unknown tool '" + tool + "'");
            }
            Map<String, Object> parameters = JSON.convertValue(task.path("parameters"), Map.class);
            String priority = task.path("priority").asText("medium").toUpperCase(Locale.ROOT);
            tasks.add(new PlannedTask("task-" + tasks.size(), task.path("title").asText(tool),
                    task.path("description").asText(""),
                    Set.of("LOW", "MEDIUM", "HIGH", "URGENT").contains(priority) ? Priority.valueOf(priority)
                            : Priority.MEDIUM,
                    task.has("estimated_hours") ? task.path("estimated_hours").decimalValue() : null, List.of(), tool,
                    parameters == null ? Map.of() : parameters));
        }
        if (tasks.isEmpty()) {
            throw new MalformedReply("the plan has no tasks");
        }
        return tasks;
    }

    private <T> Outcome<T> call(ChatRequest request, Function<ChatResponse, T> read) {
        long inputTokens = 0;
        long outputTokens = 0;
        long start = System.nanoTime();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                ChatResponse response = chat.chat(request);
                TokenUsage usage = response.tokenUsage();
                if (usage != null) {
                    inputTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                    outputTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
                }
                T value = read.apply(response);
                return new Outcome<>(value, new Usage(provider, model, inputTokens, outputTokens, attempt,
                        cost(inputTokens, outputTokens), (System.nanoTime() - start) / 1_000_000));
            } catch (NonRetriableException refused) {
                throw new ProviderFailure(provider + " model " + model + " refused the request: "
                        + describe(refused), refused);
            } catch (RuntimeException failure) {
                last = failure;
                if (attempt < attempts) {
                    pause(backoff.multipliedBy(1L << (attempt - 1)));
                }
            }
        }
        throw new ProviderFailure(provider + " model " + model + " failed after " + attempts + " attempts: "
                + describe(last), last);
    }

    private BigDecimal cost(long inputTokens, long outputTokens) {
        if (price == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal input = price.inputPricePer1k() == null ? BigDecimal.ZERO : price.inputPricePer1k();
        BigDecimal output = price.outputPricePer1k() == null ? BigDecimal.ZERO : price.outputPricePer1k();
        return input.multiply(BigDecimal.valueOf(inputTokens)).add(output.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            throw new MalformedReply("the reply has no text");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("```")) {
            trimmed = trimmed.replaceAll("^```[a-zA-Z]*\\s*", "").replaceAll("```\\s*$", "");
        }
        try {
            return JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new MalformedReply("the reply is not the JSON asked for");
        }
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return failure.getClass().getSimpleName() + " (HTTP " + http.statusCode() + ")";
            }
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return failure instanceof MalformedReply ? "malformed reply (" + message + ")"
                : failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure("interrupted while waiting to retry", e);
        }
    }
}
