package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.rollout.Canary;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.flows.rollout.RolloutPlan;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 13 item 2 on real hosts: web on hosts 1-2 (host 1 is the canary), workers on host 3. The canary's check is a
 * command run on the canary host against the new container ({@code KAMAL_CONTAINER}).
 */
@ExtendWith(EeFleet.class)
class CanaryIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void aFailingCanaryIsSwitchedBackAndNeverReachesAnotherHost() throws Exception {
        E2eApp app = E2eApp.running(fleet, "e2e-can", "v1");

        Canary.Failed e = assertThrows(Canary.Failed.class, () -> deploy(app, "v2",
                "docker exec \"$KAMAL_CONTAINER\" test -f /www/ready", 0));

        System.out.println("[CanaryIT] the deploy failed with: " + e.getMessage());
        assertEquals("The canary failed (-Dkamal.canary=1: " + fleet.host(1) + "): the canary hosts that switched "
                + "are switched back to the version they ran before; no other host was deployed:\n  web on "
                + fleet.host(1) + ": the canary check exited 1", e.getMessage());
        assertEquals(Set.of(app.container("web", "v1")), app.running(fleet.host(1)), app.containers(fleet.host(1))
                .toString());
        assertEquals("exited", app.containers(fleet.host(1)).get(app.container("web", "v2")));
        for (String other : new String[] {fleet.host(2), fleet.host(3)}) {
            assertFalse(app.containers(other).keySet().stream().anyMatch(n -> n.endsWith("-v2")),
                    other + " never ran v2: " + app.containers(other));
        }
        assertTrue(app.output.text().contains("Reverted web on " + fleet.host(1) + " from v2 to v1"));
        assertFalse(app.lockPresent());
    }

    @Test
    void aPassingCanaryWaitsThenTheRestOfTheFleetDeploys() throws Exception {
        E2eApp app = E2eApp.running(fleet, "e2e-can2", "v1");

        deploy(app, "v2", "docker exec \"$KAMAL_CONTAINER\" cat /www/index.html | grep -qx v2", 3);

        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(1)));
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(2)));
        assertEquals(Set.of(app.container("workers", "v2")), app.running(fleet.host(3)));
        Instant canary = started(app, fleet.host(1), "web");
        Instant next = started(app, fleet.host(2), "web");
        System.out.println("[CanaryIT] canary started " + canary + ", host 2 started " + next);
        assertTrue(!next.isBefore(canary.plus(Duration.ofSeconds(3))), "host 2 started at least canaryWait (3 s) "
                + "after the canary: " + canary + " then " + next);
        assertTrue(app.output.text().contains("Canary passed on " + fleet.host(1) + ": container healthy, check "
                + "passed"), app.output.text());
    }

    private void deploy(E2eApp app, String version, String check, int waitSeconds) throws Exception {
        app.run(version, "deploy", ctx -> DeployFlow.deploy(ctx).rollout(RolloutOptions.defaults())
                .plan(RolloutPlan.of(null, "1", check, null, 200, waitSeconds)).run(false));
    }

    private static Instant started(E2eApp app, String host, String role) {
        return Instant.parse(app.inspect(host, app.container(role, "v2"), "{{.State.StartedAt}}"));
    }
}
