package org.kamal4j.config.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.Env;

/** Builds {@link Env} records and merges role envs over the root env. */
final class EnvBuilder {

    private EnvBuilder() {}

    static Env of(Object v, boolean withTags) {
        Map<String, Object> m = Values.map(v);
        boolean structured = m.containsKey("clear") || m.containsKey("secret") || m.containsKey("tags");
        if (!structured) {
            return new Env(Values.stringMap(m), List.of(), Map.of());
        }
        Map<String, Env> tags = new LinkedHashMap<>();
        if (withTags) {
            Values.map(m, "tags").forEach((tag, e) -> tags.put(tag, of(e, false)));
        }
        List<String> secrets = Values.strings(m.get("secret"));
        return new Env(Values.stringMap(m.get("clear")), secrets == null ? List.of() : secrets, tags);
    }

    /** Root clear/secret then the role's: clear values later win; secrets union, later entry per variable wins. */
    static Env merge(Env root, Env role) {
        Map<String, String> clear = new LinkedHashMap<>(root.clear());
        clear.putAll(role.clear());
        Map<String, String> byVar = new LinkedHashMap<>();
        root.secrets().forEach(s -> byVar.put(variable(s), s));
        role.secrets().forEach(s -> byVar.put(variable(s), s));
        return new Env(clear, List.copyOf(byVar.values()), Map.of());
    }

    private static String variable(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon);
    }
}
