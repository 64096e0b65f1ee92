package org.kamal4j.build;

/** A registry user and password for pulling the base image and pushing the app image; never printed. */
public record RegistryAuth(String username, String password) {

    @Override
    public String toString() {
        return "RegistryAuth[username=" + username + ", password=****]";
    }
}
