package org.kamal4j.maven;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.kamal4j.KamalException;
import org.kamal4j.build.JibBackend;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.FlowWiring;

/**
 * The shared shape of goals that reach hosts: load the configuration, hand the goal's options to
 * {@link FlowWiring}, run the goal's {@link Flow}, and turn every failure into one {@link MojoFailureException}
 * (the heading, then the per-host lines; see {@link Failures}).
 */
public abstract class AbstractFlowMojo extends AbstractKamalMojo {

    /** At most this many hosts are worked on at once. */
    @Parameter(property = "kamal.maxThreads", defaultValue = "64")
    protected int maxThreads;

    /** The project the goal runs in: its classes and runtime dependencies are what {@code builder.jib} builds. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** Resolves jib-core when the goal builds with {@code builder.jib} (not part of the plugin's class realm). */
    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> pluginRepositories;

    /** Seconds each hook may run before it is killed and fails the goal. */
    @Parameter(property = "kamal.hookTimeout", defaultValue = "300")
    protected int hookTimeout;

    /**
     * Seconds running remote steps (a boot waiting for its container to be ready) get after Ctrl-C or
     * {@code kamal.timeout} before they are cut short.
     */
    @Parameter(property = "kamal.stopGrace", defaultValue = "30")
    protected int stopGrace;

    /** Seconds the whole goal may run; then it stops as on Ctrl-C (0 = no limit). */
    @Parameter(property = "kamal.timeout", defaultValue = "0")
    protected int timeout;

    /** Wait for an automatic deploy lock another deploy holds, instead of failing at once ({@code --lock-wait}). */
    @Parameter(property = "kamal.lockWait", defaultValue = "false")
    protected boolean lockWait;

    /** Seconds to wait for the lock at most, with {@code kamal.lockWait} ({@code --lock-wait-timeout}). */
    @Parameter(property = "kamal.lockWaitTimeout", defaultValue = "900")
    protected int lockWaitTimeout;

    /** Seconds between two attempts to take the lock, with {@code kamal.lockWait} ({@code --lock-wait-interval}). */
    @Parameter(property = "kamal.lockWaitInterval", defaultValue = "15")
    protected int lockWaitInterval;

    /**
     * {@code KAMAL_COMMAND} for hooks: Kamal's top-level command, which is the goal's first word
     * ({@code accessory-exec} runs {@code kamal accessory exec}). It is read from the goal's class name
     * ({@code AccessoryExecMojo}) because {@code @Mojo} is not kept at run time; a subclass of a goal (as tests
     * make) counts as that goal.
     */
    final String commandName() {
        String name = goalClass().getSimpleName();
        int end = 1;
        while (end < name.length() && Character.isLowerCase(name.charAt(end))) {
            end++;
        }
        return name.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The goal's class: a subclass of a goal (as tests make) counts as that goal. */
    private Class<?> goalClass() {
        Class<?> goal = getClass();
        while (!Modifier.isAbstract(goal.getSuperclass().getModifiers())) {
            goal = goal.getSuperclass();
        }
        return goal;
    }

    /** The goal's name as Maven knows it, from its class name: {@code AppContainersMojo} is {@code app-containers}. */
    final String goalName() {
        String name = goalClass().getSimpleName().replaceFirst("Mojo$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Where reports go: {@code target/kamal/} of a Maven project (so {@code mvn clean} removes them), else (a goal
     * run without a pom) {@code .kamal/} of the directory the goal runs in.
     */
    protected Path reportDir() {
        boolean inProject = project != null && project.getFile() != null && project.getBuild() != null;
        return inProject ? Path.of(project.getBuild().getDirectory(), "kamal") : projectDir().toPath().resolve(".kamal");
    }

    /**
     * Whether the wiring writes this goal's per-host report when its flow ends: not for goals whose flow writes its
     * own (deploy, redeploy, rollback) nor for {@code kamal:build-push}, which reaches no host.
     */
    protected boolean reportedByWiring() {
        return true;
    }

    /** Whether the goal boots a version (setup, deploy, redeploy, rollback, app-start); other goals need none. */
    protected boolean versionRequired() {
        return false;
    }

    /**
     * The configuration the goal runs with, once loaded: a goal may narrow it (and its own parameters) from what it
     * reads before connecting, as {@code kamal.resume} does from the last deploy report.
     */
    protected DeployConfig prepare(DeployConfig config) throws KamalException, MojoFailureException {
        return config;
    }

    /** The goal's flow; refuses (before anything is wired) when a goal parameter is missing. */
    protected abstract Flow flow() throws MojoFailureException;

    /**
     * Maven's resolver when Maven injected it; goal tests make goals without injection and have jib-core on their
     * class path.
     */
    private JibBackend.Loader jibLoader() {
        return repositorySystem == null ? JibBackend.onClassPath()
                : new JibResolution(repositorySystem, repositorySession, pluginRepositories);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        DeployConfig loaded = loadConfig(versionRequired());
        DeployConfig config;
        try {
            config = prepare(loaded);
        } catch (KamalException e) {
            throw Failures.of(e.heading(), e.details(), e);
        }
        Flow flow = flow();
        FlowWiring wiring = FlowWiring.of(config, new MavenOutput(getLog())).hosts(hosts).roles(roles)
                .primaryOnly(primary).dryRun(dryRun).skipHooks(skipHooks).maxThreads(maxThreads)
                .hookTimeout(hookTimeout).runTimeout(timeout).stopGrace(stopGrace)
                .lockWait(lockWait, lockWaitTimeout, lockWaitInterval)
                .command(commandName()).baseDir(projectDir().toPath()).environment(environment)
                .report(reportedByWiring() ? reportDir() : null, goalName())
                .buildInputs(MavenBuildInputs.of(project, settings, config, jibLoader()));
        Server server = sshServer(config);
        if (server != null) {
            List<Path> keys = server.getPrivateKey() == null ? List.of() : List.of(Path.of(server.getPrivateKey()));
            wiring.credentials(keys, server.getPassphrase());
        }
        try {
            wiring.run(flow);
        } catch (KamalException e) {
            throw Failures.of(e.heading(), e.details(), e);
        }
    }

    /** The settings.xml server named by {@code ssh.server_id}, if any (its key and passphrase). */
    private Server sshServer(DeployConfig config) throws MojoFailureException {
        String id = config.ssh().serverId();
        if (id == null || dryRun) {
            return null;
        }
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new MojoFailureException("ssh.server_id '" + id + "' names no <server> in settings.xml; add one "
                    + "with <privateKey> (and <passphrase>) or remove ssh.server_id");
        }
        return server;
    }
}
