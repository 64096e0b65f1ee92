package org.kamal4j.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints the plugin's version, as {@code kamal version} does. */
@Mojo(name = "version", requiresProject = false, threadSafe = true)
public class VersionMojo extends AbstractMojo {

    @Override
    public void execute() {
        String v = VersionMojo.class.getPackage().getImplementationVersion();
        getLog().info("kamal-maven-plugin " + (v == null ? "(development build)" : v));
    }
}
