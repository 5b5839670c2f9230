package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.junit.jupiter.api.Test;

class WriteOutcomesTest {

  private final WriteOutcomes outcomes = new WriteOutcomes();
  private final RequestDetails request = new SystemRequestDetails();

  @Test
  void theResponseTakesTheBatchAndTheSubjectTheWriteRecorded() {
    outcomes.batchOpened(request, "batch-1");
    outcomes.subjectWritten(request, "Claim/c1");

    assertThat(outcomes.take(request)).contains(new WriteOutcomes.Answered("batch-1", "Claim/c1"));
    assertThat(outcomes.take(request)).isEmpty();
  }

  @Test
  void aLaterSubjectReplacesAnEarlierOneAndKeepsTheBatch() {
    outcomes.batchOpened(request, "batch-1");
    outcomes.subjectWritten(request, "Procedure/p1");
    outcomes.subjectWritten(request, "Procedure/p2");

    assertThat(outcomes.take(request))
        .contains(new WriteOutcomes.Answered("batch-1", "Procedure/p2"));
  }

  @Test
  void aRequestThatCompletesWithoutAnAnswerLeavesNothing() {
    outcomes.batchOpened(request, "batch-1");
    outcomes.completed(request);

    assertThat(outcomes.size()).isZero();
    assertThat(outcomes.take(request)).isEmpty();
  }
}
