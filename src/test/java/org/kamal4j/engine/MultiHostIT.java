package org.kamal4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kamal4j.commands.Command;
import org.kamal4j.config.Sshkit;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.CommandFailedException;
import org.kamal4j.ssh.JschTransport;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;
import org.kamal4j.testbed.Fleet;

/**
 * The multi-host engine (HostRunner over JschTransport) on twelve real sshd hosts: failures on some hosts are
 * reported together while the rest finish, the connection-start cap holds on the wire, and a host's commands
 * share one TCP connection.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostIT {

    private static final int COUNT = 12;
    private static final Function<String, String> LABEL = h -> "root@" + h;

    private static Fleet fleet;
    private static EngineFleetHosts hosts;

    @BeforeAll
    static void up() {
        fleet = Fleet.up("en", COUNT, 40, false);
        hosts = new EngineFleetHosts(fleet);
    }

    @AfterAll
    static void down() {
        fleet.down();
    }

    @Test
    @Order(1)
    void maxConcurrentStartsTwoKeepsAtMostTwoHandshakesInFlightOnTwelveHosts() throws Exception {
        Handshakes capped = connectAllAtOnce(2);
        assertTrue(capped.transportMax() <= 2, "transport saw " + capped.transportMax() + " starts in flight");
        assertTrue(capped.sshdMax() <= 2, "sshd logs show " + capped.sshdMax() + " overlapping handshakes: "
                + capped.connections());

        Handshakes uncapped = connectAllAtOnce(Sshkit.DEFAULT.maxConcurrentStarts());
        assertTrue(uncapped.transportMax() > 2, "with the default cap the transport saw " + uncapped.transportMax());
        assertTrue(uncapped.sshdMax() > 2, "with the default cap sshd logs show " + uncapped.sshdMax());
        System.out.printf("Start cap on %d hosts: cap 2 -> transport %d, sshd %d in flight; cap 30 -> transport %d,"
                + " sshd %d%n", COUNT, capped.transportMax(), capped.sshdMax(), uncapped.transportMax(),
                uncapped.sshdMax());
    }

    @Test
    @Order(2)
    void twentyCommandsPerHostUseOneTcpConnectionPerHost() throws Exception {
        Map<String, Integer> before = hosts.connectionCounts();
        CountingListener listener = new CountingListener();
        try (JschTransport transport = FleetTransports.builder(fleet, fleet.knownHosts(), Sshkit.DEFAULT)
                .listener(listener).build(); HostRunner runner = new HostRunner()) {
            List<Integer> echoed = runner.run(fleet.hosts(), LABEL, host -> twentyCommands(transport, host));
            echoed.forEach(n -> assertEquals(20, n));
        }
        Map<String, List<SshdLog.Connection>> opened = hosts.newConnections(before, 1);
        opened.forEach((host, connections) -> assertEquals(1, connections.size(),
                host + " accepted " + connections.size() + " TCP connections for 20 commands: " + connections));
        assertEquals(COUNT, listener.connects.get());
        assertEquals(20L * COUNT, listener.commands.sum());
    }

    @Test
    @Order(3)
    void failuresOnThreeHostsComeAsOneExceptionAndEveryOtherHostFinishes() throws Exception {
        String run = "run-" + System.nanoTime();
        String failing = fleet.host(3);
        String unreachable = fleet.host(5);
        String wrongKey = fleet.host(8);
        Files.createFile(hosts.dir(failing).resolve("fail-" + run));
        EngineFleetHosts.WrongKey wrong = hosts.knownHostsWithWrongKeyFor(wrongKey);
        hosts.stopSshd(unreachable);
        MultiHostException e;
        try (JschTransport transport = FleetTransports.builder(fleet, wrong.knownHosts(), Sshkit.DEFAULT).build();
                HostRunner runner = new HostRunner()) {
            e = assertThrows(MultiHostException.class,
                    () -> runner.runEach(fleet.hosts(), LABEL, host -> threeSteps(transport.session(host), run)));
        } finally {
            hosts.restartStoppedSshd();
        }
        assertReport(e, failing, unreachable, wrongKey, wrong);
        for (String host : fleet.hosts()) {
            Path marker = hosts.dir(host).resolve("marker-" + run);
            if (host.equals(failing)) {
                assertEquals("step1 " + fleet.hostName(host) + "\n", Files.readString(marker));
            } else if (host.equals(unreachable) || host.equals(wrongKey)) {
                assertFalse(Files.exists(marker), host + " ran commands although it failed to connect");
            } else {
                assertEquals("step1 " + fleet.hostName(host) + "\nstep2\nstep3\n", Files.readString(marker));
            }
        }
    }

    private static void assertReport(MultiHostException e, String failing, String unreachable, String wrongKey,
            EngineFleetHosts.WrongKey wrong) {
        assertEquals("Failed on 3 of 12 hosts:", e.heading());
        List<String> lines = new ArrayList<>();
        for (String line : e.details().split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                lines.add(line);
            }
        }
        assertEquals(3, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith("  root@" + failing + ": sh exit status: 3"), lines.get(0));
        assertTrue(lines.get(1).startsWith("  root@" + unreachable + ": Could not connect to root@" + unreachable),
                lines.get(1));
        assertTrue(lines.get(1).contains("Connection refused"), lines.get(1));
        assertTrue(lines.get(2).startsWith("  root@" + wrongKey + ": Host key verification failed"), lines.get(2));
        assertTrue(lines.get(2).contains("offered " + wrong.actual() + " but "), lines.get(2));
        assertTrue(lines.get(2).contains(" expects " + wrong.expected() + " for " + wrongKey), lines.get(2));
        assertNotEquals(wrong.actual(), wrong.expected());
        CommandFailedException failed = assertInstanceOf(CommandFailedException.class, e.failures().get(0).cause());
        assertEquals(3, failed.result().exitStatus());
        assertInstanceOf(TransportException.class, e.failures().get(1).cause());
        assertInstanceOf(TransportException.class, e.failures().get(2).cause());
        assertEquals(3, e.getSuppressed().length);
    }

    /** Three commands appending to a marker; the second exits 3 where a fail file exists for this run. */
    private static void threeSteps(Session session, String run) throws TransportException {
        String marker = "\"$FLEET_HOST_DIR/marker-" + run + "\"";
        session.run(Command.of("sh", "-c", "echo step1 $(hostname) >> " + marker));
        session.run(Command.of("sh", "-c", "test ! -e \"$FLEET_HOST_DIR/fail-" + run + "\" || exit 3; "
                + "echo step2 >> " + marker));
        session.run(Command.of("sh", "-c", "echo step3 >> " + marker));
    }

    private static int twentyCommands(JschTransport transport, String host) throws TransportException {
        int ok = 0;
        for (int i = 0; i < 20; i++) {
            String out = transport.session(host).run(Command.of("echo", host, Integer.toString(i)));
            ok += out.equals(host + " " + i + "\n") ? 1 : 0;
        }
        return ok;
    }

    /** Connects to every host at once with the given cap and reads back how many handshakes overlapped. */
    private static Handshakes connectAllAtOnce(int cap) throws Exception {
        Map<String, Integer> before = hosts.connectionCounts();
        int transportMax;
        try (JschTransport transport = FleetTransports.builder(fleet, fleet.knownHosts(), new Sshkit(cap, 900, 3))
                .build(); HostRunner runner = new HostRunner()) {
            runner.runEach(fleet.hosts(), LABEL, host -> transport.session(host).run(Command.of("true")));
            transportMax = transport.maxConcurrentStartsSeen();
        }
        List<SshdLog.Connection> all = new ArrayList<>();
        hosts.newConnections(before, 1).forEach((host, connections) -> {
            assertEquals(1, connections.size(), host + ": " + connections);
            assertNotNull(connections.get(0).authenticated(), host + " never logged the login: " + connections);
            all.addAll(connections);
        });
        return new Handshakes(transportMax, SshdLog.maxOverlappingHandshakes(all), all);
    }

    private record Handshakes(int transportMax, int sshdMax, List<SshdLog.Connection> connections) {}
}
