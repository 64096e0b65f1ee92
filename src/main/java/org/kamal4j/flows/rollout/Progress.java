package org.kamal4j.flows.rollout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kamal4j.flows.steps.BootReport;

/**
 * The rollout's progress as plain lines ({@code 37/100 hosts done, 2 failed, group 3/4}): one whenever a host
 * finishes all its roles and the count crosses a twentieth of the hosts, a host fails, or the last host is done,
 * so a 100-host rollout prints about 20 lines, and a batch log (-B) gets the same lines as a terminal.
 */
final class Progress implements Consumer<BootReport.Row> {

    private final int groups;
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final Function<String, List<String>> roles;
    private final Consumer<String> out;
    private final int total;
    private final int step;
    private final Set<String> done = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> rowsSeen = new HashSet<>();
    private int group;

    Progress(List<List<String>> groups, Function<String, List<String>> roles, Consumer<String> out) {
        this.groups = groups.size();
        for (int g = 0; g < groups.size(); g++) {
            for (String host : groups.get(g)) {
                groupOf.put(host, g + 1); // looked up per finished row, not searched for
            }
        }
        this.roles = roles;
        this.out = out;
        this.total = groups.stream().mapToInt(List::size).sum();
        this.step = Math.max(1, total / 20);
    }

    @Override
    public synchronized void accept(BootReport.Row row) {
        if (row.result().equals(Rollout.UNTOUCHED)) {
            return; // marked after the rollout stopped: the failure that stopped it was already counted
        }
        rowsSeen.add(row.host() + "\n" + row.role());
        group = Math.max(group, groupOf.getOrDefault(row.host(), 0));
        boolean newFailure = !row.result().equals("booted") && failed.add(row.host());
        boolean finished = roles.apply(row.host()).stream().allMatch(r -> rowsSeen.contains(row.host() + "\n" + r))
                && done.add(row.host());
        if (newFailure || finished && (done.size() % step == 0 || done.size() == total)) {
            out.accept(line());
        }
    }

    /** {@code 37/100 hosts done, 2 failed, group 3/4}. */
    synchronized String line() {
        return done.size() + "/" + total + " hosts done, " + failed.size() + " failed, group " + group + "/"
                + groups;
    }
}
