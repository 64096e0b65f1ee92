package org.kamal4j.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.kamal4j.build.BuildInputs;
import org.kamal4j.build.JavaProject;
import org.kamal4j.build.JibBackend;
import org.kamal4j.build.RegistryAuth;
import org.kamal4j.config.DeployConfig;

/** The Maven project and settings.xml credentials, as the plain records a Jib build takes. */
final class MavenBuildInputs {

    private MavenBuildInputs() {}

    /** Only gathered when the config builds with Jib (resolving nothing otherwise). */
    static BuildInputs of(MavenProject project, Settings settings, DeployConfig config, JibBackend.Loader jib) {
        if (config.builder().jib() == null) {
            return BuildInputs.NONE;
        }
        return new BuildInputs(project == null ? null : javaProject(project), settingsAuth(settings, config), jib);
    }

    private static JavaProject javaProject(MavenProject p) {
        // The goals that build declare requiresDependencyResolution = RUNTIME, so these are compile+runtime.
        List<Path> jars = p.getArtifacts().stream().map(Artifact::getFile).filter(f -> f != null)
                .map(File::toPath).toList();
        return new JavaProject(p.getArtifactId(), p.getPackaging(), p.getBasedir().toPath(),
                Path.of(p.getBuild().getDirectory()), Path.of(p.getBuild().getOutputDirectory()), jars);
    }

    /** The settings.xml {@code <server>} whose id is {@code registry.server}, when it has a username. */
    private static RegistryAuth settingsAuth(Settings settings, DeployConfig config) {
        String id = config.registry().server();
        Server server = settings == null || id == null ? null : settings.getServer(id);
        if (server == null || server.getUsername() == null) {
            return null;
        }
        return new RegistryAuth(server.getUsername(), server.getPassword());
    }
}
