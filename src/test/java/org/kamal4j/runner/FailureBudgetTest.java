package org.kamal4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The boot loop within a failure budget: which groups run, when it stops, what the error lists. */
class FailureBudgetTest {

    private static final Map<String, List<String>> ROLES = Map.of("a", List.of("web"), "b", List.of("web"),
            "c", List.of("web"), "d", List.of("workers"));

    private final HostRunner runner = new HostRunner(4);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private WebBarrier barrier = new WebBarrier("web", Duration.ofSeconds(5));

    @AfterEach
    void close() {
        runner.close();
    }

    private void boot(List<List<String>> groups, Set<String> failing, FailureBudget budget) throws Exception {
        BootGroups loop = new BootGroups(new RolesOnHosts(runner, false, h -> h), d -> events.add("sleep"),
                Duration.ofSeconds(1), barrier);
        loop.boot(groups, ROLES::get, g -> events.add("pre " + g), (host, role, lane) -> {
            if (!role.equals("web")) {
                barrier.await(role, host);
            }
            events.add("boot " + role + " " + host);
            if (failing.contains(host)) {
                throw new IllegalStateException("unhealthy on " + host);
            }
            if (role.equals("web")) {
                barrier.open(host);
            }
        }, g -> events.add("post " + g), budget);
    }

    private static List<List<String>> oneByOne() {
        return List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    }

    @Test
    void withoutABudgetTheFirstFailedGroupStopsWithItsOwnError() {
        MultiHostException e = assertThrows(MultiHostException.class, () -> boot(oneByOne(), Set.of("a"),
                FailureBudget.none()));
        assertFalse(e instanceof FailureBudgetException, e.getMessage());
        assertEquals("web on a: unhealthy on a", e.getMessage());
        assertEquals(List.of("pre [a]", "boot web a"), events);
    }

    @Test
    void aBudgetOfOneGoesOnPastTheFirstFailedHostAndStopsAtTheSecond() {
        FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> boot(oneByOne(),
                Set.of("a", "c"), new FailureBudget(1, "-Dkamal.maxFailures=1")));
        assertTrue(e.stopped());
        assertEquals("The failure budget is spent (-Dkamal.maxFailures=1): 2 hosts failed, the rollout stopped:\n"
                + "  web on a: unhealthy on a\n  web on c: unhealthy on c", e.getMessage());
        // a failed group within the budget counts as done: its post hook and pause run
        assertEquals(List.of("pre [a]", "boot web a", "post [a]", "sleep", "pre [b]", "boot web b", "post [b]",
                "sleep", "pre [c]", "boot web c"), events);
    }

    @Test
    void aBootThatEndsWithinTheBudgetStillFailsListingTheFailedHostButIsNotStopped() {
        FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> boot(oneByOne(), Set.of("b"),
                new FailureBudget(1, "-Dkamal.maxFailures=1")));
        assertFalse(e.stopped());
        assertEquals("1 host failed, within the failure budget (-Dkamal.maxFailures=1): the rollout went on and "
                + "the other hosts were booted:\n  web on b: unhealthy on b", e.getMessage());
        assertTrue(events.contains("boot workers d"), events.toString());
    }

    @Test
    void aHookFailingAfterToleratedFailuresStopsListingThemAll() {
        BootGroups loop = new BootGroups(new RolesOnHosts(runner, false, h -> h), d -> { }, null, null);
        FailureBudget budget = new FailureBudget(2, "-Dkamal.maxFailures=2");
        FailureBudgetException e = assertThrows(FailureBudgetException.class, () -> loop.boot(oneByOne(),
                ROLES::get, g -> {
                    if (g.contains("c")) {
                        throw new IllegalStateException("hook refused " + g);
                    }
                }, (host, role, lane) -> {
                    throw new IllegalStateException("down");
                }, g -> { }, budget));
        assertTrue(e.stopped());
        assertEquals(List.of("web on a", "web on b", "pre-group hook for [c]"), e.failures().stream()
                .map(MultiHostException.Failure::label).toList());
    }

    @Test
    void aHookFailingWithoutEarlierFailuresIsThrownAsIs() {
        BootGroups loop = new BootGroups(new RolesOnHosts(runner, false, h -> h), d -> { }, null, null);
        IllegalStateException refused = new IllegalStateException("refused");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.boot(oneByOne(),
                ROLES::get, g -> {
                    throw refused;
                }, (host, role, lane) -> { }, g -> { }, new FailureBudget(1, "x")));
        assertSame(refused, e);
    }

    @Test
    void inOneParallelGroupOneFailedGatekeeperWithinTheBudgetDoesNotHaltTheOtherRoles() {
        // a fails at once, b is healthy a moment later: with budget 1 the barrier waits for b and opens
        barrier = new WebBarrier("web", Duration.ofSeconds(5), WebBarrier.closingFailures(2, 1));
        FailureBudgetException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                FailureBudgetException.class, () -> boot(List.of(List.of("a", "b", "d")), Set.of("a"),
                        new FailureBudget(1, "-Dkamal.maxFailures=1"))));
        assertFalse(e.stopped(), e.getMessage());
        assertTrue(events.contains("boot workers d"), events.toString());
        assertTrue(barrier.isOpen());
    }

    @Test
    void whenEveryGatekeeperFailedTheBarrierClosesEvenWithBudgetLeft() {
        barrier = new WebBarrier("web", Duration.ofSeconds(5), WebBarrier.closingFailures(2, 5));
        FailureBudgetException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                FailureBudgetException.class, () -> boot(List.of(List.of("a", "b", "d")), Set.of("a", "b"),
                        new FailureBudget(5, "-Dkamal.maxFailures=5"))));
        assertTrue(barrier.isClosed());
        assertInstanceOf(HaltedAtBarrierException.class, e.failures().get(2).cause(), e.getMessage());
    }

    @Test
    void theBarrierCountsEachFailedGatekeeperOnce() {
        WebBarrier b = new WebBarrier("web", Duration.ofSeconds(1), 2);
        assertTrue(b.close("a", new IllegalStateException()), "the first failure counts");
        assertFalse(b.close("a", new IllegalStateException()), "the same host again does not");
        assertFalse(b.isClosed());
        assertTrue(b.close("b", new IllegalStateException()));
        assertTrue(b.isClosed());
        assertEquals(1, WebBarrier.closingFailures(3, 0));
        assertEquals(2, WebBarrier.closingFailures(3, 1));
        assertEquals(3, WebBarrier.closingFailures(3, 9));
        assertEquals(1, WebBarrier.closingFailures(0, 9));
    }

    @Test
    void hostCountsAreCountsOrPercentages() {
        assertEquals(1, HostCount.parse("1").of(3, false));
        assertEquals(3, HostCount.parse("5").of(3, false));
        assertEquals(1, HostCount.parse("34%").of(3, false), "a budget rounds down");
        assertEquals(0, HostCount.parse("10%").of(3, false));
        assertEquals(1, HostCount.parse("10%").of(3, true), "a canary rounds up");
        assertEquals(3, HostCount.parse("100%").of(3, true));
        assertEquals(HostCount.NONE, HostCount.parse(" "));
        for (String bad : List.of("-1", "1.5", "101%", "x", "%")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostCount.parse(bad));
            assertTrue(e.getMessage().contains("give a count (2) or a percentage"), e.getMessage());
        }
    }
}
