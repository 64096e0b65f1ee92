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
import org.kamal4j.ssh.ExecResult;

/**
 * {@link AppCommands#ifReady} after {@link AppCommands#awaitReady} in one command, run as rendered in a real
 * {@code sh} against a stand-in {@code docker} whose container reports the status in the file {@code status}: the
 * old container is stopped in the same command only when the new one is ready, the wait's status stays the last
 * line, and a failing stop does not fail the command.
 */
class IfReadyShellTest {

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
                  inspect) cat "$state/status" ;;
                  stop) echo "stopped $*"; echo "$*" >> "$state/stopped"; [ ! -f "$state/stop-fails" ] ;;
                esac
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ExecResult waitThenRetire(String statuses) throws Exception {
        return LocalShell.run(Command.steps(List.of(app.awaitReady("abc123", 0),
                app.ifReady("abc123", statuses, app.stop("def456").tolerated()))), dir);
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
