package io.agentledger.command.workflow.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The expressions of {@code condition} nodes and steps: literals, paths into the context
 * ({@code input.amount}, {@code nodes["check"].output.ok}), comparisons ({@code == === != !== < <= > >=}),
 * {@code && || !} (or {@code and or not}), {@code + -} and parentheses. Parsed and evaluated here, token
 * by token, with bounded length and depth: nothing in it can call a method or reach the JVM.
 */
public final class SafeExpression {

    public static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 50;

    private final List<String> tokens;
    private int at;
    private int depth;
    private Map<String, Object> context;

    private SafeExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Checks the syntax; throws {@link IllegalArgumentException} with the reason. */
    public static void parse(String expression) {
        evaluate(expression, null);
    }

    public static boolean test(String expression, Map<String, Object> context) {
        return truthy(evaluate(expression, context));
    }

    public static Object evaluate(String expression, Map<String, Object> context) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the expression is longer than " + MAX_LENGTH + " characters");
        }
        SafeExpression parser = new SafeExpression(tokenize(expression));
        parser.context = context;
        Object value = parser.or();
        if (parser.at < parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.at) + "'");
        }
        return value;
    }

    private Object or() {
        Object left = and();
        while (accept("||") || accept("or")) {
            Object right = and();
            left = truthy(left) || truthy(right);
        }
        return left;
    }

    private Object and() {
        Object left = not();
        while (accept("&&") || accept("and")) {
            Object right = not();
            left = truthy(left) && truthy(right);
        }
        return left;
    }

    private Object not() {
        if (accept("!") || accept("not")) {
            enter();
            Object value = !truthy(not());
            depth--;
            return value;
        }
        return comparison();
    }

    private Object comparison() {
        Object left = sum();
        for (String op : List.of("===", "!==", "==", "!=", "<=", ">=", "<", ">")) {
            if (accept(op)) {
                return compare(op, left, sum());
            }
        }
        return left;
    }

    private Object sum() {
        Object left = unary();
        while (true) {
            if (accept("+")) {
                Object right = unary();
                left = left instanceof String || right instanceof String ? text(left) + text(right)
                        : number(left).add(number(right));
            } else if (accept("-")) {
                left = number(left).subtract(number(unary()));
            } else {
                return left;
            }
        }
    }

    private Object unary() {
        if (accept("-")) {
            enter();
            Object value = number(unary()).negate();
            depth--;
            return value;
        }
        return primary();
    }

    private Object primary() {
        String token = next();
        if (token.equals("(")) {
            enter();
            Object value = or();
            expect(")");
            depth--;
            return value;
        }
        if (token.startsWith("'") || token.startsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        if (Character.isDigit(token.charAt(0))) {
            return new BigDecimal(token);
        }
        switch (token) {
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
            default:
                break;
        }
        if (!Character.isJavaIdentifierStart(token.charAt(0))) {
            throw new IllegalArgumentException("unexpected '" + token + "'");
        }
        // only checking the syntax: every path stands for a number, so any operator applies
        Object value = context == null ? BigDecimal.ZERO : context.get(token);
        while (true) {
            if (accept(".")) {
                String name = identifier();
                value = context == null ? BigDecimal.ZERO : member(value, name);
            } else if (accept("[")) {
                String key = next();
                value = context == null ? BigDecimal.ZERO : member(value, key.startsWith("'") || key.startsWith("\"")
                        ? key.substring(1, key.length() - 1) : key);
                expect("]");
            } else {
                return value;
            }
        }
    }

    private static Object member(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (value instanceof List<?> list && key.chars().allMatch(Character::isDigit) && key.length() < 10) {
            int index = Integer.parseInt(key);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    private String identifier() {
        String token = next();
        if (!Character.isJavaIdentifierStart(token.charAt(0))) {
            throw new IllegalArgumentException("a name must follow '.', not '" + token + "'");
        }
        return token;
    }

    private static Object compare(String op, Object left, Object right) {
        if (op.equals("==") || op.equals("===")) {
            return same(left, right);
        }
        if (op.equals("!=") || op.equals("!==")) {
            return !same(left, right);
        }
        if (left == null || right == null) {
            return false;
        }
        int order = left instanceof String && right instanceof String ? ((String) left).compareTo((String) right)
                : number(left).compareTo(number(right));
        return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean same(Object left, Object right) {
        if (left instanceof Number || right instanceof Number) {
            try {
                return left != null && right != null && number(left).compareTo(number(right)) == 0;
            } catch (IllegalArgumentException notNumbers) {
                return false;
            }
        }
        return Objects.equals(left, right);
    }

    static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).signum() != 0;
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        return true;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number");
            }
        }
        throw new IllegalArgumentException((value == null ? "null" : "a " + value.getClass().getSimpleName())
                + " is not a number");
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the expression nests deeper than " + MAX_DEPTH);
        }
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected '" + token + "'");
        }
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("the expression ends too early");
        }
        return tokens.get(at++);
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a string is not closed");
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else {
                String three = i + 3 <= text.length() ? text.substring(i, i + 3) : "";
                String two = i + 2 <= text.length() ? text.substring(i, i + 2) : "";
                if (three.equals("===") || three.equals("!==")) {
                    tokens.add(three);
                    i += 3;
                } else if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    tokens.add(two);
                    i += 2;
                } else if ("()[].!<>+-".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    throw new IllegalArgumentException("'" + c + "' has no meaning in an expression");
                }
            }
        }
        return tokens;
    }
}
