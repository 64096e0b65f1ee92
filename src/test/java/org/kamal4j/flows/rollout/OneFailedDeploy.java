package org.kamal4j.flows.rollout;

import java.time.Duration;
import java.util.List;
import org.kamal4j.flows.steps.BootReport;

/**
 * The deploy of v2 that the JSON and the HTML report tests both write: web on web-1 and web-2, workers on jobs-1;
 * web-2 failed, web-1 (already on v2, 12.34 s) was switched back to v1, jobs-1 was never reached.
 */
final class OneFailedDeploy {

    static final List<String> HOSTS = List.of("web-1.example", "web-2.example", "jobs-1.example");

    static final List<BootReport.Row> ROWS = List.of(
            new BootReport.Row("web-1.example", "web", "v1", "v2", FleetRevert.REVERTED, Duration.ofMillis(12_340)),
            new BootReport.Row("web-2.example", "web", "v1", "v2", "failed", Duration.ofMillis(31_000)),
            new BootReport.Row("jobs-1.example", "workers", null, "v2", Rollout.UNTOUCHED, Duration.ZERO));

    private OneFailedDeploy() {
    }

    static List<String> roles(String host) {
        return host.startsWith("jobs") ? List.of("workers") : List.of("web");
    }
}
