package org.kamal4j.maven;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.kamal4j.config.ConfigException;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;

/** Parameters every goal shares (Kamal's global options) and the one way to load the configuration. */
public abstract class AbstractKamalMojo extends AbstractMojo {

    /** Skip this goal. */
    @Parameter(property = "kamal.skip", defaultValue = "false")
    protected boolean skip;

    /** The deploy.yml to read, relative to the project directory ({@code -c}); default {@code config/deploy.yml}. */
    @Parameter(property = "kamal.configFile")
    protected String configFile;

    /** Destination ({@code -d}): merges {@code config/deploy.<destination>.yml} and names things after it. */
    @Parameter(property = "kamal.destination")
    protected String destination;

    /** App version to operate on ({@code --version}); default: {@code VERSION} env, else git HEAD. */
    @Parameter(property = "kamal.version")
    protected String version;

    /** Comma-separated host patterns ({@code -h}); {@code *} wildcards. */
    @Parameter(property = "kamal.hosts")
    protected String hosts;

    /** Comma-separated role patterns ({@code -r}); {@code *} wildcards. */
    @Parameter(property = "kamal.roles")
    protected String roles;

    /** Only the primary host ({@code -p}). */
    @Parameter(property = "kamal.primary", defaultValue = "false")
    protected boolean primary;

    /** Do not run hooks ({@code -H}). */
    @Parameter(property = "kamal.skipHooks", defaultValue = "false")
    protected boolean skipHooks;

    /** Print the remote commands instead of running them. */
    @Parameter(property = "kamal.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * The whole deploy.yml, as nested elements named after its keys; deep-merged over config/deploy.yml (and
     * under a destination file). See docs/configuration.md.
     */
    @Parameter
    protected PlexusConfiguration deploy;

    /** The project directory: deploy.yml, secrets, hooks and git are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File baseDir;

    /** The Maven session, for the {@code -Dkamal.deploy.*} overrides among its user properties. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Maven settings, for {@code ssh.server_id} credentials. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (kamal.skip)");
            return;
        }
        run();
    }

    /** The goal's work; runs unless skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Loads the configuration; a version must be resolvable. */
    protected DeployConfig loadConfig() throws MojoExecutionException, MojoFailureException {
        return loadConfig(true);
    }

    /**
     * Loads and validates the configuration. Invalid configuration becomes a {@link MojoFailureException}
     * (the heading, then one line per problem); anything unexpected a
     * {@link MojoExecutionException}.
     */
    protected DeployConfig loadConfig(boolean versionRequired) throws MojoExecutionException, MojoFailureException {
        try {
            return newLoader().versionOptional(!versionRequired).load();
        } catch (ConfigException e) {
            throw Failures.of(e.heading(), e.details(), null);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Cannot load the Kamal configuration: " + e.getMessage(), e);
        }
    }

    /** A loader with this goal's parameters applied (for goals that need to adjust it). */
    protected ConfigLoader newLoader() {
        return new ConfigLoader(projectDir().toPath(), environment).configFile(configFile)
                .destination(destination).version(version).pomTree(PomDeployConverter.toTree(deploy))
                .properties(userProperties());
    }

    /** The build's user properties ({@code -D...}), or the JVM's system properties without a session. */
    protected Map<String, String> userProperties() {
        Properties props = session != null ? session.getUserProperties() : System.getProperties();
        Map<String, String> out = new HashMap<>();
        props.stringPropertyNames().forEach(n -> out.put(n, props.getProperty(n)));
        return out;
    }

    /** The project directory, or the current directory when run without a project. */
    protected File projectDir() {
        return baseDir != null ? baseDir : new File(".").getAbsoluteFile();
    }

    /** The process environment; tests give an empty one, so the machine's variables do not reach the config. */
    Map<String, String> environment = System.getenv();
}
