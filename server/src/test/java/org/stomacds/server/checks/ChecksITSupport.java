package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.stomacds.server.support.SharedApplication;

/** What the write-check integration tests share, on the one shared application. */
abstract class ChecksITSupport extends SharedApplication {

  static final String FHIR_JSON = "application/fhir+json";

  /** HAPI reuses a search's results for a minute by default; a work queue asks for fresh ones. */
  static final CacheControlDirective NO_CACHE = new CacheControlDirective().setNoCache(true);

  @Autowired PendingEvaluations pending;
  @Autowired MeterRegistry meters;

  static IGenericClient fhir() {
    return fhirClient();
  }

  /** Stores resources by id (PUT), one request each. */
  static void put(List<? extends Resource> resources) {
    IGenericClient fhir = fhir();
    for (Resource resource : resources) {
      fhir.update().resource(resource).execute();
    }
  }

  static void put(Resource resource) {
    put(List.of(resource));
  }

  /** POSTs a FHIR JSON body. */
  static Answer postFhir(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", FHIR_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
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
  static List<DetectedIssue> issues(String query) {
    Bundle bundle =
        fhir()
            .search()
            .byUrl("DetectedIssue?" + query + "&_count=200")
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream().map(e -> (DetectedIssue) e.getResource()).toList();
  }

  static int detectedIssueCount() {
    Bundle bundle =
        fhir()
            .search()
            .byUrl("DetectedIssue?_summary=count")
            .cacheControl(NO_CACHE)
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getTotal();
  }

  static String ruleOf(DetectedIssue issue) {
    return issue.getCode().getCodingFirstRep().getCode();
  }

  static String json(IBaseResource resource) {
    return fhirContext().newJsonParser().encodeResourceToString(resource);
  }

  static OperationOutcome outcome(Answer answer) {
    assertThat(answer.header("Content-Type").orElse("")).contains("fhir+json");
    return fhirContext().newJsonParser().parseResource(OperationOutcome.class, answer.body());
  }

  /** The rule id of each issue of an outcome that reports a finding. */
  static List<String> rules(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .filter(i -> i.getCode() == OperationOutcome.IssueType.BUSINESSRULE)
        .map(i -> i.getDetails().getCodingFirstRep().getCode())
        .toList();
  }
}
