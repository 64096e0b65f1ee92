package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The one way a goal reports a failure that has a heading and detail lines: the whole text as the message and no
 * separate long message, because Maven prints the message and then the long message, and a heading in both would
 * show twice ({@code Failed on 3 of 12 hosts: Failed on 3 of 12 hosts:}).
 */
final class Failures {

    private Failures() {
    }

    /**
     * {@code heading}, then {@code details} (indented lines, may be empty) on the following lines. {@code cause}
     * (may be null) is kept as a suppressed exception, not as the cause: Maven appends every cause's message that
     * the text does not already contain, and a one-host failure's cause holds the same lines unindented.
     */
    static MojoFailureException of(String heading, String details, Throwable cause) {
        String text = details == null || details.isBlank() ? heading : heading + System.lineSeparator() + details;
        MojoFailureException e = new MojoFailureException(text);
        if (cause != null) {
            e.addSuppressed(cause);
        }
        return e;
    }
}
