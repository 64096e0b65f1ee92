package org.kamal4j.runner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How many failed hosts a boot goes on past ({@code kamal.maxFailures}). The boot loop counts every host on which a
 * role failed (halted at the barrier included) and checks the budget after each boot group: while at most
 * {@link #limit()} hosts failed it goes on with the next group; once more failed it stops. A budget of 0 is Kamal's
 * behaviour: the first failed group stops the boot with that group's own error. Thread-safe.
 */
public final class FailureBudget {

    private final int limit;
    private final String setting;
    private final Set<String> failedHosts = new LinkedHashSet<>();
    private final List<MultiHostException.Failure> failures = new ArrayList<>();

    /**
     * @param limit   failed hosts tolerated
     * @param setting how the user set it, named in the error ({@code -Dkamal.maxFailures=1})
     */
    public FailureBudget(int limit, String setting) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        this.limit = limit;
        this.setting = setting;
    }

    /** No failure tolerated: the first failed group stops the boot, as in Kamal. */
    public static FailureBudget none() {
        return new FailureBudget(0, "no failure budget");
    }

    public int limit() {
        return limit;
    }

    /** A role failed on {@code host}. */
    public synchronized void hostFailed(String host) {
        failedHosts.add(host);
    }

    /** The failures of one group, kept for the error that ends the boot. */
    synchronized void groupFailed(MultiHostException e) {
        failures.addAll(e.failures());
    }

    /** More hosts failed than the budget tolerates (without a budget: any failure). */
    public synchronized boolean spent() {
        return failedHosts.size() > limit || limit == 0 && !failures.isEmpty();
    }

    public synchronized List<String> failedHosts() {
        return List.copyOf(failedHosts);
    }

    /** Whether any failure was recorded. */
    synchronized boolean anyFailed() {
        return !failures.isEmpty();
    }

    /**
     * The error that stops the boot after {@code last} spent the budget: {@code last} itself without a budget
     * (Kamal's error), else every failure so far under one heading.
     */
    synchronized MultiHostException stop(MultiHostException last) {
        if (limit == 0 && failures.equals(last.failures())) {
            return last;
        }
        return new FailureBudgetException(true, "The failure budget is spent (" + setting + "): "
                + hosts(failedHosts.size()) + " failed, the rollout stopped", failures);
    }

    /** The error that stops the boot when a group hook failed after earlier groups' failures were tolerated. */
    synchronized MultiHostException stopAtHook(String label, Exception cause) {
        List<MultiHostException.Failure> all = new ArrayList<>(failures);
        all.add(new MultiHostException.Failure(label, cause));
        return new FailureBudgetException(true, hosts(failedHosts.size()) + " failed within the failure budget ("
                + setting + "), then a hook failed and the rollout stopped", all);
    }

    /** The error of a boot that went to its end past tolerated failures: it still fails, nothing is undone. */
    synchronized MultiHostException withinBudget() {
        return new FailureBudgetException(false, hosts(failedHosts.size()) + " failed, within the failure budget ("
                + setting + "): the rollout went on and the other hosts were booted", failures);
    }

    private static String hosts(int n) {
        return n + (n == 1 ? " host" : " hosts");
    }
}
