package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyOverridesTest {

    @Test
    void aDashDPropertyOverridesOneKeyOfDeployYml() throws ConfigException {
        DeployConfig c = Fixtures.loader("running-example")
                .properties(Map.of("kamal.deploy.proxy.app_port", "8080", "kamal.deploy.boot.limit", "1",
                        "user.home", "/ignored"))
                .load();
        assertEquals(8080, c.role("web").proxy().appPort());
        assertEquals(1, c.boot().limit());
        assertEquals("app.example.com", c.role("web").proxy().hosts().get(0), "the rest of proxy is kept");
    }

    @Test
    void valuesAreYamlSoListsAndMapsCanBeGiven() throws ConfigException {
        DeployConfig c = Fixtures.loader("running-example")
                .properties(Map.of("kamal.deploy.servers.web", "[9.9.9.1, 9.9.9.2]"))
                .load();
        assertEquals(List.of("9.9.9.1", "9.9.9.2"), c.role("web").hostNames());
    }

    @Test
    void anInvalidOverrideIsReportedWithThePropertyAsItsSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.loader("running-example")
                .properties(Map.of("kamal.deploy.proxy.app_port", "eighty")).load());
        assertEquals(1, e.problems().size());
        assertEquals("-Dkamal.deploy.proxy.app_port: proxy/app_port: should be an integer",
                e.problems().get(0).format());
    }
}
