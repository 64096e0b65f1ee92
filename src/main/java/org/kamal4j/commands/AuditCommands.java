package org.kamal4j.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.kamal4j.config.DeployConfig;

/**
 * Appends records to the per-host audit log {@code .kamal/<service>[-<destination>]-audit.log}.
 *
 * @param performer the git user email (or {@code whoami}) as the flow found it
 */
public record AuditCommands(DeployConfig config, Clock clock, String performer) {

    /** {@code mkdir -p .kamal && echo "<line>" >> <audit log>}; {@code role} may be null. */
    public Command record(String message, String role) {
        return record(message, role, List.of());
    }

    /**
     * The same record, creating {@code alsoEnsure} directories in the same {@code mkdir -p}: one round trip
     * instead of two (e.g. the role env directory before a boot).
     */
    public Command record(String message, String role, List<String> alsoEnsure) {
        List<String> mkdir = new ArrayList<>(List.of("mkdir", "-p", ".kamal"));
        mkdir.addAll(alsoEnsure);
        return Command.of(mkdir).and(Line.of("echo", line(message, role)).raw(">>").args(config.auditLog())
                .build());
    }

    /** The record line: {@code [time] [performer] [destination] [role] message}. */
    public String line(String message, String role) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock)
                .truncatedTo(ChronoUnit.SECONDS))).append("] [").append(performer).append("] ");
        if (config.destination() != null) {
            sb.append('[').append(config.destination()).append("] ");
        }
        if (role != null) {
            sb.append('[').append(role).append("] ");
        }
        return sb.append(message).toString();
    }

    /** The last 50 records ({@code kamal audit}). */
    public Command tail() {
        return Command.of("tail", "-n", "50", config.auditLog());
    }
}
