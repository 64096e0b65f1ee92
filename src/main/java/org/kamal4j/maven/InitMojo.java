package org.kamal4j.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/** Creates a commented config/deploy.yml, .kamal/secrets and sample hooks, never overwriting a file. */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractKamalMojo {

    static final List<String> HOOKS = List.of("docker-setup", "pre-connect", "pre-build", "pre-deploy",
            "post-deploy", "pre-app-boot", "post-app-boot", "pre-proxy-reboot", "post-proxy-reboot");

    @Override
    protected void run() throws MojoExecutionException {
        Path base = projectDir().toPath();
        List<String> skipped = new ArrayList<>();
        write(base, configFile == null ? "config/deploy.yml" : configFile, "deploy.yml", skipped);
        write(base, ".kamal/secrets", "secrets", skipped);
        for (String hook : HOOKS) {
            write(base, ".kamal/hooks/" + hook + ".sample", "hooks/" + hook + ".sample", skipped);
        }
        if (!skipped.isEmpty()) {
            getLog().info("Left alone (already exist): " + String.join(", ", skipped));
        }
    }

    private void write(Path base, String target, String template, List<String> skipped)
            throws MojoExecutionException {
        Path file = base.resolve(target);
        if (Files.exists(file)) {
            skipped.add(target);
            return;
        }
        try (InputStream in = InitMojo.class.getResourceAsStream("/org/kamal4j/init/" + template)) {
            if (in == null) {
                throw new MojoExecutionException("Template " + template + " is missing from the plugin jar");
            }
            Files.createDirectories(file.getParent());
            Files.write(file, in.readAllBytes());
            getLog().info("Created " + target);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage()
                    + " (check the directory permissions)", e);
        }
    }
}
