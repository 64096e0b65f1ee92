package org.kamal4j.flows;

/**
 * The bound on a whole run ({@code -Dkamal.timeout}): when it expires it runs {@code onExpiry}, which stops the flow
 * exactly as Ctrl-C does ({@link org.kamal4j.flows.context.StopOnInterrupt}).
 */
final class RunTimeout {

    private final Thread timer;

    private RunTimeout(int seconds, Runnable onExpiry) {
        timer = seconds <= 0 ? null : new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
                onExpiry.run();
            } catch (InterruptedException e) {
                // cancelled: the run finished in time
            }
        }, "kamal-run-timeout");
        if (timer != null) {
            timer.setDaemon(true);
            timer.start();
        }
    }

    /** Starts the bound; 0 or less means none. */
    static RunTimeout start(int seconds, Runnable onExpiry) {
        return new RunTimeout(seconds, onExpiry);
    }

    void cancel() {
        if (timer != null) {
            timer.interrupt();
        }
    }
}
