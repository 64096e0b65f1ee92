package org.kamal4j.runner;

/** Boots (or otherwise handles) one role on one host. */
@FunctionalInterface
public interface RoleTask {

    /**
     * @param lane the connection lane to use: the role's name with parallel roles (one connection per role),
     *             {@link RolesOnHosts#SHARED_LANE} otherwise
     */
    void run(String host, String role, String lane) throws Exception;
}
