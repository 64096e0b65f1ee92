package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates {@code builder}: arch is required; cache, pack and local/remote rules. */
final class BuilderValidator {

    private final Checker c;

    BuilderValidator(Checker c) {
        this.c = c;
    }

    void builder(Object v) {
        if (v == null) {
            c.add("builder", "Builder arch not set");
            return;
        }
        if (!c.type("builder", v, Kind.HASH)) {
            return;
        }
        Map<String, Object> b = Checker.asMap(v);
        c.keys("builder", b, Set.of("arch", "remote", "local", "driver", "context", "dockerfile", "target", "args",
                "secrets", "ssh", "cache", "pack", "provenance", "sbom", "jib"));
        if (b.get("arch") == null) {
            c.add("builder", "Builder arch not set");
        } else if (b.get("arch") instanceof List<?> l) {
            c.listOf("builder/arch", l, Kind.STRING);
        } else {
            c.type("builder/arch", b.get("arch"), Kind.ARRAY, Kind.STRING);
        }
        for (String k : new String[] {"remote", "driver", "context", "dockerfile", "target", "ssh"}) {
            c.optional(b, "builder", k, Kind.STRING);
        }
        c.optional(b, "builder", "local", Kind.BOOLEAN);
        c.optional(b, "builder", "sbom", Kind.BOOLEAN);
        c.optional(b, "builder", "provenance", Kind.STRING, Kind.BOOLEAN);
        c.optional(b, "builder", "args", Kind.HASH);
        if (b.containsKey("secrets")) {
            c.listOf("builder/secrets", b.get("secrets"), Kind.STRING);
        }
        builderSubsections(b);
        new JibValidator(c).jib(b);
    }

    private void builderSubsections(Map<String, Object> b) {
        if (c.optional(b, "builder", "cache", Kind.HASH)) {
            Map<String, Object> cache = Checker.asMap(b.get("cache"));
            c.keys("builder/cache", cache, Set.of("type", "options", "image"));
            cache.forEach((k, val) -> c.type(join("builder/cache", k), val, Kind.STRING));
            Object type = cache.get("type");
            if (type != null && !"gha".equals(type) && !"registry".equals(type)) {
                c.add("builder", "Invalid cache type: " + type);
            }
        }
        if (c.optional(b, "builder", "pack", Kind.HASH)) {
            Map<String, Object> pack = Checker.asMap(b.get("pack"));
            c.keys("builder/pack", pack, Set.of("builder", "buildpacks"));
            c.optional(pack, "builder/pack", "builder", Kind.STRING);
            if (pack.containsKey("buildpacks")) {
                c.listOf("builder/pack/buildpacks", pack.get("buildpacks"), Kind.STRING);
            }
            if (b.get("arch") instanceof List<?> arches && arches.size() > 1) {
                c.add("builder", "buildpacks only support building for one arch");
            }
        }
        if (Boolean.FALSE.equals(b.get("local")) && b.get("remote") == null) {
            c.add("builder", "Cannot disable local builds, no remote is set");
        }
    }
}
