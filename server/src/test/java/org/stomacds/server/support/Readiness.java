package org.stomacds.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a started application to report ready, as a load balancer would: the terminology loads
 * after the context has started ({@code TerminologyLoader}), so a test that reads value sets or
 * codes asks the readiness probe first.
 */
public final class Readiness {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private Readiness() {}

  /** Returns once {@code /actuator/health/readiness} answers 200 UP; fails with its last answer. */
  public static void await(String baseUrl) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> answer =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
        last = answer.statusCode() + " " + answer.body();
        Thread.sleep(200);
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "not ready after " + TIMEOUT.toSeconds() + " s: " + last + " (" + baseUrl + ")");
  }
}
