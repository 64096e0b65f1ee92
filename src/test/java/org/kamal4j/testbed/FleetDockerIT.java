package org.kamal4j.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the Docker side of the bed: each host's own daemon pulls from the fleet registry and publishes ports. */
class FleetDockerIT {

    private static Fleet fleet;

    @BeforeAll
    static void up() {
        fleet = Fleet.upWithDocker("fdk", 3);
    }

    @AfterAll
    static void down() {
        fleet.down();
    }

    @Test
    void everyHostRunsTheAppPulledFromTheRegistryOverSsh() throws Exception {
        for (String host : fleet.hosts()) {
            String image = fleet.image("app:v1");
            fleet.ssh(host, "docker run -d --name web -p 3000:80 " + image);
            assertEquals("v1", httpGet("http://" + host + ":3000/").strip());
            assertEquals(200, status("http://" + host + ":3000/up"));
            assertTrue(fleet.docker(host, "ps", "--format", "{{.Image}}").contains(image));
        }
        fleet.ssh(fleet.host(1), "docker rm -f web");
        assertEquals("", fleet.docker(fleet.host(1), "ps", "-q").strip());
        assertTrue(fleet.docker(fleet.host(2), "ps", "--format", "{{.Names}}").contains("web"));
    }

    @Test
    void healthChecksPassForTheAppAndNeverForTheUnhealthyImage() throws Exception {
        String host = fleet.host(3);
        fleet.docker(host, "run", "-d", "--name", "good", fleet.image("app:v2"));
        fleet.docker(host, "run", "-d", "--name", "bad", fleet.image("app:unhealthy"));
        assertEquals("healthy", waitForHealth(host, "good"));
        assertEquals("unhealthy", waitForHealth(host, "bad"));
        fleet.docker(host, "rm", "-f", "good", "bad");
    }

    @Test
    void localDaemonBuildsTheExampleAndPushesToTheRegistry() {
        String tag = fleet.image("hello:built-by-test");
        String example = Fleet.projectDir().resolve("examples/hello").toString();
        Proc.run(List.of("/usr/bin/docker", "-H", fleet.localDockerHost(), "build", "-t", tag,
                "--build-arg", "APP_VERSION=v9", example), Map.of("DOCKER_BUILDKIT", "0"), 300);
        fleet.localDocker("push", tag);
        String out = fleet.docker(fleet.host(2), "run", "--rm", tag, "cat", "/www/index.html");
        assertEquals("v9", out.strip());
    }

    private static String waitForHealth(String host, String container) throws InterruptedException {
        String state = "";
        for (int i = 0; i < 60; i++) {
            state = fleet.docker(host, "inspect", "-f", "{{.State.Health.Status}}", container).strip();
            if (!state.equals("starting")) {
                return state;
            }
            Thread.sleep(500);
        }
        return state;
    }

    private static String httpGet(String url) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client().send(request(url), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(200); // the container was just started; httpd may not listen yet
            }
        }
    }

    private static int status(String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client().send(request(url), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }
}
