package org.stomacds.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compose health check asks the readiness probe on loopback and trusts only a 200. */
class ReadinessCheckTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private int serve(int status, AtomicReference<String> askedPath) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          askedPath.set(exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  @Test
  void readyWhenTheReadinessProbeAnswers200() throws IOException {
    AtomicReference<String> asked = new AtomicReference<>();
    int port = serve(200, asked);

    assertThat(ReadinessCheck.isReady(port)).isTrue();
    assertThat(asked.get()).isEqualTo("/actuator/health/readiness");
  }

  @Test
  void notReadyWhileTheProbeAnswers503() throws IOException {
    int port = serve(503, new AtomicReference<>());

    assertThat(ReadinessCheck.isReady(port)).isFalse();
    assertThat(ReadinessCheck.ask(port)).isEqualTo("503");
  }

  @Test
  void notReadyWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertThat(ReadinessCheck.isReady(port)).isFalse();
    assertThat(ReadinessCheck.ask(port)).startsWith("unreachable");
  }

  @Test
  void asksThePortTheServerListensOn() {
    assertThat(ReadinessCheck.port(null)).isEqualTo(8080);
    assertThat(ReadinessCheck.port(" ")).isEqualTo(8080);
    assertThat(ReadinessCheck.port("9091")).isEqualTo(9091);
  }
}
