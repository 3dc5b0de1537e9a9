package io.agentledger.command.run.runtime;

import io.agentledger.command.run.runtime.TaskTurns.Call;
import io.agentledger.command.run.runtime.TaskTurns.Entry;
import io.agentledger.command.run.runtime.TaskTurns.Exchange;
import io.agentledger.command.run.runtime.TaskTurns.Input;
import io.agentledger.command.run.runtime.TaskTurns.Turn;
import io.agentledger.kernel.task.TaskStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries out plain instructions without a model: "write a file named notes.md that says hello, then
 * list the files", "read the file notes.md", "run the command `ls -la`". Each clause is one step, in
 * order; what the user adds while the task runs is more clauses. Anything else is refused with what
 * it could not read: it does not guess.
 */
final class OfflineTaskPlanner {

    static final String HELP = "the offline runtime carries out only plain instructions (write a file named X that "
            + "says Y; append Y to the file X; read the file X; list the files; run the command `X`), separated "
            + "by \"then\", commas or new lines. Configure a model provider (LLM_PROVIDER) for anything else";
    private static final Pattern CLAUSES = Pattern.compile(
            "\\s*(?:,\\s*(?:and\\s+)?then\\s+|;\\s*|\\n+|\\s+and\\s+then\\s+|\\s+then\\s+|\\.\\s+(?=[A-Za-z]))\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String NAME = "[\"'`]?([^\\s\"'`,;]+)[\"'`]?";
    private static final Pattern WRITE = Pattern.compile("(?:please\\s+)?(?:write|create|save|make)\\s+(?:a\\s+|an\\s+"
            + "|the\\s+)?(?:new\\s+)?(?:text\\s+)?file\\s+(?:named\\s+|called\\s+)?" + NAME + "(?:\\s*,?\\s*(?:that\\s+"
            + "says|saying|with(?:\\s+the)?(?:\\s+(?:content|contents|text))?|containing)\\s*:?\\s*(.*))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern APPEND = Pattern.compile("(?:please\\s+)?append\\s+(.+?)\\s+to\\s+(?:the\\s+)?"
            + "(?:file\\s+)?" + NAME, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LIST = Pattern.compile("(?:please\\s+)?(?:list|show)\\s+(?:all\\s+)?(?:of\\s+)?"
            + "(?:the\\s+)?files(?:\\s+in\\s+" + NAME + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern READ = Pattern.compile("(?:please\\s+)?(?:read|show|open|print|cat)\\s+(?:the\\s+)?"
            + "(?:file\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern RUN = Pattern.compile("(?:please\\s+)?(?:run|execute)\\s+(?:the\\s+)?(?:command\\s+)?"
            + "(?:`([^`]+)`|\"([^\"]+)\"|'([^']+)'|(.+))", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private OfflineTaskPlanner() {
    }

    static Turn next(String task, List<Entry> history) {
        List<Call> calls = new ArrayList<>(parse(task));
        List<Exchange> done = new ArrayList<>();
        for (Entry entry : history) {
            if (entry instanceof Input input) {
                calls.addAll(parse(input.content()));
            } else if (entry instanceof Exchange exchange) {
                done.add(exchange);
            }
        }
        List<TaskStep> plan = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            plan.add(new TaskStep("step-" + (i + 1), calls.get(i).description(), calls.get(i).tool()));
        }
        if (!done.isEmpty() && !done.get(done.size() - 1).success()) {
            Exchange failed = done.get(done.size() - 1);
            return new Turn("Step " + done.size() + " failed: " + failed.output(), List.of(), plan,
                    "step " + done.size() + " (" + plan.get(done.size() - 1).description() + ") failed: "
                            + failed.output());
        }
        if (done.size() < calls.size()) {
            Call call = calls.get(done.size());
            return new Turn("Step " + (done.size() + 1) + " of " + calls.size() + ": " + call.description(),
                    List.of(call), plan, null);
        }
        StringBuilder summary = new StringBuilder("Carried out ").append(done.size())
                .append(done.size() == 1 ? " step" : " steps").append(':');
        for (int i = 0; i < done.size(); i++) {
            summary.append(i == 0 ? " " : "; ").append(plan.get(i).description());
        }
        return new Turn(summary.append('.').toString(), List.of(), plan, null);
    }

    /** @throws InstructionsNotUnderstood naming the first clause it cannot carry out */
    static List<Call> parse(String instructions) {
        List<Call> calls = new ArrayList<>();
        for (String clause : clauses(instructions.strip())) {
            String text = clause.strip().replaceAll("[.!]+$", "");
            if (!text.isEmpty()) {
                calls.add(call(text));
            }
        }
        if (calls.isEmpty()) {
            throw new InstructionsNotUnderstood("there is nothing to do: " + HELP);
        }
        return calls;
    }

    /** Split at the separators that are not inside double quotes or backticks. */
    private static List<String> clauses(String text) {
        boolean[] quoted = new boolean[text.length()];
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open == 0 && (c == '"' || c == '`')) {
                open = c;
            } else if (c == open) {
                open = 0;
            } else {
                quoted[i] = open != 0;
            }
        }
        List<String> clauses = new ArrayList<>();
        Matcher separator = CLAUSES.matcher(text);
        int start = 0;
        while (separator.find()) {
            if (!quoted[separator.start()]) {
                clauses.add(text.substring(start, separator.start()));
                start = separator.end();
            }
        }
        clauses.add(text.substring(start));
        return clauses;
    }

    private static Call call(String clause) {
        Matcher write = WRITE.matcher(clause);
        if (write.matches()) {
            String content = write.group(2) == null ? "" : unquote(write.group(2).strip());
            return new Call("write_file", Map.of("path", write.group(1), "content", content.isEmpty() ? ""
                    : content + "\n"), "Write " + write.group(1));
        }
        Matcher append = APPEND.matcher(clause);
        if (append.matches()) {
            return new Call("write_file", Map.of("path", append.group(2), "content",
                    unquote(append.group(1).strip()) + "\n", "append", "true"), "Append to " + append.group(2));
        }
        Matcher list = LIST.matcher(clause);
        if (list.matches()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("path", list.group(1) == null ? "." : list.group(1));
            return new Call("list_files", input, list.group(1) == null ? "List the files"
                    : "List the files in " + list.group(1));
        }
        Matcher read = READ.matcher(clause);
        if (read.matches()) {
            return new Call("read_file", Map.of("path", read.group(1)), "Read " + read.group(1));
        }
        Matcher run = RUN.matcher(clause);
        if (run.matches()) {
            String command = firstNonNull(run.group(1), run.group(2), run.group(3), run.group(4)).strip();
            return new Call("run_command", Map.of("command", command), "Run `" + command + "`");
        }
        throw new InstructionsNotUnderstood("could not read \"" + clause + "\": " + HELP);
    }

    private static String unquote(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            char last = text.charAt(text.length() - 1);
            if ((first == '"' || first == '\'' || first == '`') && first == last) {
                return text.substring(1, text.length() - 1);
            }
        }
        return text;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "";
    }
}
