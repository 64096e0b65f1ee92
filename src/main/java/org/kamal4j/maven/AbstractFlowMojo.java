package org.kamal4j.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.DryRunLocalRunner;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.Hooks;
import org.kamal4j.flows.Identity;
import org.kamal4j.flows.LocalRunner;
import org.kamal4j.flows.Output;
import org.kamal4j.flows.ProcessLocalRunner;
import org.kamal4j.flows.Selection;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.DryRunTransport;
import org.kamal4j.ssh.JschTransport;
import org.kamal4j.ssh.SshCredentials;
import org.kamal4j.ssh.Transport;
import org.kamal4j.ssh.TransportException;

/**
 * The shared shape of goals that reach hosts: load the configuration, select hosts and roles, build the transport
 * (SSH, or the printing dry-run transport), run one flow, and turn every failure into one
 * {@link MojoFailureException} (short message: the heading; long message: the per-host lines).
 */
public abstract class AbstractFlowMojo extends AbstractKamalMojo {

    /** At most this many hosts are worked on at once. */
    @Parameter(property = "kamal.maxThreads", defaultValue = "64")
    protected int maxThreads;

    /** The project the goal runs in: its classes and runtime dependencies are what {@code builder.jib} builds. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** {@code KAMAL_COMMAND} for hooks. */
    protected abstract String commandName();

    /** Whether the goal boots a version (setup, deploy, redeploy, rollback, app-start); other goals need none. */
    protected boolean versionRequired() {
        return false;
    }

    /** Runs the goal's flow. */
    protected abstract void runFlow(FlowContext ctx) throws FlowException, MultiHostException,
            InterruptedException, MojoFailureException;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        DeployConfig config = loadConfig(versionRequired());
        Output output = new MavenOutput(getLog());
        try (HostRunner runner = new HostRunner(maxThreads); Transport transport = transport(config, output)) {
            Selection selection = Selection.of(config, hosts, roles);
            if (primary) {
                selection = Selection.of(config, selection.primaryHost(), roles);
            }
            runFlow(context(config, selection, transport, runner, output));
        } catch (MultiHostException e) {
            throw new MojoFailureException(this, e.heading(), e.details());
        } catch (FlowException e) {
            throw new MojoFailureException(this, e.heading(), e.details());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("Interrupted; the deploy lock (if taken) was released");
        }
    }

    private FlowContext context(DeployConfig config, Selection selection, Transport transport, HostRunner runner,
            Output output) throws InterruptedException {
        Path base = projectDir().toPath();
        LocalRunner real = new ProcessLocalRunner(base, output);
        LocalRunner local = dryRun ? new DryRunLocalRunner(output) : real;
        String hooksPath = config.hooksPath() == null ? ".kamal/hooks" : config.hooksPath();
        return FlowContext.builder(selection, transport, runner, output)
                .local(local)
                .hooks(new Hooks(base.resolve(hooksPath), local, output, skipHooks))
                .dryRun(dryRun)
                .performer(Identity.performer(real))
                .lockUser(Identity.lockUser(real))
                .environment(environment())
                .command(commandName())
                .baseDir(base)
                .buildInputs(MavenBuildInputs.of(project, settings, config))
                .build();
    }

    private Transport transport(DeployConfig config, Output output) throws MojoFailureException {
        if (dryRun) {
            return new DryRunTransport(output::info);
        }
        try {
            return JschTransport.builder(config.ssh(), config.sshkit()).credentials(credentials(config))
                    .secrets(config.secrets()).listener(new MavenTransportListener(output)).build();
        } catch (TransportException e) {
            throw new MojoFailureException(this, e.getMessage(), e.getMessage());
        }
    }

    /** Key and passphrase of the settings.xml server named by {@code ssh.server_id}, if any. */
    private SshCredentials credentials(DeployConfig config) throws MojoFailureException {
        String id = config.ssh().serverId();
        if (id == null) {
            return SshCredentials.NONE;
        }
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new MojoFailureException("ssh.server_id '" + id + "' names no <server> in settings.xml; add one "
                    + "with <privateKey> (and <passphrase>) or remove ssh.server_id");
        }
        List<Path> keys = server.getPrivateKey() == null ? List.of() : List.of(Path.of(server.getPrivateKey()));
        return new SshCredentials(keys, server.getPassphrase());
    }
}
