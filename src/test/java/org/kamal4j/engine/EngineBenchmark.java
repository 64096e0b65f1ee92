package org.kamal4j.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kamal4j.commands.Command;
import org.kamal4j.config.Sshkit;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.ssh.JschTransport;
import org.kamal4j.ssh.NoDelaySwitch;
import org.kamal4j.testbed.Fleet;

/**
 * Measures the engine (HostRunner over JschTransport) running N commands on each of M real sshd hosts: wall
 * time, connections opened, peak threads and heap, mean time per command. Not a test: it asserts nothing but
 * that every command ran. Run it with src/it/bench/engine-bench.sh (see docs/performance.md).
 *
 * <p>Arguments: {@code [--hosts 50] [--use N] [--commands 10] [--nodelay on|off] [--keep]}: fleet {@code bn}
 * (subnet 41) of {@code --hosts} hosts, of which the first {@code --use} (default all) take part.
 * The remote {@code docker} is a stand-in script (no Docker daemon) that records each call and answers.
 */
public final class EngineBenchmark {

    private static final String STAND_IN = "#!/bin/sh\necho \"$*\" >> \"$FLEET_HOST_DIR/docker.calls\"\n"
            + "echo \"$FLEET_HOST $1 ok\"\n";

    private final Fleet fleet;
    private final List<String> hosts;
    private final int commands;
    private final boolean noDelay;

    private EngineBenchmark(Fleet fleet, int use, int commands, boolean noDelay) {
        this.fleet = fleet;
        this.hosts = fleet.hosts().subList(0, Math.min(use, fleet.hosts().size()));
        this.commands = commands;
        this.noDelay = noDelay;
    }

    /** Runs one measurement and prints its figures. */
    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        int hosts = Integer.parseInt(option(a, "--hosts", "50"));
        int use = Integer.parseInt(option(a, "--use", Integer.toString(hosts)));
        int commands = Integer.parseInt(option(a, "--commands", "10"));
        boolean noDelay = !option(a, "--nodelay", "on").equals("off");
        Fleet fleet = Fleet.up("bn", hosts, 41, false);
        try {
            new EngineBenchmark(fleet, use, commands, noDelay).measure();
        } finally {
            if (!a.contains("--keep")) {
                fleet.down();
            }
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    private void measure() throws Exception {
        installStandInDocker();
        EngineFleetHosts fleetHosts = new EngineFleetHosts(fleet);
        Map<String, Integer> before = fleetHosts.connectionCounts(hosts);
        String loadBefore = loadAverage();
        CountingListener listener = new CountingListener();
        long t0;
        long wallNanos;
        long retainedHeap;
        JvmPeaks peaks = JvmPeaks.start();
        try (peaks) {
            t0 = System.nanoTime();
            try (JschTransport transport = NoDelaySwitch.tcpNoDelay(
                    FleetTransports.builder(fleet, fleet.knownHosts(), Sshkit.DEFAULT), noDelay)
                    .listener(listener).build(); HostRunner runner = new HostRunner()) {
                runner.runEach(hosts, h -> "root@" + h, h -> runCommands(transport, h));
                wallNanos = System.nanoTime() - t0;
                System.gc();
                retainedHeap = JvmPeaks.heapUsed();
            }
        }
        int sshdConnections = fleetHosts.newConnections(before, 1).values().stream().mapToInt(List::size).sum();
        checkEveryCommandArrived();
        print(listener, wallNanos, listener.lastConnectedAt.get() - t0, sshdConnections, peaks, retainedHeap,
                loadBefore);
    }

    private void runCommands(JschTransport transport, String host) throws Exception {
        for (int i = 0; i < commands; i++) {
            String out = transport.session(host).run(Command.of("docker", "ps", "--filter", "label=step=" + i,
                    "--format", "{{.ID}}"));
            if (!out.equals(fleet.hostName(host) + " ps ok\n")) {
                throw new IllegalStateException("unexpected answer from " + host + ": " + out);
            }
        }
    }

    private void installStandInDocker() throws Exception {
        Path docker = fleet.pathHookDir().resolve("docker");
        Files.writeString(docker, STAND_IN);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String host : fleet.hosts()) {
            Files.deleteIfExists(fleet.sshdLog(host).resolveSibling("docker.calls"));
        }
    }

    private void checkEveryCommandArrived() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String host : hosts) {
            Path calls = fleet.sshdLog(host).resolveSibling("docker.calls");
            if (!Files.exists(calls) || Files.readAllLines(calls).size() != commands) {
                missing.add(host);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("these hosts did not record " + commands + " docker calls: " + missing);
        }
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private void print(CountingListener l, long wallNanos, long connectNanos, int sshdConnections, JvmPeaks peaks,
            long retained, String loadBefore) throws Exception {
        int n = hosts.size();
        System.out.printf(Locale.ROOT, "engine-bench hosts=%d commands/host=%d tcp_nodelay=%s cores=%d"
                        + " load(before)=%s load(after)=%s%n", n, commands, noDelay ? "on" : "off",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "  wall time             %8.0f ms (last connection up after %.0f ms)%n",
                wallNanos / 1e6, connectNanos / 1e6);
        System.out.printf(Locale.ROOT, "  connections opened    %8d (transport), %d (sshd logs)%n", l.connects.get(),
                sshdConnections);
        System.out.printf(Locale.ROOT, "  commands run          %8d%n", l.commands.sum());
        System.out.printf(Locale.ROOT, "  mean per command      %8.1f ms%n", l.meanCommandMillis());
        System.out.printf(Locale.ROOT, "  peak threads          %8d%n", peaks.peakThreads());
        System.out.printf(Locale.ROOT, "  peak heap used        %8.1f MB sampled, %.1f MB sum of pool peaks%n",
                peaks.sampledHeapPeak() / 1e6, peaks.heapPoolPeaks() / 1e6);
        System.out.printf(Locale.ROOT, "  heap after full GC    %8.1f MB (all %d connections still open)%n",
                retained / 1e6, n);
    }
}
