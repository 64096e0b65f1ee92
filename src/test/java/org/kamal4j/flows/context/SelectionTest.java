package org.kamal4j.flows.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;
import org.kamal4j.flows.FlowFixture;

class SelectionTest {

    private final DeployConfig config;

    SelectionTest() throws Exception {
        config = new ConfigLoader(FlowFixture.dir("ordering"), Map.of()).configFile("deploy.yml").version("v1")
                .load();
    }

    @Test
    void ordersAsKamalDoesWithoutFilters() throws Exception {
        Selection s = Selection.all(config);

        assertEquals(List.of("web", "api", "workers"), s.roles().stream().map(Role::name).toList());
        assertEquals(List.of("1.1.1.3", "1.1.1.1", "1.1.1.2", "1.1.1.4", "10.0.0.9"), s.hosts());
        assertEquals(List.of("1.1.1.3", "1.1.1.1", "1.1.1.2", "1.1.1.4"), s.appHosts());
        assertEquals("1.1.1.3", s.primaryHost());
        assertEquals("web", s.primaryRole());
        assertEquals(List.of("web", "workers"), s.roleNamesOn("1.1.1.1"));
        assertFalse(s.rolesFiltered());
    }

    @Test
    void hostGlobsMatchDotsAndMoveThePrimaryHost() throws Exception {
        Selection s = Selection.of(config, "1.1.1.[12], 1.1.1.4", null);

        assertEquals(List.of("1.1.1.1", "1.1.1.2", "1.1.1.4"), s.hosts());
        // The first match in configured (all hosts) order, where roles are alphabetical: api's host comes first.
        assertEquals("1.1.1.2", s.primaryHost());
        assertEquals("api", s.primaryRole());
        assertEquals(List.of("web", "api", "workers"), s.roles().stream().map(Role::name).toList());
        assertEquals(List.of("1.1.1.1", "1.1.1.2", "1.1.1.4"), s.appHosts());
        assertEquals(List.of("10.0.0.9"), Selection.of(config, "10.*", null).hosts());
    }

    @Test
    void roleFilterDropsAccessoryHostsAndPicksThePrimaryRoleOnTheFirstHost() throws Exception {
        Selection s = Selection.of(config, null, "w*r*");

        assertEquals(List.of("workers"), s.roles().stream().map(Role::name).toList());
        assertEquals(List.of("1.1.1.1", "1.1.1.4"), s.hosts());
        assertEquals("1.1.1.4", s.primaryHost());
        assertEquals("workers", s.primaryRole());
        assertEquals(List.of("workers"), s.roleNamesOn("1.1.1.1"));
        assertTrue(s.rolesFiltered());
        assertEquals("workers", s.roleNames());
    }

    @Test
    void hostAndRoleFiltersCombine() throws Exception {
        Selection s = Selection.of(config, "1.1.1.2,1.1.1.3", "web,api");

        assertEquals(List.of("1.1.1.3", "1.1.1.2"), s.hosts());
        assertEquals("1.1.1.2", s.primaryHost());
        assertEquals("api", s.primaryRole());
    }

    @Test
    void rolesWithoutSelectedHostsAreDropped() throws Exception {
        Selection s = Selection.of(config, "1.1.1.2", null);

        assertEquals(List.of("api"), s.roles().stream().map(Role::name).toList());
        assertEquals("api", s.primaryRole());
    }

    @Test
    void noMatchIsAnErrorNamingThePatterns() {
        FlowException hosts = assertThrows(FlowException.class, () -> Selection.of(config, "9.9.9.*,nope", null));
        assertTrue(hosts.getMessage().startsWith("No --hosts match for 9.9.9.*,nope; configured hosts: 1.1.1.2"),
                hosts.getMessage());
        FlowException roles = assertThrows(FlowException.class, () -> Selection.of(config, null, "db"));
        assertTrue(roles.getMessage().startsWith("No --roles match for db"), roles.getMessage());
    }

    @Test
    void globSupportsQuestionMarkAndNegatedClasses() {
        assertTrue(Selection.glob("web-?").matcher("web-1").matches());
        assertFalse(Selection.glob("web-[!1]").matcher("web-1").matches());
        assertTrue(Selection.glob("web-[!1]").matcher("web-2").matches());
        assertFalse(Selection.glob("1.1.1.1").matcher("1x1.1.1").matches());
    }
}
