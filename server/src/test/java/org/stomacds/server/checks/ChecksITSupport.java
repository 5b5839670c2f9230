package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stomacds.server.support.SharedApplication;

/** What the write-check integration tests share: the application, a client, waiting. */
@SharedApplication
abstract class ChecksITSupport {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String FHIR_JSON = "application/fhir+json";

  /** HAPI reuses a search's results for a minute by default; a work queue asks for fresh ones. */
  static final CacheControlDirective NO_CACHE = new CacheControlDirective().setNoCache(true);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired PendingEvaluations pending;
  @Autowired MeterRegistry meters;

  String base() {
    return "http://127.0.0.1:" + port;
  }

  IGenericClient fhir() {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    return FHIR.newRestfulGenericClient(base() + "/fhir");
  }

  /** Stores resources by id (PUT), one request each. */
  void put(List<? extends Resource> resources) {
    IGenericClient fhir = fhir();
    for (Resource resource : resources) {
      fhir.update().resource(resource).execute();
    }
  }

  void put(Resource resource) {
    put(List.of(resource));
  }

  /** Waits until every evaluation owed after writes is done (the pending table is empty). */
  void awaitChecksDone() {
    await(() -> pending.count() == 0, "pending evaluations to be processed");
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  double evaluations() {
    return meters.get("stomacds.checks.evaluations").counter().count();
  }

  /** Every DetectedIssue matching a search ({@code implicated=Claim/x&status=final}). */
  List<DetectedIssue> issues(String query) {
    Bundle bundle =
        fhir()
            .search()
            .byUrl("DetectedIssue?" + query + "&_count=200")
            .cacheControl(NO_CACHE)
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream().map(e -> (DetectedIssue) e.getResource()).toList();
  }

  int detectedIssueCount() {
    Bundle bundle =
        fhir().search().byUrl("DetectedIssue?_summary=count").returnBundle(Bundle.class).execute();
    return bundle.getTotal();
  }

  static String ruleOf(DetectedIssue issue) {
    return issue.getCode().getCodingFirstRep().getCode();
  }

  HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", FHIR_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request, headers);
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), headers);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(IBaseResource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  static OperationOutcome outcome(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("fhir+json");
    return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
  }

  /** The rule id of each issue of an outcome that reports a finding. */
  static List<String> rules(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .filter(i -> i.getCode() == OperationOutcome.IssueType.BUSINESSRULE)
        .map(i -> i.getDetails().getCodingFirstRep().getCode())
        .toList();
  }
}
