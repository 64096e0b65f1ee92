package org.kamal4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kamal4j.config.Boot;
import org.kamal4j.config.ConfigBuilder;
import org.kamal4j.config.DeployConfig;
import org.junit.jupiter.api.Test;

class ConfigFactoriesTest {

    private static DeployConfig config(Boot boot) {
        return ConfigBuilder.of(b -> {
            b.boot = boot;
            b.timeouts(7, 30, 30);
        });
    }

    @Test
    void barrierTimeoutIsDeployTimeoutPlusReadinessDelayPlusTheMargin() {
        assertEquals(Duration.ofSeconds(30 + 7 + 300), WebBarrier.defaultTimeout(30, 7));
    }

    @Test
    void bootGroupsTakeParallelRolesAndWaitFromTheConfig() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        List<String> lanes = Collections.synchronizedList(new ArrayList<>());
        try (HostRunner runner = new HostRunner(2)) {
            BootGroups loop = BootGroups.forConfig(config(new Boot(1, "1", 5, true)), runner, h -> h, null,
                    sleeps::add);
            loop.boot(List.of(List.of("a"), List.of("b")), h -> List.of("web", "workers"), GroupHook.none(),
                    (host, role, lane) -> lanes.add(host + "/" + lane), GroupHook.none());
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), sleeps);
        assertEquals(List.of("a/web", "a/workers", "b/web", "b/workers"), lanes.stream().sorted().toList());
    }
}
