package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.e2e.LoadSamples.byStart;
import static org.kamal4j.e2e.LoadSamples.count;
import static org.kamal4j.e2e.LoadSamples.firstEnd;
import static org.kamal4j.e2e.LoadSamples.outages;
import static org.kamal4j.e2e.LoadSamples.startLoads;
import static org.kamal4j.e2e.LoadSamples.stopAfter;
import static org.kamal4j.e2e.LoadSamples.switchMillis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Zero-downtime web roles through the real kamal-proxy v0.9.2 on the local fleet {@code pf} with real Docker: two web
 * hosts behind the proxy (published on port 80 of each host), one workers host. Steady HTTP load runs against both
 * proxies while the flows deploy, roll back, fail a deploy and reboot the proxies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyDeployIT {

    // Generous: on a loaded 2-core machine a container's first health check can take more than 10 s.
    private static final int DEPLOY_TIMEOUT = 20;
    private static Fleet fleet;
    private static ProxyApp app;
    private static List<String> web;

    @BeforeAll
    static void setUp() throws Exception {
        fleet = Fleet.up("pf", 3, 70, true);
        fleet.pushImages();
        app = new ProxyApp(fleet, "pf", DEPLOY_TIMEOUT);
        app.wipe();
        web = List.of(fleet.host(1), fleet.host(2));
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
        assertNoContainer(fleet.host(3), "kamal-proxy", "no proxy on the workers host");
    }

    @Test
    @Order(2)
    void deployV2AndRollBackUnderLoadWithoutAFailedRequest() throws Exception {
        Map<String, HttpLoad> loads = startLoads(web);
        long deployStart = System.nanoTime();
        app.run("v2", "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
        long rollbackStart = System.nanoTime();
        app.run("v1", "rollback", ctx -> new RollbackFlow(ctx).run("v1"));
        long rollbackEnd = System.nanoTime();
        stopAfter(Duration.ofSeconds(1), loads);
        for (Map.Entry<String, HttpLoad> e : loads.entrySet()) {
            HttpLoad load = e.getValue();
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
        Map<String, HttpLoad> loads = startLoads(web);
        long t0 = System.nanoTime();
        MultiHostException e;
        try {
            e = assertThrows(MultiHostException.class,
                    () -> app.run("v3", "deploy", ctx -> DeployFlow.deploy(ctx).run(false)));
        } finally {
            app.healthy(true);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stopAfter(Duration.ofSeconds(1), loads);
        String message = e.getMessage();
        System.out.printf("[pf] FIGURES failed deploy of v3 took %.1f s; the error begins:%n%s%n", seconds,
                String.join("\n", message.lines().limit(4).toList()));
        for (String host : web) {
            HttpLoad load = loads.get(host);
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
        assertNoContainer(fleet.host(3), "pf-workers-v3", "workers v3 never booted");
    }

    @Test
    @Order(4)
    void rollingProxyRebootKeepsOneWebHostAnsweringAtEveryMoment() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        for (String host : web) {
            before.put(host, fleet.docker(host, "inspect", "--format", "{{.Id}}", "kamal-proxy").strip());
        }
        Map<String, HttpLoad> loads = startLoads(web);
        // Clients behind a load balancer: a host whose proxy is rebooting refuses, the request goes to the other.
        HttpLoad balanced = HttpLoad.start(web.stream().map(h -> URI.create("http://" + h + "/")).toList(), 2,
                20_000, Duration.ofMinutes(5), Duration.ofMillis(25));
        Thread.sleep(1_000);
        long t0 = System.nanoTime();
        app.run("v1", "proxy", ctx -> new ProxyRebootFlow(ctx).run(true));
        long t1 = System.nanoTime();
        Thread.sleep(1_000);
        balanced.close();
        System.out.printf("[pf] FIGURES rolling reboot, load over both web hosts: sent=%d failed=%d (went on to the"
                + " other host %d times) answers=%s%n", balanced.samples().size(), balanced.failures().size(),
                balanced.failedOver(), balanced.bodies());
        assertEquals(List.of(), balanced.failures(), "failed requests over both web hosts");
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
            String page = get(host);
            assertTrue(page.startsWith("503 <!doctype html>") && page.contains("Back soon"), host + ": " + page);
        }
        app.run("v1", "app", ctx -> new ProxyFlow(ctx).live());
        assertEveryWebHostServes("v1");
    }

    @Test
    @Order(6)
    void assetsAndErrorPagesReachTheHostsAndV4ServesFromItsAssetVolumeUnderLoad() throws Exception {
        Path errors = Files.createDirectories(app.dir.resolve("errors"));
        Files.writeString(errors.resolve("404.html"), "<h1>gone</h1>\n");
        Files.writeString(errors.resolve("503.html"), "<h1>pf is resting: {{ .Message }}</h1>\n");
        app.overrides(Map.of("asset_path", "/www", "error_pages_path", "errors"));
        Map<String, HttpLoad> loads = startLoads(web);
        app.run("v4", "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
        stopAfter(Duration.ofSeconds(1), loads);
        for (String host : web) {
            HttpLoad load = loads.get(host);
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
    void theProxyServesTheUploadedErrorPageThenAppStopAndStartTakeV4AwayAndBack() throws Exception {
        app.run("v4", "app", ctx -> new ProxyFlow(ctx).maintenance(1, "Back soon"));
        for (String host : web) {
            assertEquals("503 <h1>pf is resting: Back soon</h1>", get(host), "v4's own 503.html on " + host);
        }
        app.run("v4", "app", ctx -> new ProxyFlow(ctx).live());
        app.run("v4", "app", ctx -> new AppStartStopFlow(ctx).stop());
        for (String host : web) {
            assertTrue(!get(host).equals("v4"), "no answer from v4 on " + host + " once stopped");
            assertEquals(List.of(), app.containers(host, "running"), host);
            assertTrue(!fleet.docker(host, "exec", "kamal-proxy", "kamal-proxy", "list").contains("pf-web"));
        }
        app.run("v4", "app", ctx -> new AppStartStopFlow(ctx).start());
        assertEveryWebHostServes("v4");
    }

    /**
     * What only the real proxy can show, with two more services on the same proxies while v4 keeps serving every
     * other host name: {@code pfs} on two host names with a custom TLS certificate from secrets, the HTTP to HTTPS
     * redirect and forwarded client headers; {@code pfa} under {@code api.test/api} with a request body limit,
     * a response timeout and the client's forwarded headers replaced.
     */
    @Test
    @Order(8)
    void tlsHostsPathPrefixForwardHeadersBodyLimitAndResponseTimeoutOnTheRealProxy() throws Exception {
        TestCa ca = TestCa.create(Files.createTempDirectory("kamal-proxy-it-ca-"), "secure.test", "www.secure.test");
        ProxyApp secure = new ProxyApp(fleet, "pfs", DEPLOY_TIMEOUT, """
                hosts: [secure.test, www.secure.test]
                ssl:
                  certificate_pem: CERT_PEM
                  private_key_pem: KEY_PEM
                ssl_redirect: true
                forward_headers: true""");
        secure.secrets("CERT_PEM=$(cat " + ca.cert() + ")\nKEY_PEM=$(cat " + ca.key() + ")\n");
        ProxyApp api = new ProxyApp(fleet, "pfa", DEPLOY_TIMEOUT, """
                host: api.test
                path_prefix: /api
                forward_headers: false
                response_timeout: 2
                buffering:
                  max_request_body: 1000""");
        for (ProxyApp a : List.of(secure, api)) {
            a.cgi("headers", "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\n"
                    + "echo \"for=$HTTP_X_FORWARDED_FOR proto=$HTTP_X_FORWARDED_PROTO\"\n");
            a.cgi("slow", "#!/bin/sh\nsleep 4\nprintf 'Content-Type: text/plain\\r\\n\\r\\nslow\\n'\n");
        }
        Map<String, HttpLoad> loads = startLoads(web);
        secure.run("s1", "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
        api.run("a1", "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
        for (String host : web) {
            HttpLoad load = loads.get(host);
            load.close();
            System.out.printf("[pf] FIGURES v4 on %s while pfs and pfa deployed: sent=%d failed=%d answers=%s%n",
                    host, load.samples().size(), load.failures().size(), load.bodies());
            assertEquals(List.of(), load.failures(), "failed requests on " + host);
            assertEquals(Set.of("v4"), load.bodies().keySet(), "only v4 answered unclaimed names on " + host);

            Curl tls = new Curl(host).trusting(ca.ca());
            Curl.Answer page = tls.get("https", "secure.test", "/");
            assertEquals("200 s1", page.status() + " " + page.body(), host);
            assertTrue(page.trace().contains("subject: CN=secure.test") && page.trace().contains("issuer: CN="
                    + TestCa.CA_NAME), "the proxy served our certificate on " + host + ":\n" + page.trace());
            assertEquals("s1", tls.get("https", "www.secure.test", "/").body(), "the second host name, " + host);
            Curl.Answer redirect = tls.get("http", "secure.test", "/a?b=1");
            assertEquals("301 https://secure.test/a?b=1", redirect.status() + " " + redirect.redirect(), host);
            assertTrue(tls.get("https", "secure.test", "/cgi-bin/headers", "-H", "X-Forwarded-For: 203.0.113.7")
                    .body().matches("for=203\\.0\\.113\\.7, [0-9.]+ proto=https"), "forwarded on " + host);

            Curl http = new Curl(host);
            assertEquals("a1", http.get("http", "api.test", "/api/").body(), "path prefix on " + host);
            String replaced = http.get("http", "api.test", "/api/cgi-bin/headers", "-H",
                    "X-Forwarded-For: 203.0.113.7").body();
            assertTrue(replaced.matches("for=[0-9.]+ proto=http"), "not forwarded on " + host + ": " + replaced);
            assertEquals(200, http.get("http", "api.test", "/api/cgi-bin/headers", "--data-binary", "x".repeat(900))
                    .status(), "a body under max_request_body on " + host);
            assertEquals(413, http.get("http", "api.test", "/api/cgi-bin/headers", "--data-binary",
                    "x".repeat(5000)).status(), "a body over max_request_body on " + host);
            assertEquals(504, http.get("http", "api.test", "/api/cgi-bin/slow").status(), "response_timeout 2 s");
            assertEquals("v4", get(host), "the address itself still reaches v4 on " + host);
        }
        assertEquals("slow", new Curl(web.get(0)).trusting(ca.ca()).get("https", "secure.test", "/cgi-bin/slow")
                .body(), "without response_timeout the same 4 s answer arrives");
    }

    /** Asserts that {@code host} has no container named {@code name}, running or not. */
    private static void assertNoContainer(String host, String name, String why) {
        assertEquals("", fleet.docker(host, "ps", "-aq", "--filter", "name=^" + name + "$").strip(), why);
    }

    private static void assertEveryWebHostServes(String version) throws Exception {
        for (String host : web) {
            assertEquals(version, get(host), host);
        }
    }

    private static String get(String host) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body().strip() : r.statusCode() + " " + r.body().strip();
    }
}
