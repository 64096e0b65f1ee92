package org.kamal4j.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.FlowException;

/**
 * jib-core loaded beside the plugin instead of inside its class realm: the backend's classes are defined by the Jib
 * loader from the jars it is given, while the types that cross over (JibBackend, the records) stay the plugin's.
 * The parent here hides jib-core, as Maven's plugin realm does now that jib-core is a provided dependency.
 */
class JibClassLoaderTest {

    @TempDir
    Path dir;

    /** The plugin's loader without jib-core, as the plugin realm is. */
    private static final ClassLoader WITHOUT_JIB = new ClassLoader(JibBackend.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.google.cloud.tools.")) {
                throw new ClassNotFoundException(name + " (hidden from the test's plugin loader)");
            }
            return super.loadClass(name, resolve);
        }
    };

    /** The jars of this test's class path: jib-core and its dependencies among them. */
    private static List<Path> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).map(Path::of).toList();
    }

    @Test
    void theBackendIsDefinedBesideTheJarsAndSharesThePluginsTypes() throws Exception {
        JibBackend backend = JibClassLoader.instantiate(new JibClassLoader(classPathJars(), WITHOUT_JIB));

        ClassLoader jibLoader = backend.getClass().getClassLoader();
        assertTrue(jibLoader instanceof JibClassLoader, "defined by " + jibLoader);
        Class<?> finder = Class.forName("com.google.cloud.tools.jib.api.MainClassFinder", false, jibLoader);
        assertSame(jibLoader, finder.getClassLoader(), "jib-core comes from the given jars");
        assertSame(JibPlan.class, Class.forName(JibPlan.class.getName(), false, jibLoader),
                "the records that cross over are the plugin's own");

        Path classes = dir.resolve("classes");
        Path src = dir.resolve("Hello.java");
        Files.writeString(src, "public class Hello { public static void main(String[] a) {} }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString()));
        assertEquals(List.of("Hello"), backend.mainClasses(List.of(classes.resolve("Hello.class"))));
    }

    @Test
    void withoutTheJarsTheBackendFailsNamingJibCore() throws Exception {
        FlowException e = assertThrows(FlowException.class,
                () -> JibClassLoader.instantiate(new JibClassLoader(List.of(), WITHOUT_JIB)));
        assertTrue(e.getMessage().startsWith("builder/jib: jib-core could not be loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("com.google.cloud.tools.jib.api.JibContainerBuilder"), e.getMessage());
    }

    @Test
    void eachLoaderDefinesItsOwnBackendClass() throws Exception {
        JibBackend one = JibClassLoader.instantiate(new JibClassLoader(classPathJars(), WITHOUT_JIB));
        JibBackend two = JibClassLoader.instantiate(new JibClassLoader(classPathJars(), WITHOUT_JIB));
        assertNotSame(one.getClass(), two.getClass(), "not taken from the parent, which has it too");
    }
}
