package org.kamal4j.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Docker logging settings; both null/empty means Kamal's default {@code --log-opt max-size="10m"}. */
public record Logging(String driver, Map<String, String> options) {
    public static final Logging DEFAULT = new Logging(null, Map.of());

    public Logging {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
