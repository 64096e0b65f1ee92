package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.FakeTransport;

/**
 * Remote commands per host (uploads apart) of the running example (web 1.1.1.1 holds the lock, workers 1.1.1.2,
 * the accessory host 1.1.1.3) with images that have a health check, counted with the recording fake: what the
 * combined commands ({@link Command#steps}, the role probe, the wait on the host) save against the one command per
 * Kamal step of before (deploy 13/12, setup 13/12, rollback 12/11 on the fleet). A failure inside a combined
 * command still names its host, its step and its cause.
 */
class RoundTripsTest {

    private static final List<String> HOSTS = List.of("1.1.1.1", "1.1.1.2", "1.1.1.3");

    private static FlowFixture healthy() throws Exception {
        FlowFixture f = new FlowFixture();
        f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("healthy\n");
        // what the host's shell prints when the old container's stop rode in the same command (AwaitReadyShellTest)
        f.fake.on("*", c -> c.contains(FlowFixture.HEALTH) && c.contains(AppCommands.RETIRED_MARK))
                .output("healthy\n" + AppCommands.RETIRED_MARK + "\n");
        return f;
    }

    private static Map<String, Integer> counts(FlowFixture f) {
        return HOSTS.stream().collect(Collectors.toMap(h -> h, h -> f.fake.commands(h).size()));
    }

    @Test
    void deploy() throws Exception {
        try (FlowFixture f = healthy()) {
            DeployFlow.deploy(f.context()).run(true);

            // lock holder: lock, pull + probe, boot (audit + env file + run + wait), stop old, tag + prune, release;
            // workers wait at the barrier, so their old container's stop rides in their boot command
            assertEquals(Map.of("1.1.1.1", 6, "1.1.1.2", 3, "1.1.1.3", 2), counts(f));
            // (inside the wait's `sh -c`, so its quotes are escaped: match the container and the stop)
            assertEquals(1, f.fake.commands("1.1.1.2").stream().filter(c -> c.contains("name=^app-workers-def456$")
                    && c.contains("xargs docker stop")).count(), "the stop is sent once, in the boot command");
            assertEquals(0, f.fake.uploads("1.1.1.1").size(), "the env file rides in the boot command");
            assertEquals(1, f.fake.files("1.1.1.1").size(), "the env file");
        }
    }

