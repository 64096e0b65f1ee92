package org.kamal4j.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The stand-in kamal-proxy image (src/it/proxy-standin) on a real fleet host: started and driven with the
 * exact command lines Kamal sends, it forwards real HTTP and switches targets with no failed request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandInProxyIT {

    private static final String DEPLOY = "docker exec kamal-proxy kamal-proxy deploy app-web --target=\"%s:80\""
            + " --deploy-timeout=\"%ds\" --drain-timeout=\"30s\" --health-check-interval=\"1s\""
            + " --health-check-timeout=\"2s\" --health-check-path=\"/up\" --buffer-requests --buffer-responses"
            + " --log-request-header=\"Cache-Control\" --log-request-header=\"Last-Modified\""
            + " --log-request-header=\"User-Agent\"";

    private static Fleet fleet;
    private static String image;
    /** Kamal's proxy run command for this image. */
    private static String runProxy;
    private static String hostDocker;
    private static Path workDir;
    private static URI url;
    private static String v1;
    private static String v2;

    /** Exit code, combined output and wall time of a shell command run against the host's dockerd. */
    private record Result(int exit, String output, long millis) {
    }

    @BeforeAll
    static void bootProxyAndV1() throws IOException, InterruptedException {
        fleet = Fleet.up("px", 1, 30, true);
        fleet.pushImages();
        String host = fleet.host(1);
        url = URI.create("http://" + host + "/");
        hostDocker = fleet.dockerHost(host);
        workDir = Files.createDirectories(Path.of("target/standin-proxy-it/.kamal/proxy/apps-config"))
                .getParent().getParent().getParent().toAbsolutePath();
        image = buildImage();
        sh("docker rm -f kamal-proxy app-web-v1 app-web-v2 app-web-bad >/dev/null 2>&1;"
                + " docker volume rm kamal-proxy-config >/dev/null 2>&1; true");
        ok(sh("docker pull " + image + " >/dev/null"));
        Result net = sh("docker network create kamal");
        assertTrue(net.exit() == 0 || net.output().contains("already exists"), net.output());
        runProxy = "docker run --name kamal-proxy --network kamal --detach --restart unless-stopped"
                + " --volume kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy"
                + " --volume $PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config"
                + " --publish 80:80 --publish 443:443 --log-opt max-size=10m " + image
                + " kamal-proxy run --metrics-port \"9090\"";
        ok(sh(runProxy));
        v1 = startApp("v1", "app:v1");
        Result deploy = deploy(v1, 30);
        ok(deploy);
        assertEquals("v1", get().body().strip());
    }

    @AfterAll
    static void cleanUp() {
        if (fleet != null) {
            fleet.down();
        }
    }

    @Test
    @Order(1)
    void unhealthyTargetFailsWithinDeployTimeoutAndTrafficStaysOnV1() throws Exception {
        String bad = startApp("bad", "app:unhealthy");
        Result deploy;
        try (HttpLoad load = startLoad()) {
            Thread.sleep(500);
            deploy = deploy(bad, 5);
            Thread.sleep(500);
            load.close();
            report("failed deploy", load, deploy, -1);
            assertEquals(List.of(), load.failures());
            assertEquals(Map.of("v1", load.samples().size()), load.bodies());
        }
        assertNotEquals(0, deploy.exit(), deploy.output());
        assertTrue(deploy.output().contains("failed to become healthy") && deploy.output().contains(bad)
                && deploy.output().contains("(5s)"), deploy.output());
        assertTrue(deploy.millis() >= 5_000 && deploy.millis() < 15_000, "took " + deploy.millis() + " ms");
    }

    @Test
    @Order(2)
    void deployUnderLoadSwitchesToV2WithoutAFailedRequest() throws Exception {
        v2 = startApp("v2", "app:v2");
        try (HttpLoad load = startLoad()) {
            Thread.sleep(1_000);
            long before = System.nanoTime();
            Result deploy = deploy(v2, 30);
            long after = System.nanoTime();
            ok(deploy);
            ok(sh("docker stop app-web-v1"));
            Thread.sleep(1_000);
            load.close();
            report("deploy v1 -> v2", load, deploy, (load.firstAnswer("v2") - before) / 1_000_000);
            assertEquals(List.of(), load.failures());
            assertTrue(load.bodies().getOrDefault("v1", 0) > 0 && load.bodies().getOrDefault("v2", 0) > 0,
                    "both versions answered: " + load.bodies());
            assertEquals(0, load.bodiesStartedAfter("v1", after), "no v1 answer once deploy returned");
            assertTrue(load.bodiesStartedAfter("v2", after) > 0);
        }
    }

    @Test
    @Order(3)
    void routesSurviveAProxyRestart() throws Exception {
        ok(sh("docker restart kamal-proxy"));
        assertEquals("v2", awaitAnswer());
        assertTrue(ok(sh("docker exec kamal-proxy kamal-proxy list")).contains(v2 + ":80"));
    }

    @Test
    @Order(4)
    void routesSurviveAProxyRebootThatRecreatesTheContainer() throws Exception {
        ok(sh("docker container stop kamal-proxy"));
        ok(sh("docker container prune --force --filter label=org.opencontainers.image.title=kamal-proxy"));
        assertNotEquals(0, sh("docker container inspect kamal-proxy").exit(), "pruned by the image title label");
        ok(sh(runProxy));
        assertEquals("v2", awaitAnswer());
    }

    /** Polls the host (at most 30 s) until the proxy answers 200 again, and returns the body. */
    private static String awaitAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline && (r == null || r.statusCode() != 200)) {
            Thread.sleep(200);
            r = tryGet();
        }
        return r == null ? "no answer" : r.body().strip();
    }

    @Test
    @Order(5)
    void stopAnswers503WithTheMessageAndResumeServesAgain() throws Exception {
        ok(sh("docker exec kamal-proxy kamal-proxy stop app-web --drain-timeout=\"5s\" --message=\"Back soon\""));
        HttpResponse<String> stopped = get();
        assertEquals(503, stopped.statusCode());
        assertTrue(stopped.body().contains("Back soon"), stopped.body());
        ok(sh("docker exec kamal-proxy kamal-proxy resume app-web"));
        assertEquals("v2", get().body().strip());
    }

    @Test
    @Order(6)
    void routesByHostAndRefusesASecondCatchAllService() {
        ok(sh("docker start app-web-v1"));
        ok(sh(String.format(DEPLOY.replace("app-web", "app-api") + " --host=\"api.example.test\"", v1, 30)));
        assertEquals("v1", viaHost("api.example.test"));
        assertEquals("v2", viaHost("www.example.test"));
        Result clash = sh(String.format(DEPLOY.replace("app-web", "app-other"), v1, 30));
        assertNotEquals(0, clash.exit());
        assertTrue(clash.output().contains("conflict with another service (app-web)"), clash.output());
        String list = ok(sh("docker exec kamal-proxy kamal-proxy list"));
        assertTrue(list.contains("app-api") && list.contains("api.example.test") && !list.contains("app-other"), list);
        ok(sh("docker exec kamal-proxy kamal-proxy remove app-api"));
        assertEquals("v2", viaHost("api.example.test"));
    }

    /** GET / with a Host header, sent from inside the proxy container to its own port 80 (loopback). */
    private static String viaHost(String host) {
        return ok(sh("docker exec kamal-proxy wget -q -O - --header 'Host: " + host + "' http://127.0.0.1/")).strip();
    }

    private static HttpLoad startLoad() {
        return HttpLoad.start(url, 4, 5_000, Duration.ofSeconds(20), Duration.ofMillis(5));
    }

    private static void report(String what, HttpLoad load, Result deploy, long switchMillis) {
        System.out.printf("[StandInProxyIT] %s: sent=%d failed=%d answers=%s deploy exit=%d in %d ms%s%n", what,
                load.samples().size(), load.failures().size(), load.bodies(), deploy.exit(), deploy.millis(),
                switchMillis < 0 ? "" : ", first v2 answer " + switchMillis + " ms after the deploy started");
    }

    /** Builds (or takes from the per-machine cache) the image, pushes it to the fleet registry. */
    private static String buildImage() throws IOException {
        String registry = fleet.registry();
        String localDocker = fleet.localDockerHost();
        Path script = Fleet.projectDir().resolve("src/it/proxy-standin/build.sh");
        long t0 = System.nanoTime();
        String out = Proc.run(List.of(script.toString(), "--docker-host", localDocker, "--registry", registry),
                Map.of(), 600);
        String[] lines = out.strip().split("\n");
        System.out.printf("[StandInProxyIT] image ready in %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, out.strip());
        return lines[lines.length - 1].strip();
    }

    /** Runs a fleet test image as Kamal names app containers and returns the id Kamal would target. */
    private static String startApp(String version, String testImage) {
        ok(sh("docker run --detach --name app-web-" + version + " --network kamal " + fleet.image(testImage)));
        return ok(sh("docker container ls --all --filter 'name=^app-web-" + version + "$' --quiet")).strip();
    }

    private static Result deploy(String id, int timeoutSeconds) {
        return sh(String.format(DEPLOY, id, timeoutSeconds));
    }

    private static String ok(Result r) {
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    private static Result sh(String command) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", hostDocker);
        pb.environment().put("PWD", workDir.toString());
        long t0 = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
            return new Result(p.exitValue(), out, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> tryGet() throws InterruptedException {
        try {
            return get();
        } catch (IOException e) {
            return null;
        }
    }
}
