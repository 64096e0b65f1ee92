package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.KamalException;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.StopOnInterrupt;
import org.kamal4j.ssh.ExecResult;

/** Ctrl-C during a deploy: work stops, each host settles on one version, the lock goes last, each host is printed. */
class StopOnInterruptTest {

    private static final String STOP_OLD_WEB = "name=^app-web-def456$' --quiet | xargs docker stop";
    private static final String STOP_NEW_WEB = "name=^app-web-abc123$' --quiet | xargs docker stop";

    @Test
    void ctrlCJustAfterTheWebDockerRunFinishesThatBootStartsNothingElseAndReleasesTheLockLast() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowContext ctx = f.context();
            f.fake.on("1.1.1.1", c -> c.startsWith("docker run")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "", "");
            });

            KamalException e = assertThrows(KamalException.class, () -> DeployFlow.deploy(ctx).run(true));

            assertTrue(e.getMessage().contains("Stopped (Ctrl-C) before booting workers on 1.1.1.2"),
                    e.getMessage());
            assertTrue(f.fake.ran("1.1.1.1", STOP_OLD_WEB), "the running web boot finished");
            assertFalse(f.fake.ran("1.1.1.2", "docker run"), "workers never started");
            assertFalse(f.fake.ran("1.1.1.1", "docker tag"), "nothing after the boot");
            assertSettledThenReleasedThenPrinted(f);
        }
    }

    @Test
    void aNewContainerNotReadyWhenTheGraceEndsIsStoppedAndTheOldOneKept() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.stop = new StopOnInterrupt(Thread.currentThread(), 0);
            FlowContext ctx = f.context();
            f.fake.on("1.1.1.1", c -> c.contains(FlowFixture.HEALTH)).output("starting\n");
            f.fake.on("1.1.1.1", c -> c.startsWith("docker run")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "", "");
            });
            f.fake.on("1.1.1.1", c -> c.startsWith("docker container ls --all") && !c.contains("|")).answer(exec -> new ExecResult(0,
                    ctx.stop().requested() ? "c0ffee\n" : "", ""));

            KamalException e = assertThrows(KamalException.class, () -> DeployFlow.deploy(ctx).run(true));

            assertTrue(e.getMessage().contains("stopped (Ctrl-C) before the container was ready (starting)"),
                    e.getMessage());
            assertTrue(f.fake.ran("1.1.1.1", STOP_NEW_WEB), "the new container was stopped");
            assertFalse(f.fake.ran("1.1.1.1", STOP_OLD_WEB), "the old one keeps running");
            assertSettledThenReleasedThenPrinted(f);
            assertTrue(f.output.lines().contains("ERROR   1.1.1.1: web runs def456 (abc123 stopped)"),
                    f.output.lines().toString());
        }
    }

    @Test
    void ctrlCDuringThePullTakesNoLockAndStillPrintsEachHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowContext ctx = f.context();
            f.fake.on("1.1.1.2", c -> c.contains("docker pull")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "", "");
            });

            assertThrows(KamalException.class, () -> DeployFlow.deploy(ctx).run(true));

            assertFalse(f.fake.ran("1.1.1.1", "mkdir .kamal/lock-app"), "no lock taken after the stop");
            assertFalse(f.fake.ran("1.1.1.1", "docker run"));
            assertTrue(f.output.lines().contains("ERROR   1.1.1.2: workers runs def456"),
                    f.output.lines().toString());
        }
    }

    @Test
    void aFlowThatDoesNotSettleIsInterruptedAtOnce() {
        StopOnInterrupt stop = StopOnInterrupt.forCurrentThread();
        stop.request("Ctrl-C", new RecordingOutput());
        assertTrue(Thread.interrupted(), "interrupted");
        assertTrue(stop.requested());
    }

    /** The hosts were asked what they run before the lock went, and the states were printed after it. */
    private static void assertSettledThenReleasedThenPrinted(FlowFixture f) {
        List<String> primary = f.fake.commands("1.1.1.1");
        int asked = primary.lastIndexOf(primary.stream().filter(c -> c.startsWith(FlowFixture.RUNNING_VERSIONS))
                .reduce((a, b) -> b).orElseThrow());
        int released = FlowFixture.indexOf(primary, "rm .kamal/lock-app/details");
        assertTrue(f.lockReleased(), "lock released");
        assertTrue(asked < released, primary.toString());
        List<String> lines = f.output.lines();
        int heading = lines.indexOf("ERROR Stopped (Ctrl-C). What each host runs now:");
        int releasing = lines.indexOf("INFO Releasing the deploy lock...");
        assertTrue(releasing >= 0 && heading > releasing, lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ERROR   1.1.1.1: web runs ")).count(),
                lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ERROR   1.1.1.2: workers runs ")).count(),
                lines.toString());
    }
}
