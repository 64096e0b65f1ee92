package org.kamal4j.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads from a validated tree; absent keys give the supplied default. */
final class Values {

    private Values() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    static Map<String, Object> map(Map<String, Object> m, String key) {
        return map(m.get(key));
    }

    /** Kamal's stringification: numbers and booleans become their text. */
    static String str(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    static String str(Map<String, Object> m, String key) {
        return str(m.get(key));
    }

    static Integer integer(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.intValue() : null;
    }

    static int integer(Map<String, Object> m, String key, int dflt) {
        Integer i = integer(m, key);
        return i == null ? dflt : i;
    }

    static Long longValue(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : null;
    }

    static Boolean bool(Map<String, Object> m, String key) {
        return m.get(key) instanceof Boolean b ? b : null;
    }

    static boolean bool(Map<String, Object> m, String key, boolean dflt) {
        Boolean b = bool(m, key);
        return b == null ? dflt : b;
    }

    /** A list of strings; a single scalar becomes a one-element list; absent gives null. */
    static List<String> strings(Object v) {
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(e -> out.add(str(e)));
        } else {
            out.add(str(v));
        }
        return List.copyOf(out);
    }

    static Map<String, String> stringMap(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        map(v).forEach((k, val) -> out.put(k, str(val)));
        return out;
    }
}
