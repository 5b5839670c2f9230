package org.stomacds.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.core.env.Environment;

/**
 * The demo profile answers without login, so it may only listen on loopback. Every listener is
 * checked: the application ({@code server.address}), the actuator's own port when it has one
 * ({@code management.server.port} with {@code management.server.address}: Boot binds it to every
 * interface when no address is given, whatever {@code server.address} says) and a remote JMX port
 * ({@code com.sun.management.jmxremote.port}). Any of them off loopback, or unset where unset means
 * every interface, and the application refuses to start, naming the key. Logs a warning that cannot
 * be missed.
 */
final class DemoProfileGuard {

  private static final Logger log = LoggerFactory.getLogger(DemoProfileGuard.class);

  private static final String ADVICE =
      "; run without the demo profile and configure stomacds.security.token-issuers and"
          + " stomacds.cds.security.issuers to serve others";

  private DemoProfileGuard() {}

  static void check(ServerProperties server, Environment environment, boolean openWithoutLogin) {
    InetAddress address = server.getAddress();
    if (address == null || !address.isLoopbackAddress()) {
      throw new IllegalStateException(
          "the demo profile serves without login and binds to loopback only: server.address is "
              + (address == null ? "unset (all interfaces)" : address.getHostAddress())
              + "; set server.address=127.0.0.1"
              + ADVICE);
    }
    checkManagement(server, environment);
    checkJmx(environment);
    log.warn(
        "WARNING: demo profile on {}:{}: {}. For this machine only; never expose it.",
        address.getHostAddress(),
        server.getPort(),
        openWithoutLogin
            ? "/fhir, metrics and the sandbox pages answer WITHOUT login"
            : "authorization servers are configured, so /fhir still needs tokens");
  }

  /** The actuator on a port of its own is a second listener, with an address of its own. */
  private static void checkManagement(ServerProperties server, Environment environment) {
    String port = environment.getProperty("management.server.port");
    if (port == null
        || port.isBlank()
        || port.trim().equals("-1")
        || (!port.trim().equals("0")
            && Objects.equals(port.trim(), String.valueOf(server.getPort())))) {
      return; // served by the application's own listener, or not at all (0 is a port of its own)
    }
    String configured = environment.getProperty("management.server.address");
    requireLoopback(
        "management.server.address",
        configured,
        "the actuator listens on its own port " + port.trim());
  }

  /** A remote JMX connector opened by the JVM's own options. */
  private static void checkJmx(Environment environment) {
    String port = environment.getProperty("com.sun.management.jmxremote.port");
    if (port == null || port.isBlank()) {
      return;
    }
    requireLoopback(
        "com.sun.management.jmxremote.host",
        environment.getProperty("com.sun.management.jmxremote.host"),
        "remote JMX listens on port " + port.trim());
  }

  private static void requireLoopback(String key, String configured, String listener) {
    String problem;
    if (configured == null || configured.isBlank()) {
      problem = "unset (all interfaces)";
    } else {
      try {
        InetAddress address = InetAddress.getByName(configured.trim());
        if (address.isLoopbackAddress()) {
          return;
        }
        problem = address.getHostAddress();
      } catch (UnknownHostException e) {
        problem = "'" + configured + "', which does not resolve";
      }
    }
    throw new IllegalStateException(
        "the demo profile serves without login and binds to loopback only: "
            + listener
            + " and "
            + key
            + " is "
            + problem
            + "; set "
            + key
            + "=127.0.0.1"
            + ADVICE);
  }
}
