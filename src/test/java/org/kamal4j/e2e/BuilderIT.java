package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.FlowException;
import org.kamal4j.commands.RandomHex;
import org.kamal4j.testbed.Fleet;

/**
 * The docker builder on the fleet (issue 12): a build runs from a clean git clone of HEAD, so an uncommitted change
 * never reaches an image; {@code builder.secrets} reach a BuildKit build through the docker CLI's environment, never
 * its command line; an architecture the local daemon cannot build stops the deploy before anything is built or
 * pushed. Real local dockerd, real registry, real hosts.
 */
@ExtendWith(EeFleet.class)
class BuilderIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void aBuildFromACleanCloneIgnoresAnUncommittedFile() throws Exception {
        E2eApp app = E2eApp.create(fleet, "bld-clone", "");
        Files.writeString(app.dir.resolve("www/note.txt"), "committed\n");
        git(app.dir, "init", "--quiet");
        git(app.dir, "add", "-A");
        git(app.dir, "-c", "user.email=it@kamal4j.test", "-c", "user.name=it", "commit", "--quiet", "-m", "app");
        Files.writeString(app.dir.resolve("www/note.txt"), "uncommitted\n");
        Files.writeString(app.dir.resolve("www/untracked.txt"), "untracked\n");

        app.deploy("v1");

        String container = app.container("web", "v1");
        assertEquals("committed", fleet.docker(fleet.host(1), "exec", container, "cat", "/www/note.txt").strip(),
                "the image holds the committed file, not the working tree's");
        assertEquals("absent", fleet.docker(fleet.host(1), "exec", container, "sh", "-c",
                "test -e /www/untracked.txt && echo present || echo absent").strip());
        String out = app.output.text();
        assertTrue(out.contains("Building from a local git clone, so ignoring these uncommitted changes:"), out);
        assertTrue(out.contains("www/note.txt") && out.contains("www/untracked.txt"), out);
        assertTrue(out.contains("Building from a clean git clone of "), out);
    }

    @Test
    void builderSecretsReachTheBuildAndNoOutputOrProcessList() throws Exception {
        E2eApp app = E2eApp.create(fleet, "bld-secret", "");
        String token = "bt-" + RandomHex.secure().apply(16) + "-x/y+z";
        Files.writeString(app.dir.resolve(".kamal/secrets"), "BUILD_TOKEN=" + token + "\n",
                StandardOpenOption.APPEND);
        // the build keeps only a digest of the secret, as a real build would use it and leave no trace of it
        Files.writeString(app.dir.resolve("Dockerfile"), Files.readString(app.dir.resolve("Dockerfile"))
                .replace("COPY www/ /www/", "COPY www/ /www/\nRUN --mount=type=secret,id=BUILD_TOKEN "
                        + "sha256sum /run/secrets/BUILD_TOKEN | cut -c1-64 > /www/token.sha"));
        app.overrides(Map.of("builder", Map.of("secrets", List.of("BUILD_TOKEN"))));

        List<String> samples;
        try (PsSampler ps = new PsSampler()) {
            app.deploy("v1");
            samples = ps.stop();
        }

        String digest = fleet.docker(fleet.host(1), "exec", app.container("web", "v1"), "cat", "/www/token.sha");
        assertEquals(sha256(token), digest.strip(), "the build read the secret's exact value");
        assertTrue(samples.stream().anyMatch(s -> s.contains("docker build") && s.contains("--secret")),
                "the sampler saw the build");
        assertTrue(samples.stream().noneMatch(s -> s.contains(token)), "secret in ps -eo args");
        assertFalse(app.output.text().contains(token), "secret in the output");
    }

    @Test
    void aForeignOrSecondArchStopsBeforeBuildingSoNoWrongArchImageIsPushed() throws Exception {
        E2eApp app = E2eApp.create(fleet, "bld-arch", "");
        app.overrides(Map.of("builder", Map.of("arch", List.of("arm64"))));
        FlowException foreign = assertThrows(FlowException.class, () -> app.deploy("v1"));
        assertTrue(foreign.getMessage().startsWith("builder/arch is arm64 but the local Docker daemon builds amd64"),
                foreign.getMessage());

        // Debian's docker has no buildx, so no manifest list can be made: refused the same way, before building
        app.overrides(Map.of("builder", Map.of("arch", List.of("amd64", "arm64"))));
        FlowException multi = assertThrows(FlowException.class, () -> app.deploy("v1"));
        assertTrue(multi.getMessage().startsWith("builder/arch lists amd64, arm64: a multi-arch image needs docker "
                + "buildx"), multi.getMessage());

        assertFalse(app.output.text().contains("docker build"), "nothing was built: " + app.output.text());
        HttpResponse<String> tags = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + fleet.registry() + "/v2/bld-arch/tags/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, tags.statusCode(), "nothing was pushed: " + tags.body());
        for (String host : fleet.hosts()) {
            assertEquals(Map.of(), app.containers(host), "no host was touched: " + host);
        }
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
    }
}
