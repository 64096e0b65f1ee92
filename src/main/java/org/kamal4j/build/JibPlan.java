package org.kamal4j.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kamal4j.FlowException;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Jib;

/**
 * Everything a Jib build needs, checked before anything is pulled or pushed: the project is a Java project with
 * compiled classes, the main class is known, extra directories exist. Pure data once made.
 *
 * @param jib the {@code builder.jib} section
 * @param target the image to push ({@code <repository>:<version>})
 * @param extraTag the second tag ({@code latest} or {@code latest-<destination>})
 * @param platforms {@code linux/<arch>} per {@code builder.arch}
 * @param mainClass the main class (null when {@code entrypoint} replaces the java command)
 * @param labels the image labels, Kamal's {@code service} label included
 * @param extraDirectories source directory to path in the image
 * @param registryServer {@code registry.server}: its credentials also pull the base image when it lives there
 */
public record JibPlan(Jib jib, JavaProject project, String target, String extraTag, List<String> platforms,
        String mainClass, Map<String, String> labels, Map<Path, String> extraDirectories, String registryServer) {

    /** The packagings whose classes Jib can run with {@code java -cp ... MainClass}. */
    private static final List<String> JAVA_PACKAGINGS = List.of("jar");

    /**
     * Checks the project and the section; every problem is a {@link FlowException} naming what to change. {@code jib}
     * is loaded only to find the main class when the section names neither it nor an entrypoint.
     */
    public static JibPlan of(DeployConfig config, JavaProject project, JibBackend.Loader jib) throws FlowException {
        Jib section = config.builder().jib();
        if (project == null) {
            throw new FlowException("builder/jib: no Maven project to build from; run the goal inside the "
                    + "project (mvn kamal:deploy in the directory of its pom.xml)");
        }
        checkJavaProject(project);
        String mainClass = section.entrypoint().isEmpty() ? mainClass(section, project, jib) : null;
        Map<String, String> labels = new LinkedHashMap<>(section.labels());
        labels.put("service", config.service());
        List<String> platforms = config.builder().arch().stream().map(a -> "linux/" + a).toList();
        return new JibPlan(section, project, config.absoluteImage(), config.latestTag(), platforms, mainClass, labels,
                extraDirectories(section, project.baseDir()), config.registry().server());
    }

    private static void checkJavaProject(JavaProject p) throws FlowException {
        if (!JAVA_PACKAGINGS.contains(p.packaging())) {
            throw new FlowException("builder/jib: project " + p.name() + " has packaging '" + p.packaging()
                    + "', not a Java project: Jib builds the image from the classes of a project with packaging "
                    + "jar. Remove builder/jib to build with a Dockerfile instead");
        }
        if (!hasClasses(p.classesDir())) {
            throw new FlowException("builder/jib: no compiled classes in " + p.classesDir() + "; compile first "
                    + "(mvn package kamal:deploy, or mvn deploy with kamal:deploy bound to the deploy phase)");
        }
    }

    private static boolean hasClasses(Path dir) throws FlowException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".class"));
        } catch (IOException e) {
            throw new FlowException("builder/jib: cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String mainClass(Jib section, JavaProject p, JibBackend.Loader jib) throws FlowException {
        if (section.mainClass() != null) {
            return section.mainClass();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(p.classesDir())) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new FlowException("builder/jib: cannot read " + p.classesDir() + ": " + e.getMessage(), e);
        }
        List<String> found = jib.load().mainClasses(files);
        if (found.isEmpty()) {
            throw new FlowException("builder/jib/main_class: no class with a main method in " + p.classesDir()
                    + "; set builder/jib/main_class or builder/jib/entrypoint");
        }
        if (found.size() > 1) {
            throw new FlowException("builder/jib/main_class: several classes have a main method ("
                    + String.join(", ", found) + "); set one");
        }
        return found.get(0);
    }

    private static Map<Path, String> extraDirectories(Jib jib, Path baseDir) throws FlowException {
        Map<Path, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String spec : jib.extraDirectories()) {
            int colon = spec.indexOf(':');
            Path dir = baseDir.resolve(colon < 0 ? spec : spec.substring(0, colon));
            String into = colon < 0 ? "/" : spec.substring(colon + 1);
            if (!Files.isDirectory(dir)) {
                problems.add(spec + " (no directory " + dir + ")");
            } else if (!into.startsWith("/")) {
                problems.add(spec + " (the path in the image must be absolute)");
            } else {
                out.put(dir, into);
            }
        }
        if (!problems.isEmpty()) {
            throw new FlowException("builder/jib/extra_directories: " + String.join("; ", problems));
        }
        return out;
    }
}
