package org.kamal4j.ssh;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionStartsTest {

    @Test
    void neverMoreThanNStartsInFlightWithTwentyThreads() throws Exception {
        ConnectionStarts starts = new ConnectionStarts(3);
        AtomicInteger current = new AtomicInteger();
        AtomicInteger observedMax = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                return starts.start(() -> fakeConnect(n, current, observedMax));
            }));
        }
        go.countDown();
        for (int i = 0; i < 20; i++) {
            assertEquals("conn-" + i, results.get(i).get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(3, observedMax.get(), "the fake connector saw the cap reached but never exceeded");
        assertEquals(3, starts.maxInFlight());
    }

    private static String fakeConnect(int n, AtomicInteger current, AtomicInteger max) {
        max.accumulateAndGet(current.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.decrementAndGet();
        return "conn-" + n;
    }

    @Test
    void permitIsReturnedWhenAStartFails() throws Exception {
        ConnectionStarts starts = new ConnectionStarts(1);
        for (int i = 0; i < 3; i++) {
            try {
                starts.start(() -> {
                    throw new TransportException("refused");
                });
            } catch (TransportException expected) {
                assertEquals("refused", expected.getMessage());
            }
        }
        assertEquals("ok", starts.start(() -> "ok"));
        assertTrue(starts.maxInFlight() <= 1);
    }
}
