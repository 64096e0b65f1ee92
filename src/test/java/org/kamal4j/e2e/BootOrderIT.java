package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.testbed.Fleet;

/** {@code boot.limit} and {@code boot.wait} on real hosts, observed from the containers' start times. */
@ExtendWith(EeFleet.class)
class BootOrderIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void limitOneBootsOneHostAtATimeInBootOrderWithTheWaitBetween() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-boot", """
                boot:
                  limit: 1
                  wait: 2
                """);
        app.deploy("v1");
        List<Instant> started = new ArrayList<>();
        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            started.add(Instant.parse(app.inspect(host, app.container(role, "v1"), "{{.State.StartedAt}}")));
        }
        System.out.println("[e2e-boot] start times in boot order " + fleet.hosts() + ": " + started);
        for (int i = 1; i < started.size(); i++) {
            Duration gap = Duration.between(started.get(i - 1), started.get(i));
            assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0,
                    "host " + (i + 1) + " started " + gap + " after host " + i + ": " + started);
        }
        assertFalse(app.lockPresent());
    }
}
