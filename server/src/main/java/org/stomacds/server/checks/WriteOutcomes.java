package org.stomacds.server.checks;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.stomacds.server.fhir.PerRequest;

/**
 * The hand-off from {@link WriteRecorder} to {@link PreferOutcomeInterceptor} for a request asking
 * {@code Prefer: return=OperationOutcome}: the batch of its database transaction, whose evaluation
 * the response waits for instead of the background, and the Procedure or Claim it wrote. Held until
 * the response takes it, or the request completes (a failed write never reaches the response).
 */
final class WriteOutcomes {

  /**
   * What a request's answer is about.
   *
   * @param batchId the batch to evaluate before answering; null when the write stored nothing
   * @param written the Procedure or Claim written ({@code Type/id}), or null
   */
  record Answered(String batchId, String written) {}

  private final PerRequest<Answered> answered = new PerRequest<>();

  /** The request's transaction opened a batch the response will evaluate. */
  void batchOpened(RequestDetails request, String batchId) {
    answered.update(request, old -> new Answered(batchId, old == null ? null : old.written()));
  }

  /** The request wrote the Procedure or Claim its answer is about. */
  void subjectWritten(RequestDetails request, String ref) {
    answered.update(request, old -> new Answered(old == null ? null : old.batchId(), ref));
  }

  /** What the answer is about, removed; empty when the request wrote nothing. */
  Optional<Answered> take(RequestDetails request) {
    return answered.take(request);
  }

  /** The request completed, answered or not. */
  void completed(RequestDetails request) {
    answered.completed(request);
  }

  /** How many requests wait for their answer now. */
  int size() {
    return answered.size();
  }
}
