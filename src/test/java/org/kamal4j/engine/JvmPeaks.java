package org.kamal4j.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Peak JVM threads and heap over a measured span: the ThreadMXBean peak, the used heap sampled every 5 ms
 * (one extra daemon thread, counted in the peak), and the sum of the heap pools' own peaks (an upper bound,
 * since pools peak at different moments).
 */
final class JvmPeaks implements AutoCloseable {

    private final AtomicLong sampledHeapPeak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private JvmPeaks() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
    }

    /** Resets the peaks and starts sampling. */
    static JvmPeaks start() {
        JvmPeaks peaks = new JvmPeaks();
        peaks.sampler.start();
        return peaks;
    }

    private void sample() {
        while (running) {
            sampledHeapPeak.accumulateAndGet(heapUsed(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    int peakThreads() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    long sampledHeapPeak() {
        return sampledHeapPeak.get();
    }

    long heapPoolPeaks() {
        return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}
