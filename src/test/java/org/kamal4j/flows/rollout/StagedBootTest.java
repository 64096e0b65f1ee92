package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.runner.FailureBudgetException;
import org.kamal4j.runner.HostCount;
import org.kamal4j.ssh.ConnectionLostException;

/**
 * The failure budget and the canary through the deploy flow with a recording transport: web on 1.1.1.1 and
 * 1.1.1.2, workers on 1.1.1.3, one host per boot group, abc123 replacing def456.
 */
class StagedBootTest {

    /** The boot command (audit, run and the wait for readiness in one) contains it. */
    private static final String RUN_NEW = "docker run --detach";

    private static RolloutPlan budget(String maxFailures) throws FlowException {
        return RolloutPlan.of(maxFailures, null, null, null, 200, 0);
    }

    private static boolean bootedNew(FlowFixture f, String host) {
        return f.fake.commands(host).stream().anyMatch(c -> c.contains(RUN_NEW) && c.contains("app:abc123"));
    }

    private static boolean bootedOld(FlowFixture f, String host) {
        return f.fake.commands(host).stream().anyMatch(c -> c.contains(RUN_NEW) && c.contains("app:def456"));
    }

    private static void failNewBoot(FlowFixture f, String host) {
        f.fake.on(host, c -> c.contains(RUN_NEW) && c.contains("app:abc123")).fail(125, "",
                FlowFixture.failedStep("port is taken", "run"));
    }

    @Test
    void aBudgetGoesOnPastAFailedHostAndTheDeployStillFailsWithoutReverting() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            failNewBoot(f, "1.1.1.1");

            FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> DeployFlow.deploy(
                    f.context()).plan(budget("34%")).run(true));

            assertFalse(e.stopped());
            assertTrue(e.getMessage().startsWith("1 host failed, within the failure budget (-Dkamal.maxFailures=34% "
                    + "of 3 hosts: 1): the rollout went on and the other hosts were booted:\n  web on 1.1.1.1: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("port is taken"), e.getMessage());
            assertTrue(bootedNew(f, "1.1.1.2") && bootedNew(f, "1.1.1.3"), "the rollout went on");
            assertFalse(bootedOld(f, "1.1.1.2"), "nothing is reverted within the budget");
            assertFalse(f.output.text().contains("Reverting"), f.output.text());
            assertTrue(f.fake.execs().stream().noneMatch(x -> x.command().contains("docker tag")),
                    "a deploy with a failed host does not tag latest or prune");
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void aSecondFailedHostSpendsABudgetOfOneStopsAndRevertsTheSwitchedHost() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            failNewBoot(f, "1.1.1.1");
            failNewBoot(f, "1.1.1.3");

            FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> DeployFlow.deploy(
                    f.context()).plan(budget("1")).run(true));

            assertTrue(e.stopped());
            assertTrue(e.getMessage().startsWith("The failure budget is spent (-Dkamal.maxFailures=1): 2 hosts "
                    + "failed, the rollout stopped:\n  web on 1.1.1.1: "), e.getMessage());
            assertTrue(e.getMessage().contains("\n  workers on 1.1.1.3: "), e.getMessage());
            assertTrue(f.output.text().contains("Reverting 1 host(s) to the version they ran before"), f.output
                    .text());
            assertTrue(bootedOld(f, "1.1.1.2"), "1.1.1.2 had switched and goes back to def456");
            assertFalse(bootedOld(f, "1.1.1.1") || bootedOld(f, "1.1.1.3"), "failed hosts kept def456 running");
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void withoutABudgetTheFirstFailureStopsAsBefore() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            failNewBoot(f, "1.1.1.1");

            Exception e = assertThrows(Exception.class, () -> DeployFlow.deploy(f.context()).plan(budget("0"))
                    .run(true));

            assertFalse(e instanceof FailureBudgetException, e.getMessage());
            assertTrue(e.getMessage().startsWith("web on 1.1.1.1: "), e.getMessage());
            assertFalse(bootedNew(f, "1.1.1.2") || bootedNew(f, "1.1.1.3"));
        }
    }

    @Test
    void aFailingCanaryCheckRevertsTheCanaryAndNoOtherHostIsTouched() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            f.fake.on("1.1.1.1", c -> c.contains("test -f /srv/ready")).fail(1, "", "not ready");

            Canary.Failed e = assertThrows(Canary.Failed.class, () -> DeployFlow.deploy(f.context()).plan(
                    RolloutPlan.of(null, "1", "test -f /srv/ready", null, 200, 30)).run(true));

            assertEquals("The canary failed (-Dkamal.canary=1: 1.1.1.1): the canary hosts that switched are switched"
                    + " back to the version they ran before; no other host was deployed:\n  web on 1.1.1.1: the "
                    + "canary check exited 1: not ready", e.getMessage());
            assertTrue(f.sleeps.contains(Duration.ofSeconds(30)), "the canary ran 30 s before its check");
            String check = f.fake.commands("1.1.1.1").stream().filter(c -> c.contains("/srv/ready")).findFirst()
                    .orElseThrow();
            assertEquals("env KAMAL_HOST=1.1.1.1 KAMAL_ROLE=web KAMAL_VERSION=abc123 KAMAL_CONTAINER=app-web-abc123 "
                    + "sh -c 'test -f /srv/ready'", check);
            assertTrue(bootedOld(f, "1.1.1.1"), "the canary is switched back");
            assertTrue(f.fake.commands("1.1.1.2").stream().noneMatch(c -> c.contains(RUN_NEW)));
            assertTrue(f.fake.commands("1.1.1.3").stream().noneMatch(c -> c.contains(RUN_NEW)));
            assertTrue(f.output.text().lines().anyMatch(l -> l.contains("1.1.1.1") && l.contains(" reverted ")),
                    f.output.text());
        }
    }

    @Test
    void aCanaryThatFailsToBootStopsBeforeAnyOtherHost() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            failNewBoot(f, "1.1.1.1");

            Canary.Failed e = assertThrows(Canary.Failed.class, () -> DeployFlow.deploy(f.context()).plan(
                    RolloutPlan.of("2", "50%", null, null, 200, 0)).run(true));

            assertTrue(e.getMessage().startsWith("The canary failed (-Dkamal.canary=50%: 1.1.1.1)"), e.getMessage());
            assertTrue(e.getMessage().contains("web on 1.1.1.1: "), e.getMessage());
            assertFalse(bootedNew(f, "1.1.1.2") || bootedNew(f, "1.1.1.3"), "the budget does not apply to the canary");
        }
    }

    @Test
    void aPassingCanaryIsCheckedOverHttpThenTheRestBoots() throws Exception {
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/up", x -> {
            asked.add(x.getRequestURI().getQuery());
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        try (FlowFixture f = new FlowFixture("fleet3")) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/up?host={host}";

            DeployFlow.deploy(f.context()).plan(RolloutPlan.of(null, "1", "true", url, 204, 0)).run(true);

            assertEquals(List.of("host=1.1.1.1"), asked);
            long canaryChecked = f.fake.execs().stream().filter(x -> x.command().contains("KAMAL_CONTAINER="))
                    .findFirst().orElseThrow().seq();
            long restStarted = f.fake.execs().stream().filter(x -> x.host().equals("1.1.1.2")
                    && x.command().contains(RUN_NEW)).findFirst().orElseThrow().seq();
            assertTrue(canaryChecked < restStarted, "the rest boots after the canary's check");
            assertTrue(bootedNew(f, "1.1.1.3"));
            assertEquals(1, f.fake.commands("1.1.1.1").stream().filter(c -> c.contains(RUN_NEW)).count(),
                    "the canary host is not booted twice");
            assertTrue(f.output.text().contains("Canary passed on 1.1.1.1: container running, check passed, GET "
                    + url.replace("{host}", "1.1.1.1") + " 204"), f.output.text());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCanaryAnsweringTheWrongStatusFails() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            x.sendResponseHeaders(503, -1);
            x.close();
        });
        server.start();
        try (FlowFixture f = new FlowFixture("fleet3")) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

            Canary.Failed e = assertThrows(Canary.Failed.class, () -> DeployFlow.deploy(f.context()).plan(
                    RolloutPlan.of(null, "1", null, url, 200, 0)).run(true));

            assertTrue(e.getMessage().endsWith("web on 1.1.1.1: GET " + url + " answered 503, expected 200"),
                    e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withRolesSelectedTheCanaryIsTheSelectionsPrimaryRole() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            DeployFlow.deploy(f.context(Selection.of(f.config, null, "workers"), "deploy")).plan(RolloutPlan.of(
                    null, "1", null, null, 200, 0)).run(true);

            assertTrue(f.output.text().contains("Canary: booting workers abc123 on 1.1.1.3 first"), f.output.text());
            assertTrue(f.output.text().contains("Canary passed; it covered every selected host and role"));
            assertTrue(bootedNew(f, "1.1.1.3"));
            assertFalse(f.fake.hosts().contains("1.1.1.1"), "web is not selected");
        }
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        FlowException e = assertThrows(FlowException.class, () -> RolloutPlan.of("many", "120%", "true",
                "ftp://x/", 42, -1));
        assertEquals("""
                Invalid rollout parameters:
                  kamal.maxFailures: 'many' is not a number of hosts: give a count (2) or a percentage of the hosts \
                (25%, at most 100%)
                  kamal.canary: '120%' is not a number of hosts: give a count (2) or a percentage of the hosts \
                (25%, at most 100%)
                  kamal.canaryUrl: 'ftp://x/' is not an http or https URL
                  kamal.canaryStatus: 42 is not an HTTP status (100-599)
                  kamal.canaryWait: -1 is negative; give seconds (0: no wait)
                  kamal.canaryCheck, kamal.canaryUrl and kamal.canaryWait need a canary: set kamal.canary (a count \
                or a percentage of the primary role's hosts)""", e.getMessage());
    }

    @Test
    void thePlanByDefaultIsKamalsBoot() throws Exception {
        RolloutPlan plan = RolloutPlan.of("0", "0", " ", "", 200, 0);
        assertEquals(RolloutPlan.none(), plan);
        assertFalse(plan.hasCanary());
        assertEquals(0, plan.budget(10).limit());
        assertEquals(HostCount.NONE, plan.canary());
    }

    @Test
    void aPrimaryRoleHostFailingAfterTheBarrierOpenedStillReportsItsContainersLogs() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            failNewBoot(f, "1.1.1.2");
            f.fake.on("1.1.1.2", c -> c.contains("xargs docker logs --tail 20")).output("listen: address in use\n");

            FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> DeployFlow.deploy(
                    f.context()).plan(budget("1")).run(true));

            assertTrue(bootedNew(f, "1.1.1.1") && bootedNew(f, "1.1.1.3"), "1.1.1.1 opened the barrier first");
            assertTrue(e.getMessage().contains("\n  web on 1.1.1.2: run exit status: 125\n"), e.getMessage());
            assertTrue(e.getMessage().contains("Last 20 log lines of app-web-abc123:\n    listen: address in use"),
                    e.getMessage());
        }
    }

    @Test
    void aHostWhoseConnectionIsLostIsNamedAndNotAskedForLogs() throws Exception {
        try (FlowFixture f = new FlowFixture("fleet3")) {
            f.fake.on("1.1.1.2", c -> c.contains(RUN_NEW) && c.contains("app:abc123")).raise(
                    new ConnectionLostException("Lost the connection to 1.1.1.2 during audit, run"));

            FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> DeployFlow.deploy(
                    f.context()).plan(budget("1")).run(true));

            assertTrue(e.getMessage().contains("web on 1.1.1.2: Lost the connection to 1.1.1.2 during audit, run"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("log lines"), e.getMessage());
            // the command that lost the connection is the last one (it carried the old container's stop, which
            // never ran): no logs asked, no stop sent afterwards
            List<String> sent = f.fake.commands("1.1.1.2");
            assertTrue(sent.get(sent.size() - 1).contains(RUN_NEW), "nothing more is sent to a lost host: " + sent);
            assertTrue(sent.stream().noneMatch(c -> c.contains("docker logs")), sent.toString());
        }
    }
}
