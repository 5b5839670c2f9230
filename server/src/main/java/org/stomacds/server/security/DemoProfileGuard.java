package org.stomacds.server.security;

import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;

/**
 * The demo profile answers without login, so it may only listen on loopback: started with {@code
 * server.address} unset or set to anything else, the application refuses to start. Logs a warning
 * that cannot be missed.
 */
final class DemoProfileGuard {

  private static final Logger log = LoggerFactory.getLogger(DemoProfileGuard.class);

  private DemoProfileGuard() {}

  static void check(ServerProperties server, boolean openWithoutLogin) {
    InetAddress address = server.getAddress();
    if (address == null || !address.isLoopbackAddress()) {
      throw new IllegalStateException(
          "the demo profile serves without login and binds to loopback only: server.address is "
              + (address == null ? "unset (all interfaces)" : address.getHostAddress())
              + "; set server.address=127.0.0.1, or run without the demo profile and configure"
              + " stomacds.security.token-issuers and stomacds.cds.security.issuers");
    }
    log.warn(
        "WARNING: demo profile on {}:{}: {}. For this machine only; never expose it.",
        address.getHostAddress(),
        server.getPort(),
        openWithoutLogin
            ? "/fhir, metrics and the sandbox pages answer WITHOUT login"
            : "authorization servers are configured, so /fhir still needs tokens");
  }
}
