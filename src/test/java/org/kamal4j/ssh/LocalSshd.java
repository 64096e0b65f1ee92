package org.kamal4j.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH sshd on a loopback address for integration tests: its own host key, authorized_keys and log
 * under a temporary directory, started as a child process and stopped by that process (never by name).
 */
final class LocalSshd implements AutoCloseable {

    final String address;
    final int port;
    final Path dir;
    final Path hostKey;
    final Path authorizedKeys;
    final Path log;
    private Process process;

    private LocalSshd(String address, int port, Path dir) {
        this.address = address;
        this.port = port;
        this.dir = dir;
        this.hostKey = dir.resolve("ssh_host_ed25519_key");
        this.authorizedKeys = dir.resolve("authorized_keys");
        this.log = dir.resolve("sshd.log");
    }

    /** Starts sshd on {@code address:port} letting in root with the given public key files. */
    static LocalSshd start(String address, int port, List<Path> publicKeys) throws Exception {
        Path dir = Files.createTempDirectory("kamal4j-sshd-");
        LocalSshd d = new LocalSshd(address, port, dir);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", d.hostKey.toString());
        StringBuilder keys = new StringBuilder();
        for (Path p : publicKeys) {
            keys.append(Files.readString(p).strip()).append('\n');
        }
        Files.writeString(d.authorizedKeys, keys);
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress " + address + ":" + port,
                "HostKey " + d.hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + d.authorizedKeys,
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "AllowTcpForwarding yes",
                "MaxStartups 200",
                "MaxSessions 50",
                "LogLevel DEBUG1",
                "") + "\n");
        d.process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-f", dir.resolve("sshd_config").toString(),
                "-E", d.log.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile())
                .start();
        d.awaitListening();
        return d;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("stdout"))
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on " + address + ":" + port);
    }

    /** The host as deploy.yml would name it. */
    String host() {
        return address + ":" + port;
    }

    /** A known_hosts line for this server's key. */
    String knownHostsLine() throws IOException {
        String[] pub = Files.readString(Path.of(hostKey + ".pub")).strip().split(" ");
        return "[" + address + "]:" + port + " " + pub[0] + " " + pub[1] + "\n";
    }

    /** The SHA256 fingerprint of this server's host key. */
    String fingerprint() throws IOException {
        String[] pub = Files.readString(Path.of(hostKey + ".pub")).strip().split(" ");
        return Fingerprints.sha256(Base64.getDecoder().decode(pub[1]));
    }

    /** How many publickey logins the server accepted so far. */
    long acceptedLogins() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Accepted publickey")).count();
    }

    static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
