package org.kamal4j.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the test bed itself: three hosts reachable over real SSH with the fleet's keys and known_hosts. */
class FleetIT {

    private static Fleet fleet;

    @BeforeAll
    static void up() {
        fleet = Fleet.up("fit", 3);
    }

    @AfterAll
    static void down() {
        fleet.down();
    }

    @Test
    void everyHostAnswersAsItselfOverSsh() {
        assertEquals(3, fleet.hosts().size());
        for (String host : fleet.hosts()) {
            assertEquals(fleet.hostName(host), ssh(fleet.key(), host, Map.of(), "hostname").strip());
        }
    }

    @Test
    void eachHostHasItsOwnAddressAndDockerSocket() {
        String host = fleet.host(2);
        String out = ssh(fleet.key(), host, Map.of(), "echo $DOCKER_HOST; ip -4 -o addr show eth0");
        assertTrue(out.contains("unix:///run/docker-" + fleet.hostName(host) + ".sock"), out);
        assertTrue(out.contains(host + "/24"), out);
    }

    @Test
    void rsaAndPassphraseKeysAreAuthorised() throws IOException {
        String host = fleet.host(1);
        assertEquals("rsa", ssh(fleet.rsaKey(), host, Map.of(), "echo rsa").strip());
        Path askpass = Files.createTempFile("askpass", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(askpass, "#!/bin/sh\necho '" + fleet.passphrase() + "'\n");
        Map<String, String> env = Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force",
                "DISPLAY", ":0");
        assertEquals("pass", ssh(fleet.keyWithPassphrase(), host, env, "echo pass").strip());
    }

    @Test
    void sshdLogCountsAcceptedConnectionsWithTimestamps() {
        String host = fleet.host(3);
        int before = fleet.acceptedConnections(host);
        ssh(fleet.key(), host, Map.of(), "true");
        ssh(fleet.key(), host, Map.of(), "true");
        assertEquals(before + 2, fleet.acceptedConnections(host));
        var times = fleet.acceptedConnectionTimes(host);
        assertTrue(!times.get(times.size() - 1).isBefore(times.get(times.size() - 2)), times.toString());
    }

    @Test
    void upAgainIsIdempotentAndKeepsHostKeys() throws IOException {
        String knownHosts = Files.readString(fleet.knownHosts());
        Fleet.script(List.of("up", "fit", "3"));
        assertEquals(knownHosts, Files.readString(fleet.knownHosts()));
        assertEquals(fleet.hostName(fleet.host(1)), ssh(fleet.key(), fleet.host(1), Map.of(), "hostname").strip());
    }

    private static String ssh(Path key, String host, Map<String, String> env, String command) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-i", key.toString(),
                "-o", "UserKnownHostsFile=" + fleet.knownHosts(), "-o", "StrictHostKeyChecking=yes",
                "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10"));
        if (env.isEmpty()) {
            argv.addAll(List.of("-o", "BatchMode=yes"));
        }
        argv.addAll(List.of("root@" + host, command));
        return Proc.run(argv, env, 60);
    }
}
