package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The config goal configured through a real pom, as Maven injects it (the {@code <deploy>} element included). */
@MojoTest
class ConfigMojoHarnessTest {

    @Test
    @InjectMojo(goal = "config", pom = "src/test/resources/harness/config-pom/pom.xml")
    void pomDeployElementIsInjectedAndLoads(ConfigMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertTrue(log.info.contains("absolute_image: registry.example/app:abc123"), log.info.toString());
        assertTrue(log.info.contains("    container: app-workers-abc123"), log.info.toString());
    }

    @Test
    @InjectMojo(goal = "config", pom = "src/test/resources/harness/invalid-pom/pom.xml")
    void invalidPomConfigurationListsEveryProblem(ConfigMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("""
                Invalid Kamal configuration: 3 problems (fix them and run again)
                  pom.xml <deploy>: servers/workers: unknown keys: host (did you mean `hosts`?), command
                  pom.xml <deploy>: proxy/app_port: should be an integer
                  pom.xml <deploy>: No servers specified for the workers role. You can ignore this with \
                allow_empty_roles: true""", e.getMessage());
    }
}
