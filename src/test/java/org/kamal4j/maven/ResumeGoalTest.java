package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.FlowException;
import org.kamal4j.flows.rollout.DeployReport;
import org.kamal4j.flows.rollout.ReportFiles;
import org.kamal4j.flows.steps.BootReport;

/**
 * {@code kamal:deploy -Dkamal.resume=true} (dry run): the last report's version goes only to the host it did not
 * finish, without a build; combined with {@code kamal.hosts} or another version it is refused before connecting.
 */
class ResumeGoalTest {

    @TempDir
    Path dir;

    @Test
    void resumeDeploysTheReportsVersionOnlyToTheUnfinishedHostWithoutBuilding() throws Exception {
        FlowMojosTest.SyncLog log = new FlowMojosTest.SyncLog();
        DeployMojo m = resume(log);

        m.execute();

        String out = String.join("\n", log.lines());
        assertTrue(log.lines().get(0).startsWith("Resuming the deploy of v9 from " + dir.resolve(".kamal/deploy-"))
                && log.lines().get(0).endsWith(" on 1 host(s) it did not finish: 1.1.1.2"), out);
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("[1.1.1.2] ")
                && l.contains("docker run --detach --restart unless-stopped --name app-workers-v9 ")), out);
        assertFalse(out.contains("[1.1.1.1]"), "the finished host is not touched: " + out);
        assertFalse(out.contains("[local] docker build") || out.contains("docker push"), "no build: " + out);
    }

    @Test
    void resumeWithHostsOrAnotherVersionIsRefused() throws Exception {
        FlowMojosTest.SyncLog log = new FlowMojosTest.SyncLog();
        DeployMojo withHosts = resume(log);
        withHosts.hosts = "1.1.1.1";
        assertEquals("-Dkamal.resume deploys to the hosts the last deploy did not finish; drop -Dkamal.hosts",
                assertThrows(MojoFailureException.class, withHosts::execute).getMessage());

        DeployMojo otherVersion = resume(log);
        otherVersion.version = "v10";
        String message = assertThrows(MojoFailureException.class, otherVersion::execute).getMessage();
        assertTrue(message.startsWith("-Dkamal.resume deploys v9 again (from ") && message.endsWith(
                "), not -Dkamal.version=v10"), message);
        assertTrue(log.lines().isEmpty(), log.lines().toString());
    }

    /** The example project copied to {@code dir} with a failed v9 deploy's report: 1.1.1.1 deployed, 1.1.1.2 not. */
    private DeployMojo resume(FlowMojosTest.SyncLog log) throws Exception {
        Path example = FlowMojosTest.fixture("example").toPath();
        Files.copy(example.resolve("deploy.yml"), dir.resolve("deploy.yml"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve(".kamal"));
        try (var files = Files.list(example.resolve(".kamal"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(".kamal").resolve(f.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Instant at = Instant.parse("2026-12-03T07:00:00Z");
        new DeployReport("deploy", "app", "v9", at, Duration.ofSeconds(20), false, new FlowException("boot failed"))
                .write(ReportFiles.timestamped(dir.resolve(".kamal"), "deploy", at), List.of("1.1.1.1", "1.1.1.2"),
                        h -> h.equals("1.1.1.1") ? List.of("web") : List.of("workers"), List.of(
                                new BootReport.Row("1.1.1.1", "web", "v8", "v9", "booted", Duration.ofSeconds(5))),
                        Map.of());
        DeployMojo m = FlowMojosTest.configure(FlowMojosTest.deploy(), "example", log);
        m.baseDir = dir.toFile();
        m.version = null;
        m.resume = true;
        return m;
    }
}
