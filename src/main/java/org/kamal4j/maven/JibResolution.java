package org.kamal4j.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.kamal4j.FlowException;
import org.kamal4j.build.JibBackend;
import org.kamal4j.build.JibClassLoader;

/**
 * jib-core, at the version this plugin was built against, resolved by Maven from the plugin repositories the first
 * time a goal needs it (and only then), with its runtime dependencies, as Maven would have resolved them into the
 * plugin's realm.
 */
final class JibResolution implements JibBackend.Loader {

    /** Written at build time from the pom's {@code jib-core.version} (one place for the version). */
    private static final String VERSION_RESOURCE = "/org/kamal4j/build/jib-core.properties";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private JibBackend backend;

    JibResolution(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories == null ? List.of() : repositories;
    }

    @Override
    public synchronized JibBackend load() throws FlowException {
        if (backend == null) {
            backend = JibClassLoader.load(resolve(coordinates()));
        }
        return backend;
    }

    /** {@code com.google.cloud.tools:jib-core:VERSION}. */
    static String coordinates() throws FlowException {
        Properties p = new Properties();
        try (InputStream in = JibResolution.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing from the plugin");
            }
            p.load(in);
        } catch (IOException e) {
            throw new FlowException("builder/jib: cannot read " + VERSION_RESOURCE + ": " + e.getMessage(), e);
        }
        return "com.google.cloud.tools:jib-core:" + p.getProperty("version");
    }

    private List<Path> resolve(String coordinates) throws FlowException {
        // jib-core as a dependency (not the root) of the request, as it was of the plugin: its own optional
        // dependencies (zstd-jni) stay out, as they stayed out of the plugin's realm
        CollectRequest collect = new CollectRequest(List.of(new Dependency(new DefaultArtifact(coordinates),
                "runtime")), null, repositories);
        try {
            return system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults()
                    .stream().map(ArtifactResult::getArtifact).map(a -> a.getFile().toPath()).toList();
        } catch (DependencyResolutionException e) {
            throw new FlowException("builder/jib needs " + coordinates + " and its dependencies, which Maven could "
                    + "not resolve: " + e.getMessage() + (session.isOffline() ? "; the build is offline (-o): run "
                    + "it once online so that they reach the local repository" : ""), e);
        }
    }
}
