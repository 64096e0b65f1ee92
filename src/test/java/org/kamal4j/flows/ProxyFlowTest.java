package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.flows.FlowFixture.assertInOrder;
import static org.kamal4j.flows.FlowFixture.assertInOrderAcross;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.flows.steps.ProxyBoot;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.ExecResult;

/** Proxy roles in the flows, on the fake transport: web (kamal-proxy) on 1.1.1.1 and 1.1.1.2, workers on 1.1.1.3. */
class ProxyFlowTest {

    private static final String RUN_PROXY = "docker container start kamal-proxy || docker run --name kamal-proxy"
            + " --network kamal --detach --restart unless-stopped --volume kamal-proxy-config:/home/kamal-proxy/"
            + ".config/kamal-proxy --volume \"$PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config\""
            + " --publish 80:80 --publish 443:443 --log-opt max-size=10m"
            + " registry.example/basecamp/kamal-proxy:v0.9.2 kamal-proxy run";
    private static final String SWITCH = "id=$(docker container ls --all --filter 'name=^app-web-abc123$' --quiet) ;"
            + " if [ -z \"${id}\" ]; then echo 'Failed to get endpoint for web on %s, did the container boot?' >&2 ;"
            + " exit 1 ; fi ; docker exec kamal-proxy kamal-proxy deploy app-web \"--target=${id}:3000\""
            + " --host=app.example.com --deploy-timeout=30s --drain-timeout=30s --buffer-requests --buffer-responses"
            + " --log-request-header=Cache-Control --log-request-header=Last-Modified"
            + " --log-request-header=User-Agent";
    private static final String LOGIN = "docker login registry.example -u deployer --password-stdin";
    private static final String NETWORK = "sh -c 'docker network inspect kamal > /dev/null 2>&1 || docker network"
            + " create kamal'";

