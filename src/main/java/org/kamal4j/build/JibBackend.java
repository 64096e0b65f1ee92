package org.kamal4j.build;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.kamal4j.FlowException;

/**
 * The part of a Jib build that runs jib-core's own code. Its one implementation ({@code build.jib.JibCore}) is the
 * only code that touches jib-core, so that jib-core and its 30 jars are loaded only when a goal builds with
 * {@code builder.jib} ({@link JibClassLoader}), not on every run of every goal.
 */
public interface JibBackend {

    /** The classes among {@code classFiles} that have a {@code main} method, as Jib's own finder sees them. */
    List<String> mainClasses(List<Path> classFiles);

    /** Builds and pushes {@code plan}; {@code auth} may be null (a registry without credentials). */
    JibResult build(JibPlan plan, RegistryAuth auth, Consumer<String> info) throws FlowException,
            InterruptedException;

    /** Makes the backend on first use: loading it may need jib-core resolved first. */
    @FunctionalInterface
    interface Loader {
        JibBackend load() throws FlowException;
    }

    /** The backend from the class path this class came from: where jib-core is on it (tests, an IDE). */
    static Loader onClassPath() {
        return () -> JibClassLoader.instantiate(JibBackend.class.getClassLoader());
    }
}
