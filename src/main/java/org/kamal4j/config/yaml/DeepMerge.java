package org.kamal4j.config.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kamal's deep merge: maps merge recursively, any other value (lists included) replaces. */
public final class DeepMerge {

    private DeepMerge() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            Object b = out.get(k);
            if (b instanceof Map && v instanceof Map) {
                out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
