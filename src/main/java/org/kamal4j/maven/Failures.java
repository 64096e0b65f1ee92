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

    /** {@code heading}, then {@code details} (indented lines, may be empty) on the following lines. */
    static MojoFailureException of(String heading, String details, Throwable cause) {
        String text = details == null || details.isBlank() ? heading : heading + System.lineSeparator() + details;
        return new MojoFailureException(text, cause);
    }
}
