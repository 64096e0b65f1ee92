package org.kamal4j.config.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.json.Json;

/** The one-level JSON object of names to strings that {@code kamal secrets fetch} prints and {@code extract} reads. */
final class FlatJson {

    private FlatJson() {}

    static String write(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(Json.quote(k)).append(':').append(Json.quote(v));
        });
        return out.append('}').toString();
    }

    /**
     * Parses an object whose values are strings; other scalars are kept as their text ({@code 12}, {@code true},
     * {@code null}). Errors name an offset, never the text: it holds secrets.
     */
    static Map<String, String> read(String json) {
        if (!(Json.parse(json.strip()) instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("expected a JSON object of names to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        object.forEach((k, v) -> out.put((String) k, scalar(v)));
        return out;
    }

    private static String scalar(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue()); // 12, not 12.0
        }
        if (v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException("expected a string, number, boolean or null as each value");
        }
        return String.valueOf(v);
    }
}
