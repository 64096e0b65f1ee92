package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.config.ConfigException;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Jib;

class PomDeployConverterTest {

    static PlexusConfiguration xml(String xml) throws Exception {
        return new XmlPlexusConfiguration(Xpp3DomBuilder.build(new StringReader(xml)));
    }

    static final String RUNNING_EXAMPLE = """
            <deploy>
              <service>app</service>
              <image>app</image>
              <registry>
                <server>registry.example</server>
                <username>deployer</username>
                <password><secret>KAMAL_REGISTRY_PASSWORD</secret></password>
              </registry>
              <servers>
                <web><host>1.1.1.1</host><host tags="canary,eu">1.1.1.4</host></web>
                <workers><hosts><host>1.1.1.2</host></hosts><cmd>bin/jobs</cmd></workers>
              </servers>
              <proxy><host>app.example.com</host><app_port>3000</app_port></proxy>
              <env><clear><DB_HOST>db.internal</DB_HOST><FEATURE>no</FEATURE></clear>
                <secret><name>DB_PASSWORD</name></secret></env>
              <builder><arch>amd64</arch></builder>
              <accessories><db><image>mysql:8.0</image><host>1.1.1.3</host><port>127.0.0.1:3306:3306</port>
                <directories><dir>data:/var/lib/mysql</dir></directories>
                <options><add-host><h>a:1.2.3.4</h><h>b:5.6.7.8</h></add-host><memory>2g</memory></options>
              </db></accessories>
            </deploy>""";

    @Test
    void convertsElementsToTheDeployYmlTree() throws Exception {
        Map<String, Object> tree = PomDeployConverter.toTree(xml(RUNNING_EXAMPLE));
        assertEquals(List.of("KAMAL_REGISTRY_PASSWORD"), ((Map<?, ?>) tree.get("registry")).get("password"));
        Map<?, ?> servers = (Map<?, ?>) tree.get("servers");
        assertEquals(List.of("1.1.1.1", Map.of("1.1.1.4", List.of("canary", "eu"))), servers.get("web"));
        assertEquals(3000, ((Map<?, ?>) tree.get("proxy")).get("app_port"));
        Map<?, ?> options = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree.get("accessories")).get("db")).get("options");
        assertEquals(List.of("a:1.2.3.4", "b:5.6.7.8"), options.get("add-host"));
    }

    @Test
    void scalarsAreYaml11AndQuotesKeepStrings() {
        assertEquals(false, PomDeployConverter.scalar("no"));
        assertEquals("no", PomDeployConverter.scalar("'no'"));
        assertEquals(3000, PomDeployConverter.scalar("3000"));
        assertEquals("a: b", PomDeployConverter.scalar("a: b"));
    }

    @Test
    void pomJibSectionMapsToTheSameTreeAsDeployYml(@TempDir Path dir) throws Exception {
        String pom = RUNNING_EXAMPLE.replace("<builder><arch>amd64</arch></builder>", """
                <builder><arch>amd64</arch><jib>
                  <from>registry.example/jre:17</from>
                  <entrypoint><e>java</e><e>-jar</e><e>/app/app.jar</e></entrypoint>
                  <ports><port>8080</port></ports>
                  <labels><team>payments</team></labels>
                  <extra_directories><dir>src/main/jib</dir></extra_directories>
                  <allow_insecure_registries>true</allow_insecure_registries>
                </jib></builder>""");
        DeployConfig c = new ConfigLoader(dir, Map.of()).version("abc123")
                .pomTree(PomDeployConverter.toTree(xml(pom))).load();
        assertEquals(new Jib("registry.example/jre:17", null, List.of("java", "-jar",
                "/app/app.jar"), List.of(), List.of(), List.of("8080"), Map.of("team", "payments"), Map.of(),
                List.of("src/main/jib"), null, null, null, true), c.builder().jib());
    }

    @Test
    void pomAloneLoadsLikeTheRunningExample(@TempDir Path dir) throws Exception {
        DeployConfig c = new ConfigLoader(dir, Map.of()).version("abc123")
                .pomTree(PomDeployConverter.toTree(xml(RUNNING_EXAMPLE))).load();
        assertEquals("registry.example/app:abc123", c.absoluteImage());
        assertEquals(List.of("1.1.1.1", "1.1.1.4", "1.1.1.2", "1.1.1.3"), c.allHosts());
        assertEquals(List.of("canary", "eu"), c.tagsOf(c.role("web"), "1.1.1.4"));
        assertEquals("false", c.env().clear().get("FEATURE"));
        assertEquals(List.of("DB_PASSWORD"), c.env().secrets());
        assertEquals(3000, c.role("web").proxy().appPort());
        assertEquals("bin/jobs", c.role("workers").cmd());
    }

    @Test
    void pomIsMergedOverDeployYmlAndUnderTheDestinationFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), """
                service: app
                image: app
                registry: {server: "localhost:5000"}
                servers: [1.1.1.1]
                builder: {arch: amd64}
                env: {A: yml, B: yml, C: yml}
                """);
        Files.writeString(dir.resolve("config/deploy.staging.yml"), "env: {C: staging}\n");
        PlexusConfiguration pom = xml("<deploy><env><B>pom</B><C>pom</C></env></deploy>");
        DeployConfig c = new ConfigLoader(dir, Map.of()).version("v").destination("staging")
                .pomTree(PomDeployConverter.toTree(pom)).load();
        assertEquals(Map.of("A", "yml", "B", "pom", "C", "staging"), c.env().clear());
    }

    @Test
    void pomProblemsNameThePom(@TempDir Path dir) throws Exception {
        PlexusConfiguration pom = xml("<deploy><service>app</service><image>app</image>"
                + "<registry><server>localhost:5000</server></registry><builder><arch>amd64</arch></builder>"
                + "<servers><web><host>1.1.1.1</host></web><jobs><hosts><host>h</host></hosts><command>x</command>"
                + "</jobs></servers></deploy>");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(dir, Map.of()).version("v")
                .pomTree(PomDeployConverter.toTree(pom)).load());
        assertEquals("pom.xml <deploy>: servers/jobs: unknown key: command", e.problems().get(0).format());
        assertTrue(e.problems().size() == 1, e.getMessage());
    }
}
