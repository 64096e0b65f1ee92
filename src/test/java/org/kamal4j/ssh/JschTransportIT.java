package org.kamal4j.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;
import org.kamal4j.config.Sshkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSch transport against a real OpenSSH sshd on a loopback address. */
class JschTransportIT {

    private static final List<String> NASTY = List.of("it's", "say \"hi\"", "$HOME", "$(id)", "a;b", "x && y",
            "`id`", "back\\slash", "line1\nline2", "tab\there", "", "é✓😀", "-n", "--help", "'", "\"", "*", "~",
            "a|b > c", "${PATH}", "!");

    private static TestKeys keys;
    private static LocalSshd sshd;
    private static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        keys = TestKeys.create();
        sshd = LocalSshd.start("127.0.20.11", 2222, List.of(TestKeys.pub(keys.ed25519)));
        knownHosts = ItSsh.knownHosts(sshd);
    }

    @AfterAll
    static void stop() throws Exception {
        sshd.close();
    }

    private static JschTransport transport(TransportListener listener) throws Exception {
        return ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict")).listener(listener).build();
    }

    @Test
    void nastyArgvArrivesByteForByte() throws Exception {
        String expected = String.join("\0", NASTY) + "\0";
        try (JschTransport t = transport(TransportListener.NONE)) {
            Session s = t.session(sshd.host());
            List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
            argv.addAll(NASTY);
            assertArrayEquals(bytes(expected), bytes(s.run(Command.of(argv))));
            List<String> viaShell = new ArrayList<>(List.of("sh", "-c", "printf '%s\\0' \"$@\"", "sh"));
            viaShell.addAll(NASTY);
            assertArrayEquals(bytes(expected), bytes(s.run(Command.of(viaShell))));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void exitStatusStdoutAndStderr() throws Exception {
        try (JschTransport t = transport(TransportListener.NONE)) {
            ExecResult r = t.session(sshd.host()).exec(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));
            assertEquals(new ExecResult(3, "out\n", "err\n"), r);
        }
    }

    @Test
    void stdinIsDeliveredThenClosed() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        try (JschTransport t = transport(TransportListener.NONE)) {
            Session s = t.session(sshd.host());
            assertEquals("SECRET=é✓\nsecond line\n", s.run(Command.of("cat").withStdin("SECRET=é✓\nsecond line\n")));
            assertEquals(big.length + "", s.run(Command.of("wc", "-c").withStdin(big)).strip());
            assertEquals("0", s.run(Command.of("wc", "-c")).strip(), "no stdin means an immediate end of file");
        }
    }

    @Test
    void uploadWritesContentWithMode0600EvenOverAWorldReadableFile() throws Exception {
        String dir = "/tmp/kamal4j-upload-" + System.nanoTime();
        String path = dir + "/roles/web.env";
        byte[] content = bytes("SECRET_KEY_BASE=abc'\"$x\nDB=é\n");
        try (JschTransport t = transport(TransportListener.NONE)) {
            Session s = t.session(sshd.host());
            s.run(Command.of("mkdir", "-p", dir + "/roles").and(Command.of("touch", path))
                    .and(Command.of("chmod", "644", path)));
            s.upload(content, path, 0600);
            assertEquals("600", s.run(Command.of("stat", "-c", "%a", path)).strip());
            assertArrayEquals(content, bytes(s.run(Command.of("cat", path))));
            assertEquals("web.env\n", s.run(Command.of("ls", "-A", dir + "/roles")), "no temporary file left");
            s.upload(bytes("x"), dir + "/script", 0755);
            assertEquals("755", s.run(Command.of("stat", "-c", "%a", dir + "/script")).strip());
            s.run(Command.of("rm", "-rf", dir));
        }
    }

    @Test
    void oneConnectionPerHostForTwentyCommandsAndConcurrentFirstUse() throws Exception {
        long before = sshd.acceptedLogins();
        AtomicInteger connects = new AtomicInteger();
        TransportListener counting = countingConnects(connects);
        try (JschTransport t = transport(counting)) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Session>> sessions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sessions.add(pool.submit(() -> {
                    go.await();
                    return t.session(sshd.host());
                }));
            }
            go.countDown();
            Session first = sessions.get(0).get();
            for (Future<Session> f : sessions) {
                assertSame(first, f.get());
            }
            pool.shutdown();
            for (int i = 0; i < 20; i++) {
                assertEquals(i + "\n", first.run(Command.of("echo", Integer.toString(i))));
            }
        }
        assertEquals(1, connects.get());
        assertEquals(1, waitForLogins(before + 1) - before, "sshd accepted exactly one login for 20 commands");
    }

    @Test
    void connectAheadHandshakesBeforeTheFirstUseWhichReusesIt() throws Exception {
        long before = sshd.acceptedLogins();
        AtomicInteger connects = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(1);
        TransportListener listener = new TransportListener() {
            @Override
            public void connectStarted(String host, String lane) {
                connects.incrementAndGet();
            }

            @Override
            public void connectFinished(String host, String lane, Duration took, Throwable failure) {
                if (failure == null) {
                    connected.countDown();
                }
            }
        };
        try (JschTransport t = transport(listener)) {
            t.connectAhead(List.of(sshd.host()));
            assertTrue(connected.await(20, TimeUnit.SECONDS), "connected before any session() call");
            assertEquals(before + 1, waitForLogins(before + 1));
            assertEquals("x\n", t.session(sshd.host()).run(Command.of("echo", "x")));
            t.connectAhead(List.of(sshd.host())); // already open: nothing new
            assertEquals("y\n", t.session(sshd.host()).run(Command.of("echo", "y")));
        }
        assertEquals(1, connects.get());
        assertEquals(before + 1, waitForLogins(before + 1), "one login for the connection made ahead and its uses");
    }

    @Test
    void connectAheadToAClosedPortFailsTheFirstUseWithTheUsualErrorOnce() throws Exception {
        String nobody = "127.0.20.12:2222"; // no sshd listens there (ours is on 127.0.20.11)
        String usual;
        try (JschTransport t = transport(TransportListener.NONE)) {
            usual = assertThrows(TransportException.class, () -> t.session(nobody)).getMessage();
        }
        AtomicInteger connects = new AtomicInteger();
        TransportListener counting = countingConnects(connects);
        try (JschTransport t = transport(counting)) {
            t.connectAhead(List.of(nobody));
            assertEquals(usual, assertThrows(TransportException.class, () -> t.session(nobody)).getMessage());
            assertEquals(1, connects.get(), "the first use got the failure of the attempt made ahead");
            assertEquals(usual, assertThrows(TransportException.class, () -> t.session(nobody)).getMessage());
            assertEquals(2, connects.get(), "a later use tries again, as without connectAhead");
        }
    }

    @Test
    void noConnectAheadForMoreHostsThanMayConnectAtOnce() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        TransportListener counting = countingConnects(connects);
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict"),
                new Sshkit(1, 900, 3)).listener(counting).build()) {
            t.connectAhead(List.of(sshd.host(), "127.0.20.12:2222"));
            Thread.sleep(500);
            assertEquals(0, connects.get(), "two hosts, max_concurrent_starts 1: connected as reached");
            assertEquals("z\n", t.session(sshd.host()).run(Command.of("echo", "z")));
            assertEquals(1, connects.get());
        }
    }

    /** A listener that counts connection attempts into {@code connects}. */
    private static TransportListener countingConnects(AtomicInteger connects) {
        return new TransportListener() {
            @Override
            public void connectStarted(String host, String lane) {
                connects.incrementAndGet();
            }
        };
    }

    private static long waitForLogins(long atLeast) throws Exception {
        for (int i = 0; i < 50 && sshd.acceptedLogins() < atLeast; i++) {
            Thread.sleep(20);
        }
        return sshd.acceptedLogins();
    }

    @Test
    void laneGetsItsOwnConnectionAndIdleTimeoutZeroConnectsPerUse() throws Exception {
        long before = sshd.acceptedLogins();
        try (JschTransport t = transport(TransportListener.NONE)) {
            t.session(sshd.host()).run(Command.of("true"));
            t.session(sshd.host(), "web").run(Command.of("true"));
        }
        assertEquals(before + 2, waitForLogins(before + 2));
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict"),
                new Sshkit(30, 0, 3)).build()) {
            Session s = t.session(sshd.host());
            for (int i = 0; i < 3; i++) {
                s.run(Command.of("true"));
            }
        }
        assertEquals(before + 5, waitForLogins(before + 5), "pool_idle_timeout 0 connects once per command");
    }

    @Test
    void maxConcurrentStartsBoundsRealHandshakes() throws Exception {
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict"),
                new Sshkit(2, 900, 3)).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String lane = "lane" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return t.session(sshd.host(), lane).run(Command.of("echo", lane));
                }));
            }
            go.countDown();
            for (int i = 0; i < 8; i++) {
                assertEquals("lane" + i + "\n", results.get(i).get());
            }
            pool.shutdown();
            assertEquals(2, t.maxConcurrentStartsSeen());
        }
    }

    @Test
    void idleConnectionIsReopenedAfterPoolIdleTimeout() throws Exception {
        long before = sshd.acceptedLogins();
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict"),
                new Sshkit(30, 1, 3)).build()) {
            Session s = t.session(sshd.host());
            s.run(Command.of("true"));
            s.run(Command.of("true"));
            Thread.sleep(1500);
            s.run(Command.of("true"));
        }
        assertEquals(before + 2, waitForLogins(before + 2));
    }

    @Test
    void unresolvableHostIsRetriedWithWarningsThenFails() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<Long> sleeps = new ArrayList<>();
        TransportListener listener = new TransportListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict"),
                new Sshkit(30, 900, 2)).listener(listener).sleeper(sleeps::add).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> t.session("no-such-host.invalid"));
            assertTrue(e.getMessage().startsWith("Could not connect to root@no-such-host.invalid: "), e.getMessage());
        }
        assertEquals(2, sleeps.size());
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(1).matches("Retrying DNS for no-such-host.invalid \\(attempt 2/2\\) in 0\\.(2\\d|30)s: "
                + "Unknown host no-such-host.invalid"), warnings.get(1));
        assertTrue(sleeps.get(0) >= 100 && sleeps.get(0) <= 200 && sleeps.get(1) >= 200 && sleeps.get(1) <= 300,
                sleeps.toString());
    }

    @Test
    void commandTimeoutStopsAHungCommand() throws Exception {
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict", null, null, 1))
                .build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> t.session(sshd.host()).exec(Command.of("sleep", "20")));
            assertEquals("Timed out after 1 s running sleep on " + sshd.host() + ": `sleep 20`"
                    + " (ssh command_timeout, -Dkamal.deploy.ssh.command_timeout; 0 = none)", e.getMessage());
        }
    }
}
