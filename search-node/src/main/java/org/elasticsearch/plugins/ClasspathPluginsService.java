package org.elasticsearch.plugins;

import org.elasticsearch.Version;
import org.elasticsearch.env.Environment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins taken from classes on the classpath instead of a distribution's plugins folder. It lives in
 * Elasticsearch's package because the loader and the plugin record it builds are package-private there.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> plugins;

    public ClasspathPluginsService(Environment environment, List<Class<? extends Plugin>> classes) {
        super(environment.settings(), environment.configDir(), emptyLoader());
        this.plugins = classes.stream()
                .map(type -> new LoadedPlugin(descriptor(type), loadPlugin(type, environment.settings(),
                        environment.configDir()), type.getClassLoader()))
                .toList();
        loadExtensions(plugins);
    }

    public static PluginsLoader emptyLoader() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    private static PluginDescriptor descriptor(Class<? extends Plugin> type) {
        return new PluginDescriptor(type.getName(), "classpath plugin", "1", Version.CURRENT.toString(),
                System.getProperty("java.specification.version"), type.getName(), null, List.of(), false, false,
                false, false);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return plugins;
    }
}
