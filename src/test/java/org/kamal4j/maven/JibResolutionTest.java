package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.api.MainClassFinder;
import org.junit.jupiter.api.Test;

/** The version the plugin resolves at run time is the one it was compiled and tested against. */
class JibResolutionTest {

    @Test
    void coordinatesNameTheJibCoreOnTheTestClassPath() throws Exception {
        String jar = MainClassFinder.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        // .../com/google/cloud/tools/jib-core/VERSION/jib-core-VERSION.jar
        String version = jar.replaceAll(".*/jib-core/([^/]+)/jib-core-[^/]+\\.jar$", "$1");
        assertEquals("com.google.cloud.tools:jib-core:" + version, JibResolution.coordinates());
    }
}
