package org.kamal4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WebBarrierTest {

    private final WebBarrier barrier = new WebBarrier("web", Duration.ofSeconds(30));

    @Test
    void onlyTheFirstDecisionCountsAndOnlyItsCallerIsTold() {
        assertTrue(barrier.decision().isEmpty());
        assertTrue(barrier.open("root@1.1.1.1"));
        assertFalse(barrier.open("root@1.1.1.3"));
        assertFalse(barrier.close("root@1.1.1.3", new RuntimeException("late")));
        assertTrue(barrier.isOpen());
        assertFalse(barrier.isClosed());
        assertEquals(new WebBarrier.Decision(true, "root@1.1.1.1", null), barrier.decision().orElseThrow());
    }

    @Test
    void queuersWaitUntilTheBarrierOpens() throws Exception {
        CompletableFuture<Void> queuer = CompletableFuture.runAsync(() -> {
            try {
                barrier.await("workers", "root@1.1.1.2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> queuer.get(100, TimeUnit.MILLISECONDS));
        assertTrue(barrier.open("root@1.1.1.1"));
        queuer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void queuersHaltWithACauseNamingThePrimaryRoleWhenItCloses() {
        IllegalStateException boom = new IllegalStateException("container not ready after 30 seconds (exited)\nmore");
        assertTrue(barrier.close("root@1.1.1.1", boom));
        assertFalse(barrier.close("root@1.1.1.3", new RuntimeException("second")));
        assertFalse(barrier.open("root@1.1.1.3"));

        HaltedAtBarrierException e = assertThrows(HaltedAtBarrierException.class,
                () -> barrier.await("workers", "root@1.1.1.2"));

        assertEquals("Halted at barrier: the primary role web failed on root@1.1.1.1 (container not ready after"
                + " 30 seconds (exited)), so workers was not booted on root@1.1.1.2; fix web and deploy again",
                e.getMessage());
        assertSame(boom, e.getCause());
        assertTrue(barrier.isClosed());
    }

    @Test
    void anUndecidedBarrierTimesOutWithAClearError() {
        WebBarrier quick = new WebBarrier("web", Duration.ofMillis(100));
        HaltedAtBarrierException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(HaltedAtBarrierException.class, () -> quick.await("workers", "root@1.1.1.2")));
        assertEquals("Halted at barrier: no web container became healthy within 100ms, so workers was not booted on"
                + " root@1.1.1.2; check the web containers' logs and health check, then deploy again",
                e.getMessage());
        assertInstanceOf(TimeoutException.class, e.getCause());
    }

    @Test
    void theDefaultTimeoutIsTheDeployTimeoutPlusReadinessDelayPlusAMargin() {
        assertEquals(Duration.ofSeconds(30 + 7 + 300), WebBarrier.defaultTimeout(30, 7));
    }
}
