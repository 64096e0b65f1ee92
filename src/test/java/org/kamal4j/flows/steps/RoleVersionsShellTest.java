package org.kamal4j.flows.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LocalShell;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.ssh.CommandFailedException;
import org.kamal4j.ssh.ExecResult;

/**
 * {@link RoleVersions#probe} run as rendered in a real {@code sh}, against a stand-in {@code docker} that lists the
 * role's containers newest first ({@code container ls}, as docker orders them) and answers the lookup of the latest
 * image's container ({@code ps --latest ... ancestor=}): the answers are those of Kamal's three separate commands
 * (stale check, current version, clash check), from one listing.
 */
class RoleVersionsShellTest {

    @TempDir
    Path dir;

    @Test
    void runningRestartingAndPausedContainersAreRunningTheNewestRunningOneIsCurrentAndTheClashIsFound()
            throws Exception {
        docker("""
                c5 created app-workers-abc123
                c4 running app-workers-v4
                c3 restarting app-workers-v3
                c2 paused app-workers-v2
                c1 exited app-workers-v1
                """, "");

        RoleVersions found = probe();

        assertEquals(List.of("v4", "v3", "v2"), found.running(), "what docker ps lists: not exited, not created");
        assertEquals("v4", found.current(), "no container of the latest image: the newest running one");
        assertEquals("c5", found.clash(), "the container already named for the version being booted, any state");
        assertEquals(List.of("v3", "v2"), found.stale());
    }

    @Test
    void aRunningContainerOfTheLatestImageIsCurrentEvenWhenANewerOneRuns() throws Exception {
        docker("""
                c4 running app-workers-v4
                c3 running app-workers-v3
                """, "app-workers-v3");

        RoleVersions found = probe();

        assertEquals("v3", found.current(), "Kamal's first lookup: the latest image's container");
        assertEquals(List.of("v4"), found.stale());
        assertEquals("", found.clash());
    }

    @Test
    void aPausedContainerIsNeverCurrentAndNothingRunningMeansNoCurrentVersion() throws Exception {
        docker("""
                c2 paused app-workers-v2
                c1 exited app-workers-v1
                """, "");

        RoleVersions found = probe();

        assertEquals(List.of("v2"), found.running());
        assertEquals("", found.current(), "docker ps --filter status=running/restarting: a paused one is not");
    }

    @Test
    void aFailingListingFailsTheStaleCheckNamingItsRole() throws Exception {
        docker(null, "");
        Command probe = RoleVersions.probe(config(), List.of("workers"), n -> "0".repeat(n));

        ExecResult r = LocalShell.run(probe, dir);
        CommandFailedException e = new CommandFailedException(probe, r);

        assertEquals(1, r.exitStatus());
        assertEquals("stale container check (docker container ls) for role workers", e.step());
        assertTrue(e.getMessage().contains("Cannot connect to the Docker daemon"), e.getMessage());
    }

    private RoleVersions probe() throws Exception {
        ExecResult r = LocalShell.run(RoleVersions.probe(config(), List.of("workers"), n -> "0".repeat(n)), dir);
        assertEquals(0, r.exitStatus(), r.stderr());
        Map<String, RoleVersions> found = RoleVersions.parse(r.stdout());
        assertEquals(List.of("workers"), List.copyOf(found.keySet()));
        return found.get("workers");
    }

    /** The running example's config, booting version abc123. */
    private static DeployConfig config() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            return f.config;
        }
    }

    /**
     * A stand-in docker: {@code container ls} prints {@code containers} (null: fails as a stopped daemon does),
     * {@code ps --latest} with the latest tag as ancestor filter prints {@code ofLatestImage}, anything else prints
     * nothing.
     */
    private void docker(String containers, String ofLatestImage) throws Exception {
        if (containers != null) {
            Files.writeString(dir.resolve("containers"), containers);
        }
        Files.writeString(dir.resolve("latest"), ofLatestImage.isEmpty() ? "" : ofLatestImage + "\n");
        Path docker = dir.resolve("docker");
        Files.writeString(docker, """
                #!/bin/sh
                state=$(dirname "$0")
                case "$1 $2" in
                  "container ls")
                    [ -f "$state/containers" ] || { echo 'Cannot connect to the Docker daemon' >&2; exit 1; }
                    cat "$state/containers" ;;
                  "ps --latest") case "$*" in *ancestor=registry.example/app:latest*) cat "$state/latest" ;; esac ;;
                esac
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
