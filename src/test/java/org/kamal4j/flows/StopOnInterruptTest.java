package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kamal4j.KamalException;
import org.kamal4j.config.DeployConfig;
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
            // the run and the first wait are one command: it ends with the container ready
            f.fake.on("1.1.1.1", c -> c.contains("docker run --detach")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "running\n", "");
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
    void theGraceIsTheOneGivenWithKamalStopGrace() {
        StopOnInterrupt stop = StopOnInterrupt.forCurrentThread(5);
        stop.settles();
        List<String> printed = new CopyOnWriteArrayList<>();
        stop.request("Ctrl-C", (level, line) -> printed.add(line));
        stop.finished();
        assertTrue(printed.get(0).contains("running steps get up to 5 s"), printed.toString());
        assertFalse(stop.graceOver(), "5 s have not passed");
        assertEquals(35, stop.maxWaitSeconds(), "the grace, then asking, releasing and printing");
    }

    @Test
    void aNewContainerNotReadyWhenTheGraceEndsIsStoppedAndTheOldOneKept() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.stop = new StopOnInterrupt(Thread.currentThread(), 0, false);
            FlowContext ctx = f.context();
            f.fake.on("1.1.1.1", c -> c.contains(FlowFixture.HEALTH)).output("starting\n");
            // the run and the first wait are one command: it ends with the container still starting
            f.fake.on("1.1.1.1", c -> c.contains("docker run --detach")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "starting\n", "");
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
    void ctrlCDuringThePullBootsNothingReleasesTheLockAndStillPrintsEachHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowContext ctx = f.context();
            f.fake.on("1.1.1.2", c -> c.contains("docker pull")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "", "");
            });

            assertThrows(KamalException.class, () -> DeployFlow.deploy(ctx).run(true));

            assertTrue(f.lockReleased(), "the lock taken before the pull is released");
            assertFalse(f.fake.ran("1.1.1.1", "docker run"));
            assertTrue(f.output.lines().contains("ERROR   1.1.1.2: workers runs def456"),
                    f.output.lines().toString());
        }
    }

    @Test
    void aLockThatCannotBeReleasedNamesTheHostAndTheGoalWithinTheBound() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowContext ctx = f.context();
            // the run and the first wait are one command: it ends with the container ready
            f.fake.on("1.1.1.1", c -> c.contains("docker run --detach")).answer(exec -> {
                ctx.stop().request("Ctrl-C", f.output);
                return new ExecResult(0, "running\n", "");
            });
            f.fake.on("1.1.1.1", c -> c.startsWith("rm .kamal/lock-app")).answer(exec -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ExecResult(0, "", "");
            });
            long t0 = System.nanoTime();

            assertThrows(KamalException.class, () -> DeployFlow.deploy(ctx).run(true));

            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < StopOnInterrupt.SETTLE_SECONDS + 5, seconds + " s");
            List<String> lines = f.output.lines();
            assertTrue(lines.contains("ERROR Could not release the deploy lock on 1.1.1.1 within 10 s; release it with"
                    + " `mvn kamal:lock-release`"), lines.toString());
            assertTrue(lines.indexOf("ERROR Stopped (Ctrl-C). What each host runs now:") > 0, lines.toString());
        }
    }

    @Test
    void aFlowThatDoesNotSettleIsInterruptedAtOnce() {
        StopOnInterrupt stop = StopOnInterrupt.withoutEscalation();
        stop.request("Ctrl-C", new RecordingOutput());
        assertTrue(Thread.interrupted(), "interrupted");
        assertTrue(stop.requested());
    }

    @Test
    void theRunTimeoutStopsASettlingFlowAsCtrlCDoes() throws Exception {
        RecordingOutput output = new RecordingOutput();
        KamalException e = assertThrows(KamalException.class, () -> FlowWiring.of(config(), output).dryRun(true)
                .runTimeout(1).run(ctx -> {
                    ctx.stop().settles();
                    while (!ctx.stop().requested()) {
                        Thread.sleep(20);
                    }
                    ctx.stop().check("the next step");
                }));
        assertTrue(e.getMessage().startsWith("Timed out after 1 s (-Dkamal.timeout): no new step was started"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Stopped (-Dkamal.timeout) before the next step"), e.getMessage());
    }

    @Test
    void theCtrlCHookWaitsUntilTheFlowHasFinished() throws Exception {
        List<Thread> hooks = new CopyOnWriteArrayList<>();
        AtomicBoolean flowDone = new AtomicBoolean();
        AtomicBoolean doneWhenHookReturned = new AtomicBoolean();
        FlowWiring wiring = FlowWiring.of(config(), new RecordingOutput()).dryRun(true).shutdownHooks(
                new ListShutdownHooks(hooks));
        AtomicReference<Thread> ctrlC = new AtomicReference<>();
        assertThrows(KamalException.class, () -> wiring.run(ctx -> {
            ctx.stop().settles();
            ctrlC.set(new Thread(() -> {
                hooks.get(0).run();
                doneWhenHookReturned.set(flowDone.get());
            }));
            ctrlC.get().start();
            while (!ctx.stop().requested()) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // the settling a real flow does: the hook must not return meanwhile
            flowDone.set(true);
            ctx.stop().check("the next step");
        }));
        ctrlC.get().join(10_000);
        assertTrue(doneWhenHookReturned.get(), "the hook returned before the flow had finished");
        assertTrue(hooks.isEmpty(), "the hook is removed after the run");
    }

    /** The fixture's configuration (FlowWiring builds its own context from it). */
    private static DeployConfig config() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            return f.config;
        }
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
