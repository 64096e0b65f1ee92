package org.kamal4j.flows.local;

import java.util.Collection;
import java.util.Set;
import org.kamal4j.commands.Redactor;

/** Replaces every secret value in every line before passing it on, so no output shows a secret. */
public final class RedactingOutput implements Output {

    private final Output target;
    private final Set<String> secrets;

    public RedactingOutput(Output target, Collection<String> secrets) {
        this.target = target;
        this.secrets = Set.copyOf(secrets.stream().filter(s -> s != null && !s.isEmpty()).toList());
    }

    @Override
    public void line(Level level, String message) {
        target.line(level, redact(message));
    }

    /** {@code text} with every secret value replaced. */
    public String redact(String text) {
        return Redactor.redact(text, secrets);
    }
}
