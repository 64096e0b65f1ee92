package org.kamal4j.build;

/**
 * What the build tool around the plugin offers an image build: the Java project (for Jib) and the registry
 * credentials from its settings (settings.xml {@code <server>} whose id is the registry's address). Either may be
 * null.
 */
public record BuildInputs(JavaProject project, RegistryAuth settingsAuth) {

    /** No project and no settings: only Dockerfile builds are possible. */
    public static final BuildInputs NONE = new BuildInputs(null, null);
}
