package org.kamal4j.flows;

import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.FlowException;
import org.kamal4j.flows.local.LocalTerminalMode;
import org.kamal4j.flows.local.Terminal;
import org.kamal4j.flows.steps.LogFollow;
import org.kamal4j.flows.steps.AccessoryBoot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.commands.AccessoryCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LogOptions;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The {@code kamal:accessory-*} goals (docs/goals.md) for one accessory or {@code all}: boot, reboot, start, stop, restart
 * (under the lock), details, logs and exec (read-only), remove (under the lock, confirmed by the caller). Each
 * works on the accessory's hosts that are selected.
 */
public final class AccessoryFlows {

    /** The name that means every accessory, in configuration order. */
    public static final String ALL = "all";

    private final FlowContext ctx;

    public AccessoryFlows(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The accessories {@code name} stands for, checked before any connection.
     *
     * @throws FlowException Kamal's {@code No accessory by the name of '<name>' (options: ...)}
     */
    public static List<Accessory> select(DeployConfig config, String name, boolean allowAll) throws FlowException {
        List<String> names = List.copyOf(config.accessories().keySet());
        if (name == null || name.isBlank()) {
            throw new FlowException("No accessory given; pass -Dkamal.accessory=<name>" + (allowAll ? " or all" : "")
                    + " (options: " + english(names) + ")");
        }
        if (allowAll && name.equals(ALL)) {
            return List.copyOf(config.accessories().values());
        }
        Accessory a = config.accessories().get(name);
        if (a == null) {
            throw new FlowException("No accessory by the name of '" + name + "' (options: " + english(names) + ")");
        }
        return List.of(a);
    }

    /** The one accessory {@code name} stands for, for the goals that work on one only ({@code all} is refused). */
    public static Accessory one(DeployConfig config, String name) throws FlowException {
        return select(config, name, false).get(0);
    }

    /** {@code a, b and c}, as Kamal's {@code to_sentence}. */
    static String english(List<String> names) {
        if (names.isEmpty()) {
            return "none configured";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** {@code accessory boot}: under the lock; hosts where a container exists are skipped. */
    public void boot(List<Accessory> accessories) throws FlowException, MultiHostException, InterruptedException {
        AccessoryBoot.requireNoProxy(ctx.config());
        new ProxyFlow(ctx).locked(() -> new AccessoryBoot(ctx).boot(accessories));
    }

    /** {@code accessory reboot}: under the lock, pull the image, stop and remove the container, boot again. */
    public void reboot(List<Accessory> accessories) throws FlowException, MultiHostException, InterruptedException {
        AccessoryBoot.requireNoProxy(ctx.config());
        new ProxyFlow(ctx).locked(() -> {
            for (Accessory a : accessories) {
                AccessoryCommands commands = new AccessoryCommands(ctx.config(), a);
                AuditCommands audit = ctx.audit(ctx.config());
                ctx.output().info("Reboot accessory " + a.name() + "...");
                each(a, (s, host) -> {
                    s.run(new AccessoryBoot(ctx).prepare(a));
                    s.run(audit.record("Pull " + a.name() + " accessory image", null).and(commands.pullImage()));
                    stop(s, a);
                    s.run(audit.record("Remove " + a.name() + " accessory container", null)
                            .and(commands.removeContainer()));
                });
                new AccessoryBoot(ctx).boot(List.of(a));
            }
        });
    }

    /** {@code accessory start}, under the lock. */
    public void start(List<Accessory> accessories) throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlow(ctx).locked(() -> {
            for (Accessory a : accessories) {
                each(a, (s, host) -> start(s, a));
            }
        });
    }

    /** {@code accessory stop}, under the lock (a container that is not running is not an error). */
    public void stop(List<Accessory> accessories) throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlow(ctx).locked(() -> {
            for (Accessory a : accessories) {
                each(a, (s, host) -> stop(s, a));
            }
        });
    }

    /** {@code accessory restart}: stop then start, under the lock. */
    public void restart(List<Accessory> accessories) throws FlowException, MultiHostException,
            InterruptedException {
        new ProxyFlow(ctx).locked(() -> {
            for (Accessory a : accessories) {
                each(a, (s, host) -> {
                    stop(s, a);
                    start(s, a);
                });
            }
        });
    }

    /** {@code accessory details} (read-only): {@code docker ps} of the accessory per host. */
    public void details(List<Accessory> accessories) throws MultiHostException, InterruptedException {
        for (Accessory a : accessories) {
            Command details = new AccessoryCommands(ctx.config(), a).details();
            each(a, (s, host) -> {
                String out = s.run(details);
                ctx.output().info(host, "Accessory " + a.name() + " Host: " + host);
                ctx.output().lines(host, out);
            });
        }
    }

    /**
     * {@code accessory logs} (read-only): the last lines per host, or with {@code options.follow()} every host
     * streamed until the goal ends.
     */
    public void logs(Accessory a, LogOptions options) throws FlowException, MultiHostException,
            InterruptedException {
        Command logs = new AccessoryCommands(ctx.config(), a).logs(options);
        if (options.follow()) {
            Map<String, Command> streams = new LinkedHashMap<>();
            hosts(a).forEach(h -> streams.put(h, logs));
            new LogFollow(ctx).run(streams);
            return;
        }
        each(a, (s, host) -> {
            String out = s.tryRun(logs);
            ctx.output().info(host, "Accessory " + a.name() + " Host: " + host);
            ctx.output().lines(host, out == null ? "Nothing found" : out);
        });
    }

    /** {@link #exec(Accessory, String, boolean, boolean, Terminal)} on this process's own terminal (raw mode). */
    public void exec(Accessory a, String command, boolean reuse, boolean interactive) throws FlowException,
            MultiHostException, InterruptedException {
        Terminal terminal = Terminal.system();
        try (LocalTerminalMode mode = LocalTerminalMode.raw(interactive && terminal.tty() && !ctx.dryRun())) {
            exec(a, command, reuse, interactive, terminal);
        }
    }

    /**
     * {@code accessory exec}: in a new container (default) or the running one ({@code reuse}) on every host of
     * the accessory; with a terminal ({@code interactive}) on its first selected host only.
     */
    public void exec(Accessory a, String command, boolean reuse, boolean interactive, Terminal terminal)
            throws FlowException, MultiHostException, InterruptedException {
        if (command == null || command.isBlank()) {
            throw new FlowException("No command provided. You must specify a command to execute: "
                    + "-Dkamal.command=\"...\"");
        }
        AccessoryCommands commands = new AccessoryCommands(ctx.config(), a);
        AuditCommands audit = ctx.audit(ctx.config());
        Command prepare = new AccessoryBoot(ctx).prepare(a);
        if (interactive) {
            String host = hosts(a).stream().findFirst().orElseThrow(() -> new FlowException("Accessory " + a.name()
                    + " has no selected host"));
            try {
                Session s = ctx.transport().session(host);
                if (!reuse) {
                    s.run(prepare);
                }
                ctx.output().info("Launching interactive command on " + a.name() + " accessory on " + host + "...");
                int status = s.attach(commands.exec(command, reuse, terminal.dockerFlag()), terminal.in(),
                        terminal.out());
                if (status != 0 && !Thread.currentThread().isInterrupted()) {
                    throw new FlowException("'" + command + "' exited with status " + status + " on " + host);
                }
            } catch (TransportException e) {
                throw new FlowException(host + ": " + e.getMessage(), e);
            }
            return;
        }
        each(a, (s, host) -> {
            if (!reuse) {
                s.run(prepare);
            }
            s.run(audit.record("Executed cmd '" + command + "' on " + a.name() + " accessory", null));
            ExecResult r = s.exec(commands.exec(command, reuse));
            ctx.output().info(host, "Accessory " + a.name() + " Host: " + host);
            ctx.output().lines(host, r.stdout() + r.stderr());
            if (!r.ok()) {
                throw new FlowException("'" + command + "' exited with status " + r.exitStatus() + " on " + host);
            }
        });
    }

    /** {@code accessory remove}, under the lock: stop, remove container and image, delete the service directory. */
    public void remove(List<Accessory> accessories) throws FlowException, MultiHostException,
            InterruptedException {
        new ProxyFlow(ctx).locked(() -> removeUnlocked(accessories));
    }

    /** The removal of {@link #remove} for a caller that holds the lock ({@code kamal:remove}). */
    void removeUnlocked(List<Accessory> accessories) throws MultiHostException, InterruptedException {
        for (Accessory a : accessories) {
            if (hosts(a).isEmpty()) {
                continue;
            }
            ctx.output().info("Remove accessory " + a.name() + "...");
            AccessoryCommands commands = new AccessoryCommands(ctx.config(), a);
            AuditCommands audit = ctx.audit(ctx.config());
            each(a, (s, host) -> {
                stop(s, a);
                s.run(audit.record("Remove " + a.name() + " accessory container", null).and(commands.removeContainer()));
                s.run(audit.record("Removed " + a.name() + " accessory image", null).and(commands.removeImage()));
                s.run(commands.removeServiceDirectory());
            });
        }
    }

    /**
     * {@code accessory remove -y}: refuses unless {@code confirmed} (Maven cannot ask), naming what would be
     * deleted; then {@link #remove}.
     */
    public void removeConfirmed(List<Accessory> accessories, boolean confirmed) throws FlowException,
            MultiHostException, InterruptedException {
        String what = removalSummary(ctx.config(), accessories);
        if (!confirmed) {
            throw new FlowException("kamal:accessory-remove deletes " + what
                    + "; confirm with -Dkamal.confirmed=true");
        }
        ctx.output().info("Removing " + what);
        remove(accessories);
    }

    /** What {@code accessory remove} deletes, for the confirmation message. */
    public static String removalSummary(DeployConfig config, List<Accessory> accessories) {
        List<String> parts = new ArrayList<>();
        for (Accessory a : accessories) {
            List<String> data = new AccessoryCommands(config, a).dataDirectories();
            parts.add(a.name() + " on " + String.join(", ", a.hosts()) + " (container, image " + a.image()
                    + " and directory " + a.service() + "/" + (data.isEmpty() ? "" : " with the data directories "
                    + String.join(", ", data)) + ")");
        }
        return String.join("; ", parts);
    }

    private void start(Session s, Accessory a) throws TransportException {
        AccessoryCommands commands = new AccessoryCommands(ctx.config(), a);
        s.run(ctx.audit(ctx.config()).record("Started " + a.name() + " accessory", null).and(commands.start()));
    }

    private void stop(Session s, Accessory a) throws TransportException {
        s.run(ctx.audit(ctx.config()).record("Stopped " + a.name() + " accessory", null));
        s.tryRun(new AccessoryCommands(ctx.config(), a).stop());
    }

    private List<String> hosts(Accessory a) {
        return a.hosts().stream().filter(ctx.selection().hosts()::contains).toList();
    }

    private interface HostStep {
        void run(Session s, String host) throws Exception;
    }

    private void each(Accessory a, HostStep step) throws MultiHostException, InterruptedException {
        ctx.runner().runEach(hosts(a), h -> h, host -> step.run(ctx.transport().session(host), host));
    }
}
