package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.kamal4j.maven.FlowMojosTest.SyncLog;

/** kamal:alias refuses what it cannot run before anything connects or starts. */
class AliasGoalTest {

    @TempDir
    Path dir;

    private AliasMojo mojo(String aliases) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), """
                service: app
                image: app
                servers:
                  - 1.1.1.1
                registry:
                  server: registry.example
                  username: u
                  password: p
                builder:
                  arch: amd64
                """ + aliases);
        AliasMojo m = new AliasMojo();
        m.environment = Map.of();
        m.baseDir = dir.toFile();
        m.version = "v1";
        m.setLog(new SyncLog());
        return m;
    }

    @Test
    void anUnknownAliasIsRefusedListingTheKnownOnes() throws Exception {
        AliasMojo m = mojo("aliases:\n  ps: app containers\n  console: app exec -i --reuse bash\n");
        m.alias = "shell";
        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
        assertEquals("Unknown alias 'shell'; deploy.yml defines: console, ps", e.getMessage());
    }

    @Test
    void noAliasNamedOrNoneDefinedSaysHowToNameOne() throws Exception {
        AliasMojo m = mojo("");
        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
        assertEquals("Which alias? Run `mvn kamal:alias -Dkamal.alias=NAME`; deploy.yml defines none (aliases:)",
                e.getMessage());
    }

    @Test
    void anAliasNoGoalRunsIsRefusedWithItsKeyPath() throws Exception {
        AliasMojo m = mojo("aliases:\n  up: upgrade\n");
        m.alias = "up";
        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
        assertEquals("aliases/up (`upgrade`): `upgrade` is not a Kamal command this plugin runs as a goal "
                + "(docs/compatibility.md lists them)", e.getMessage());
    }

    @Test
    void anOptionTheGoalHasNoParameterForIsRefusedFromThePluginDescriptor() throws Exception {
        AliasMojo m = mojo("aliases:\n  go: deploy --reuse\n  tail: app logs -f -r web\n");
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            m.plugin = new PluginDescriptorBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        m.alias = "go";
        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
        assertEquals("aliases/go (`deploy --reuse`): kamal:deploy has no kamal.reuse, so the option that sets it "
                + "would do nothing; remove it from the alias", e.getMessage());
        KamalCommandLine tail = KamalCommandLine.parse(List.of("app", "logs", "-f", "-r", "web"));
        AliasMojo.checkGoal(m.plugin.getMojo("app-logs"), tail, "aliases/tail");
    }

    /** Every property a Kamal option maps to is a parameter of some goal, so a rename cannot leave one behind. */
    @Test
    void everyPropertyAKamalOptionSetsIsDeclaredByAGoal() throws Exception {
        PluginDescriptor plugin;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            plugin = new PluginDescriptorBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> declared = new HashSet<>();
        for (MojoDescriptor goal : plugin.getMojos()) {
            for (PlexusConfiguration p : goal.getMojoConfiguration().getChildren()) {
                declared.add(p.getValue(""));
            }
        }
        List<String> missing = KamalCommandLine.settableProperties().stream().filter(p -> !declared.contains("${" + p + "}"))
                .sorted().toList();
        assertEquals(List.of(), missing);
    }
}
