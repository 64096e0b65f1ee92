package org.kamal4j.build;

import java.nio.file.Path;
import java.util.List;

/**
 * What a Jib build takes from the Maven project the goal runs in, gathered by the Mojo so this package knows
 * nothing of Maven.
 *
 * @param name the project's artifactId, for messages
 * @param packaging the project's packaging ({@code jar}, {@code pom}, ...)
 * @param baseDir the project directory (extra directories are relative to it)
 * @param buildDir the build directory ({@code target}), where Jib keeps its application-layer cache
 * @param classesDir the compiled classes and processed resources ({@code target/classes})
 * @param runtimeJars the runtime class path, without the project's own classes
 */
public record JavaProject(String name, String packaging, Path baseDir, Path buildDir, Path classesDir,
        List<Path> runtimeJars) {

    public JavaProject {
        runtimeJars = List.copyOf(runtimeJars);
    }
}
