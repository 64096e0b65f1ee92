package org.kamal4j.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kamal4j.ssh.Fingerprints;
import org.kamal4j.testbed.Fleet;

/**
 * Per-host handles on a fleet that the engine tests need beyond {@link Fleet}: the host directory, its sshd log
 * read as connections, a known_hosts file with one wrong key, and stopping one host's sshd by its PID file.
 */
final class EngineFleetHosts {

    /** A known_hosts file where one host has a different key; fingerprints as OpenSSH prints them. */
    record WrongKey(Path knownHosts, String actual, String expected) {}

    private final Fleet fleet;
    private boolean stopped;

    EngineFleetHosts(Fleet fleet) {
        this.fleet = fleet;
    }

    /** The host's state directory, which the host sees as $FLEET_HOST_DIR (hosts share this file system). */
    Path dir(String host) {
        return fleet.sshdLog(host).getParent();
    }

    /** How many TCP connections each host's sshd has logged so far. */
    Map<String, Integer> connectionCounts() throws IOException {
        return connectionCounts(fleet.hosts());
    }

    /** How many TCP connections each of {@code hosts} has logged so far. */
    Map<String, Integer> connectionCounts(List<String> hosts) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String host : hosts) {
            counts.put(host, SshdLog.connections(host, fleet.sshdLog(host)).size());
        }
        return counts;
    }

    /**
     * The connections each host of {@code before} logged since, once each shows at least {@code atLeast} and
     * all of them have ended (sshd writes its log asynchronously), or after 15 s, whatever they are then.
     */
    Map<String, List<SshdLog.Connection>> newConnections(Map<String, Integer> before, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            Map<String, List<SshdLog.Connection>> out = new LinkedHashMap<>();
            boolean settled = true;
            for (String host : before.keySet()) {
                List<SshdLog.Connection> all = SshdLog.connections(host, fleet.sshdLog(host));
                List<SshdLog.Connection> added = new ArrayList<>(all.subList(before.get(host), all.size()));
                settled &= added.size() >= atLeast && added.stream().allMatch(SshdLog.Connection::ended);
                out.put(host, added);
            }
            if (settled || System.nanoTime() > deadline) {
                return out;
            }
            Thread.sleep(50);
        }
    }

    /** A copy of the fleet's known_hosts in which {@code host} has a freshly generated ed25519 key. */
    WrongKey knownHostsWithWrongKeyFor(String host) throws Exception {
        Path tmp = Files.createTempDirectory("kamal4j-wrongkey-");
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "not-" + host, "-f",
                tmp.resolve("key").toString()));
        String[] other = Files.readString(tmp.resolve("key.pub")).strip().split(" ");
        String[] real = Files.readString(dir(host).resolve("ssh_host_ed25519_key.pub")).strip().split(" ");
        StringBuilder lines = new StringBuilder();
        for (String line : Files.readAllLines(fleet.knownHosts(), StandardCharsets.UTF_8)) {
            lines.append(line.startsWith(host + " ") ? host + " " + other[0] + " " + other[1] : line).append('\n');
        }
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, lines);
        return new WrongKey(knownHosts, fingerprint(real[1]), fingerprint(other[1]));
    }

    private static String fingerprint(String base64Blob) {
        return Fingerprints.sha256(Base64.getDecoder().decode(base64Blob));
    }

    /** Stops the host's sshd (SIGTERM to the PID in its pid file, checked to be that sshd) and waits for it. */
    void stopSshd(String host) throws Exception {
        Path pidFile = dir(host).resolve("sshd.pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        ProcessHandle sshd = ProcessHandle.of(pid)
                .filter(p -> cmdline.contains(dir(host).resolve("sshd_config").toString()))
                .orElseThrow(() -> new IllegalStateException("PID " + pid + " in " + pidFile + " is not its sshd"));
        stopped = true;
        sshd.destroy();
        sshd.onExit().get(15, TimeUnit.SECONDS);
    }

    /** Brings stopped sshd daemons back with fleet.sh up (which starts only the missing ones). */
    void restartStoppedSshd() throws Exception {
        if (stopped) {
            Path script = Path.of(System.getProperty("kamal.projectDir", System.getProperty("user.dir")))
                    .resolve("src/it/fleet/fleet.sh");
            // without --subnet fleet.sh reuses the running fleet's (a tagged fleet's is not the fixed one)
            run(List.of(script.toString(), "up", fleet.name(), Integer.toString(fleet.hosts().size())));
            stopped = false;
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("Failed: " + command + "\n" + out);
        }
    }
}
