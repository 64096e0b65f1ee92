package org.kamal4j.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.LockWait;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.flows.local.LocalRunner;
import org.kamal4j.flows.local.Output;
import org.kamal4j.flows.local.ProcessLocalRunner;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.ssh.JschTransport;
import org.kamal4j.testbed.Fleet;

/**
 * Runs one flow on a fleet as one Maven goal would: a fresh HostRunner, the real JSch transport, the real hooks
 * runner and the fleet's local dockerd for builds; prints the wall time and remote commands per host.
 */
final class FleetFlowRun {

    /** A flow to run in a fresh context. */
    interface FlowCall {
        void run(FlowContext ctx) throws Exception;
    }

    /** What one flow run did: wall time and remote commands per host. */
    record Run(double seconds, Map<String, Integer> commandsPerHost) {}

    /** Who runs the flows: the audit performer and the lock holder's name. */
    record Actor(String performer, String lockUser) {}

    /** Seconds a hook may run in these tests unless a test asks for less: the plugin's own default. */
    static final int HOOK_TIMEOUT = 300;

    private FleetFlowRun() {}

    static Run run(Fleet fleet, Path dir, Output output, DeployConfig config, Actor actor, String label,
            String command, FlowCall call) throws Exception {
        return run(fleet, dir, output, config, actor, label, command, HOOK_TIMEOUT, LockWait.NONE, null, call);
    }

    /** {@code hostPatterns}: -Dkamal.hosts (null: every host). */
    static Run run(Fleet fleet, Path dir, Output output, DeployConfig config, Actor actor, String label,
            String command, int hookTimeout, LockWait lockWait, String hostPatterns, FlowCall call) throws Exception {
        LocalRunner local = withLocalDocker(fleet, new ProcessLocalRunner(dir, output));
        long t0 = System.nanoTime();
        try (HostRunner runner = new HostRunner(16);
                JschTransport transport = JschTransport.builder(config.ssh(), config.sshkit())
                        .secrets(config.secrets()).home(dir).agentSocket(null).build()) {
            FlowContext ctx = FlowContext.builder(Selection.of(config, hostPatterns, null), transport, runner, output)
                    .local(local)
                    .hooks(new Hooks(dir.resolve(".kamal/hooks"), local, output, false).withTimeout(hookTimeout))
                    .performer(actor.performer())
                    .lockUser(actor.lockUser())
                    .environment(Map.of())
                    .command(command)
                    .baseDir(dir)
                    .lockWait(lockWait)
                    .build();
            try {
                call.run(ctx);
            } finally {
                System.out.printf("[%s] FIGURES %s %s: %.1f s, remote commands per host %s%n", label, command,
                        config.version(), (System.nanoTime() - t0) / 1e9, ctx.transport().commandCounts());
            }
            return new Run((System.nanoTime() - t0) / 1e9, ctx.transport().commandCounts());
        }
    }

    /** The local side talks to the fleet's local dockerd with the legacy builder and Debian's docker CLI. */
    static LocalRunner withLocalDocker(Fleet fleet, LocalRunner real) {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HOST", fleet.localDockerHost());
        env.put("DOCKER_BUILDKIT", "0");
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        return (command, extra) -> {
            Map<String, String> merged = new HashMap<>(env);
            merged.putAll(extra);
            return real.run(command, merged);
        };
    }
}