    @Test
    void deployBootsTheProxyThenSwitchesEachWebHostThroughIt() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            DeployFlow.deploy(f.context()).run(true);

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                List<String> cmds = f.fake.commands(host);
                // the pull (login, network, pull) already made the network and logged in, so the proxy boot asks
                // the version, then makes the apps directory and starts it; the run and the switch are one command
                assertInOrderAcross(cmds, LOGIN, NETWORK, "Pulled image",
                        "docker inspect kamal-proxy --format '{{.Config.Image}}' | awk -F: '{print $NF}'",
                        "mkdir -p .kamal/proxy/apps-config", RUN_PROXY, "docker run --detach --restart unless-stopped"
                                + " --name app-web-abc123", String.format(SWITCH, host),
                        "name=^app-web-def456$' --quiet | xargs docker stop", "docker tag");
                assertFalse(cmds.stream().anyMatch(c -> c.contains(FlowFixture.HEALTH)),
                        "a proxy role is not polled through Docker: " + cmds);
            }
            List<String> workers = f.fake.commands("1.1.1.3");
            assertTrue(workers.stream().anyMatch(c -> c.contains(NETWORK)), "the network goes on every selected host");
            assertFalse(workers.stream().anyMatch(c -> c.contains("kamal-proxy")), workers.toString());
            assertTrue(workers.stream().anyMatch(c -> c.contains(FlowFixture.HEALTH)), "workers poll Docker");
            assertTrue(f.output.text().contains("Ensure kamal-proxy is running..."), f.output.text());
        }
    }

    @Test
    void anUnhealthyTargetStopsTheNewContainerKeepsTheOldAndNeverBootsOtherRoles() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("1.1.1.[12]", c -> c.contains("kamal-proxy deploy app-web")).fail(1, "", FlowFixture.failedStep(
                    "Error: target failed to become healthy within configured timeout (30s)", "kamal-proxy deploy"));

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            String message = e.getMessage();
            assertTrue(message.contains("kamal-proxy on 1.1.1.1 did not switch web to app-web-abc123 within"
                    + " deploy_timeout 30s: Error: target failed to become healthy"), message);
            FailedWebBoot.assertTheOldWebContainerKeptServing(f);
            assertFalse(f.fake.ran("1.1.1.3", "docker run --detach"), "workers wait at the closed barrier");
        }
    }

    @Test
    void aMissingContainerIdFailsWithKamalsMessage() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("1.1.1.2", c -> c.contains("kamal-proxy deploy app-web")).fail(1, "", FlowFixture.failedStep(
                    "Failed to get endpoint for web on 1.1.1.2, did the container boot?", "kamal-proxy deploy"));

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.getMessage().contains("Failed to get endpoint for web on 1.1.1.2, did the container boot?"),
                    e.getMessage());
        }
    }

    @Test
    void aTooOldProxyStopsTheDeployBeforeAnyBoot() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("1.1.1.2", c -> c.contains("docker inspect kamal-proxy")).output("Login Succeeded\n"
                    + ProxyBoot.VERSION_MARK + "\nv0.8.7\n");

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.getMessage().contains("kamal-proxy version v0.8.7 is too old, run `kamal proxy reboot` in "
                    + "order to update to at least v0.9.2"), e.getMessage());
            for (String host : List.of("1.1.1.1", "1.1.1.2", "1.1.1.3")) {
                assertFalse(f.fake.ran(host, "docker run --detach"), host);
            }
        }
    }

    @Test
    void redeployLeavesTheProxyAloneButStillSwitchesThroughIt() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            DeployFlow.redeploy(f.context()).run(true);

            assertFalse(f.fake.ran("1.1.1.1", "docker container start kamal-proxy"));
            assertTrue(f.fake.ran("1.1.1.1", "kamal-proxy deploy app-web"));
        }
    }

    @Test
    void setupBootsTheProxyAfterPreDeployAndBeforeTheApp() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            new SetupFlow(f.context()).run(true);

            assertInOrderAcross(f.fake.commands("1.1.1.1"), "docker -v", LOGIN, RUN_PROXY, "docker run --detach",
                    "kamal-proxy deploy app-web");
        }
    }

    @Test
    void rollingRebootRebootsOneHostAtATimeBetweenItsHooks() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            List<String> events = new ArrayList<>();
            f.hooks = recordingHooks(f, events);

            new ProxyRebootFlow(f.context(f.selection(), "proxy")).run(true);

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertInOrder(f.fake.commands(host), "Rebooted proxy", LOGIN,
                        "docker container stop kamal-proxy",
                        "docker container prune --force --filter label=org.opencontainers.image.title=kamal-proxy",
                        "mkdir -p .kamal/proxy/apps-config", RUN_PROXY.substring(RUN_PROXY.indexOf("docker run")),
                        "docker exec kamal-proxy kamal-proxy list");
            }
            assertEquals(List.of("pre-proxy-reboot 1.1.1.1", "post-proxy-reboot 1.1.1.1",
                    "pre-proxy-reboot 1.1.1.2", "post-proxy-reboot 1.1.1.2"), events);
            long lastOfFirst = f.fake.execs().stream().filter(x -> x.host().equals("1.1.1.1")
                    && x.command().contains("kamal-proxy list")).mapToLong(x -> x.seq()).max().orElseThrow();
            long firstStopOfSecond = f.fake.execs().stream().filter(x -> x.host().equals("1.1.1.2")
                    && x.command().contains("docker container stop kamal-proxy")).mapToLong(x -> x.seq()).min()
                    .orElseThrow();
            assertTrue(lastOfFirst < firstStopOfSecond, "1.1.1.2 waits until 1.1.1.1 answers again");
            assertFalse(f.fake.ran("1.1.1.3", "kamal-proxy"));
        }
    }

    @Test
    void plainRebootIsOneGroupWithoutWaiting() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            List<String> events = new ArrayList<>();
            f.hooks = recordingHooks(f, events);

            new ProxyRebootFlow(f.context(f.selection(), "proxy")).run(false);

            assertEquals(List.of("pre-proxy-reboot 1.1.1.1,1.1.1.2", "post-proxy-reboot 1.1.1.1,1.1.1.2"), events);
            assertFalse(f.fake.ran("1.1.1.1", "kamal-proxy list"));
        }
    }

    @Test
    void maintenanceAndLiveDriveEveryProxyRoleUnderTheLock() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            new ProxyFlow(f.context()).maintenance(null, "Back soon");
            new ProxyFlow(f.context()).live();

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertTrue(f.fake.commands(host).contains("docker exec kamal-proxy kamal-proxy stop app-web"
                        + " --drain-timeout=30s '--message=Back soon'"), f.fake.commands(host).toString());
                assertTrue(f.fake.commands(host).contains("docker exec kamal-proxy kamal-proxy resume app-web"));
            }
            assertFalse(f.fake.ran("1.1.1.3", "kamal-proxy"));
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void removeTakesTheRouteAwayBeforeStoppingAndLeavesAProxyOtherAppsUse() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("*", c -> c.startsWith("sh -c 'docker ps --latest --quiet")).output("0123456789ab\n");
            f.fake.on("1.1.1.2", c -> c.equals("ls .kamal/apps | wc -l")).output("1\n");

            new RemoveFlow(f.context()).run();

            assertInOrder(f.fake.commands("1.1.1.1"), "Stopped app",
                    "docker exec kamal-proxy kamal-proxy remove app-web", "xargs docker stop",
                    "rm -r .kamal/proxy/apps-config/app", "ls .kamal/apps | wc -l");
            assertFalse(f.fake.ran("1.1.1.1", "docker container stop kamal-proxy"));
            assertTrue(f.output.text().contains("Not removing the proxy, as other apps are installed"));
        }
    }

    @Test
    void proxyRemoveForcedStopsAndPrunesOnEveryProxyHost() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("*", c -> c.equals("ls .kamal/apps | wc -l")).output("3\n");

            new ProxyFlow(f.context()).remove(true);

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertInOrder(f.fake.commands(host), "Stopped proxy", "docker container stop kamal-proxy",
                        "Removed proxy container", "Removed proxy image", "rm -r .kamal/proxy");
            }
            assertFalse(f.fake.ran("1.1.1.3", "kamal-proxy"));
        }
    }

    @Test
    void appStopTakesTheRouteAwayThenStopsAndAppStartSwitchesBack() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("*", c -> c.startsWith("sh -c 'docker ps --latest --quiet")).output("0123456789ab\n");

            new AppStartStopFlow(f.context(f.selection(), "app")).stop();
            new AppStartStopFlow(f.context(f.selection(), "app")).start();

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertInOrder(f.fake.commands(host), "Stopped app", "kamal-proxy remove app-web",
                        "sh -c 'docker ps --latest --quiet", "Started app version abc123", "docker start app-web-abc123",
                        String.format(SWITCH, host));
            }
            assertInOrder(f.fake.commands("1.1.1.3"), "Stopped app", "xargs docker stop", "docker start "
                    + "app-workers-abc123");
            assertFalse(f.fake.ran("1.1.1.3", "kamal-proxy"));
            assertTrue(f.lockReleased());
        }
    }

    /** Hooks whose files exist (pre/post-proxy-reboot) and whose runs are recorded as "name KAMAL_HOSTS". */
    private static Hooks recordingHooks(FlowFixture f, List<String> events) throws IOException {
        Path dir = Files.createTempDirectory("proxy-hooks");
        Files.writeString(dir.resolve("pre-proxy-reboot"), "");
        Files.writeString(dir.resolve("post-proxy-reboot"), "");
        return new Hooks(dir, (c, env) -> {
            events.add(c.display().replaceAll(".*/", "") + " " + env.get("KAMAL_HOSTS"));
            return new ExecResult(0, "", "");
        }, f.output, false);
    }
}
