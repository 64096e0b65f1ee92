package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        AliasMojo m = new AliasMojo() {
            @Override
            protected Map<String, String> environment() {
                return Map.of();
            }
        };
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
}
