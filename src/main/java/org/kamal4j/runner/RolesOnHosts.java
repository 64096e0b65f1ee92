package org.kamal4j.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a {@link RoleTask} for every (host, role) pair of a set of hosts. With parallel roles each pair is its
 * own task on its own lane; otherwise each host runs its roles one after another in the given order (primary
 * first) on the shared lane, and a failing role stops the remaining roles on that host. Failures name both the
 * role and the host ({@code web on root@1.1.1.1: ...}) under the heading {@code Failed on N of M host roles:}.
 *
 * @param hostLabel names a host in failure lines, typically {@code user@host}
 */
public record RolesOnHosts(HostRunner runner, boolean parallelRoles, Function<String, String> hostLabel) {

    /** The lane of sequential roles; equal to the transport's default lane. */
    public static final String SHARED_LANE = "";

    static final String NOUN = "host roles";

    /** One role on one host. */
    public record HostRole(String host, String role) {}

    /**
     * Runs {@code task} for each host in {@code hosts} and each of its roles.
     *
     * @param rolesOn the roles on a host, in boot order (primary role first)
     */
    public void run(List<String> hosts, Function<String, List<String>> rolesOn, RoleTask task)
            throws MultiHostException, InterruptedException {
        List<HostRole> pairs = pairs(hosts, rolesOn);
        if (parallelRoles) {
            runner.run(NOUN, pairs, this::label, p -> {
                task.run(p.host(), p.role(), p.role());
                return null;
            });
        } else {
            runSequentially(hosts, rolesOn, task, pairs.size());
        }
    }

    private void runSequentially(List<String> hosts, Function<String, List<String>> rolesOn, RoleTask task,
            int total) throws MultiHostException, InterruptedException {
        try {
            runner.runEach(hosts, hostLabel, host -> {
                for (String role : rolesOn.apply(host)) {
                    try {
                        task.run(host, role, SHARED_LANE);
                    } catch (Exception e) {
                        throw new RoleFailure(new HostRole(host, role), e);
                    }
                }
            });
        } catch (MultiHostException e) {
            throw relabel(e, total);
        }
    }

    /** Puts the failed role into each failure's label and counts (host, role) pairs. */
    private MultiHostException relabel(MultiHostException e, int total) {
        List<MultiHostException.Failure> failures = new ArrayList<>();
        for (MultiHostException.Failure f : e.failures()) {
            failures.add(f.cause() instanceof RoleFailure rf
                    ? new MultiHostException.Failure(label(rf.pair), rf.getCause())
                    : f);
        }
        return new MultiHostException(NOUN, total, failures);
    }

    private String label(HostRole pair) {
        return pair.role() + " on " + hostLabel.apply(pair.host());
    }

    private static List<HostRole> pairs(List<String> hosts, Function<String, List<String>> rolesOn) {
        List<HostRole> pairs = new ArrayList<>();
        for (String host : hosts) {
            for (String role : rolesOn.apply(host)) {
                pairs.add(new HostRole(host, role));
            }
        }
        return pairs;
    }

    /** Carries a role failure out of a sequential host task so the role can be named. */
    private static final class RoleFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient HostRole pair;

        RoleFailure(HostRole pair, Exception cause) {
            super(cause.getMessage(), cause);
            this.pair = pair;
        }
    }
}
