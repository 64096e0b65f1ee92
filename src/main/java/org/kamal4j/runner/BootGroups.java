package org.kamal4j.runner;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.kamal4j.config.DeployConfig;

/**
 * The boot loop: for each group of hosts in order, the pre-group hook, every (host, role) of the group, the
 * post-group hook, then the {@code boot.wait} pause (after the last group too, as Kamal does). A failing group
 * stops the loop: no post-group hook, no pause, later groups not attempted. With a {@link FailureBudget} a failing
 * group stops it only once more hosts failed than the budget tolerates; until then the group counts as done (its
 * post-group hook and pause run) and the loop goes on.
 *
 * <p>With a {@link WebBarrier}, every primary-role task that fails, at whatever step, closes the barrier and
 * every one that succeeds opens it, so queuers are always released.
 */
public final class BootGroups {

    private final RolesOnHosts roles;
    private final Sleeper sleeper;
    private final Duration wait;
    private final WebBarrier barrier;

    /**
     * @param wait    pause after each group; null for none
     * @param barrier the boot's barrier; null when no role waits for another
     */
    public BootGroups(RolesOnHosts roles, Sleeper sleeper, Duration wait, WebBarrier barrier) {
        this.roles = roles;
        this.sleeper = sleeper;
        this.wait = wait;
        this.barrier = barrier;
    }

    /** A boot loop with {@code boot.parallel_roles} and {@code boot.wait} taken from the config. */
    public static BootGroups forConfig(DeployConfig config, HostRunner runner, Function<String, String> hostLabel,
            WebBarrier barrier, Sleeper sleeper) {
        Integer seconds = config.boot().waitSeconds();
        return new BootGroups(new RolesOnHosts(runner, config.boot().parallelRoles(), hostLabel), sleeper,
                seconds == null ? null : Duration.ofSeconds(seconds), barrier);
    }

    /**
     * Boots the groups in order. Give the hosts in boot order (primary-role hosts first, as
     * {@link DeployConfig#bootGroups()} does) so gatekeepers start before queuers can fill the thread pool.
     *
     * @param rolesOn the roles on a host, primary role first
     * @throws MultiHostException the failures of the first failing group
     * @throws E                  what a hook threw (the loop stops there too)
     */
    public <E extends Exception> void boot(List<List<String>> groups, Function<String, List<String>> rolesOn,
            GroupHook<E> before, RoleTask task, GroupHook<E> after)
            throws MultiHostException, InterruptedException, E {
        boot(groups, rolesOn, before, task, after, FailureBudget.none());
    }

    /**
     * Boots the groups in order within {@code budget}.
     *
     * @throws MultiHostException the failures of the first failing group without a budget; with one, a
     *                            {@link FailureBudgetException} listing every failure once the budget is spent
     *                            (stopped) or, when the loop went to its end past tolerated failures, at the end
     */
    public <E extends Exception> void boot(List<List<String>> groups, Function<String, List<String>> rolesOn,
            GroupHook<E> before, RoleTask task, GroupHook<E> after, FailureBudget budget)
            throws MultiHostException, InterruptedException, E {
        RoleTask counted = counted(task, budget);
        RoleTask guarded = barrier == null ? counted : guard(counted);
        for (List<String> group : groups) {
            hook(before, group, budget, "pre-group hook for " + group);
            try {
                roles.run(group, rolesOn, guarded);
            } catch (MultiHostException e) {
                budget.groupFailed(e);
                if (budget.spent()) {
                    throw budget.stop(e);
                }
            }
            hook(after, group, budget, "post-group hook for " + group);
            if (wait != null) {
                sleeper.sleep(wait);
            }
        }
        if (budget.anyFailed()) {
            throw budget.withinBudget();
        }
    }

    /** Runs a group hook; its failure stops the loop as is, or with the tolerated failures so far when any. */
    private static <E extends Exception> void hook(GroupHook<E> hook, List<String> group, FailureBudget budget,
            String label) throws MultiHostException, E {
        try {
            hook.run(group);
        } catch (Exception e) {
            if (budget.anyFailed()) {
                throw budget.stopAtHook(label, e);
            }
            throw e;
        }
    }

    /** Counts the host of every failing task against the budget. */
    private static RoleTask counted(RoleTask task, FailureBudget budget) {
        return (host, role, lane) -> {
            try {
                task.run(host, role, lane);
            } catch (Exception | Error e) {
                budget.hostFailed(host);
                throw e;
            }
        };
    }

    /** Decides the barrier from every gatekeeper's outcome, including failures before its container started. */
    private RoleTask guard(RoleTask task) {
        return (host, role, lane) -> {
            boolean gatekeeper = role.equals(barrier.primaryRole());
            try {
                task.run(host, role, lane);
            } catch (Exception | Error e) {
                if (gatekeeper) {
                    barrier.close(roles.hostLabel().apply(host), e);
                }
                throw e;
            }
            if (gatekeeper) {
                barrier.open(roles.hostLabel().apply(host));
            }
        };
    }
}
