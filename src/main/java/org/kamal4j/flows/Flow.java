package org.kamal4j.flows;

import org.kamal4j.KamalException;
import org.kamal4j.flows.context.FlowContext;

/** What one goal does once its context is wired: usually one call on a {@code *Flow} class. */
@FunctionalInterface
public interface Flow {

    void run(FlowContext ctx) throws KamalException, InterruptedException;
}
