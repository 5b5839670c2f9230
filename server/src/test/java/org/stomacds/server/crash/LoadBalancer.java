package org.stomacds.server.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * HAProxy (Debian's package) in front of the replicas, running the configuration we ship ({@code
 * deploy/haproxy/haproxy.cfg}) with this machine's addresses: round robin, the replicas' readiness
 * probe as health check (so a replica that is starting or draining gets nothing), a request that
 * could not be sent retried on the other replica, and, added for the test, the serving replica
 * named in {@code X-Served-By}.
 */
final class LoadBalancer implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/haproxy");

  private final Process process;
  private final int port;
  private final Path log;

  private LoadBalancer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Skips the test where HAProxy is not installed, but fails it where the test environment must
   * have it ({@code STOMACDS_E2E_REQUIRED=1}, set by {@code .ci/run}, which installs it).
   */
  static void assumeInstalled() {
    boolean installed = Files.isExecutable(BINARY);
    if (!installed && "1".equals(System.getenv("STOMACDS_E2E_REQUIRED"))) {
      throw new IllegalStateException(BINARY + " is missing: .ci/run installs Debian's haproxy");
    }
    Assumptions.assumeTrue(installed, "the replica test needs HAProxy (apt-get install haproxy)");
  }

  /** The configuration operators deploy (docs/DEPLOY.md), which this test runs. */
  static final Path SHIPPED = Path.of("..", "deploy", "haproxy", "haproxy.cfg");

  static LoadBalancer start(int port, List<Integer> replicaPorts, Path dir) {
    String config = onLoopback(readShipped(), port, replicaPorts);
    try {
      Path file = dir.resolve("haproxy.cfg");
      Files.writeString(file, config);
      Path log = dir.resolve("haproxy.log");
      Process process =
          new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      LoadBalancer balancer = new LoadBalancer(process, port, log);
      balancer.awaitListening();
      return balancer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shipped configuration with this machine's addresses: the frontend on a loopback port, the
   * replicas by port instead of by compose service name (no Docker DNS resolver), and the serving
   * replica named in {@code X-Served-By}. Everything else (health checks, retries, timeouts) is as
   * shipped.
   */
  static String onLoopback(String shipped, int port, List<Integer> replicaPorts) {
    StringBuilder out = new StringBuilder();
    boolean inResolvers = false;
    boolean serversWritten = false;
    for (String line : shipped.split("\n", -1)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("resolvers ")) {
        inResolvers = true;
        continue;
      }
      if (inResolvers) {
        if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
          inResolvers = false;
        } else {
          continue;
        }
      }
      if (trimmed.startsWith("bind ")) {
        out.append("    bind 127.0.0.1:").append(port).append('\n');
      } else if (trimmed.startsWith("default-server ")) {
        out.append(
                line.replaceAll("\\s+init-addr\\s+\\S+", "")
                    .replaceAll("\\s+resolvers\\s+\\S+", ""))
            .append('\n');
      } else if (trimmed.startsWith("server ")) {
        // The shipped server lines (after default-server, which only applies to later lines).
        if (!serversWritten) {
          for (int i = 0; i < replicaPorts.size(); i++) {
            out.append("    server %s 127.0.0.1:%d%n".formatted(name(i), replicaPorts.get(i)));
          }
          serversWritten = true;
        }
      } else if (trimmed.startsWith("backend ")) {
        out.append(line).append('\n');
        out.append("    http-response set-header X-Served-By %[srv_name]\n");
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String readShipped() {
    try {
      return Files.readString(SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name a replica has in the balancer's configuration and in {@code X-Served-By}. */
  static String name(int replica) {
    return "replica" + (char) ('A' + replica);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitListening() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("haproxy exited: " + tail());
      }
      try {
        // No replica is up yet: HAProxy itself answers 503.
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("haproxy did not listen in 20 s: " + tail());
  }

  String tail() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
