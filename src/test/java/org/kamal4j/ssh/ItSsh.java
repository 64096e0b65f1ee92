package org.kamal4j.ssh;

import org.kamal4j.config.Ssh;
import org.kamal4j.config.Sshkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Settings for integration tests: keys only, no agent, an empty home, the given known_hosts. */
final class ItSsh {

    private ItSsh() {}

    static Ssh ssh(List<Path> keys, Path knownHosts, String policy) {
        return ssh(keys, knownHosts, policy, null, null, 0);
    }

    static Ssh ssh(List<Path> keys, Path knownHosts, String policy, String proxy, String proxyCommand,
            int commandTimeout) {
        return new Ssh("root", 22, proxy, proxyCommand, "fatal", true,
                keys.stream().map(Path::toString).toList(), null, null, null, policy, knownHosts.toString(),
                10, commandTimeout, 30, null);
    }

    static JschTransport.Builder builder(Ssh ssh) throws Exception {
        return builder(ssh, Sshkit.DEFAULT);
    }

    static JschTransport.Builder builder(Ssh ssh, Sshkit sshkit) throws Exception {
        return JschTransport.builder(ssh, sshkit).home(Files.createTempDirectory("kamal4j-home-")).agentSocket(null);
    }

    static Path knownHosts(LocalSshd... servers) throws Exception {
        Path f = Files.createTempFile("kamal4j-known_hosts-", "");
        StringBuilder sb = new StringBuilder();
        for (LocalSshd s : servers) {
            sb.append(s.knownHostsLine());
        }
        Files.writeString(f, sb);
        return f;
    }
}
