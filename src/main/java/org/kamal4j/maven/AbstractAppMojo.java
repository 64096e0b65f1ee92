package org.kamal4j.maven;

/** The {@code kamal:app-*} goals: hooks and the audit log see the command {@code app}. */
public abstract class AbstractAppMojo extends AbstractFlowMojo {

}
