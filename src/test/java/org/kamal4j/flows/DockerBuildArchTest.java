package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;

/**
 * The docker build path on an amd64 daemon with {@code builder.arch: arm64}: the deploy stops before login and
 * build (never a wrong-arch image) and before any host is touched; unused builder keys are warned about first.
 */
class DockerBuildArchTest {

    @Test
    void aForeignArchStopsTheDeployBeforeBuildingAndBeforeAnyHost() throws Exception {
        try (FlowFixture f = new FlowFixture("arm64")) {
            FlowException e = assertThrows(FlowException.class, () -> DeployFlow.deploy(f.context()).run(false));
            assertTrue(e.getMessage().startsWith("builder/arch is arm64 but the local Docker daemon builds amd64"),
                    e.getMessage());
            assertEquals(List.of(), f.local, "no docker login, build or push ran");
            assertEquals(List.of(), f.fake.execs(), "no host was touched");
            String out = f.output.text();
            assertTrue(out.contains("builder/cache is ignored by this plugin's docker build"), out);
            assertFalse(out.contains("builder/secrets is ignored"), "secrets are passed to a BuildKit build: " + out);
        }
    }
}
