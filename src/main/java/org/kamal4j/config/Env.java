package org.kamal4j.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An env section: clear values, secret entries ({@code NAME} or {@code NAME:SECRET}) and, at the root only,
 * per-tag envs. Values are already stringified the way Kamal does (YAML 1.1 booleans become "true"/"false").
 */
public record Env(Map<String, String> clear, List<String> secrets, Map<String, Env> tags) {
    public static final Env EMPTY = new Env(Map.of(), List.of(), Map.of());

    public Env {
        clear = Collections.unmodifiableMap(new LinkedHashMap<>(clear));
        secrets = List.copyOf(secrets);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
