package org.kamal4j.build;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kamal4j.FlowException;

/**
 * Loads {@link JibBackend}'s implementation beside jib-core's jars, which the plugin's own class loader (Maven's
 * plugin realm) does not have: jib-core is a {@code provided} dependency of the plugin, so a run that does not
 * build with Jib neither resolves its 30 jars nor loads their classes (docs/performance.md has what that saves).
 * The classes of {@code build.jib} are defined here, from the plugin's own jar, so that they link against these
 * jars; every other class (the records that cross over, such as {@link JibPlan}, and the JDK) comes from the
 * plugin's loader first, so both sides share one definition of each.
 */
public final class JibClassLoader extends URLClassLoader {

    /** The package only this loader defines. */
    static final String PACKAGE = "org.kamal4j.build.jib.";

    /** The {@link JibBackend} made with its public no-argument constructor. */
    static final String IMPLEMENTATION = PACKAGE + "JibCore";

    /** A class of jib-core's API that the backend uses. */
    private static final String JIB_API = "com.google.cloud.tools.jib.api.JibContainerBuilder";

    static {
        registerAsParallelCapable();
    }

    JibClassLoader(List<Path> jars, ClassLoader parent) throws MalformedURLException {
        super(urls(jars), parent);
    }

    /** The backend loaded with {@code jars}: jib-core and its runtime dependencies. */
    public static JibBackend load(List<Path> jars) throws FlowException {
        try {
            return instantiate(new JibClassLoader(jars, JibBackend.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new FlowException("builder/jib: cannot load jib-core from " + jars + ": " + e.getMessage(), e);
        }
    }

    /** The backend as {@code loader} defines it. */
    static JibBackend instantiate(ClassLoader loader) throws FlowException {
        try {
            // JibCore links jib-core only when first called; look it up now, so a missing jar fails here, named
            Class.forName(JIB_API, false, loader);
            return (JibBackend) Class.forName(IMPLEMENTATION, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new FlowException("builder/jib: jib-core could not be loaded (" + e + "); the plugin's Maven "
                    + "repositories must serve com.google.cloud.tools:jib-core and its dependencies", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** The plugin's own classes (its jar, or target/classes in a test) first, then the jars. */
    private static URL[] urls(List<Path> jars) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(JibBackend.class.getProtectionDomain().getCodeSource().getLocation());
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
