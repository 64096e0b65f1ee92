package org.kamal4j.config.yaml;

import java.util.HashMap;
import java.util.Map;

/** Where each key path of the merged tree was written (file and 1-based line); later sources override. */
public final class SourceMap {

    /** A place in a source: a file (or {@code pom.xml <deploy>}) and a line (0 = unknown). */
    public record Location(String file, int line) {}

    private final Map<String, Location> locations = new HashMap<>();

    /** Records {@code path}; the root keeps its first source so top-level problems point at the base file. */
    public void put(String path, String file, int line) {
        if (path.isEmpty() && locations.containsKey(path)) {
            return;
        }
        locations.put(path, new Location(file, line));
    }

    /** The location of {@code path}, else of its nearest recorded ancestor, else null. */
    public Location find(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Location l = locations.get(p);
            if (l != null || p.isEmpty()) {
                return l;
            }
            int slash = p.lastIndexOf('/');
            p = slash < 0 ? "" : p.substring(0, slash);
        }
    }

    /** Joins a parent path and a key the way Kamal's messages do. */
    public static String join(String parent, Object key) {
        return parent == null || parent.isEmpty() ? String.valueOf(key) : parent + "/" + key;
    }
}
