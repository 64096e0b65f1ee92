package org.kamal4j.build;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.config.Builder;

/** The docker build path: only the daemon's own arch, and every unused builder key named. */
class DockerBuildCheckTest {

    @Test
    void theDaemonsOwnArchPasses() {
        assertDoesNotThrow(() -> DockerBuildCheck.checkArch(List.of("amd64"), "amd64\n"));
        assertDoesNotThrow(() -> DockerBuildCheck.checkArch(List.of("arm64"), "aarch64"));
    }

    @Test
    void aForeignArchFailsNamingWhatToChange() {
        FlowException e = assertThrows(FlowException.class,
                () -> DockerBuildCheck.checkArch(List.of("arm64"), "amd64\n"));
        assertTrue(e.getMessage().startsWith("builder/arch is arm64 but the local Docker daemon builds amd64 images"),
                e.getMessage());
        assertTrue(e.getMessage().contains("set builder/arch: amd64"), e.getMessage());
    }

    @Test
    void multiArchFailsBecauseNoManifestListCanBeMade() {
        FlowException e = assertThrows(FlowException.class,
                () -> DockerBuildCheck.checkArch(List.of("amd64", "arm64"), "amd64"));
        assertTrue(e.getMessage().startsWith("builder/arch lists amd64, arm64: a multi-arch image needs docker "
                + "buildx"), e.getMessage());
    }

    @Test
    void everyKeyNotActedOnIsNamed() {
        Builder b = new Builder(List.of("amd64"), "ssh://builder", false, "cloud org/builder", null, "Dockerfile",
                null, Map.of(), List.of("TOKEN"), "default", "registry", null, "app-build-cache", "heroku/builder",
                List.of(), "false", true, null);
        List<String> keys = DockerBuildCheck.unusedKeys(b).stream()
                .map(w -> w.substring(0, w.indexOf(' '))).toList();
        // secrets and ssh are acted on (a BuildKit build), so they are not named
        assertEquals(List.of("builder/remote", "builder/local", "builder/cache", "builder/driver", "builder/pack",
                "builder/provenance", "builder/sbom"), keys);
    }

    @Test
    void aPlainBuilderHasNoWarnings() {
        Builder b = new Builder(List.of("amd64"), null, true, "docker-container", null, "Dockerfile", null,
                Map.of("A", "1"), List.of(), null, null, null, "app-build-cache", null, List.of(), null, null, null);
        assertEquals(List.of(), DockerBuildCheck.unusedKeys(b));
    }
}
