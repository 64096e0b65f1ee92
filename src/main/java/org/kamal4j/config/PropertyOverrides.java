package org.kamal4j.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.kamal4j.config.yaml.SourceMap;
import org.kamal4j.config.yaml.YamlTreeReader;

/**
 * Turns {@code -Dkamal.deploy.<key>.<key>=value} properties into a deploy.yml-shaped tree, so every key of
 * deploy.yml can be set from the command line: {@code -Dkamal.deploy.proxy.app_port=3000},
 * {@code -Dkamal.deploy.servers.web=[10.0.0.1,10.0.0.2]}. Each value is read as YAML (1.1 scalars, flow lists and
 * maps), exactly as it would be in deploy.yml.
 */
public final class PropertyOverrides {

    /** The prefix of every override property. */
    public static final String PREFIX = "kamal.deploy.";

    private PropertyOverrides() {}

    /**
     * The tree of every {@code kamal.deploy.*} property (in key order, so results do not depend on map order);
     * empty when there is none. Problems name the property as their file.
     */
    public static Map<String, Object> toTree(Map<String, String> properties, SourceMap sources)
            throws ConfigException {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            if (!e.getKey().startsWith(PREFIX) || e.getKey().length() == PREFIX.length()) {
                continue;
            }
            String[] keys = e.getKey().substring(PREFIX.length()).split("\\.");
            String shown = "-D" + e.getKey();
            Object value = YamlTreeReader.read(e.getValue(), shown, new SourceMap());
            put(root, keys, value);
            record(keys, shown, sources);
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String[] keys, Object value) {
        Map<String, Object> node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = node.get(keys[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(keys[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(keys[keys.length - 1], value);
    }

    private static void record(String[] keys, String shown, SourceMap sources) {
        String path = "";
        for (String k : keys) {
            path = SourceMap.join(path, k);
            sources.put(path, shown, 0);
        }
    }
}
