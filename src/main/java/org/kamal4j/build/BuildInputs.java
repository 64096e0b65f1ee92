package org.kamal4j.build;

/**
 * What the build tool around the plugin offers an image build: the Java project (for Jib), the registry
 * credentials from its settings (settings.xml {@code <server>} whose id is the registry's address), either of which
 * may be null, and the way to load jib-core when a build needs it.
 */
public record BuildInputs(JavaProject project, RegistryAuth settingsAuth, JibBackend.Loader jib) {

    /** No project and no settings: only Dockerfile builds are possible. */
    public static final BuildInputs NONE = new BuildInputs(null, null);

    /** With jib-core from this class's own class path (tests; Maven resolves it instead). */
    public BuildInputs(JavaProject project, RegistryAuth settingsAuth) {
        this(project, settingsAuth, JibBackend.onClassPath());
    }
}
