package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.server.support.RunningServer;

/**
 * What survives a stop: evaluations recorded but not done are done at the next start, and
 * DetectedIssues stored while the status search parameter was missing are found by status once it
 * is back (HAPI reindexes them). Two boots on one database.
 */
@Tag(RunningServer.OWN_SERVERS)
abstract class WriteChecksRecoveryScenario {

  @TempDir Path dataDir;

  abstract Map<String, String> database(Path dataDir);

  private Map<String, String> settings(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(database(dataDir));
    settings.putIfAbsent("stomacds.fhir.data-dir", dataDir.toString());
    settings.putAll(extra);
    return settings;
  }

  @Test
  void evaluationsLeftPendingAreDoneAtTheNextStartAndOldIssuesAreFoundByStatus() {
    Cases c = new Cases();
    c.line("44388");
    String clientIssue;
    try (RunningServer server =
        RunningServer.start(settings(Map.of("stomacds.checks.write-checks", "false")))) {
      IGenericClient fhir = server.fhirClient();
      for (Resource resource : c.record()) {
        fhir.update().resource(resource).execute();
      }
      fhir.update().resource(c.claim).execute();
      // The write was recorded but the process stopped before evaluating it: the row is all
      // that is left.
      server
          .bean(PendingEvaluations.class)
          .add(
              UUID.randomUUID().toString(),
              c.claimRef(),
              Set.of("Patient/" + c.patient.getIdPart()),
              Instant.now());
      assertThat(issues(fhir, "implicated=" + c.claimRef())).isEmpty();

      // A DetectedIssue stored while our status search parameter is missing is not indexed by it.
      fhir.delete().resourceById("SearchParameter", "DetectedIssue-status").execute();
      server.bean(ISearchParamRegistry.class).forceRefresh();
      DetectedIssue fromClient = new DetectedIssue();
      fromClient.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
      fromClient.addImplicated(new Reference(c.claimRef()));
      fromClient.getCode().setText("noted by a claim scrubber");
      clientIssue = fhir.create().resource(fromClient).execute().getId().getIdPart();
      assertThatThrownBy(() -> issues(fhir, "status=final"))
          .isInstanceOfSatisfying(
              BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    try (RunningServer server = RunningServer.start(settings(Map.of()))) {
      IGenericClient fhir = server.fhirClient();
      PendingEvaluations pending = server.bean(PendingEvaluations.class);
      await(() -> pending.count() == 0, Duration.ofSeconds(30), "the left-over evaluation");
      List<DetectedIssue> ours = issues(fhir, "implicated=" + c.claimRef());
      assertThat(ours)
          .filteredOn(DetectedIssues::isOurs)
          .extracting(i -> i.getCode().getCodingFirstRep().getCode())
          .containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");

      await(
          () ->
              issues(fhir, "status=final&implicated=" + c.claimRef()).stream()
                  .anyMatch(i -> i.getIdPart().equals(clientIssue)),
          Duration.ofSeconds(30),
          "the DetectedIssue stored before the search parameter to be reindexed");
    }
  }

  private static List<DetectedIssue> issues(IGenericClient fhir, String query) {
    Bundle bundle =
        fhir.search()
            .byUrl("DetectedIssue?" + query)
            .cacheControl(new CacheControlDirective().setNoCache(true))
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream().map(e -> (DetectedIssue) e.getResource()).toList();
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
