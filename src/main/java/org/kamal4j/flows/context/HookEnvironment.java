package org.kamal4j.flows.context;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.DeployConfig;

/** The {@code KAMAL_*} variables every hook receives (7.3), secrets and per-hook extras aside. */
final class HookEnvironment {

    private HookEnvironment() {}

    static Map<String, String> of(FlowContext ctx, String version, List<String> hosts) {
        DeployConfig config = ctx.config();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAMAL_RECORDED_AT", DateTimeFormatter.ISO_INSTANT.format(Instant.now(ctx.clock())
                .truncatedTo(ChronoUnit.SECONDS)));
        env.put("KAMAL_PERFORMER", ctx.performer());
        if (config.destination() != null) {
            env.put("KAMAL_DESTINATION", config.destination());
        }
        if (version != null) {
            env.put("KAMAL_VERSION", version);
            env.put("KAMAL_SERVICE_VERSION", config.service() + "@" + abbreviated(version));
        }
        env.put("KAMAL_SERVICE", config.service());
        env.put("KAMAL_HOSTS", String.join(",", hosts));
        if (ctx.selection().rolesFiltered()) {
            env.put("KAMAL_ROLES", ctx.selection().roleNames());
        }
        env.put("KAMAL_LOCK", String.valueOf(ctx.lockHeld()));
        env.put("KAMAL_COMMAND", ctx.command());
        return env;
    }

    /** The first 7 characters, or the whole version when it contains {@code _} (1.3). */
    static String abbreviated(String version) {
        return version.contains("_") ? version : version.substring(0, Math.min(7, version.length()));
    }
}
