package org.kamal4j.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.kamal4j.config.DeployConfig;

/**
 * Runs a deploy.yml alias ({@code kamal <alias>}): its Kamal command line becomes a goal of this plugin with its
 * {@code -D} properties ({@link KamalCommandLine}), run by a child {@code mvn} in the same project with this
 * build's own {@code -D} properties, offline flag and settings file. The child's output and exit status are the
 * alias's. Unknown aliases and command lines no goal does fail before anything connects.
 */
@Mojo(name = "alias", requiresProject = false, threadSafe = true)
public class AliasMojo extends AbstractKamalMojo {

    /** The alias to run ({@code kamal NAME}). */
    @Parameter(property = "kamal.alias")
    protected String alias;

    /** Extra words appended to the alias's command line, as shell text ({@code kamal NAME ARGS...}). */
    @Parameter(property = "kamal.args")
    protected String args;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        DeployConfig config = loadConfig(false);
        Map<String, String> aliases = new TreeMap<>(config.aliases());
        String known = aliases.isEmpty() ? "deploy.yml defines none (aliases:)"
                : "deploy.yml defines: " + String.join(", ", aliases.keySet());
        if (alias == null || alias.isBlank()) {
            throw new MojoFailureException("Which alias? Run `mvn kamal:alias -Dkamal.alias=NAME`; " + known);
        }
        String text = aliases.get(alias);
        if (text == null) {
            throw new MojoFailureException("Unknown alias '" + alias + "'; " + known);
        }
        KamalCommandLine line;
        try {
            List<String> words = new ArrayList<>(KamalCommandLine.split(text));
            if (args != null) {
                words.addAll(KamalCommandLine.split(args));
            }
            line = KamalCommandLine.parse(words);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("aliases/" + alias + " (`" + text + "`): " + e.getMessage());
        }
        if (plugin != null) {
            checkGoal(plugin.getMojo(line.goal()), line, "aliases/" + alias + " (`" + text + "`)");
        }
        getLog().info("Alias " + alias + ": mvn kamal:" + line.goal() + " " + describe(line.properties()));
        int status = runChild(line);
        if (status != 0) {
            throw new MojoFailureException("Alias " + alias + " (kamal:" + line.goal() + ") failed with exit status "
                    + status + "; its output is above");
        }
    }

    /**
     * The goal exists and declares every property the command line sets. The plugin descriptor is the one list of
     * each goal's properties, so an option Kamal accepts but this goal has no parameter for is refused here instead
     * of being silently ignored by the child build.
     */
    static void checkGoal(MojoDescriptor goal, KamalCommandLine line, String where) throws MojoFailureException {
        if (goal == null) {
            throw new MojoFailureException(where + " needs the goal kamal:" + line.goal() + ", which this plugin "
                    + "does not have (docs/compatibility.md lists Kamal's commands and their goals)");
        }
        Set<String> declared = new HashSet<>();
        for (PlexusConfiguration p : goal.getMojoConfiguration().getChildren()) {
            declared.add(p.getValue(""));
        }
        List<String> unknown = line.properties().keySet().stream().filter(k -> !declared.contains("${" + k + "}"))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            throw new MojoFailureException(where + ": kamal:" + line.goal() + " has no " + String.join(", ", unknown)
                    + ", so the option that sets it would do nothing; remove it from the alias");
        }
    }

    /** {@code mvn} with this build's settings and properties, then the alias's properties and goal. */
    private int runChild(KamalCommandLine line) throws MojoExecutionException {
        String home = System.getProperty("maven.home");
        if (home == null) {
            throw new MojoExecutionException("maven.home is not set, so the alias's goal cannot be started");
        }
        List<String> cmd = new ArrayList<>(List.of(new File(home, "bin/mvn").getPath(), "-B"));
        if (session != null && session.isOffline()) {
            cmd.add("-o");
        }
        if (session != null && session.getRequest().getUserSettingsFile() != null
                && session.getRequest().getUserSettingsFile().isFile()) {
            cmd.addAll(List.of("-s", session.getRequest().getUserSettingsFile().getPath()));
        }
        Map<String, String> props = new TreeMap<>(userProperties());
        props.remove("kamal.alias");
        props.remove("kamal.args");
        props.putAll(line.properties());
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        String prefix = plugin == null ? "kamal" : plugin.getGroupId() + ":" + plugin.getArtifactId() + ":"
                + plugin.getVersion();
        cmd.add(prefix + ":" + line.goal());
        try {
            Process p = new ProcessBuilder(cmd).directory(projectDir()).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not start " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the alias ran", e);
        }
    }

    private static String describe(Map<String, String> props) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(props).forEach((k, v) -> out.add("-D" + k + "=" + (v.contains(" ") ? "\"" + v + "\"" : v)));
        return String.join(" ", out);
    }
}
