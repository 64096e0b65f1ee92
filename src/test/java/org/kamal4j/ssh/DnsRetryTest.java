package org.kamal4j.ssh;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DnsRetryTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void backoffDoublesFromPointOneAndCapsAtTwoSeconds() throws Exception {
        DnsRetry retry = new DnsRetry(7, sleeps::add, () -> 0.5, warnings::add);
        AtomicInteger calls = new AtomicInteger();
        TransportException e = assertThrows(TransportException.class, () -> retry.run("web1", () -> {
            calls.incrementAndGet();
            throw new TransportException("Could not connect", new UnknownHostException("web1"));
        }));
        assertEquals(8, calls.get(), "first attempt plus 7 retries");
        assertEquals(List.of(150L, 250L, 450L, 850L, 1650L, 2050L, 2050L), sleeps);
        assertEquals("Retrying DNS for web1 (attempt 1/7) in 0.15s: Unknown host web1", warnings.get(0));
        assertEquals("Retrying DNS for web1 (attempt 7/7) in 2.05s: Unknown host web1", warnings.get(6));
        assertEquals("Could not connect", e.getMessage());
    }

    @Test
    void succeedsAfterTransientFailure() throws Exception {
        DnsRetry retry = new DnsRetry(3, sleeps::add, () -> 0.0, warnings::add);
        AtomicInteger calls = new AtomicInteger();
        String r = retry.run("web1", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new TransportException("x", new IOException("Temporary failure in name resolution"));
            }
            return "connected";
        });
        assertEquals("connected", r);
        assertEquals(List.of(100L, 200L), sleeps);
    }

    @Test
    void otherErrorsAndZeroRetriesFailAtOnce() {
        DnsRetry retry = new DnsRetry(3, sleeps::add, () -> 0.0, warnings::add);
        assertThrows(TransportException.class, () -> retry.run("web1", () -> {
            throw new TransportException("Connection refused");
        }));
        DnsRetry none = new DnsRetry(0, sleeps::add, () -> 0.0, warnings::add);
        assertThrows(TransportException.class, () -> none.run("web1", () -> {
            throw new TransportException("x", new UnknownHostException("web1"));
        }));
        assertTrue(sleeps.isEmpty());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void recognisesDnsMessagesInTheCauseChain() {
        assertTrue(DnsRetry.isDnsError(new TransportException("a", new IOException("getaddrinfo: nodename"))));
        assertTrue(DnsRetry.isDnsError(new IOException("Name or service not known")));
        assertFalse(DnsRetry.isDnsError(new IOException("Connection refused")));
    }
}
