package org.kamal4j.config.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kamal4j.config.yaml.SourceMap;

/** Small type and key checks shared by the section validators; each reports into {@link Problems}. */
public final class Checker {

    static final Set<String> RESERVED_LABELS = Set.of("service", "role", "destination");

    private final Problems problems;

    public Checker(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    public void add(String path, String message) {
        problems.add(path, message);
    }

    /** Reports and returns false unless {@code v} is one of {@code kinds}. */
    public boolean type(String path, Object v, Kind... kinds) {
        for (Kind k : kinds) {
            if (k.accepts(v)) {
                return true;
            }
        }
        problems.add(path, Kind.shouldBe(kinds));
        return false;
    }

    /** Checks the optional key {@code key} of {@code map} against {@code kinds}; true if present and valid. */
    public boolean optional(Map<String, Object> map, String path, String key, Kind... kinds) {
        return map.containsKey(key) && type(SourceMap.join(path, key), map.get(key), kinds);
    }

    /**
     * Unknown keys of {@code map}, reported once in input order; each followed by {@code (did you mean `x`?)} when
     * an allowed key not already in the map is close to it ({@link KeySuggestion}).
     */
    public void keys(String path, Map<String, Object> map, Set<String> allowed) {
        List<String> unknown = map.keySet().stream()
                .filter(k -> !allowed.contains(k) && !(path.isEmpty() && k.startsWith("x-"))).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Set<String> unused = new HashSet<>(allowed);
        unused.removeAll(map.keySet());
        List<String> described = unknown.stream().map(k -> k + KeySuggestion.closest(k, unused)
                .map(s -> " (did you mean `" + s + "`?)").orElse("")).toList();
        problems.addAt(path, (unknown.size() == 1 ? "unknown key: " : "unknown keys: ") + String.join(", ", described),
                SourceMap.join(path, unknown.get(0)));
    }

    /** A list whose every element must be one of {@code kinds}. */
    public void listOf(String path, Object v, Kind... kinds) {
        if (type(path, v, Kind.ARRAY)) {
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                type(SourceMap.join(path, i), l.get(i), kinds);
            }
        }
    }

    /** A map whose values must be string-ish; optionally rejecting the reserved label names. */
    public void labels(String path, Object v, boolean rejectReserved) {
        if (!type(path, v, Kind.HASH)) {
            return;
        }
        asMap(v).forEach((k, val) -> {
            String p = SourceMap.join(path, k);
            if (rejectReserved && RESERVED_LABELS.contains(k)) {
                problems.add(p, "invalid label. destination, role, and service are reserved labels");
            } else {
                type(p, val, Kind.STRING);
            }
        });
    }

    /** Docker options: any map; {@code restart} must be a valid policy string. */
    public void options(String path, Object v) {
        if (!type(path, v, Kind.HASH)) {
            return;
        }
        Map<String, Object> m = asMap(v);
        if (m.containsKey("restart")) {
            String p = SourceMap.join(path, "restart");
            Object r = m.get("restart");
            if (!(r instanceof String s)) {
                problems.add(p, "should be a string. Use \"no\" to disable restarts");
            } else if (!s.matches("no|always|unless-stopped|on-failure(:\\d+)?")) {
                problems.add(p, "should be no, always, unless-stopped, on-failure, or on-failure:N");
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object v) {
        return (Map<String, Object>) v;
    }
}
