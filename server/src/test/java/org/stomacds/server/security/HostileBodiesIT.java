package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * The hostile bodies of issue 13 (rows 2, 3, 9, 13) and the variants around them ({@link
 * HostileBodies}), authenticated so they reach the parsers, against the application running under
 * the failsafe JVM's modest heap ({@code -Xmx1g}, server/pom.xml), so an allocation blow-up shows
 * as a 500 or a dead server. None may get a 5xx, none that should be refused may succeed, and every
 * refusal must say what in the endpoint's own format.
 */
class HostileBodiesIT extends SecuredApplication {

  @Test
  void noHostileBodyGetsA5xxOrSucceeds() {
    List<HostileBodies.Case> corpus = HostileBodies.all();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> fiveHundreds = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> unexplained = new ArrayList<>();
    for (HostileBodies.Case c : corpus) {
      long started = System.nanoTime();
      HttpResponse<String> response = call(c);
      long millis = (System.nanoTime() - started) / 1_000_000;
      int status = response.statusCode();
      byStatus.merge(status, 1, Integer::sum);
      String line = c.name() + " -> " + status + " in " + millis + " ms: " + cut(response.body());
      if (status >= 500) {
        fiveHundreds.add(line);
      } else if (!c.expected().contains(status)) {
        unexpected.add(line + " (expected " + c.expected() + ")");
      } else if (status >= 400 && !explains(c, response)) {
        unexplained.add(line);
      }
    }
    System.out.println(
        "hostile bodies: "
            + corpus.size()
            + " requests, by status "
            + byStatus
            + ", "
            + fiveHundreds.size()
            + " answers of 500, "
            + unexpected.size()
            + " unexpected answers");
    assertThat(fiveHundreds).as("answered 5xx").isEmpty();
    assertThat(unexpected)
        .as("answered other than expected (a success where a refusal was due)")
        .isEmpty();
    assertThat(unexplained).as("refused without saying why").isEmpty();
  }

  @Test
  void theServerStillAnswersAfterwards() {
    HttpResponse<String> response =
        call(
            new HostileBodies.Case(
                "after", "GET", "/fhir/Patient?_count=1", Map.of(), null, HostileBodies.CREATED));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  /** A refusal in the endpoint's format, naming the problem. */
  private static boolean explains(HostileBodies.Case c, HttpResponse<String> response) {
    String body = response.body();
    if (c.path().startsWith("/fhir")) {
      return body.contains("OperationOutcome");
    }
    return body.contains("\"error\"") && body.contains("\"message\"");
  }

  private static String cut(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 240 ? flat.substring(0, 240) + "..." : flat;
  }

  private static HttpResponse<String> call(HostileBodies.Case c) {
    String token =
        c.path().startsWith("/cds-services")
            ? TestTokens.cdsHooks(audience(c.path().replaceAll("\\?.*", "")))
            : TestTokens.accessToken(TestTokens.FULL_ACCESS);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(c.path())))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token);
    c.headers().forEach(request::header);
    HttpRequest.BodyPublisher body =
        c.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(c.body());
    return exchange(request.method(c.method(), body).build());
  }
}
