/**
 * Rollout policies Kamal does not have, layered over the deploy's boot: reverting the hosts already switched when
 * a later boot group fails ({@link org.kamal4j.flows.rollout.FleetRevert}) and the per-host deploy report
 * ({@link org.kamal4j.flows.rollout.DeployReport}).
 */
package org.kamal4j.flows.rollout;
