package org.kamal4j.flows.steps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AssetCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * What the proxy needs on each app host before any boot group: the version's error pages, the asset
 * bridge of every proxy role with {@code asset_path} and the custom TLS certificates; and, once a host's
 * old container is stopped, the clean-up of other versions' assets and error pages.
 */
final class BootPreparation {

    private final FlowContext ctx;
    private final DeployConfig config;

    BootPreparation(FlowContext ctx, DeployConfig config) {
        this.ctx = ctx;
        this.config = config;
    }

    /** Prepares every selected app host in parallel; does nothing when no host needs anything. */
    void run() throws MultiHostException, InterruptedException, FlowException {
        List<Path> pages = errorPages();
        boolean roles = ctx.selection().roles().stream().anyMatch(r -> assets(r) || certificates(r));
        if (pages.isEmpty() && !roles) {
            return;
        }
        ctx.on(ctx.selection().appHosts(), (host, s) -> prepare(host, s, pages));
    }

    private void prepare(String host, Session s, List<Path> pages) throws TransportException, IOException,
            FlowException {
        ProxyCommands proxy = new ProxyCommands(config);
        if (!pages.isEmpty()) {
            String dir = proxy.errorPagesDirectory() + "/" + config.version();
            s.run(proxy.ensureErrorPagesDirectory().and(Command.of("mkdir", "-p", dir)));
            for (Path page : pages) {
                // Readable by kamal-proxy, which runs as uid 1000 in its container: Kamal's 0700 only works when
                // the SSH user happens to be uid 1000; as root the real proxy fails "unable to load error pages".
                s.upload(Files.readAllBytes(page), dir + "/" + page.getFileName(), 0644);
            }
        }
        for (String name : ctx.selection().roleNamesOn(host)) {
            Role role = config.role(name);
            if (assets(role)) {
                AssetCommands assets = new AssetCommands(config, role);
                s.run(assets.extract());
                String old = s.tryRun(new AppCommands(config, role).currentRunningVersion());
                s.run(assets.sync(old == null || old.isBlank() ? null : old.strip()));
            }
            if (certificates(role)) {
                writeCertificates(s, host, role, proxy);
            }
        }
    }

    private void writeCertificates(Session s, String host, Role role, ProxyCommands proxy) throws TransportException,
            FlowException {
        ctx.output().info(host, "Writing SSL certificates for " + role.name() + " on " + host);
        s.run(proxy.ensureTlsDirectory(role.name()));
        String dir = proxy.tlsDirectory(role.name());
        s.upload(secret(role.proxy().sslCertificatePem()), dir + "/cert.pem", 0644);
        s.upload(secret(role.proxy().sslPrivateKeyPem()), dir + "/key.pem", 0644);
    }

    private byte[] secret(String name) throws FlowException {
        String value = config.secrets().get(name);
        if (value == null) {
            throw new FlowException("Secret " + name + " (proxy.ssl) is not set; add it to .kamal/secrets");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** After the old container of {@code role} stopped: other versions' assets and error pages go. */
    void cleanUp(Session s, Role role) throws TransportException {
        for (Command step : cleanUpSteps(role)) {
            s.tryRun(step);
        }
    }

    /** The commands of {@link #cleanUp}, for a caller that sends them with others. */
    List<Command> cleanUpSteps(Role role) {
        List<Command> steps = new ArrayList<>();
        if (assets(role)) {
            steps.add(new AssetCommands(config, role).clean().step("clean up assets"));
        }
        if (config.paths().errorPages() != null) {
            steps.add(new ProxyCommands(config).cleanErrorPages(config.version()).step("clean up error pages"));
        }
        return steps;
    }

    /** The {@code 4??.html} and {@code 5??.html} files of {@code error_pages_path}, sorted; none if unset. */
    List<Path> errorPages() throws FlowException {
        if (config.paths().errorPages() == null) {
            return List.of();
        }
        Path dir = ctx.baseDir().resolve(config.paths().errorPages());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("[45]..\\.html")).sorted().toList();
        } catch (IOException e) {
            throw new FlowException("Could not read error_pages_path " + dir + ": " + e.getMessage(), e);
        }
    }

    private boolean assets(Role role) {
        return config.assetPathOf(role) != null;
    }

    private static boolean certificates(Role role) {
        return role.runsProxy() && role.proxy().customCertificate();
    }
}
