package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.flows.rollout.RolloutPlan;
import org.kamal4j.runner.FailureBudgetException;
import org.kamal4j.testbed.Fleet;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 13 item 3 on real hosts: web on hosts 1-2, workers on host 3, one host per boot group, and an image whose
 * v2 is unhealthy on chosen hosts (its start script removes {@code /www/up} when {@code <version>@<host>} is listed in
 * {@code FAIL_ON}), so each failure is a real container whose Docker health check never passes.
 */
@ExtendWith(EeFleet.class)
class RolloutBudgetIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void aBudgetOfOneGoesOnPastOneFailedHostAndStopsAtTheSecondRevertingTheSwitchedOne() throws Exception {
        E2eApp app = failingOn("e2e-bud", 2, 3);

        FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> deployWithBudget(app, "1"));

        System.out.println("[RolloutBudgetIT] the deploy failed with: " + e.getMessage());
        assertTrue(e.stopped());
        assertTrue(e.getMessage().startsWith("The failure budget is spent (-Dkamal.maxFailures=1): 2 hosts failed, "
                + "the rollout stopped:\n  web on " + fleet.host(2) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("\n  workers on " + fleet.host(3) + ": container not ready after 30 "
                + "seconds (unhealthy)"), e.getMessage());
        // host 2 failed and the rollout went on to host 3: both tried v2, which was stopped
        assertEquals("exited", app.containers(fleet.host(2)).get(app.container("web", "v2")));
        assertEquals("exited", app.containers(fleet.host(3)).get(app.container("workers", "v2")));
        // the second failure spent the budget: host 1, which had switched, runs v1 again
        assertTrue(app.output.text().contains("Reverted web on " + fleet.host(1) + " from v2 to v1"),
                app.output.text());
        for (String host : fleet.hosts()) {
            assertEquals(Set.of(app.container(role(host), "v1")), app.running(host), host + ": "
                    + app.containers(host));
        }
        assertFalse(app.lockPresent());
        assertEquals(List.of("reverted", "failed", "failed"), reportResults(app));
    }

    @Test
    void withinTheBudgetTheOtherHostsRunTheNewVersionAndTheGoalStillFailsNamingTheFailedHost() throws Exception {
        E2eApp app = failingOn("e2e-bud2", 1);

        FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> deployWithBudget(app, "34%"));

        System.out.println("[RolloutBudgetIT] the deploy failed with: " + e.getMessage());
        assertFalse(e.stopped());
        assertTrue(e.getMessage().startsWith("1 host failed, within the failure budget (-Dkamal.maxFailures=34% of 3"
                + " hosts: 1): the rollout went on and the other hosts were booted:\n  web on " + fleet.host(1)
                + ": container not ready after 30 seconds (unhealthy)"), e.getMessage());
        assertEquals(Set.of(app.container("web", "v1")), app.running(fleet.host(1)), "the failed host keeps v1");
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(2)));
        assertEquals(Set.of(app.container("workers", "v2")), app.running(fleet.host(3)));
        assertFalse(app.output.text().contains("Reverting"), app.output.text());
        assertFalse(app.lockPresent());
        assertEquals(List.of("failed", "deployed", "deployed"), reportResults(app));
    }

    private void deployWithBudget(E2eApp app, String maxFailures) throws Exception {
        app.run("v2", "deploy", ctx -> DeployFlow.deploy(ctx).rollout(RolloutOptions.defaults())
                .plan(RolloutPlan.of(maxFailures, null, null, null, 200, 0)).run(false));
    }

    /** The app at v1 on every host, one host per boot group, its v2 unhealthy on the given hosts (1-based). */
    private E2eApp failingOn(String service, int... hosts) throws Exception {
        StringBuilder failOn = new StringBuilder();
        for (int h : hosts) {
            failOn.append(failOn.length() == 0 ? "" : " ").append("v2@").append(fleet.host(h));
        }
        E2eApp app = E2eApp.create(fleet, service, "");
        unhealthyWhereListed(app.dir);
        app.overrides(Map.of("boot", Map.of("limit", 1), "env", Map.of("clear", Map.of("FAIL_ON",
                failOn.toString()))));
        app.deploy("v1");
        return app;
    }

    /**
     * examples/hello with a start script that removes the health check's {@code /www/up} when
     * {@code <version>@<host>} is in {@code FAIL_ON} (the container's hostname is {@code <host>-<hex>}).
     */
    static void unhealthyWhereListed(Path dir) throws Exception {
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        String cmd = "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait\"]";
        assertTrue(dockerfile.contains(cmd), dockerfile);
        Files.writeString(dir.resolve("Dockerfile"), dockerfile.replace(cmd, "CMD [\"sh\", \"-c\", \"v=$(cat "
                + "/www/index.html); for f in $FAIL_ON; do if [ \\\"$f\\\" = \\\"$v@${HOSTNAME%-*}\\\" ]; then rm -f "
                + "/www/up; fi; done; trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait\"]"));
    }

    private String role(String host) {
        return host.equals(fleet.host(3)) ? "workers" : "web";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> reportResults(E2eApp app) throws Exception {
        String text = Files.readString(app.dir.resolve(".kamal/" + RolloutOptions.REPORT_NAME));
        System.out.println("[RolloutBudgetIT] report:\n" + text);
        Map<String, Object> json = new Yaml().load(text);
        assertEquals("failed", json.get("result"), text);
        return ((List<Map<String, Object>>) json.get("hosts")).stream().map(h -> h.get("result")).toList();
    }
}
