package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.LockWait;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.flows.context.StopOnInterrupt;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.FakeTransport;

/**
 * The running example (web without proxy, version abc123, def456 running) with a recording transport, output,
 * local runner, clock and sleeper, and a healthy fleet scripted by default.
 */
public final class FlowFixture implements AutoCloseable {

    public static final String CURRENT = "sh -c 'docker ps --latest --format";
    public static final String RUNNING_VERSIONS = "docker ps --filter label=service=app";
    /** The health status query, alone or inside the wait on the host ({@code sh -c} quoting around it). */
    public static final String HEALTH = "{{.State.Health.Status}}";
    /** The one command per host that finds what each role runs ({@code RoleVersions}). */
    public static final String PROBE = "@@kamal-probe";

    public final FakeTransport fake = new FakeTransport();
    public final RecordingOutput output = new RecordingOutput();
    public final MutableClock clock = new MutableClock(Instant.parse("2025-01-31T12:00:00Z"));
    /** How the context waits for a held deploy lock (default: not at all). */
    public LockWait lockWait = LockWait.NONE;
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    public final List<String> local = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, String> environment = new HashMap<>();
    public final List<Thread> shutdownHooks = Collections.synchronizedList(new ArrayList<>());
    public final HostRunner runner = new HostRunner(8);
    public DeployConfig config;
    /** The fixture's directory: local files (error pages) resolve against it. */
    public Path baseDir;
    public Hooks hooks;
    /** What a stop does in this fixture's contexts; null: the default for the test thread. */
    public StopOnInterrupt stop;

    public FlowFixture() throws Exception {
        this("example");
    }

    public FlowFixture(String name) throws Exception {
        baseDir = dir(name);
        config = new ConfigLoader(dir(name), Map.of()).configFile("deploy.yml").version("abc123").load();
        healthyFleet();
    }

    public static Path dir(String name) {
        try {
            return Path.of(FlowFixture.class.getResource("/flows/" + name + "/deploy.yml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** def456 runs everywhere, new containers become "running" at once. */
    public void healthyFleet() {
        fake.on("*", c -> c.startsWith(CURRENT)).output("def456\n");
        fake.on("*", c -> c.startsWith(RUNNING_VERSIONS)).output("def456\n");
        fake.on("*", c -> c.contains(HEALTH)).output("running\n");
        runs("*", "def456", "def456", "");
    }

    /**
     * On hosts matching {@code hostGlob}, every role asked about by the probe runs {@code running} (versions, one per
     * line), {@code current} is its current version and {@code clash} the id of a container named for the version
     * being booted (blank: none), as the probe prints them.
     */
    public FakeTransport.Rule runs(String hostGlob, String running, String current, String clash) {
        return fake.on(hostGlob, c -> c.contains(PROBE)).answer(e -> {
            StringBuilder out = new StringBuilder();
            Matcher m = Pattern.compile(PROBE + " role ([a-z0-9_-]+)").matcher(e.command());
            while (m.find()) {
                out.append(PROBE).append(" role ").append(m.group(1)).append('\n').append(running)
                        .append(running.isEmpty() || running.endsWith("\n") ? "" : "\n")
                        .append(PROBE).append(" current\n").append(current).append('\n')
                        .append(PROBE).append(" clash\n").append(clash).append('\n');
            }
            return new ExecResult(0, out.toString(), "");
        });
    }

    /**
     * Standard error of a combined command ({@link Command#steps}) whose step {@code step} failed writing
     * {@code stderr}, as the host's shell writes it: the step's own output, then the marker line naming it.
     */
    public static String failedStep(String stderr, String step) {
        return stderr + "\n" + Command.STEP_FAILED + step + "\n";
    }

    public FlowContext context() throws FlowException {
        return context(Selection.all(config), "deploy");
    }

    public Selection selection() throws FlowException {
        return Selection.all(config);
    }

    public FlowContext context(Selection selection, String command) {
        return FlowContext.builder(selection, fake, runner, output)
                .baseDir(baseDir)
                .local((Command c, Map<String, String> env) -> {
                    if (c.display().startsWith("docker version --format")) {
                        return new ExecResult(0, "amd64\n", "");
                    }
                    local.add(c.display());
                    return new ExecResult(0, "", "");
                })
                .hooks(hooks)
                .clock(clock)
                .lockWait(lockWait)
                .sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                })
                .performer("dev@example.com")
                .lockUser("Dev")
                .environment(environment)
                .randomHex(n -> "0123456789abcdef0123".substring(0, n))
                .command(command)
                .stop(stop)
                .shutdownHooks(new ListShutdownHooks(shutdownHooks))
                .build();
    }

    /** Whether the lock was released on the primary host after it was taken. */
    public boolean lockReleased() {
        List<String> cmds = fake.commands("1.1.1.1");
        int acquired = indexOf(cmds, "mkdir .kamal/lock-app");
        int released = indexOf(cmds, "rm .kamal/lock-app/details");
        return acquired >= 0 && released > acquired;
    }

    public static int indexOf(List<String> commands, String fragment) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** Each fragment occurs in a later command than the previous one. */
    public static void assertInOrder(List<String> commands, String... fragments) {
        int from = 0;
        for (String fragment : fragments) {
            int found = -1;
            for (int i = from; i < commands.size(); i++) {
                if (commands.get(i).contains(fragment)) {
                    found = i;
                    break;
                }
            }
            assertTrue(found >= 0, "'" + fragment + "' after command " + from + " in " + String.join("\n", commands));
            from = found + 1;
        }
    }

    /**
     * Each fragment occurs after the previous one, in the same command or a later one: for steps that one command
     * now carries together ({@link Command#steps}).
     */
    public static void assertInOrderAcross(List<String> commands, String... fragments) {
        String all = String.join("\n", commands);
        int from = 0;
        for (String fragment : fragments) {
            int found = all.indexOf(fragment, from);
            assertTrue(found >= 0, "'" + fragment + "' after position " + from + " in " + all);
            from = found + fragment.length();
        }
    }

    @Override
    public void close() {
        runner.close();
    }

    /** A clock the fake sleeper moves forward. */
    public static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
