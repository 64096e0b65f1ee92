package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.e2e.LoadSamples.byStart;
import static org.kamal4j.e2e.LoadSamples.count;
import static org.kamal4j.e2e.LoadSamples.firstEnd;
import static org.kamal4j.e2e.LoadSamples.outages;
import static org.kamal4j.e2e.LoadSamples.switchMillis;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kamal4j.flows.AppStartStopFlow;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.ProxyFlow;
import org.kamal4j.flows.ProxyRebootFlow;
import org.kamal4j.flows.RollbackFlow;
import org.kamal4j.flows.SetupFlow;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.testbed.Fleet;
import org.kamal4j.testbed.HttpLoad;

/**
 * Zero-downtime web roles through kamal-proxy on the local fleet {@code pf} with real Docker: two web hosts behind
 * the stand-in proxy (published on port 80 of each host), one workers host. Steady HTTP load runs against both
 * proxies while the flows deploy, roll back, fail a deploy and reboot the proxies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyDeployIT {

    private static final int DEPLOY_TIMEOUT = 10;
    private static Fleet fleet;
    private static ProxyApp app;
    private static List<String> web;

    @BeforeAll
    static void setUp() throws Exception {
        fleet = Fleet.up("pf", 3, 70, true);
        fleet.pushImages();
        System.out.println("[pf] stand-in proxy " + standInProxy());
        app = new ProxyApp(fleet, "pf", DEPLOY_TIMEOUT);
        app.wipe();
        web = List.of(fleet.host(1), fleet.host(2));
    }

    /** Builds (or takes from the per-machine cache) the stand-in proxy image and pushes it to the fleet registry. */
    private static String standInProxy() throws Exception {
        Path script = Path.of(System.getProperty("kamal.projectDir", ".")).resolve("src/it/proxy-standin/build.sh");
        Process p = new ProcessBuilder(script.toString(), "--docker-host", fleet.localDockerHost(), "--registry",
                fleet.registry()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES) && p.exitValue() == 0, "build.sh: " + out);
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    @AfterAll
    static void tearDown() {
        if (fleet != null && !Boolean.getBoolean("kamal.keepFleet")) {
            fleet.down();
        }
    }

    @Test
    @Order(1)
    void setupBootsTheProxiesAndServesV1OnEveryWebHost() throws Exception {
        app.run("v1", "setup", ctx -> new SetupFlow(ctx).run(false));

        for (String host : web) {
            assertEquals("v1", get(host));
            assertEquals("kamal-proxy", fleet.docker(host, "ps", "--filter", "name=^kamal-proxy$", "--format",
                    "{{.Names}}").strip());
        }
        assertEquals(List.of("pf-workers-v1"), app.containers(fleet.host(3), "running"));
        assertEquals("", fleet.docker(fleet.host(3), "ps", "-aq", "--filter", "name=^kamal-proxy$").strip(),
                "no proxy on the workers host");
    }

    @Test
    @Order(2)
    void deployV2AndRollBackUnderLoadWithoutAFailedRequest() throws Exception {
        Map<String, HttpLoad> loads = startLoads();
        long deployStart = System.nanoTime();
        app.run("v2", "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
        long rollbackStart = System.nanoTime();
        app.run("v1", "rollback", ctx -> new RollbackFlow(ctx).run("v1"));
        long rollbackEnd = System.nanoTime();
        Thread.sleep(1_000);
        for (Map.Entry<String, HttpLoad> e : loads.entrySet()) {
            HttpLoad load = e.getValue();
            load.close();
            List<HttpLoad.Sample> samples = byStart(load);
            long toV2 = firstEnd(samples, "v2", deployStart);
            long backToV1 = firstEnd(samples, "v1", rollbackStart);
            System.out.printf("[pf] FIGURES load on %s: sent=%d failed=%d answers=%s; v2 first answered %.1f s"
                    + " after the deploy started (switch v1->v2: %d ms from the last v1 answer to the first v2"
                    + " answer), v1 again %.1f s after the rollback started (switch v2->v1: %d ms)%n", e.getKey(),
                    samples.size(), load.failures().size(), load.bodies(), (toV2 - deployStart) / 1e9,
                    switchMillis(samples, "v1", "v2", deployStart, rollbackStart), (backToV1 - rollbackStart) / 1e9,
                    switchMillis(samples, "v2", "v1", rollbackStart, Long.MAX_VALUE));
            assertEquals(List.of(), load.failures(), "failed requests on " + e.getKey());
            assertTrue(toV2 > 0 && toV2 < rollbackStart, "v2 answered on " + e.getKey() + " before the rollback");
            assertTrue(backToV1 > 0 && backToV1 < rollbackEnd, "v1 answered again on " + e.getKey());
            assertEquals(0, count(samples, "v1", toV2, rollbackStart), "no v1 once v2 answered on " + e.getKey());
            assertEquals(0, count(samples, "v2", backToV1, Long.MAX_VALUE), "no v2 once v1 is back on " + e.getKey());
            assertTrue(samples.get(samples.size() - 1).startNanos() > rollbackEnd, "load outlasted the rollback");
        }
        for (String host : web) {
            assertEquals(List.of("pf-web-v1"), app.containers(host, "running"), host);
        }
        assertEquals(List.of("pf-workers-v1"), app.containers(fleet.host(3), "running"));
    }

    @Test
    @Order(3)
    void aV3WhoseHealthCheckNeverPassesFailsNamingHostAndTimeoutWhileV1KeepsServing() throws Exception {
        app.healthy(false);
        Map<String, HttpLoad> loads = startLoads();
        long t0 = System.nanoTime();
        MultiHostException e;
        try {
            e = assertThrows(MultiHostException.class,
                    () -> app.run("v3", "deploy", ctx -> DeployFlow.deploy(ctx).run(false)));
        } finally {
            app.healthy(true);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1_000);
        String message = e.getMessage();
        System.out.printf("[pf] FIGURES failed deploy of v3 took %.1f s; the error begins:%n%s%n", seconds,
                String.join("\n", message.lines().limit(4).toList()));
        for (String host : web) {
            HttpLoad load = loads.get(host);
            load.close();
            System.out.printf("[pf] FIGURES load on %s during the failed deploy: sent=%d failed=%d answers=%s%n",
                    host, load.samples().size(), load.failures().size(), load.bodies());
            assertEquals(List.of(), load.failures(), "failed requests on " + host);
            assertEquals(Set.of("v1"), load.bodies().keySet(), "only v1 answered on " + host);
            assertTrue(message.contains("kamal-proxy on " + host + " did not switch web to pf-web-v3 within "
                    + "deploy_timeout " + DEPLOY_TIMEOUT + "s"), message);
            assertEquals(List.of("pf-web-v1"), app.containers(host, "running"), host);
            assertTrue(app.containers(host, "exited").contains("pf-web-v3"), "the new container was stopped");
        }
        assertEquals(List.of("pf-workers-v1"), app.containers(fleet.host(3), "running"));
        assertEquals("", fleet.docker(fleet.host(3), "ps", "-aq", "--filter", "name=^pf-workers-v3$").strip(),
                "workers v3 never booted");
    }

    @Test
    @Order(4)
    void rollingProxyRebootKeepsOneWebHostAnsweringAtEveryMoment() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        for (String host : web) {
            before.put(host, fleet.docker(host, "inspect", "--format", "{{.Id}}", "kamal-proxy").strip());
        }
        Map<String, HttpLoad> loads = startLoads();
        Thread.sleep(1_000);
        long t0 = System.nanoTime();
        app.run("v1", "proxy", ctx -> new ProxyRebootFlow(ctx).run(true));
        long t1 = System.nanoTime();
        Thread.sleep(1_000);
        List<long[]> outages = new ArrayList<>();
        for (String host : web) {
            HttpLoad load = loads.get(host);
            load.close();
            List<long[]> down = outages(byStart(load));
            outages.addAll(down);
            System.out.printf("[pf] FIGURES rolling reboot (%.1f s), load on %s: sent=%d failed=%d, outages %s%n",
                    (t1 - t0) / 1e9, host, load.samples().size(), load.failures().size(), down.stream()
                            .map(o -> String.format("%.2f s", (o[1] - o[0]) / 1e9)).toList());
            assertTrue(load.bodies().getOrDefault("v1", 0) > 0);
            assertTrue(!before.get(host).equals(fleet.docker(host, "inspect", "--format", "{{.Id}}", "kamal-proxy")
                    .strip()), "the proxy container on " + host + " was recreated");
            assertEquals("v1", get(host), "routes survived the reboot on " + host);
        }
        for (int i = 0; i < outages.size(); i++) {
            for (int j = i + 1; j < outages.size(); j++) {
                long[] a = outages.get(i);
                long[] b = outages.get(j);
                assertTrue(a[1] <= b[0] || b[1] <= a[0], "two web hosts were down at the same time");
            }
        }
    }

    @Test
    @Order(5)
    void maintenanceAnswers503WithTheMessageAndLiveServesAgain() throws Exception {
        app.run("v1", "app", ctx -> new ProxyFlow(ctx).maintenance(1, "Back soon"));
        for (String host : web) {
            assertEquals("503 Back soon", get(host), host);
        }
        app.run("v1", "app", ctx -> new ProxyFlow(ctx).live());
        for (String host : web) {
            assertEquals("v1", get(host), host);
        }
    }

    @Test
    @Order(6)
    void assetsAndErrorPagesReachTheHostsAndV4ServesFromItsAssetVolumeUnderLoad() throws Exception {
        Path errors = Files.createDirectories(app.dir.resolve("errors"));
        Files.writeString(errors.resolve("404.html"), "<h1>gone</h1>\n");
        app.overrides(Map.of("asset_path", "/www", "error_pages_path", "errors"));
        Map<String, HttpLoad> loads = startLoads();
        app.run("v4", "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
        Thread.sleep(1_000);
        for (String host : web) {
            HttpLoad load = loads.get(host);
            load.close();
            System.out.printf("[pf] FIGURES deploy of v4 with assets, load on %s: sent=%d failed=%d answers=%s%n",
                    host, load.samples().size(), load.failures().size(), load.bodies());
            assertEquals(List.of(), load.failures(), "failed requests on " + host);
            assertEquals("v4", get(host));
            assertEquals("v4", fleet.ssh(host, "cat .kamal/apps/pf/assets/volumes/web-v4/index.html").strip());
            assertEquals("web-v4", fleet.ssh(host, "ls .kamal/apps/pf/assets/volumes").strip(),
                    "the bridge volume for v1 went once v1 stopped");
            assertEquals("web-v4", fleet.ssh(host, "ls .kamal/apps/pf/assets/extracted").strip());
            assertEquals("<h1>gone</h1>", fleet.ssh(host, "cat .kamal/proxy/apps-config/pf/error_pages/v4/404.html")
                    .strip());
            assertTrue(fleet.docker(host, "inspect", "--format", "{{range .Mounts}}{{.Source}} {{end}}", "pf-web-v4")
                    .contains(".kamal/apps/pf/assets/volumes/web-v4"));
        }
    }

    @Test
    @Order(7)
    void appStopTakesTheRouteAwayAndAppStartBringsV4Back() throws Exception {
        app.run("v4", "app", ctx -> new AppStartStopFlow(ctx).stop());
        for (String host : web) {
            assertTrue(!get(host).equals("v4"), "no answer from v4 on " + host + " once stopped");
            assertEquals(List.of(), app.containers(host, "running"), host);
            assertTrue(!fleet.docker(host, "exec", "kamal-proxy", "kamal-proxy", "list").contains("pf-web"));
        }
        app.run("v4", "app", ctx -> new AppStartStopFlow(ctx).start());
        for (String host : web) {
            assertEquals("v4", get(host), host);
        }
    }

    /** Loads each web host's proxy: 2 clients, 25 ms apart, at most 20 000 requests or 5 minutes. */
    private static Map<String, HttpLoad> startLoads() throws InterruptedException {
        Map<String, HttpLoad> loads = new LinkedHashMap<>();
        for (String host : web) {
            loads.put(host, HttpLoad.start(URI.create("http://" + host + "/"), 2, 20_000, Duration.ofMinutes(5),
                    Duration.ofMillis(25)));
        }
        Thread.sleep(500);
        return loads;
    }

    private static String get(String host) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                        .timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body().strip() : r.statusCode() + " " + r.body().strip();
    }
}
