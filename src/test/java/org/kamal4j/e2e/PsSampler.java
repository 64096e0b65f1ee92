package org.kamal4j.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples {@code ps -eo args} while a flow runs. The fleet's hosts are network namespaces of this machine sharing
 * its process table, so one local sample shows every host's sshd sessions and docker CLIs plus the local side.
 */
final class PsSampler implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> samples = new ArrayList<>();
    private final Thread thread = new Thread(this::loop, "ps-sampler");

    PsSampler() {
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            try {
                Process p = new ProcessBuilder("/bin/ps", "-eo", "args").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                synchronized (samples) {
                    samples.add(out);
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new IllegalStateException("ps failed", e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns every sample taken. */
    List<String> stop() throws InterruptedException {
        running.set(false);
        thread.join();
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
