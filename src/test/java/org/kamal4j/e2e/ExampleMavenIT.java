package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.testbed.Fleet;

/**
 * examples/hello through a real {@code mvn}: {@code mvn kamal:setup}, then {@code mvn deploy} (the plugin's deploy
 * goal bound to the deploy phase, maven-deploy-plugin skipped), against the e2e fleet instead of the demo fleet; the
 * web role answers through the real kamal-proxy on port 80 of hosts 1 and 2.
 * The freshly packaged plugin is installed into a throw-away local repository chained in front of ~/.m2
 * ({@code maven.repo.local.tail}), so nothing is installed into the user's repository.
 */
@ExtendWith(EeFleet.class)
class ExampleMavenIT {

    private final Fleet fleet = EeFleet.get();
    private final Path project = Path.of(System.getProperty("kamal.projectDir", "."));

    @Test
    void mvnSetupThenMvnDeployRunTheExampleOnEveryHost() throws Exception {
        Path example = copyExample();
        Path repo = Files.createTempDirectory("kamal-e2e-repo-");
        installPlugin(repo);

        String setup = mvn(example, repo, "kamal:setup", "-Dkamal.version=m1");
        assertTrue(setup.contains("BUILD SUCCESS"), setup);
        assertRunning(example, "m1");

        String deploy = mvn(example, repo, "deploy", "-Dkamal.version=m2");
        assertTrue(deploy.contains("--- kamal:0.1.0-SNAPSHOT:deploy (kamal-deploy) @ hello ---"), deploy);
        assertTrue(deploy.contains("Skipping artifact deployment"), "maven-deploy-plugin is skipped:\n" + deploy);
        assertTrue(deploy.contains("BUILD SUCCESS"), deploy);
        assertRunning(example, "m2");
        assertEquals("exited", fleet.docker(fleet.host(1), "inspect", "-f", "{{.State.Status}}", "hello-web-m1")
                .strip());

        // a deploy.yml alias runs its goal through a child mvn; an unknown one is refused listing the known ones
        String alias = mvn(example, repo, "kamal:alias", "-Dkamal.alias=page", "-Dkamal.version=m2");
        assertTrue(alias.contains("Alias page: mvn kamal:app-exec -Dkamal.command=\"cat /www/index.html\" "
                + "-Dkamal.reuse=true"), alias);
        assertEquals(3, alias.lines().filter(l -> l.contains("hello from kamal-maven-plugin")).count(),
                "the page from the running container of each of the 3 hosts:\n" + alias);
        String unknown = mvnFailing(example, repo, "kamal:alias", "-Dkamal.alias=shell");
        assertTrue(unknown.contains("Unknown alias 'shell'; deploy.yml defines: page, ps"), unknown);

        for (String out : List.of(setup, deploy)) {
            assertFalse(out.contains("demo-secret-do-not-print"), "the demo secret leaked into Maven's output");
            assertFalse(out.contains("demo-registry-password"), "the registry password leaked into Maven's output");
        }
    }

    private void assertRunning(Path example, String version) throws Exception {
        for (int i = 1; i <= 3; i++) {
            String host = fleet.host(i);
            String role = i == 3 ? "workers" : "web";
            String names = fleet.docker(host, "ps", "--filter", "label=service=hello", "--format", "{{.Names}}");
            assertEquals(Set.of("hello-" + role + "-" + version), Set.copyOf(names.strip().lines().toList()), host);
        }
        for (int i = 1; i <= 2; i++) {
            String page = MavenExample.exec(example, List.of("curl", "-s", "--max-time", "10",
                    "http://" + fleet.host(i) + "/"), Map.of(), true);
            assertEquals("hello from kamal-maven-plugin", page.strip(), "the example app answers through kamal-proxy"
                    + " on port 80 of " + fleet.host(i) + ": " + page);
        }
    }

    /** examples/hello pointed at this fleet's subnet instead of the demo fleet's (keys: KAMAL_DEMO_FLEET in mvn). */
    private Path copyExample() throws IOException {
        Path src = project.resolve("examples/hello");
        Path dst = Files.createTempDirectory("kamal-e2e-hello-");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path target = dst.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path yml = dst.resolve("config/deploy.yml");
        String prefix = fleet.registry().replaceAll("\\.1:5000$", ".");
        Files.writeString(yml, Files.readString(yml).replace("198.18.60.", prefix));
        return dst;
    }

    private void installPlugin(Path repo) throws Exception {
        Path jar = project.resolve("target/kamal-maven-plugin-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "run through `mvn verify`, which packages " + jar);
        mvn(project, repo, "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file", "-Dfile=" + jar,
                "-DpomFile=" + project.resolve("pom.xml"));
    }

    private String mvn(Path dir, Path repo, String... args) throws Exception {
        return mvn(dir, repo, true, args);
    }

    private String mvnFailing(Path dir, Path repo, String... args) throws Exception {
        return mvn(dir, repo, false, args);
    }

    private String mvn(Path dir, Path repo, boolean succeeds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "-B", "-o",
                "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"),
                        ".m2/repository")));
        cmd.addAll(List.of(args));
        return MavenExample.exec(dir, cmd, Map.of("DOCKER_HOST", fleet.localDockerHost(), "DOCKER_BUILDKIT", "0",
                "FLEET_STATE", fleet.stateDir().getParent().toString(), "KAMAL_DEMO_FLEET", fleet.name(),
                "PATH", "/usr/bin:/bin:/usr/sbin:/sbin"), succeeds);
    }
}