    @Test
    void withAPreDeployHookWhatRunsIsAskedAfterTheHookNotInThePull(@TempDir Path hooksDir) throws Exception {
        try (FlowFixture f = healthy()) {
            Files.writeString(hooksDir.resolve("pre-deploy"), "");
            List<Long> hookRan = new ArrayList<>();
            f.hooks = new Hooks(hooksDir, (c, env) -> {
                hookRan.add((long) f.fake.execs().size());
                return new ExecResult(0, "", "");
            }, f.output, false);

            DeployFlow.deploy(f.context()).run(true);

            // the hook may change what runs: the probe is a command of its own after it, one more per app host
            assertEquals(Map.of("1.1.1.1", 7, "1.1.1.2", 4, "1.1.1.3", 2), counts(f));
            assertEquals(1, hookRan.size());
            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                List<FakeTransport.Exec> execs = f.fake.execs().stream().filter(e -> e.host().equals(host)).toList();
                FakeTransport.Exec pull = execs.stream().filter(e -> e.command().contains("docker pull")).findFirst()
                        .orElseThrow();
                FakeTransport.Exec probe = execs.stream().filter(e -> e.command().contains("@@kamal-probe"))
                        .findFirst().orElseThrow();
                assertFalse(pull.command().contains("@@kamal-probe"), host + ": the pull does not ask");
                assertTrue(probe.seq() > hookRan.get(0), host + ": asked after the hook ran");
            }
        }
    }

    @Test
    void deployOfAnImageWithoutHealthCheckAsksOnceMoreAfterTheReadinessDelay() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(f.context()).run(true);

            assertEquals(Map.of("1.1.1.1", 7, "1.1.1.2", 5, "1.1.1.3", 2), counts(f));
        }
    }

    @Test
    void deployBehindKamalProxy() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("healthy\n");

            DeployFlow.deploy(f.context()).run(true);

            // web hosts: (lock), pull + probe, proxy version, proxy start, boot (audit + run + switch), stop old,
            // tag + prune, (release); the workers host: pull + probe, boot (audit + run + wait), stop old, tag + prune.
            // 1.1.1.2's stop rides in its boot command when 1.1.1.1 opened the barrier before 1.1.1.2 started (the
            // next test makes sure of it), else it is a command of its own: sent once either way
            boolean rode = stopRodeInBoot(f, "1.1.1.2");
            assertEquals(Map.of("1.1.1.1", 8, "1.1.1.2", rode ? 5 : 6, "1.1.1.3", 4), counts(f));
            assertEquals(1, f.fake.commands("1.1.1.2").stream().filter(c -> c.contains(STOP_OLD_WEB)).count());
        }
    }

    @Test
    void aPrimaryRoleHostStartingAfterTheBarrierOpenedStopsItsOldContainerInItsBootCommand() throws Exception {
        // proxyweb with boot.limit 1: 1.1.1.2 boots in the second group, after 1.1.1.1 opened the barrier
        try (FlowFixture f = new FlowFixture("proxyweb-limited")) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("healthy\n");

            DeployFlow.deploy(f.context()).run(true);

            assertFalse(stopRodeInBoot(f, "1.1.1.1"), "the gatekeeper stops its old container after opening");
            assertTrue(stopRodeInBoot(f, "1.1.1.2"), f.fake.commands("1.1.1.2").toString());
            assertEquals(Map.of("1.1.1.1", 8, "1.1.1.2", 5, "1.1.1.3", 4), counts(f));
        }
    }

    private static final String STOP_OLD_WEB = "name=^app-web-def456$' --quiet | xargs docker stop";

    /** Whether {@code host}'s old web container was stopped by its boot command (the kamal-proxy switch). */
    private static boolean stopRodeInBoot(FlowFixture f, String host) {
        return f.fake.commands(host).stream().anyMatch(c -> c.contains("kamal-proxy deploy") && c.contains(
                STOP_OLD_WEB));
    }

    @Test
    void setup() throws Exception {
        try (FlowFixture f = healthy()) {
            new SetupFlow(f.context(f.selection(), "setup")).run(true);

            // + docker -v, and .kamal made before the lock on the other hosts; the workers' stop rides in their boot
            assertEquals(8, f.fake.commands("1.1.1.1").size(), f.fake.commands("1.1.1.1").toString());
            assertEquals(6, f.fake.commands("1.1.1.2").size(), f.fake.commands("1.1.1.2").toString());
        }
    }

    @Test
    void rollback() throws Exception {
        try (FlowFixture f = healthy()) {
            f.runs("*", "abc123", "abc123", "beef");

            new RollbackFlow(f.context(f.selection(), "rollback")).run("def456");

            // lock, probe (availability, current version, clash), rename, boot, stop old, tag, release (the
            // workers' stop rides in their boot command)
            assertEquals(Map.of("1.1.1.1", 7, "1.1.1.2", 5, "1.1.1.3", 1), counts(f));
        }
    }

    @Test
    void aFailureInsideACombinedCommandNamesTheHostTheStepAndTheCause() throws Exception {
        try (FlowFixture f = healthy()) {
            f.fake.on("1.1.1.2", c -> c.contains("docker pull")).fail(1, "", FlowFixture.failedStep(
                    "Image registry.example/app:abc123 is missing the 'service' label", "pull (docker pull, then the "
                            + "service label check)"));

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.getMessage().contains("1.1.1.2: pull (docker pull, then the service label check) exit "
                    + "status: 1"), e.getMessage());
            assertTrue(e.getMessage().contains("pull (docker pull, then the service label check) stderr: Image "
                    + "registry.example/app:abc123 is missing the 'service' label"), e.getMessage());
            assertFalse(e.getMessage().contains(Command.STEP_FAILED), e.getMessage());
            assertTrue(f.lockReleased(), "the lock taken before the pull is released after it failed");
            assertFalse(f.fake.ran("1.1.1.1", "docker run"), "nothing booted");
        }
    }
}
