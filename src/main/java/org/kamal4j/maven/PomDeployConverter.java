package org.kamal4j.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.kamal4j.config.yaml.ListPaths;
import org.kamal4j.config.yaml.SourceMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns the pom's {@code <deploy>} element into the same tree a deploy.yml gives. Element names are the
 * deploy.yml keys; where the schema expects a list, child elements are the items (their names do not matter);
 * a list item with children is a map; {@code <host tags="a,b">h</host>} is a tagged host; element text is read
 * as a YAML 1.1 scalar ({@code 3000} is an integer, {@code false} a boolean, {@code "no"} keeps quotes' meaning).
 */
public final class PomDeployConverter {

    private PomDeployConverter() {}

    /** The tree of {@code deploy} (null or empty element: an empty map). */
    public static Map<String, Object> toTree(PlexusConfiguration deploy) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (deploy != null) {
            for (PlexusConfiguration child : deploy.getChildren()) {
                out.put(child.getName(), value(child, child.getName()));
            }
        }
        return out;
    }

    private static Object value(PlexusConfiguration node, String path) {
        if (node.getChildCount() == 0) {
            return scalar(node.getValue());
        }
        if (isList(node, path)) {
            List<Object> items = new ArrayList<>();
            for (PlexusConfiguration item : node.getChildren()) {
                items.add(item(item, SourceMap.join(path, items.size())));
            }
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (PlexusConfiguration child : node.getChildren()) {
            map.put(child.getName(), value(child, SourceMap.join(path, child.getName())));
        }
        return map;
    }

    /** {@code servers} and a role may be host lists: recognised by all children being {@code <host>}. */
    private static boolean isList(PlexusConfiguration node, String path) {
        if (path.equals("servers") || path.matches("servers/[^/]+")) {
            return Arrays.stream(node.getChildren()).allMatch(c -> c.getName().equals("host"));
        }
        return ListPaths.isList(path);
    }

    private static Object item(PlexusConfiguration item, String path) {
        String tags = item.getAttribute("tags", null);
        if (tags != null) {
            List<String> list = Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            Map<String, Object> host = new LinkedHashMap<>();
            host.put(item.getValue() == null ? "" : item.getValue().trim(), list);
            return host;
        }
        if (item.getChildCount() == 0) {
            return scalar(item.getValue());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (PlexusConfiguration child : item.getChildren()) {
            map.put(child.getName(), value(child, SourceMap.join(path, child.getName())));
        }
        return map;
    }

    /** Element text as a YAML scalar; anything that is not a scalar stays the literal text. */
    static Object scalar(String text) {
        if (text == null) {
            return null;
        }
        try {
            Object v = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return v instanceof Map || v instanceof List || v instanceof Date ? text : v;
        } catch (RuntimeException e) {
            return text;
        }
    }
}
