package org.kamal4j.flows.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * What one host runs of one role, found with the other roles of the host in one command ({@link #probe}): the
 * versions of its running containers (the stale-container check), the current version (Kamal's separate lookup)
 * and the id of a container already named for the version being booted (the clash check). Kamal asks these as
 * three round trips per role; the answers are the same as long as the deploy lock is held.
 *
 * @param running the versions of the role's running containers
 * @param current the current running version, empty for none
 * @param clash   the id of the container of the version being booted, in any state; empty for none
 */
public record RoleVersions(List<String> running, String current, String clash) {

    private static final String MARK = "@@kamal-probe ";

    /**
     * One command asking about each of {@code roles} for {@code config.version()}. A failing stale-container check
     * fails the command naming its role ({@link Command#steps}); the other two lookups report "none" on failure,
     * as their separate commands did.
     */
    public static Command probe(DeployConfig config, List<String> roles, IntFunction<String> randomHex) {
        return Command.steps(probeSteps(config, roles, randomHex));
    }

    /** The steps of {@link #probe}, for a command that runs them after steps of its own (the pull's). */
    public static List<Command> probeSteps(DeployConfig config, List<String> roles, IntFunction<String> randomHex) {
        List<Command> steps = new ArrayList<>();
        for (String role : roles) {
            AppCommands app = new AppCommands(config, config.role(role), randomHex);
            // one listing of the role's containers answers the stale check, the clash check and the fallback of
            // the current version: three docker calls per role instead of five
            steps.add(mark("role " + role).and(app.readContainerStates(STATES))
                    .and(Command.group(app.runningVersionsIn(STATES)))
                    .step("stale container check (docker container ls) for role " + role));
            steps.add(mark("current").and(app.currentRunningVersionIn(STATES).tolerated()).and(mark("clash"))
                    .and(app.containerIdIn(STATES, config.version()).tolerated())
                    .step("version lookup (docker ps) for role " + role));
        }
        return steps;
    }

    /** The shell variable the probe keeps a role's containers in ({@link AppCommands#readContainerStates}). */
    private static final String STATES = "_kamal_states";

    /** Runs {@link #probe} on {@code s} and returns the answer per role, in {@code roles} order. */
    public static Map<String, RoleVersions> find(Session s, DeployConfig config, List<String> roles,
            IntFunction<String> randomHex) throws TransportException {
        return parse(s.run(probe(config, roles, randomHex)));
    }

    /** The answers in the probe's output, keyed by role; lines before its first role (a pull's) are skipped. */
    public static Map<String, RoleVersions> parse(String output) {
        Map<String, RoleVersions> found = new LinkedHashMap<>();
        String role = null;
        String section = null;
        List<String> running = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> clash = new ArrayList<>();
        for (String line : (output + "\n" + MARK + "role ").split("\n")) {
            if (line.startsWith(MARK)) {
                String what = line.substring(MARK.length());
                if (what.startsWith("role ")) {
                    if (role != null) {
                        found.put(role, new RoleVersions(List.copyOf(running), first(current), first(clash)));
                    }
                    role = what.substring("role ".length()).strip();
                    running.clear();
                    current.clear();
                    clash.clear();
                    section = "running";
                } else {
                    section = what.strip();
                }
                continue;
            }
            String value = line.strip();
            if (role == null || value.isEmpty()) {
                continue;
            }
            switch (section) {
                case "running" -> running.add(value);
                case "current" -> current.add(value);
                default -> clash.add(value);
            }
        }
        return found;
    }

    /** The versions in {@link #running} other than the current one. */
    public List<String> stale() {
        return running.stream().filter(v -> !v.equals(current)).toList();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static Command mark(String what) {
        return Command.of("echo", MARK + what);
    }
}
