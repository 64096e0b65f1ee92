package org.kamal4j.commands;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.config.Registry;
import org.kamal4j.config.Secrets;

/**
 * {@code docker login}/{@code logout} for a registry. Unlike Kamal the password travels on standard
 * input ({@code --password-stdin}), so it never appears in the host's process list.
 */
public final class RegistryCommands {

    private final Registry registry;
    private final Secrets secrets;

    public RegistryCommands(Registry registry, Secrets secrets) {
        this.registry = registry;
        this.secrets = secrets;
    }

    /** {@code docker login [server] -u <user> --password-stdin}, the password as stdin and marked secret. */
    public Command login() {
        if (registry.local()) {
            throw new IllegalStateException("A local registry (" + registry.server()
                    + ") needs no login; skip the login step for it");
        }
        String user = registry.username().resolve(secrets);
        String password = registry.password().resolve(secrets);
        List<String> argv = new ArrayList<>(List.of("docker", "login"));
        if (registry.server() != null) {
            argv.add(registry.server());
        }
        argv.addAll(List.of("-u", user, "--password-stdin"));
        List<String> hidden = registry.username().isSecret() ? List.of(password, user) : List.of(password);
        return Command.of(argv).withStdin(password).withSecrets(hidden);
    }

    public Command logout() {
        List<String> argv = new ArrayList<>(List.of("docker", "logout"));
        if (registry.server() != null) {
            argv.add(registry.server());
        }
        return Command.of(argv);
    }
}
