package org.kamal4j.flows.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.FlowException;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.flows.context.FlowContext;

class HooksTest {

    @TempDir
    Path dir;

    private void hook(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private FlowContext context(FlowFixture f) throws Exception {
        f.hooks = new Hooks(dir, new ProcessLocalRunner(dir, f.output), f.output, false);
        return f.context();
    }

    @Test
    void hooksSeeKamalsEnvironmentAndSecretsOnlyWhereKamalGivesThem() throws Exception {
        hook("pre-deploy", "env | grep -E '^(KAMAL_|DB_PASSWORD)' | sort > pre-deploy.env");
        hook("pre-app-boot", "env | grep -E '^(KAMAL_|DB_PASSWORD)' | sort > pre-app-boot.env");
        hook("post-deploy", "env | grep -E '^KAMAL_RUNTIME' > post-deploy.env");
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(context(f)).run(true);

            List<String> pre = Files.readAllLines(dir.resolve("pre-deploy.env"));
            assertTrue(pre.contains("DB_PASSWORD=dbpw"), pre.toString());
            assertTrue(pre.contains("KAMAL_LOCK=true"), pre.toString());
            assertTrue(pre.contains("KAMAL_VERSION=abc123"), pre.toString());
            assertTrue(pre.contains("KAMAL_SERVICE_VERSION=app@abc123"), pre.toString());
            assertTrue(pre.contains("KAMAL_HOSTS=1.1.1.1,1.1.1.2,1.1.1.3"), pre.toString());
            assertTrue(pre.contains("KAMAL_COMMAND=deploy"), pre.toString());
            assertTrue(pre.contains("KAMAL_PERFORMER=dev@example.com"), pre.toString());
            List<String> boot = Files.readAllLines(dir.resolve("pre-app-boot.env"));
            assertFalse(boot.stream().anyMatch(l -> l.startsWith("DB_PASSWORD")), boot.toString());
            assertTrue(boot.contains("KAMAL_HOSTS=1.1.1.1,1.1.1.2"), boot.toString());
            assertTrue(Files.readString(dir.resolve("post-deploy.env")).matches("KAMAL_RUNTIME=\\d+\\n"));
        }
    }

    @Test
    void aFailingHookStopsTheDeployWithItsOutputAndReleasesTheLock() throws Exception {
        hook("pre-deploy", "echo 'not on a Friday, password dbpw'; exit 3");
        try (FlowFixture f = new FlowFixture()) {
            FlowException e = assertThrows(FlowException.class, () -> DeployFlow.deploy(context(f)).run(true));

            assertEquals("Hook `pre-deploy` failed:", e.heading());
            assertEquals("pre-deploy exit status: 3\npre-deploy output: not on a Friday, password [REDACTED]",
                    e.details());
            assertFalse(f.fake.ran("1.1.1.1", "docker run"));
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void sampleFilesAndMissingHooksDoNotRun() throws Exception {
        hook("pre-deploy.sample", "exit 1");
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(context(f)).run(true);
            assertTrue(f.fake.ran("1.1.1.1", "docker run"));
        }
    }
}
