package org.stomacds.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a started application to report ready, as a load balancer would: the terminology loads
 * after the context has started ({@code TerminologyLoader}), so a test that reads value sets or
 * codes asks the readiness probe first. The one readiness poll of the tests: the shared
 * application, a child process of the crash tests and the container of the image test all wait
 * here.
 */
public final class Readiness {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final long PAUSE_MILLIS = 200;

  private Readiness() {}

  /** Returns once {@code /actuator/health/readiness} answers 200 UP; fails with its last answer. */
  public static void await(String baseUrl) {
    await(baseUrl, TIMEOUT, () -> true, () -> "");
  }

  /**
   * Returns once {@code baseUrl}'s readiness probe answers 200 UP. Fails at once when {@code alive}
   * turns false (the process exited while starting), or after {@code timeout}; either failure names
   * the probe's last answer and {@code context} (a process's last output lines).
   */
  public static void await(
      String baseUrl, Duration timeout, BooleanSupplier alive, Supplier<String> context) {
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException(
            "exited while starting; last readiness answer: " + last + context.get());
      }
      try {
        HttpResponse<String> answer = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
        last = answer.statusCode() + " " + answer.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    throw new IllegalStateException(
        "not ready after "
            + timeout.toSeconds()
            + " s: "
            + last
            + " ("
            + baseUrl
            + ")"
            + context.get());
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
