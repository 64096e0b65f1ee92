package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.testbed.Fleet;

/**
 * examples/hello through a real {@code mvn}: {@code mvn kamal:setup}, then {@code mvn deploy} (the plugin's deploy
 * goal bound to the deploy phase, maven-deploy-plugin skipped), against the e2e fleet instead of the demo fleet.
 * The freshly packaged plugin is installed into a throw-away local repository ({@link MavenExample}), so nothing
 * is installed into the user's repository.
 */
@ExtendWith(EeFleet.class)
class ExampleMavenIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void mvnSetupThenMvnDeployRunTheExampleOnEveryHost() throws Exception {
        MavenExample example = MavenExample.of("hello", fleet, Map.of("DOCKER_HOST", fleet.localDockerHost(),
                "DOCKER_BUILDKIT", "0", "PATH", "/usr/bin:/bin:/usr/sbin:/sbin"));

        String setup = example.mvn("kamal:setup", "-Dkamal.version=m1");
        assertTrue(setup.contains("BUILD SUCCESS"), setup);
        assertRunning(example.dir, "m1");

        String deploy = example.mvn("deploy", "-Dkamal.version=m2");
        assertTrue(deploy.contains("--- kamal:0.1.0-SNAPSHOT:deploy (kamal-deploy) @ hello ---"), deploy);
        assertTrue(deploy.contains("Skipping artifact deployment"), "maven-deploy-plugin is skipped:\n" + deploy);
        assertTrue(deploy.contains("BUILD SUCCESS"), deploy);
        assertRunning(example.dir, "m2");
        assertEquals("exited", fleet.docker(fleet.host(1), "inspect", "-f", "{{.State.Status}}", "hello-web-m1")
                .strip());

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
        String port = fleet.docker(fleet.host(1), "port", "hello-web-" + version, "80/tcp").lines().findFirst()
                .orElseThrow().replaceAll(".*:", "");
        String page = MavenExample.exec(example, List.of("curl", "-s", "--max-time", "10", "http://" + fleet.host(1)
                + ":" + port + "/"), Map.of(), true);
        assertEquals("hello from kamal-maven-plugin", page.strip(), "the example app answers on its published port: " + page);
    }
}
