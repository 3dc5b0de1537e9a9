package io.agentledger.command.agent.build;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A package's {@code anymind.yaml}: {@code name}, {@code version}, {@code runtime} and {@code entrypoint}
 * ({@code module.path:function}). Read with SnakeYAML's safe constructor (plain maps, lists and scalars:
 * no tags that build objects) and limits on aliases and nesting.
 */
record Manifest(String name, String version, String runtime, String entrypoint, String text) {

    static final String FILE = "anymind.yaml";
    static final Set<String> RUNTIMES = Set.of("python", "python3");
    private static final Pattern ENTRYPOINT =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*");

    static Manifest parse(String text) throws PackageRejected {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new PackageRejected(FILE + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> fields)) {
            throw new PackageRejected(FILE + " must be a mapping of name, version, runtime and entrypoint");
        }
        String name = required(fields, "name");
        String version = required(fields, "version");
        String runtime = required(fields, "runtime");
        String entrypoint = required(fields, "entrypoint");
        if (!RUNTIMES.contains(runtime)) {
            throw new PackageRejected(FILE + ": runtime " + runtime + " is not supported (python)");
        }
        if (!ENTRYPOINT.matcher(entrypoint).matches()) {
            throw new PackageRejected(FILE + ": entrypoint must be module.path:function, not " + entrypoint);
        }
        return new Manifest(name, version, runtime, entrypoint, text);
    }

    /** {@code agent/main.py} or {@code agent/main/__init__.py} for {@code agent.main:handle}. */
    String[] moduleFiles() {
        String modulePath = entrypoint.substring(0, entrypoint.indexOf(':')).replace('.', '/');
        return new String[]{modulePath + ".py", modulePath + "/__init__.py"};
    }

    private static String required(Map<?, ?> fields, String name) throws PackageRejected {
        Object value = fields.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new PackageRejected(FILE + " has no " + name);
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw new PackageRejected(FILE + ": " + name + " must be a plain value");
        }
        String text = value.toString().strip();
        if (text.length() > 200) {
            throw new PackageRejected(FILE + ": " + name + " is longer than 200 characters");
        }
        return text;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
