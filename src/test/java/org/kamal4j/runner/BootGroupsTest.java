package org.kamal4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.FakeTransport;
import org.kamal4j.ssh.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BootGroupsTest {

    private static final Function<String, String> ROOT = h -> "root@" + h;
    private static final Map<String, List<String>> ROLES = Map.of(
            "a", List.of("web"), "b", List.of("web", "workers"),
            "c", List.of("workers"), "d", List.of("workers"), "e", List.of("workers"));

    private final FakeTransport fake = new FakeTransport();
    private final HostRunner runner = new HostRunner(4);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        events.add("sleep");
    };
    private WebBarrier barrier = new WebBarrier("web", Duration.ofSeconds(60));

    @AfterEach
    void close() {
        runner.close();
    }

    /** A boot shaped like Kamal's: clash check, barrier for queuers, docker run, open for gatekeepers. */
    private void boot(String host, String role, String lane) throws Exception {
        Session s = fake.session(host, lane);
        s.tryRun(Command.of("docker", "container", "ls", "--quiet", "--filter", "name=^app-" + role));
        if (!role.equals("web")) {
            barrier.await(role, ROOT.apply(host));
        }
        s.run(Command.of("docker", "run", "app-" + role));
        events.add("boot " + role + " " + host);
        if (role.equals("web")) {
            barrier.open(ROOT.apply(host));
        }
    }

    private BootGroups loop(boolean parallelRoles, Duration wait) {
        return new BootGroups(new RolesOnHosts(runner, parallelRoles, ROOT), sleeper, wait, barrier);
    }

    private void boot(BootGroups loop, List<List<String>> groups) throws Exception {
        loop.boot(groups, ROLES::get, g -> events.add("pre " + g), this::boot, g -> events.add("post " + g));
    }

    @Test
    void groupsRunInOrderBetweenTheirHooksWithAPauseAfterEachIncludingTheLast() throws Exception {
        List<List<String>> groups = List.of(List.of("a", "b"), List.of("c", "d"), List.of("e"));

        boot(loop(false, Duration.ofSeconds(2)), groups);

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeps);
        assertEquals("pre [a, b]", events.get(0));
        assertEquals(List.of("boot web a", "boot web b", "boot workers b"), events.subList(1, 4).stream().sorted()
                .toList());
        assertEquals(List.of("post [a, b]", "sleep", "pre [c, d]"), events.subList(4, 7));
        assertEquals(List.of("boot workers c", "boot workers d"), events.subList(7, 9).stream().sorted().toList());
        assertEquals(List.of("post [c, d]", "sleep", "pre [e]", "boot workers e", "post [e]", "sleep"),
                events.subList(9, events.size()));
        // a and b boot web in parallel: either may be the first healthy one.
        WebBarrier.Decision decision = barrier.decision().orElseThrow();
        assertTrue(decision.open());
        assertTrue(List.of("root@a", "root@b").contains(decision.host()), decision.host());
    }

    @Test
    void noWaitConfiguredMeansNoPause() throws Exception {
        boot(loop(true, null), List.of(List.of("a"), List.of("b"), List.of("c")));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFailingGroupStopsTheBootWithoutPostHookPauseOrLaterGroups() {
        fake.on("c", cmd -> cmd.startsWith("docker run")).fail(1, "", "no space left on device");
        List<List<String>> groups = List.of(List.of("a", "b"), List.of("c", "d"), List.of("e"));

        MultiHostException e = assertThrows(MultiHostException.class, () -> boot(loop(false, Duration.ofSeconds(2)),
                groups));

        assertEquals("""
                workers on root@c: docker exit status: 1
                  docker stdout: Nothing written
                  docker stderr: no space left on device""", e.getMessage());
        assertEquals(List.of("post [a, b]", "sleep", "pre [c, d]", "boot workers d"), events.subList(4, 8));
        assertEquals(8, events.size());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
        assertTrue(fake.commands("e").isEmpty(), "later group not attempted");
    }

    @Test
    void aGatekeeperFailingBeforeItsStartStepStillReleasesTheQueuers() {
        fake.unreachable("a", "Connection refused");

        MultiHostException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                MultiHostException.class, () -> loop(true, null).boot(List.of(List.of("a", "c")), ROLES::get,
                        GroupHook.none(), this::boot, GroupHook.none())));

        assertEquals("""
                Failed on 2 of 2 host roles:
                  web on root@a: Could not connect to a: Connection refused
                  workers on root@c: Halted at barrier: the primary role web failed on root@a (Could not connect \
                to a: Connection refused), so workers was not booted on root@c; fix web and deploy again""",
                e.getMessage());
        assertEquals(List.of("docker container ls --quiet --filter 'name=^app-workers'"), fake.commands("c"));
    }

    @Test
    void aSuccessfulGatekeeperOpensTheBarrierEvenIfItsTaskDidNot() throws Exception {
        loop(true, null).boot(List.of(List.of("a", "c")), ROLES::get, GroupHook.none(), (host, role, lane) -> {
            if (!role.equals("web")) {
                barrier.await(role, ROOT.apply(host));
            }
            events.add("boot " + role + " " + host);
        }, GroupHook.none());

        assertTrue(barrier.isOpen());
        assertEquals(List.of("boot web a", "boot workers c"), events);
    }

    @Test
    void aHookFailureStopsTheBootWithTheHooksOwnException() {
        class HookFailed extends Exception {
            HookFailed(String message) {
                super(message);
            }
        }
        GroupHook<HookFailed> pre = g -> {
            if (g.contains("c")) {
                throw new HookFailed("pre-app-boot failed");
            }
        };
        HookFailed e = assertThrows(HookFailed.class, () -> loop(false, null).boot(
                List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), ROLES::get, pre, this::boot,
                GroupHook.none()));
        assertEquals("pre-app-boot failed", e.getMessage());
        assertTrue(fake.commands("c").isEmpty());
    }
}
