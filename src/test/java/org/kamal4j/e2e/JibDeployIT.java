package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.testbed.Fleet;

/**
 * examples/hello-jib through a real {@code mvn}: Jib builds the image from the project's classes with no Docker
 * daemon on the building side ({@code DOCKER_HOST} points at a socket that does not exist), pushes it to the fleet
 * registry, and the app answers HTTP on the hosts. A one-line code change then pushes only the changed layer,
 * checked against the manifests in the registry.
 */
@ExtendWith(EeFleet.class)
class JibDeployIT {

    static final String NO_DAEMON = "unix:///nonexistent/docker.sock";

    private final Fleet fleet = EeFleet.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void jibBuildsWithoutADaemonAndTheSecondReleasePushesOnlyTheChangedLayer() throws Exception {
        fleet.pushJreImage();
        MavenExample example = MavenExample.of("hello-jib", fleet, Map.of("DOCKER_HOST", NO_DAEMON,
                "PATH", "/usr/bin:/bin:/usr/sbin:/sbin"));

        long t0 = System.nanoTime();
        String setup = example.mvn("package", "kamal:setup", "-Dkamal.version=j1");
        System.out.printf("[JibDeployIT] FIGURES mvn package kamal:setup (Jib build + deploy): %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        assertTrue(setup.contains("Jib pushed " + fleet.image("hello-jib:j1")), setup);
        assertAnswers("j1", "hello from Jib");

        Path source = example.dir.resolve("src/main/java/org/kamal4j/examples/Hello.java");
        Files.writeString(source, Files.readString(source).replace("\"hello from Jib\"", "\"hello from Jib, v2\""));
        t0 = System.nanoTime();
        String deploy = example.mvn("deploy", "-Dkamal.version=j2");
        System.out.printf("[JibDeployIT] FIGURES mvn deploy after a one-line change: %.1f s; %s%n",
                (System.nanoTime() - t0) / 1e9, jibLine(deploy));
        assertAnswers("j2", "hello from Jib, v2");

        List<String> first = layers("j1");
        List<String> second = layers("j2");
        assertEquals(first.size(), second.size(), "same layer count: " + first + " / " + second);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (!first.get(i).equals(second.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(List.of(first.size() - 1), changed, "only the classes layer (the last) differs: " + first
                + " / " + second);
        // The changed classes layer and the new container configuration; base and dependency layers stay.
        assertTrue(jibLine(deploy).contains(": 2 blob(s) uploaded"), jibLine(deploy));
        for (String out : List.of(setup, deploy)) {
            assertFalse(out.contains("demo-registry-password"), "the registry password leaked into Maven's output");
        }
    }

    /** Every web host (1 and 2) runs the version and answers on its published port. */
    private void assertAnswers(String version, String body) throws Exception {
        for (int i = 1; i <= 2; i++) {
            String host = fleet.host(i);
            String port = fleet.docker(host, "port", "hello-jib-web-" + version, "8080/tcp").lines().findFirst()
                    .orElseThrow().replaceAll(".*:", "");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(body, r.body().strip(), host);
        }
    }

    /** The layer digests of {@code hello-jib:TAG}, as the registry has them. */
    private List<String> layers(String tag) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + fleet.registry() + "/v2/hello-jib/manifests/"
                + tag)).header("Accept", "application/vnd.docker.distribution.manifest.v2+json").build();
        String manifest = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        String layersPart = manifest.substring(manifest.indexOf("\"layers\""));
        Matcher m = Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]+)\"").matcher(layersPart);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertNotEquals(List.of(), out, manifest);
        return out;
    }

    private static String jibLine(String out) {
        return out.lines().filter(l -> l.contains("Jib pushed")).findFirst().orElse("(no Jib line)");
    }
}
