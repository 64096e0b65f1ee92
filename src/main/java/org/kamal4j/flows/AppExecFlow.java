package org.kamal4j.flows;

import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.FlowException;
import org.kamal4j.flows.local.LocalTerminalMode;
import org.kamal4j.flows.local.Terminal;
import java.util.List;
import java.util.Map;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.EnvFile;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * {@code kamal:app-exec}: runs a command in a new container of the app's image (default), in the running
 * container ({@code reuse}), or interactively on a remote terminal wired to the local one (primary host only).
 */
public final class AppExecFlow {

    /**
     * What to run.
     *
     * @param command shell text, run as written
     * @param version for a new container: the image tag (null: {@code latest}, as Kamal); ignored with reuse
     * @param env     extra {@code --env} values ({@code -Dkamal.env.NAME=value})
     */
    public record Request(String command, boolean reuse, boolean interactive, boolean detach, String version,
            Map<String, String> env) {

        public Request {
            env = Map.copyOf(env);
        }

        /** Kamal's checks of the options, before any connection. */
        public void validate() throws FlowException {
            if (command == null || command.isBlank()) {
                throw new FlowException("No command provided. You must specify a command to execute: "
                        + "-Dkamal.command=\"...\"");
            }
            if (detach && (interactive || reuse)) {
                throw new FlowException("Detach is not compatible with "
                        + (interactive && reuse ? "interactive or reuse" : interactive ? "interactive" : "reuse"));
            }
        }
    }

    private final FlowContext ctx;

    public AppExecFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Runs the request on this process's own terminal, in raw mode while an interactive command runs (as
     * {@code ssh -t} does); the goal's entry point.
     */
    public void run(Request request) throws FlowException, MultiHostException, InterruptedException {
        Terminal terminal = Terminal.system();
        try (LocalTerminalMode mode = LocalTerminalMode.raw(request.interactive() && terminal.tty()
                && !ctx.dryRun())) {
            run(request, terminal);
        }
    }

    /** Runs the request; fails naming every host where the command exited non-zero. */
    public void run(Request request, Terminal terminal) throws FlowException, MultiHostException,
            InterruptedException {
        request.validate();
        DeployConfig config = ctx.config();
        if (request.interactive()) {
            interactive(request, terminal);
            return;
        }
        String version = request.reuse() ? runningVersion() : newVersion(request);
        List<String> hosts = ctx.selection().appHosts();
        if (!request.reuse()) {
            Command login = login();
            if (login != null) {
                ctx.runner().runEach(hosts, h -> h, h -> ctx.transport().session(h).run(login));
            }
        }
        AuditCommands audit = ctx.audit(config);
        ctx.output().info("Running '" + request.command() + "' on app version " + version + "...");
        ctx.runner().runEach(hosts, h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String role : ctx.selection().roleNamesOn(host)) {
                AppCommands app = new AppCommands(config, config.role(role), ctx.randomHex());
                s.run(audit.record("Executed cmd '" + request.command() + "' on app version " + version, role));
                Command command = request.reuse()
                        ? app.execReuse(version, request.command(), request.env(), null)
                        : EnvFile.of(config.envFor(config.role(role), host), config.secrets()).feed(app.execNew(
                                host, version, request.command(), request.env(), request.detach(), null));
                ExecResult r = s.exec(command);
                ctx.output().info(host, "App Host: " + host + " (" + role + ")");
                ctx.output().lines(host, r.stdout() + r.stderr());
                if (!r.ok()) {
                    throw new FlowException("'" + request.command() + "' exited with status " + r.exitStatus()
                            + " on " + host + " (" + role + ")");
                }
            }
        });
    }

    /** One command on the primary host (the first of {@code kamal.hosts} when given), on a remote terminal. */
    private void interactive(Request request, Terminal terminal) throws FlowException, InterruptedException {
        DeployConfig config = ctx.config();
        String host = ctx.selection().primaryHost();
        String role = ctx.selection().primaryRole();
        if (host == null || !ctx.selection().appHosts().contains(host)) {
            throw new FlowException("No app host selected to run an interactive command on");
        }
        try {
            String version = request.reuse() ? runningVersion() : newVersion(request);
            Session s = ctx.transport().session(host);
            AppCommands app = new AppCommands(config, config.role(role), ctx.randomHex());
            Command command;
            if (request.reuse()) {
                ctx.output().info("Launching interactive command with version " + version
                        + " via SSH from existing container on " + host + "...");
                command = app.execReuse(version, request.command(), request.env(), terminal.dockerFlag());
            } else {
                ctx.output().info("Launching interactive command with version " + version
                        + " via SSH from new container on " + host + "...");
                Command login = login();
                if (login != null) {
                    s.run(login);
                }
                command = app.execNew(host, version, request.command(), request.env(), false, terminal.dockerFlag());
            }
            int status = s.attach(command, terminal.in(), terminal.out());
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (status != 0) {
                throw new FlowException("'" + request.command() + "' exited with status " + status + " on " + host);
            }
        } catch (TransportException e) {
            throw new FlowException(host + ": " + e.getMessage(), e);
        }
    }

    private String newVersion(Request request) {
        return request.version() == null || request.version().isBlank() ? "latest" : request.version();
    }

    /** The version of the primary role's running container on the primary host (Kamal's rule for reuse). */
    private String runningVersion() throws FlowException {
        String host = ctx.selection().primaryHost();
        DeployConfig config = ctx.config();
        try {
            String v = ctx.transport().session(host).tryRun(
                    new AppCommands(config, config.role(ctx.selection().primaryRole())).currentRunningVersion());
            if (v == null || v.isBlank()) {
                if (ctx.dryRun()) {
                    return "<running version>";
                }
                throw new FlowException("No running container for role " + ctx.selection().primaryRole() + " on "
                        + host + " to reuse; run without -Dkamal.reuse=true to start a new one");
            }
            return v.strip();
        } catch (TransportException e) {
            throw new FlowException(host + ": " + e.getMessage(), e);
        }
    }

    private Command login() {
        DeployConfig config = ctx.config();
        return config.registry().local() || config.registry().username() == null ? null
                : new RegistryCommands(config.registry(), config.secrets()).login();
    }
}
