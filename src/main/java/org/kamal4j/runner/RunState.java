package org.kamal4j.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The hosts, outcomes and workers of one {@link HostRunner} run; workers take hosts in order. */
final class RunState<H, R> {
    final List<H> hosts;
    final HostTask<? super H, ? extends R> task;
    final List<Runnable> queued = new ArrayList<>();
    final Object[] results;
    final Throwable[] failures;
    final AtomicInteger next = new AtomicInteger();
    final WorkerSet running;

    RunState(List<H> hosts, HostTask<? super H, ? extends R> task, int workerCount) {
        this.hosts = List.copyOf(hosts);
        this.task = task;
        this.results = new Object[hosts.size()];
        this.failures = new Throwable[hosts.size()];
        this.running = new WorkerSet(workerCount);
    }

    void work() {
        if (!running.enter()) {
            return;
        }
        try {
            for (int i = next.getAndIncrement(); i < hosts.size() && !running.cancelled();
                    i = next.getAndIncrement()) {
                runOne(i);
            }
        } finally {
            running.leave();
        }
    }

    private void runOne(int i) {
        try {
            results[i] = task.run(hosts.get(i));
        } catch (Throwable t) {
            failures[i] = t;
        }
    }

    @SuppressWarnings("unchecked")
    List<R> results(String noun, Function<? super H, String> label) throws MultiHostException {
        List<MultiHostException.Failure> failed = new ArrayList<>();
        List<R> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (failures[i] != null) {
                failed.add(new MultiHostException.Failure(Objects.toString(label.apply(hosts.get(i))),
                        failures[i]));
            }
            out.add((R) results[i]);
        }
        if (!failed.isEmpty()) {
            throw new MultiHostException(noun, hosts.size(), failed);
        }
        return Collections.unmodifiableList(out);
    }
}
