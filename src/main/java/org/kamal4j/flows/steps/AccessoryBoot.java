package org.kamal4j.flows.steps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AccessoryCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.EnvFile;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.commands.ServerCommands;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Registry;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * Boots every accessory on its selected hosts: login and network, skip hosts where a container already
 * exists, directories, files, audit, env file (mode 0600) and {@code docker run}. Accessories with a proxy are
 * refused before connecting, as for roles.
 */
public final class AccessoryBoot {

    private final FlowContext ctx;

    public AccessoryBoot(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Fails before connecting when an accessory runs behind kamal-proxy. */
    public static void requireNoProxy(DeployConfig config) throws FlowException {
        for (Accessory a : config.accessories().values()) {
            if (a.proxy() != null) {
                throw new FlowException("Accessory " + a.name() + " runs behind kamal-proxy, which this version "
                        + "does not deploy yet; remove its proxy section");
            }
        }
    }

    public void bootAll() throws FlowException, MultiHostException, InterruptedException {
        boot(List.copyOf(ctx.config().accessories().values()));
    }

    /** Boots {@code accessories} in order, each on its selected hosts; the caller holds the lock. */
    public void boot(List<Accessory> accessories) throws FlowException, MultiHostException, InterruptedException {
        for (Accessory a : accessories) {
            List<String> hosts = a.hosts().stream().filter(ctx.selection().hosts()::contains).toList();
            if (!hosts.isEmpty()) {
                ctx.output().info("Boot accessory " + a.name() + "...");
                ctx.on(hosts, (host, s) -> boot(a, s, host));
            }
        }
    }

    private void boot(Accessory a, Session s, String host) throws TransportException, FlowException {
        DeployConfig config = ctx.config();
        AccessoryCommands commands = new AccessoryCommands(config, a);
        s.run(prepare(a.registry() != null ? a.registry() : config.registry()));
        String existing = s.tryRun(commands.existing());
        if (existing != null && !existing.isBlank()) {
            ctx.output().info(host, "Skipping booting `" + a.name() + "` on " + host + ", a container already exists");
            return;
        }
        Command dirs = commands.ensureDirectories();
        if (dirs != null) {
            s.run(dirs);
        }
        for (Accessory.MountSpec file : a.files()) {
            s.run(commands.ensureFileDirectory(file));
            s.upload(read(file), commands.fileHostPath(file), 0755);
            s.run(commands.fileModeAndOwner(file));
        }
        s.run(ctx.audit(config).record("Booted " + a.name() + " accessory", null, List.of(commands.envDirectory())));
        EnvFile env = EnvFile.of(a.env(), config.secrets());
        s.upload(env.content().getBytes(StandardCharsets.UTF_8), commands.envFile(), 0600);
        s.run(env.feed(commands.run(host)));
    }

    /** Registry login (the accessory's own registry, else the app's) and the {@code kamal} network. */
    public Command prepare(Accessory a) {
        return prepare(a.registry() != null ? a.registry() : ctx.config().registry());
    }

    private Command prepare(Registry registry) {
        Command network = ServerCommands.ensureKamalNetwork();
        return registry == null || registry.local() || registry.username() == null ? network
                : new RegistryCommands(registry, ctx.config().secrets()).login().and(network);
    }

    private byte[] read(Accessory.MountSpec file) throws FlowException {
        Path p = ctx.baseDir().resolve(file.local());
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new FlowException("Missing file: " + p);
        }
    }
}
