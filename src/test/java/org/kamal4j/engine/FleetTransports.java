package org.kamal4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kamal4j.config.Ssh;
import org.kamal4j.config.Sshkit;
import org.kamal4j.ssh.JschTransport;
import org.kamal4j.testbed.Fleet;

/** JSch transports for a fleet: its ed25519 key only, no agent, an empty home, strict host keys. */
final class FleetTransports {

    private FleetTransports() {}

    /** A builder using the fleet's key and the given known_hosts file and caps. */
    static JschTransport.Builder builder(Fleet fleet, Path knownHosts, Sshkit sshkit) throws IOException {
        Ssh ssh = new Ssh("root", 22, null, null, "fatal", true, List.of(fleet.key().toString()), null, null,
                null, "strict", knownHosts.toString(), 10, 0, 30, null);
        return JschTransport.builder(ssh, sshkit).home(Files.createTempDirectory("kamal4j-home-"))
                .agentSocket(null);
    }
}
