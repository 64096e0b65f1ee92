package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.ssh.CommandFailedException;
import org.kamal4j.ssh.ExecResult;

/**
 * {@link AppCommands#awaitReady}, the readiness wait that runs on the host, run as rendered in a real {@code sh}
 * against a stand-in {@code docker} that answers the container lookup and reports "starting" for a number of
 * inspections before "healthy" (or fails the inspection, or reports the status in the file {@code status}); and
 * the old container's stop that rides in it ({@link AppCommands#awaitReady(String, int, String, Command)}).
 */
class AwaitReadyShellTest {

    @TempDir
    Path dir;

    private final DeployConfig config = Example.config();
    private final AppCommands app = new AppCommands(config, config.role("workers"), n -> "0".repeat(n));

    @BeforeEach
    void docker() throws Exception {
        Path docker = dir.resolve("docker");
        Files.writeString(docker, """
                #!/bin/sh
                state=$(dirname "$0")
                case "$1" in
                  container) echo c0ffee ;;
                  inspect)
                    [ -f "$state/fail" ] && { echo 'Error: No such object: c0ffee' >&2; exit 1; }
                    [ -f "$state/status" ] && { cat "$state/status"; exit 0; }
                    n=$(( $(cat "$state/count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$state/count"
                    if [ "$n" -gt "$(cat "$state/starting")" ]; then echo healthy; else echo starting; fi ;;
                  run) echo "$2" >> "$state/ran"; echo 0123abcd ;;
                  stop) echo "stopped $*"; echo "$*" >> "$state/stopped"; [ ! -f "$state/stop-fails" ] ;;
                esac
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The wait's outcome and how long it took. */
    private record Waited(ExecResult result, long millis) {
    }

    /** Runs the wait, bounded at {@code seconds}, on a container that is "starting" for {@code starting} checks. */
    private Waited awaitReady(int starting, int seconds) throws Exception {
        Files.writeString(dir.resolve("starting"), Integer.toString(starting));
        long start = System.nanoTime();
        ExecResult r = LocalShell.run(app.awaitReady("abc123", seconds), dir);
        return new Waited(r, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void returnsAsSoonAsTheContainerIsHealthyPollingEveryTenthOfASecond() throws Exception {
        Waited w = awaitReady(3, 10);

        assertEquals(0, w.result().exitStatus(), w.result().stderr());
        assertEquals("healthy", w.result().stdout().strip());
        assertEquals("4", Files.readString(dir.resolve("count")).strip(), "three 'starting', then 'healthy'");
        assertTrue(w.millis() >= 300 && w.millis() < 5000,
                "three pauses of 0.1 s, far less than the 10 s bound: " + w.millis());
    }

    @Test
    void endsAtItsBoundWithTheLastStatus() throws Exception {
        Waited w = awaitReady(1_000_000, 1);

        assertEquals(0, w.result().exitStatus(), w.result().stderr());
        assertEquals("starting", w.result().stdout().strip());
        assertTrue(w.millis() >= 1000 && w.millis() < 6000, "at least the 1 s bound: " + w.millis());
        assertTrue(Integer.parseInt(Files.readString(dir.resolve("count")).strip()) > 2, "polled more than once");
    }

    @Test
    void aFailingInspectionInsideTheCombinedStartNamesTheWaitAndItsCause() throws Exception {
        Files.writeString(dir.resolve("starting"), "0");
        Files.writeString(dir.resolve("fail"), "");
        Command combined = Command.steps(List.of(Command.of("docker", "run", "first").step("run"),
                app.awaitReady("abc123", 5)));

        ExecResult r = LocalShell.run(combined, dir);
        CommandFailedException e = new CommandFailedException(combined, r);

        assertTrue(r.exitStatus() != 0);
        assertEquals("health", e.step());
        assertTrue(e.getMessage().startsWith("health exit status: "), e.getMessage());
        assertTrue(e.getMessage().contains("No such object: c0ffee"), e.getMessage());
        assertEquals("first", Files.readString(dir.resolve("ran")).strip(), "the run step before it ran");
    }

    @Test
    void aFailingRunStopsBeforeTheWaitAndIsNamed() throws Exception {
        Files.writeString(dir.resolve("starting"), "0");
        Command failingRun = Command.of("sh", "-c", "echo 'port is already allocated' >&2; exit 125").step("run");
        Command combined = Command.steps(List.of(failingRun, app.awaitReady("abc123", 5)));

        ExecResult r = LocalShell.run(combined, dir);
        CommandFailedException e = new CommandFailedException(combined, r);

        assertEquals(125, r.exitStatus());
        assertTrue(e.getMessage().startsWith("run exit status: 125\n"), e.getMessage());
        assertTrue(e.getMessage().contains("run stderr: port is already allocated"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("count")), "no wait after a failed run");
    }

    // the old container's stop in the wait's command: it runs only when the status the wait ended with is ready,
    // the status is printed before the marker, and a failing stop does not fail the command

    private ExecResult waitThenRetire(String statuses) throws Exception {
        return LocalShell.run(Command.steps(List.of(app.awaitReady("abc123", 0, statuses,
                app.stop("def456").tolerated()))), dir);
    }

    @Test
    void aReadyContainerStopsTheOldOneInTheSameCommand() throws Exception {
        Files.writeString(dir.resolve("status"), "healthy\n");

        ExecResult r = waitThenRetire(AppCommands.READY_STATUSES);

        assertEquals(0, r.exitStatus(), r.stderr());
        assertEquals(List.of("healthy", AppCommands.RETIRED_MARK), r.stdout().strip().lines().toList(),
                "the stop's own output is discarded");
        assertEquals("stop -t 30 c0ffee", Files.readString(dir.resolve("stopped")).strip());
    }

    @Test
    void aContainerNotReadyYetLeavesTheOldOneRunning() throws Exception {
        Files.writeString(dir.resolve("status"), "starting\n");

        ExecResult r = waitThenRetire(AppCommands.READY_STATUSES);

        assertEquals(0, r.exitStatus(), r.stderr());
        assertEquals("starting", r.stdout().strip());
        assertFalse(Files.exists(dir.resolve("stopped")));
    }

    @Test
    void onlyTheStatusesGivenCount() throws Exception {
        // a container without health check is "running"; with a readiness delay only "healthy" may stop the old
        Files.writeString(dir.resolve("status"), "running\n");

        ExecResult r = waitThenRetire("healthy");

        assertEquals("running", r.stdout().strip());
        assertFalse(Files.exists(dir.resolve("stopped")));
    }

    @Test
    void aFailingStopDoesNotFailTheCommand() throws Exception {
        Files.writeString(dir.resolve("status"), "healthy\n");
        Files.writeString(dir.resolve("stop-fails"), "");

        ExecResult r = waitThenRetire(AppCommands.READY_STATUSES);

        assertEquals(0, r.exitStatus(), r.stderr());
        assertTrue(r.stdout().strip().startsWith("healthy"), r.stdout());
        assertTrue(Files.exists(dir.resolve("stopped")), "the stop was tried");
    }
}
