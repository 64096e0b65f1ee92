package org.kamal4j.runner;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Tracks the workers of one run so an interrupted caller can cancel them and still wait for every one. */
final class WorkerSet {

    private final int size;
    private final CountDownLatch pending;
    private final Set<Thread> threads = new HashSet<>();
    private boolean cancelled;

    WorkerSet(int workers) {
        this.size = workers;
        this.pending = new CountDownLatch(workers);
    }

    int size() {
        return size;
    }

    /** Called first by a worker; false when the run was cancelled before it started (it must then return). */
    synchronized boolean enter() {
        if (cancelled) {
            pending.countDown();
            return false;
        }
        threads.add(Thread.currentThread());
        return true;
    }

    /** Called last by a worker that entered. */
    synchronized void leave() {
        threads.remove(Thread.currentThread());
        pending.countDown();
    }

    /** A queued worker was withdrawn from the pool and will never run. */
    void abandon() {
        pending.countDown();
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Stops handing out hosts and interrupts every worker now running a task. */
    synchronized void cancel() {
        cancelled = true;
        threads.forEach(Thread::interrupt);
    }

    void awaitAll() throws InterruptedException {
        pending.await();
    }

    void awaitAllUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                pending.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
