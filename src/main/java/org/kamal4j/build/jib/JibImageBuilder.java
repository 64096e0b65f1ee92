package org.kamal4j.build.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.Ports;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import com.google.cloud.tools.jib.image.json.PlatformNotFoundInBaseImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kamal4j.FlowException;
import org.kamal4j.build.JavaProject;
import org.kamal4j.build.JibPlan;
import org.kamal4j.build.JibResult;
import org.kamal4j.build.RegistryAuth;
import org.kamal4j.config.Jib;

/**
 * Builds and pushes the app image with jib-core: classes, resources and runtime dependencies in their own layers
 * on top of the base image, straight to the registry. No Docker daemon, no Dockerfile.
 */
final class JibImageBuilder {

    private final Consumer<String> info;

    /** @param info where progress lines go (the deploy output) */
    JibImageBuilder(Consumer<String> info) {
        this.info = info;
    }

    /** Builds and pushes {@code plan}; {@code auth} may be null (a registry without credentials). */
    JibResult build(JibPlan plan, RegistryAuth auth) throws FlowException, InterruptedException {
        JibLog log = new JibLog(info);
        try {
            JibContainer container = containerBuilder(plan, auth).containerize(containerizer(plan, auth, log));
            return log.result(container.getDigest().toString());
        } catch (ExecutionException e) {
            throw failure(plan, e.getCause() == null ? e : e.getCause(), log);
        } catch (RegistryException | IOException | CacheDirectoryCreationException
                | InvalidImageReferenceException e) {
            throw failure(plan, e, log);
        }
    }

    private static JibContainerBuilder containerBuilder(JibPlan plan, RegistryAuth auth) throws IOException,
            InvalidImageReferenceException {
        Jib jib = plan.jib();
        JavaProject p = plan.project();
        JavaContainerBuilder java = JavaContainerBuilder.from(baseImage(plan, auth))
                .setAppRoot(jib.appRoot() == null ? JavaContainerBuilder.DEFAULT_APP_ROOT : jib.appRoot())
                .addResources(p.classesDir(), f -> !f.toString().endsWith(".class")).addClasses(p.classesDir())
                .addDependencies(jars(p, false)).addSnapshotDependencies(jars(p, true))
                .addJvmFlags(jib.jvmFlags());
        if (plan.mainClass() != null) {
            java.setMainClass(plan.mainClass());
        }
        JibContainerBuilder b = java.toContainerBuilder();
        if (!jib.entrypoint().isEmpty()) {
            b.setEntrypoint(jib.entrypoint());
        }
        if (!jib.programArgs().isEmpty()) {
            b.setProgramArguments(jib.programArgs());
        }
        jib.environment().forEach(b::addEnvironmentVariable);
        b.setExposedPorts(Ports.parse(jib.ports())).setLabels(plan.labels()).setUser(jib.user());
        if (jib.workingDirectory() != null) {
            b.setWorkingDirectory(AbsoluteUnixPath.get(jib.workingDirectory()));
        }
        Set<Platform> platforms = new LinkedHashSet<>();
        plan.platforms().forEach(pl -> platforms.add(new Platform(pl.substring("linux/".length()), "linux")));
        b.setPlatforms(platforms);
        for (Map.Entry<Path, String> dir : plan.extraDirectories().entrySet()) {
            b.addFileEntriesLayer(extraLayer(dir.getKey(), AbsoluteUnixPath.get(dir.getValue())));
        }
        return b;
    }

    private static Containerizer containerizer(JibPlan plan, RegistryAuth auth, JibLog log)
            throws InvalidImageReferenceException {
        return Containerizer.to(withAuth(RegistryImage.named(plan.target()), auth))
                .withAdditionalTag(plan.extraTag())
                .setAllowInsecureRegistries(plan.jib().allowInsecureRegistries())
                .setApplicationLayersCache(plan.project().buildDir().resolve("jib-cache"))
                .setToolName("kamal-maven-plugin")
                .addEventHandler(LogEvent.class, log::accept)
                .addEventHandler(TimerEvent.class, log::accept);
    }

    /** The base image, with the registry's credentials when it lives on the same registry. */
    private static RegistryImage baseImage(JibPlan plan, RegistryAuth auth) throws InvalidImageReferenceException {
        RegistryImage base = RegistryImage.named(plan.jib().from());
        return onServer(plan.jib().from(), plan.registryServer()) ? withAuth(base, auth) : base;
    }

    private static RegistryImage withAuth(RegistryImage image, RegistryAuth auth) {
        return auth == null ? image : image.addCredential(auth.username(), auth.password());
    }

    private static List<Path> jars(JavaProject p, boolean snapshots) {
        return p.runtimeJars().stream().filter(Files::isRegularFile)
                .filter(j -> j.getFileName().toString().contains("SNAPSHOT") == snapshots).toList();
    }

    private static FileEntriesLayer extraLayer(Path dir, AbsoluteUnixPath into) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("extra files");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                layer.addEntry(f, into.resolve(dir.relativize(f).toString().replace('\\', '/')));
            }
        }
        return layer.build();
    }

    private static FlowException failure(JibPlan plan, Throwable e, JibLog log) {
        String hint = "";
        if (e instanceof PlatformNotFoundInBaseImageException) {
            // Jib refuses a base image of another platform, so no image of the wrong architecture is ever pushed.
            hint = "; builder/arch asks for " + String.join(",", plan.platforms()) + ": use a base image built for "
                    + "it (or a manifest list that includes it), or change builder/arch";
        } else if (e instanceof InsecureRegistryException) {
            hint = "; for a plain-HTTP registry set builder/jib/allow_insecure_registries: true";
        } else if (e instanceof RegistryUnauthorizedException) {
            hint = "; check registry/username and registry/password (or the settings.xml <server> with the "
                    + "registry's address as id)";
        }
        return new FlowException("Jib could not build and push " + plan.target() + " (base image "
                + plan.jib().from() + "): " + causes(e) + hint + log.tail(), e);
    }

    /** The distinct messages of the cause chain, outermost first. */
    static String causes(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return String.join(": ", messages);
    }

    /** Whether {@code image} names an image on {@code server}, so the same credentials apply. */
    static boolean onServer(String image, String server) throws InvalidImageReferenceException {
        return server != null && ImageReference.parse(image).getRegistry().equals(server);
    }
}
