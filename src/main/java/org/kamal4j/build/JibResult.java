package org.kamal4j.build;

/**
 * What a Jib build pushed.
 *
 * @param digest the pushed image's (or manifest list's) digest
 * @param blobsPushed blobs (layers and container configurations) this build pushed (uploaded, or mounted from
 *     another repository of the same registry)
 * @param blobsReused blobs the registry already had, so nothing was uploaded
 */
public record JibResult(String digest, int blobsPushed, int blobsReused) {}
