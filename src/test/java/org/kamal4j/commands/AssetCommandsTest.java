package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.config.Env;
import org.kamal4j.config.Host;
import org.kamal4j.config.Role;

class AssetCommandsTest {

    private static final Role WEB = new Role("web", List.of(Host.of("1.1.1.1")), null, null, null, Map.of(), null,
            Map.of(), Env.EMPTY, Example.proxy(), "/rails/public/assets");
    private final AssetCommands assets = new AssetCommands(Example.config(null, List.of(WEB), Map.of(), List.of(),
            null), WEB);

    @Test
    void extractIsKamalsLine() {
        assertEquals("mkdir -p .kamal/apps/app/assets/extracted/web-abc123 && docker container rm app-web-assets 2> /dev/null || true && docker container create --name app-web-assets registry.example/app:abc123 && docker container cp -L app-web-assets:/rails/public/assets/. .kamal/apps/app/assets/extracted/web-abc123 && docker container rm app-web-assets",
                assets.extract().toShell());
    }

    @Test
    void syncWithAndWithoutAnOldVersion() {
        assertEquals("mkdir -p .kamal/apps/app/assets/volumes/web-abc123 ; cp -rnT .kamal/apps/app/assets/extracted/web-abc123 .kamal/apps/app/assets/volumes/web-abc123 ; cp -rnT .kamal/apps/app/assets/extracted/web-abc123 .kamal/apps/app/assets/volumes/web-def456 || true ; cp -rnT .kamal/apps/app/assets/extracted/web-def456 .kamal/apps/app/assets/volumes/web-abc123 || true",
                assets.sync("def456").toShell());
        assertEquals("mkdir -p .kamal/apps/app/assets/volumes/web-abc123 ; cp -rnT .kamal/apps/app/assets/extracted/web-abc123 .kamal/apps/app/assets/volumes/web-abc123",
                assets.sync(null).toShell());
    }

    @Test
    void cleanGivesKamalsArgv() {
        String kamal = "find .kamal/apps/app/assets/extracted -maxdepth 1 -name 'web-*' ! -name web-abc123 -exec rm -rf \"{}\" + ; find .kamal/apps/app/assets/volumes -maxdepth 1 -name 'web-*' ! -name web-abc123 -exec rm -rf \"{}\" +";
        assertEquals("find .kamal/apps/app/assets/extracted -maxdepth 1 -name 'web-*' '!' -name web-abc123 -exec rm -rf '{}' + ; find .kamal/apps/app/assets/volumes -maxdepth 1 -name 'web-*' '!' -name web-abc123 -exec rm -rf '{}' +",
                assets.clean().toShell());
        assertSameArgv(kamal, assets.clean(), "find");
    }

    @Test
    void errorPagesAndTlsOnTheProxySide() {
        ProxyCommands proxy = new ProxyCommands(Example.config());
        assertEquals("mkdir -p .kamal/proxy/apps-config/app/error_pages", proxy.ensureErrorPagesDirectory().toShell());
        assertSameArgv("find .kamal/proxy/apps-config/app/error_pages -mindepth 1 -maxdepth 1 ! -name abc123 -exec rm -rf {} +",
                proxy.cleanErrorPages("abc123"), "find");
        assertEquals("mkdir -p .kamal/proxy/apps-config/app/tls/web", proxy.ensureTlsDirectory("web").toShell());
    }

    @Test
    void renameIfExistsRenamesOnlyAClash() {
        AppCommands web = new AppCommands(Example.config(), Example.web(), AppCommandsTest.HEX);
        Command rename = web.renameIfExists("abc123", "abc123_replaced_x");
        assertEquals("if docker container ls --all --filter 'name=^app-web-abc123$' --quiet | grep -q . ; then"
                + " docker rename app-web-abc123 app-web-abc123_replaced_x && echo app-web-abc123_replaced_x ; fi",
                rename.toShell());
        // The stubbed docker prints no container id, so only the query runs.
        assertEquals("docker [container] [ls] [--all] [--filter] [name=^app-web-abc123$] [--quiet]\n",
                RemoteArgv.of(rename.toShell(), "docker"));
        assertEquals("rm -r .kamal/apps/app", web.removeAppDirectory().toShell());
    }
}
