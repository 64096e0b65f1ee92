package org.kamal4j.commands;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.kamal4j.config.DeployConfig;

/**
 * The deploy lock: an atomic {@code mkdir} of {@code .kamal/lock-<service>} on the primary host.
 *
 * @param user the git user name, or {@code Unknown}
 */
public record LockCommands(DeployConfig config, Clock clock, String user) {

    /** The message of locks taken by deploy, setup, rollback and friends. */
    public static final String AUTOMATIC_MESSAGE = "Automatic deploy lock";

    public Command ensureRunDirectory() {
        return Command.of("mkdir", "-p", ".kamal");
    }

    /** {@code mkdir <lock> && echo "<base64 details>" > <lock>/details}; fails when the lock is held. */
    public Command acquire(String message, String version) {
        return Command.of("mkdir", config.lockDirectory()).and(Line.of("echo", encodedDetails(message, version))
                .raw(">").args(config.lockDirectory() + "/details").build());
    }

    /** Run-directory creation and acquire in one round trip. */
    public Command ensureRunDirectoryAndAcquire(String message, String version) {
        return ensureRunDirectory().and(acquire(message, version));
    }

    /** Prints the decoded details; fails with "No such file or directory" when there is no lock. */
    public Command status() {
        return Line.of("stat", config.lockDirectory()).raw("> /dev/null").build()
                .and(Command.of("cat", config.lockDirectory() + "/details"))
                .pipe(Command.of("base64", "-d"));
    }

    public Command release() {
        return Command.of("rm", config.lockDirectory() + "/details")
                .and(Command.of("rm", "-r", config.lockDirectory()));
    }

    /** The three-line details text (no trailing newline). */
    public String details(String message, String version) {
        String at = DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        return "Locked by: " + user + " at " + at + "\nVersion: " + version + "\nMessage: " + message;
    }

    /** MIME-style base64 as Kamal writes it: lines of at most 60 characters, each ending in a newline. */
    public String encodedDetails(String message, String version) {
        byte[] bytes = details(message, version).getBytes(StandardCharsets.UTF_8);
        String encoded = Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(bytes);
        return encoded.isEmpty() ? "" : encoded + "\n";
    }
}
