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
 * HAProxy (Debian's package) in front of the replicas, as an operations team would put it: round
 * robin, the replicas' readiness probe as health check (so a replica that is starting or draining
 * gets nothing), a failed connection retried on the other replica, and the serving replica named in
 * {@code X-Served-By}. Only a connection that failed is retried: a request a replica received and
 * died on is not sent twice (a POST is not idempotent).
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

  static LoadBalancer start(int port, List<Integer> replicaPorts, Path dir) {
    StringBuilder config =
        new StringBuilder(
            """
            global
              maxconn 2000
            defaults
              mode http
              timeout connect 2s
              timeout client 90s
              timeout server 90s
              retries 3
              option redispatch 1
              retry-on conn-failure
              default-server inter 500ms fall 2 rise 2
            frontend cds
              bind 127.0.0.1:%d
              default_backend replicas
            backend replicas
              balance roundrobin
              option httpchk GET /actuator/health/readiness
              http-check expect status 200
              http-response set-header X-Served-By %%[srv_name]
            """
                .formatted(port));
    for (int i = 0; i < replicaPorts.size(); i++) {
      config.append("  server %s 127.0.0.1:%d check%n".formatted(name(i), replicaPorts.get(i)));
    }
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
