package org.kamal4j.config;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** Loads the fixtures under src/test/resources/config/&lt;feature&gt;/. */
final class Fixtures {

    private Fixtures() {}

    static Path dir(String feature) {
        try {
            return Path.of(Fixtures.class.getResource("/config/" + feature + "/deploy.yml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ConfigLoader loader(String feature) {
        return new ConfigLoader(dir(feature), Map.of()).configFile("deploy.yml").version("abc123");
    }

    static DeployConfig load(String feature) throws ConfigException {
        return loader(feature).load();
    }
}
