package org.kamal4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.FakeTransport;
import org.kamal4j.ssh.TransportException;

class HostRunnerTest {

    private static final List<String> HOSTS = List.of("1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5");
    private static final Function<String, String> ROOT = h -> "root@" + h;

    private final FakeTransport fake = new FakeTransport();
    private final HostRunner runner = new HostRunner(3);

    @AfterEach
    void close() {
        runner.close();
    }

    private String deploy(String host) throws TransportException {
        fake.session(host).run(Command.of("docker", "run", "app"));
        return fake.session(host).run(Command.of("echo", "done " + host));
    }

    @Test
    void everyHostCompletesAndFailuresAreAggregatedInHostOrder() {
        fake.on("1.1.1.4", cmd -> cmd.contains("docker run")).fail(1, "", "boom");
        fake.on("1.1.1.2", cmd -> cmd.contains("docker run")).fail(125, "half", "bang\n");

        MultiHostException e = assertThrows(MultiHostException.class, () -> runner.run(HOSTS, ROOT, this::deploy));

        for (String host : HOSTS) {
            assertTrue(fake.ran(host, "docker run app"), host + " ran");
        }
        assertTrue(fake.ran("1.1.1.5", "echo"), "hosts after a failure still ran to the end");
        assertEquals("""
                Failed on 2 of 5 hosts:
                  root@1.1.1.2: docker exit status: 125
                    docker stdout: half
                    docker stderr: bang
                  root@1.1.1.4: docker exit status: 1
                    docker stdout: Nothing written
                    docker stderr: boom""", e.getMessage());
        assertEquals("Failed on 2 of 5 hosts:", e.heading());
        assertEquals(e.getMessage().substring(e.heading().length() + 1), e.details());
        assertEquals(2, e.getSuppressed().length);
        assertEquals(List.of("root@1.1.1.2", "root@1.1.1.4"),
                e.failures().stream().map(MultiHostException.Failure::label).toList());
        assertNull(e.getCause());
    }

    @Test
    void exactlyOneFailureGivesJustThatOne() {
        fake.unreachable("1.1.1.3", "Connection refused");

        MultiHostException e = assertThrows(MultiHostException.class, () -> runner.run(HOSTS, ROOT, this::deploy));

        assertEquals("root@1.1.1.3: Could not connect to 1.1.1.3: Connection refused", e.getMessage());
        assertEquals(e.getMessage(), e.heading());
        assertEquals("", e.details());
        assertInstanceOf(TransportException.class, e.getCause());
        assertEquals(0, e.getSuppressed().length);
        assertEquals(List.of("1.1.1.1", "1.1.1.2", "1.1.1.4", "1.1.1.5"), fake.hosts().stream().sorted().toList());
    }

    @Test
    void resultsComeBackInHostOrderWhateverOrderHostsFinishIn() throws Exception {
        fake.on("1.1.1.1", cmd -> cmd.contains("docker")).delay(Duration.ofMillis(150));
        fake.on("1.1.1.2", cmd -> cmd.contains("docker")).delay(Duration.ofMillis(60));
        fake.on("*", cmd -> cmd.startsWith("echo")).answer(x -> new ExecResult(0, x.host(), ""));

        assertEquals(HOSTS, runner.run(HOSTS, ROOT, this::deploy));
    }

    @Test
    void threeHundredHostsUseAtMostTheCapOfNamedDaemonThreads() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<String> hosts = IntStream.rangeClosed(1, 300).mapToObj(i -> "10.0." + i / 250 + "." + i % 250).toList();
        try (HostRunner capped = new HostRunner(8)) {
            capped.runEach(hosts, ROOT, h -> {
                threads.add(Thread.currentThread());
                deploy(h);
            });
        }
        assertEquals(300, fake.hosts().size());
        assertTrue(threads.size() <= 8, threads.size() + " threads");
        for (Thread t : threads) {
            assertTrue(t.getName().matches("kamal-host-[1-8]"), t.getName());
            assertTrue(t.isDaemon(), t.getName() + " is a daemon");
        }
    }

    @Test
    void defaultCapIsSixtyFourAndAFewHostsUseOnlyAsManyThreads() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (HostRunner defaults = new HostRunner()) {
            assertEquals(64, defaults.maxThreads());
            defaults.runEach(List.of("a", "b", "c"), ROOT, h -> names.add(Thread.currentThread().getName()));
            List<String> many = IntStream.range(0, 500).mapToObj(i -> "h" + i).toList();
            defaults.runEach(many, ROOT, h -> names.add(Thread.currentThread().getName()));
        }
        assertTrue(names.size() <= 64, names.size() + " threads");
    }

    @Test
    void hostsRunInParallelUpToTheCap() throws Exception {
        CyclicBarrier allThree = new CyclicBarrier(3);
        runner.runEach(List.of("a", "b", "c"), ROOT, h -> allThree.await(5, TimeUnit.SECONDS));
        assertEquals(0, allThree.getNumberWaiting());
    }

    @Test
    void interruptCancelsHostsNotStartedAndWaitsForRunningOnes() throws Exception {
        List<String> hosts = List.of("a", "b", "c", "d", "e", "f");
        Set<String> started = ConcurrentHashMap.newKeySet();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch twoStarted = new CountDownLatch(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<List<String>> finishedWhenRunReturned = new AtomicReference<>();
        try (HostRunner two = new HostRunner(2)) {
            Thread caller = new Thread(() -> {
                try {
                    two.runEach(hosts, ROOT, h -> {
                        started.add(h);
                        twoStarted.countDown();
                        try {
                            Thread.sleep(60_000);
                        } finally {
                            Thread.sleep(50); // still finishing when interrupted: the run must wait for it
                            finished.add(h);
                        }
                    });
                } catch (Throwable t) {
                    thrown.set(t);
                }
                finishedWhenRunReturned.set(List.copyOf(finished));
            });
            caller.start();
            assertTrue(twoStarted.await(5, TimeUnit.SECONDS));
            caller.interrupt();
            caller.join(5_000);
        }
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(Set.of("a", "b"), started);
        assertEquals(List.of("a", "b"), finishedWhenRunReturned.get().stream().sorted().toList());
    }

    @Test
    void noHostsRunNothingAndDuplicatesAreRejected() throws Exception {
        assertEquals(List.of(), runner.run(List.<String>of(), ROOT, h -> h));
        assertThrows(IllegalArgumentException.class, () -> runner.run(List.of("a", "a"), ROOT, h -> h));
    }

    @Test
    void aRunFromInsideItsOwnTaskIsRefused() {
        MultiHostException e = assertThrows(MultiHostException.class,
                () -> runner.runEach(List.of("a"), ROOT, h -> runner.runEach(List.of("b"), ROOT, x -> { })));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void aCauseWithoutMessageIsNamedByItsClass() {
        MultiHostException e = assertThrows(MultiHostException.class, () -> runner.runEach(List.of("a", "b"), ROOT,
                h -> {
                    throw new NullPointerException();
                }));
        assertEquals("""
                Failed on 2 of 2 hosts:
                  root@a: java.lang.NullPointerException
                  root@b: java.lang.NullPointerException""", e.getMessage());
    }
}
