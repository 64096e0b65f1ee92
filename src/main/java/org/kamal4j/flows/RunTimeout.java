package org.kamal4j.flows;

/**
 * The bound on a whole run ({@code -Dkamal.timeout}): when it expires the running thread is interrupted, so
 * the flow stops exactly as on Ctrl-C (no new steps, running ones cut short, lock released).
 */
final class RunTimeout {

    private final Thread timer;
    private volatile boolean expired;

    private RunTimeout(int seconds) {
        Thread caller = Thread.currentThread();
        timer = seconds <= 0 ? null : new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
                expired = true;
                caller.interrupt();
            } catch (InterruptedException e) {
                // cancelled: the run finished in time
            }
        }, "kamal-run-timeout");
        if (timer != null) {
            timer.setDaemon(true);
            timer.start();
        }
    }

    /** Starts the bound for the current thread; 0 or less means none. */
    static RunTimeout start(int seconds) {
        return new RunTimeout(seconds);
    }

    boolean expired() {
        return expired;
    }

    void cancel() {
        if (timer != null) {
            timer.interrupt();
        }
    }
}
