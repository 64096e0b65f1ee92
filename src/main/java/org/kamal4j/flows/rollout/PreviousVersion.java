package org.kamal4j.flows.rollout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The version each selected (host, role) ran before the one it runs now, read from the containers on the host:
 * what {@code kamal:rollback} boots when no {@code -Dkamal.version} is given. Docker lists containers newest
 * first, so the previous version is the first one listed that is not the current one nor a copy Kamal renamed
 * aside ({@code <version>_replaced_<hex>}). Every (host, role) must agree, or the rollback is refused with what
 * each one has.
 */
public final class PreviousVersion {

    /** What one (host, role) has: the version it runs (null: none) and the one before it (null: none). */
    public record Found(String host, String role, String current, String previous) {

        /** {@code <host> <role>: runs <current>, before it <previous>}. */
        public String describe() {
            return host + " " + role + ": runs " + (current == null ? "nothing" : current) + ", before it "
                    + (previous == null ? "no other version" : previous);
        }
    }

    private static final String MARK = "@@kamal-history ";
    private static final String VERSIONS = "versions";

    private final FlowContext ctx;

    public PreviousVersion(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** What every selected app host has, per role, in host order: one command per host. */
    public List<Found> find(DeployConfig config) throws MultiHostException, InterruptedException {
        List<List<Found>> perHost = ctx.collect(ctx.selection().appHosts(),
                (host, s) -> find(s, host, config, ctx.selection().roleNamesOn(host)));
        return perHost.stream().flatMap(List::stream).toList();
    }

    /**
     * Asks {@code host} about all of {@code roles} in one command: per role a marker line, the current running
     * version (none when the lookup fails, as Kamal's separate lookup does) and the versions of its containers,
     * newest first (a failure there fails the command, naming the role).
     */
    private static List<Found> find(Session s, String host, DeployConfig config, List<String> roles)
            throws TransportException {
        List<Command> steps = new ArrayList<>();
        for (String role : roles) {
            AppCommands app = new AppCommands(config, config.role(role));
            steps.add(Command.of("echo", MARK + role).and(app.currentRunningVersion().tolerated())
                    .and(Command.of("echo", MARK + VERSIONS)).and(app.versionsNewestFirst())
                    .step("version history (docker ps, docker container ls) for role " + role));
        }
        return parse(host, roles, steps.isEmpty() ? "" : s.run(Command.steps(steps)));
    }

    /** The answers in the command's output: per role, the lines before its versions marker are the current one. */
    static List<Found> parse(String host, List<String> roles, String output) {
        Map<String, List<String>> current = new LinkedHashMap<>();
        Map<String, List<String>> versions = new LinkedHashMap<>();
        List<String> into = null;
        String role = null;
        for (String line : lines(output)) {
            if (line.startsWith(MARK)) {
                String what = line.substring(MARK.length());
                if (what.equals(VERSIONS) && role != null) {
                    into = versions.computeIfAbsent(role, r -> new ArrayList<>());
                } else {
                    role = what;
                    into = current.computeIfAbsent(role, r -> new ArrayList<>());
                }
            } else if (into != null) {
                into.add(line);
            }
        }
        List<Found> found = new ArrayList<>();
        for (String r : roles) {
            List<String> now = current.getOrDefault(r, List.of());
            String running = now.isEmpty() ? null : now.get(0);
            found.add(new Found(host, r, running, previous(running, versions.getOrDefault(r, List.of()))));
        }
        return found;
    }

    /** The version to roll back to, agreed by every (host, role); refuses listing each when they disagree. */
    public String resolve(DeployConfig config) throws FlowException, MultiHostException, InterruptedException {
        List<Found> found = find(config);
        String version = agreed(found);
        ctx.output().info("Rolling back to " + version + ", the version " + found.size() + " host role(s) ran "
                + "before the current one (" + String.join(", ", new LinkedHashSet<>(found.stream()
                        .map(f -> f.role() + " " + (f.current() == null ? "nothing" : f.current())).toList())) + ")");
        return version;
    }

    /** The one previous version of {@code found}, or a refusal naming what each (host, role) has. */
    static String agreed(List<Found> found) throws FlowException {
        Set<String> versions = new LinkedHashSet<>(found.stream().map(Found::previous).toList());
        if (found.isEmpty()) {
            throw new FlowException("No app host selected: nothing to roll back");
        }
        if (versions.size() == 1 && !versions.contains(null)) {
            return versions.iterator().next();
        }
        String why = versions.contains(null) && versions.size() == 1
                ? "No host has an earlier version of the app to roll back to"
                : "The hosts do not agree on the version they ran before";
        throw new FlowException(why + "; pass the version with -Dkamal.version=<version> (list the containers with "
                + "`mvn kamal:app-containers`)\n  " + String.join("\n  ", found.stream().map(Found::describe)
                        .toList()));
    }

    /** The first of {@code newestFirst} that is neither {@code current} nor a renamed copy. */
    static String previous(String current, List<String> newestFirst) {
        return newestFirst.stream().filter(v -> !v.equals(current) && !v.contains("_replaced_")).findFirst()
                .orElse(null);
    }

    private static List<String> lines(String out) {
        return out == null ? List.of() : Arrays.stream(out.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }
}
