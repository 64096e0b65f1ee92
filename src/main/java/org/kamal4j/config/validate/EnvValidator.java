package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.Map;
import java.util.Set;

/** Validates an env section: simple ({@code NAME: value}) or structured ({@code clear}, {@code secret}, root {@code tags}). */
final class EnvValidator {

    private final Checker c;

    EnvValidator(Checker c) {
        this.c = c;
    }

    void validate(String path, Object v, boolean root) {
        if (!c.type(path, v, Kind.HASH)) {
            return;
        }
        Map<String, Object> env = Checker.asMap(v);
        boolean structured = env.containsKey("clear") || env.containsKey("secret") || env.containsKey("tags");
        if (!structured) {
            env.forEach((k, val) -> c.type(join(path, k), val, Kind.STRING));
            return;
        }
        if (env.containsKey("tags") && !root) {
            c.add(path, "tags are only allowed in the root env");
        }
        c.keys(path, env, Set.of("clear", "secret", "tags"));
        if (env.containsKey("clear") && c.type(join(path, "clear"), env.get("clear"), Kind.HASH)) {
            Checker.asMap(env.get("clear")).forEach((k, val) -> c.type(join(join(path, "clear"), k), val,
                    Kind.STRING));
        }
        if (env.containsKey("secret")) {
            c.listOf(join(path, "secret"), env.get("secret"), Kind.STRING);
        }
        if (env.containsKey("tags") && root) {
            tags(join(path, "tags"), env.get("tags"));
        }
    }

    private void tags(String path, Object v) {
        if (!c.type(path, v, Kind.HASH)) {
            return;
        }
        Checker.asMap(v).forEach((tag, tagEnv) -> validate(join(path, tag), tagEnv, false));
    }
}
