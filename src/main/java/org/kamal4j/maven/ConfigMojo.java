package org.kamal4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the resolved configuration as YAML, as {@code kamal config} does (format: docs/config-output.md). */
@Mojo(name = "config", requiresProject = false, threadSafe = true)
public class ConfigMojo extends AbstractKamalMojo {

    /** Also write the YAML to this file (for scripts; the log adds prefixes). */
    @Parameter(property = "kamal.config.outputFile")
    protected File outputFile;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        String yaml = ConfigSummary.yaml(loadConfig());
        yaml.lines().forEach(getLog()::info);
        if (outputFile != null) {
            try {
                File dir = outputFile.getAbsoluteFile().getParentFile();
                Files.createDirectories(dir.toPath());
                Files.writeString(outputFile.toPath(), yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + outputFile + ": " + e.getMessage(), e);
            }
        }
    }
}
