package org.stomacds.server.deploy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health check of {@code deploy/compose.yaml}. The image has no shell and no curl, so
 * this asks the server in the same container for its readiness probe and exits 0 when it answers
 * 200, 1 otherwise. It uses {@code java.base} only and runs in a JVM of its own, next to the
 * server:
 *
 * <pre>java -Xmx32m -cp @/app/jib-classpath-file org.stomacds.server.deploy.ReadinessCheck</pre>
 *
 * <p>The port is {@code STOMACDS_PORT} (default 8080), on loopback: the server listens on every
 * address in a container. Load balancers and Kubernetes call the probe over HTTP themselves.
 */
public final class ReadinessCheck {

  /** The readiness group of Spring Boot's health probes (application.yaml). */
  public static final String PATH = "/actuator/health/readiness";

  private static final int DEFAULT_PORT = 8080;
  private static final int TIMEOUT_MILLIS = 3000;

  private ReadinessCheck() {}

  /** Exit status 0 when the server on this machine is ready, 1 when not or unreachable. */
  public static void main(String[] args) {
    int port = port(System.getenv("STOMACDS_PORT"));
    String answer = ask(port);
    System.out.println("readiness on port " + port + ": " + answer);
    System.exit("200".equals(answer) ? 0 : 1);
  }

  static int port(String variable) {
    if (variable == null || variable.isBlank()) {
      return DEFAULT_PORT;
    }
    return Integer.parseInt(variable.trim());
  }

  static boolean isReady(int port) {
    return "200".equals(ask(port));
  }

  /** The status code the probe answered, or why there was none (never a body: it is not read). */
  static String ask(int port) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + PATH).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setInstanceFollowRedirects(false);
      try {
        return Integer.toString(connection.getResponseCode());
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return "unreachable (" + e.getClass().getSimpleName() + ")";
    }
  }
}
