package org.kamal4j.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.kamal4j.ssh.TransportListener;

/** Counts what a transport reports: connections started and failed, commands run and their total time. */
final class CountingListener implements TransportListener {

    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger failedConnects = new AtomicInteger();
    final LongAdder commands = new LongAdder();
    final LongAdder commandNanos = new LongAdder();
    final AtomicLong lastConnectedAt = new AtomicLong(Long.MIN_VALUE);

    @Override
    public void connectStarted(String host, String lane) {
        connects.incrementAndGet();
    }

    @Override
    public void connectFinished(String host, String lane, Duration took, Throwable failure) {
        if (failure != null) {
            failedConnects.incrementAndGet();
        }
        lastConnectedAt.accumulateAndGet(System.nanoTime(), Math::max);
    }

    @Override
    public void commandRun(String host, String display, Duration took, int exitStatus) {
        commands.increment();
        commandNanos.add(took.toNanos());
    }

    /** Mean time per command in milliseconds, 0 when none ran. */
    double meanCommandMillis() {
        long n = commands.sum();
        return n == 0 ? 0 : commandNanos.sum() / 1e6 / n;
    }
}
