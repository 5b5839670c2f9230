package org.stomacds.server.security;

/**
 * Whether the API asks for no token: only the {@code demo} profile with no authorization server
 * configured (which refuses to start off loopback). Everything else is secured.
 *
 * @param open true: no login anywhere
 */
public record ApiOpenness(boolean open) {}
