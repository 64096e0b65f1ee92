package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.flows.AppQueryFlows;
import org.kamal4j.flows.RollbackFlow;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 13 item 4 on real hosts: after deploys of v1 and v2, {@code kamal:rollback} without a version returns every
 * host (web on hosts 1-2, workers on host 3) to v1, read from the containers on the hosts; a second one goes back
 * to v2, the version they ran before v1. {@code kamal:app-containers} names the version first.
 */
@ExtendWith(EeFleet.class)
class RollbackNoVersionIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void rollbackWithoutAVersionReturnsEveryHostToTheVersionItRanBefore() throws Exception {
        E2eApp app = E2eApp.running(fleet, "e2e-prev", "v1");
        app.deploy("v2");
        assertEveryHostRuns(app, "v2");

        app.run("v2", "app", ctx -> new AppQueryFlows(ctx).containers());
        assertTrue(app.output.text().contains("Versions: " + fleet.host(3) + " workers: runs v2, before it v1"),
                app.output.text());

        app.run("v2", "rollback", ctx -> new RollbackFlow(ctx).run(null));
        assertEveryHostRuns(app, "v1");
        assertTrue(app.output.text().contains("Rolling back to v1, the version 3 host role(s) ran before the current "
                + "one (web v2, workers v2)"), app.output.text());

        app.run("v1", "rollback", ctx -> new RollbackFlow(ctx).run(null));
        assertEveryHostRuns(app, "v2");
    }

    private void assertEveryHostRuns(E2eApp app, String version) {
        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            assertEquals(Set.of(app.container(role, version)), app.running(host), host + " (docker ps): "
                    + app.containers(host));
        }
    }
}
