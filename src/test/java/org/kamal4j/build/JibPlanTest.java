package org.kamal4j.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.FlowException;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;

/** The checks made before Jib pulls or pushes anything, and what the plan derives from the config. */
class JibPlanTest {

    private static final JibBackend.Loader JIB = JibBackend.onClassPath();

    @TempDir
    Path dir;

    private DeployConfig config(String jib) throws Exception {
        Files.writeString(dir.resolve("deploy.yml"), """
                service: app
                image: app
                registry: {server: registry.example, username: deployer, password: pw}
                servers: {web: [1.1.1.1]}
                builder:
                  arch: [amd64, arm64]
                  jib:
                """ + jib.indent(4));
        return new ConfigLoader(dir, Map.of()).configFile("deploy.yml").version("abc123").destination(null).load();
    }

    private JavaProject project(String packaging) {
        return new JavaProject("demo", packaging, dir, dir.resolve("target"), dir.resolve("target/classes"),
                List.of());
    }

    private void compiledClass(String name, boolean withMain) throws Exception {
        Path src = dir.resolve("src/" + name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "public class " + name + " { " + (withMain ? "public static void main(String[] a) {}"
                : "") + " }");
        Files.createDirectories(dir.resolve("target/classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                dir.resolve("target/classes").toString(), src.toString());
        assertEquals(0, status);
    }

    @Test
    void aProjectThatIsNotJavaIsRefusedWithItsPackaging() throws Exception {
        FlowException e = assertThrows(FlowException.class, () -> JibPlan.of(config("from: b/jre:17"),
                project("pom"), JIB));
        assertTrue(e.getMessage().startsWith("builder/jib: project demo has packaging 'pom', not a Java project"),
                e.getMessage());
    }

    @Test
    void aJarProjectWithoutCompiledClassesSaysToCompileFirst() throws Exception {
        FlowException e = assertThrows(FlowException.class, () -> JibPlan.of(config("from: b/jre:17"),
                project("jar"), JIB));
        assertTrue(e.getMessage().contains("no compiled classes in " + dir.resolve("target/classes")), e.getMessage());
    }

    @Test
    void theOneMainClassIsFoundAndTheServiceLabelAndPlatformsAreSet() throws Exception {
        compiledClass("Main", true);
        compiledClass("Helper", false);
        JibPlan plan = JibPlan.of(config("{from: b/jre:17, labels: {team: x}}"), project("jar"), JIB);
        assertEquals("Main", plan.mainClass());
        assertEquals(Map.of("team", "x", "service", "app"), plan.labels());
        assertEquals(List.of("linux/amd64", "linux/arm64"), plan.platforms());
        assertEquals("registry.example/app:abc123", plan.target());
        assertEquals("latest", plan.extraTag());
        assertEquals("registry.example", plan.registryServer());
    }

    @Test
    void severalMainClassesMustBeChosenBetween() throws Exception {
        compiledClass("One", true);
        compiledClass("Two", true);
        FlowException e = assertThrows(FlowException.class, () -> JibPlan.of(config("from: b/jre:17"),
                project("jar"), JIB));
        assertTrue(e.getMessage().startsWith("builder/jib/main_class: several classes have a main method"),
                e.getMessage());
    }

    @Test
    void anEntrypointNeedsNoMainClass() throws Exception {
        compiledClass("Lib", false);
        JibPlan plan = JibPlan.of(config("{from: b/jre:17, entrypoint: [java, -jar, /app.jar]}"), project("jar"), JIB);
        assertNull(plan.mainClass());
    }

    @Test
    void missingExtraDirectoriesAreNamed() throws Exception {
        compiledClass("Main", true);
        Files.createDirectories(dir.resolve("static"));
        FlowException e = assertThrows(FlowException.class, () -> JibPlan.of(config(
                "{from: b/jre:17, extra_directories: [static, 'nope:/srv', 'static:relative']}"), project("jar"), JIB));
        assertEquals("builder/jib/extra_directories: nope:/srv (no directory " + dir.resolve("nope") + "); "
                + "static:relative (the path in the image must be absolute)", e.getMessage());
    }
}
