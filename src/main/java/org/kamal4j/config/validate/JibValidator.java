package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kamal4j.config.Jib;

/**
 * Validates {@code builder.jib}. A Jib build runs no docker at all, so every builder key that only configures
 * {@code docker build} is an error next to it rather than being silently ignored.
 */
final class JibValidator {

    /** Builder keys that mean something for a Jib build: the platforms, and jib itself. */
    private static final Set<String> USED_WITH_JIB = Set.of("arch", "jib");

    private final Checker c;

    JibValidator(Checker c) {
        this.c = c;
    }

    void jib(Map<String, Object> builder) {
        if (!c.optional(builder, "builder", "jib", Kind.HASH)) {
            return;
        }
        for (String key : builder.keySet()) {
            if (!USED_WITH_JIB.contains(key)) {
                c.add(join("builder", key), "not used by Jib builds (builder/jib builds without docker); remove "
                        + "it, or remove builder/jib to build with docker");
            }
        }
        Map<String, Object> jib = Checker.asMap(builder.get("jib"));
        c.keys("builder/jib", jib, Set.copyOf(Jib.KEYS));
        if (jib.get("from") == null) {
            c.add("builder/jib/from", "is required: the base image, e.g. eclipse-temurin:17-jre");
        } else {
            c.type("builder/jib/from", jib.get("from"), Kind.STRING);
        }
        for (String k : List.of("main_class", "user", "working_directory", "app_root")) {
            c.optional(jib, "builder/jib", k, Kind.STRING);
        }
        for (String k : List.of("entrypoint", "jvm_flags", "args", "ports", "extra_directories")) {
            if (jib.containsKey(k)) {
                c.listOf(join("builder/jib", k), jib.get(k), Kind.STRING);
            }
        }
        if (jib.containsKey("labels")) {
            c.labels("builder/jib/labels", jib.get("labels"), false);
        }
        if (jib.containsKey("environment")) {
            c.labels("builder/jib/environment", jib.get("environment"), false);
        }
        c.optional(jib, "builder/jib", "allow_insecure_registries", Kind.BOOLEAN);
        if (jib.get("ports") instanceof List<?> ports) {
            for (int i = 0; i < ports.size(); i++) {
                if (!String.valueOf(ports.get(i)).matches("\\d{1,5}(/(tcp|udp))?")) {
                    c.add(join("builder/jib/ports", i), "should be PORT or PORT/tcp or PORT/udp, e.g. 8080");
                }
            }
        }
    }
}
