package org.kamal4j.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kamal4j.testbed.Fleet;

/**
 * Cuts one fleet host off SSH mid-deploy and restores it. Every packet to its port 22 is answered with a TCP reset,
 * so open connections fail on their next command and new ones are refused. The host's sshd session processes never
 * see those resets and would wait forever, keeping the host's namespace alive after the fleet is taken down (the
 * next fleet would then reuse a veth whose other end is in the dead namespace), so {@link #restore} ends them.
 */
final class HostCut {

    private static final String RULE = "INPUT -p tcp --dport 22 -j REJECT --reject-with tcp-reset";

    private final String namespace;
    private final Path listenerPidFile;

    HostCut(Fleet fleet, String host) {
        this.namespace = fleet.hostName(host);
        this.listenerPidFile = fleet.stateDir().resolve("hosts").resolve(namespace.substring(namespace
                .lastIndexOf('-') + 1)).resolve("sshd.pid");
    }

    /** The shell line that cuts the host off (run it from a hook, as root). */
    String cutCommand() {
        return "ip netns exec " + namespace + " iptables -I " + RULE;
    }

    /** Removes the rule and ends the sshd session processes of the host that the cut stranded. */
    void restore() throws IOException, InterruptedException {
        new ProcessBuilder("sh", "-c", "ip netns exec " + namespace + " iptables -D " + RULE).inheritIO().start()
                .waitFor();
        for (long pid : strandedSessions()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    /** sshd session processes ("sshd: root...") in the host's network namespace, never its listener. */
    private List<Long> strandedSessions() throws IOException {
        String listener = Files.readString(listenerPidFile).strip();
        String netns = "net:[" + Files.getAttribute(Path.of("/run/netns", namespace), "unix:ino") + "]";
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.startsWith("sshd: ") && !cmdline.contains("[listener]")
                            && !proc.getFileName().toString().equals(listener)
                            && Files.readSymbolicLink(proc.resolve("ns/net")).toString().equals(netns)) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return pids;
    }
}
