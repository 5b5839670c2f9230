package org.stomacds.server.checks;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Prefer: return=OperationOutcome} on a create, update or patch of a Procedure or Claim:
 * after the write committed, evaluates its batch right here (hook {@code SERVER_OUTGOING_RESPONSE},
 * on the RestfulServer) and adds the findings to the OperationOutcome HAPI answers with. The write
 * has succeeded, so an error finding is reported as a {@code warning}. The DetectedIssues are
 * written as for any other write. When the write changed nothing (HAPI skips a no-op update) the
 * stored resource is evaluated without writing.
 */
@Interceptor
final class PreferOutcomeInterceptor {

  private static final Logger log = LoggerFactory.getLogger(PreferOutcomeInterceptor.class);

  private final WriteCheckProcessor processor;
  private final WriteOutcomes outcomes;
  private final CheckService checks;
  private final RuleTitles titles;

  PreferOutcomeInterceptor(WriteCheckProcessor processor, CheckService checks, RuleTitles titles) {
    this.processor = processor;
    this.outcomes = processor.outcomes();
    this.checks = checks;
    this.titles = titles;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean outgoing(RequestDetails request, ResponseDetails response) {
    if (!WriteRecorder.wantsOutcome(request) || response.getResponseCode() >= 300) {
      return true;
    }
    OperationOutcome outcome =
        response.getResponseResource() instanceof OperationOutcome oo ? oo : new OperationOutcome();
    response.setResponseResource(outcome);
    Optional<WriteOutcomes.Answered> answered = outcomes.take(request);
    String batchId = answered.map(WriteOutcomes.Answered::batchId).orElse(null);
    String written = answered.map(WriteOutcomes.Answered::written).orElse(null);
    try {
      if (batchId != null) {
        Map<String, WriteCheckProcessor.SubjectResult> results = processor.process(batchId);
        WriteCheckProcessor.SubjectResult result = written == null ? null : results.get(written);
        if (result != null && result.evaluated()) {
          addFindings(outcome, written, result.findings(), result.issueIds());
        } else if (written != null) {
          // Not a subject, or another evaluation holds it: say what the stored content gives.
          CheckService.Checked checked = checks.checkStored(written);
          addChecked(outcome, written, checked);
        }
      } else {
        String unchanged = storedRef(request);
        if (unchanged != null) {
          addChecked(outcome, unchanged, checks.checkStored(unchanged));
        }
      }
    } catch (RuntimeException e) {
      log.error(
          "write check in the response failed for {}: {}", written, e.getClass().getSimpleName());
      Outcomes.addInformation(
          outcome,
          "stomacds could not evaluate this write now; it will in the background and record"
              + " DetectedIssues.");
    }
    return true;
  }

  /**
   * Whatever became of the request (a failed write never reaches {@link #outgoing}), what {@link
   * WriteRecorder} handed over for it goes.
   */
  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  public void completed(RequestDetails request) {
    outcomes.completed(request);
  }

  private void addFindings(
      OperationOutcome outcome,
      String subjectRef,
      List<org.stomacds.engine.findings.Finding> findings,
      Map<org.stomacds.engine.findings.Finding, String> issueIds) {
    if (findings.isEmpty()) {
      Outcomes.addInformation(outcome, "stomacds found nothing to fix in " + subjectRef + ".");
    } else {
      Outcomes.addFindings(outcome, findings, Outcomes.Mode.WRITTEN, titles, issueIds);
    }
  }

  private void addChecked(OperationOutcome outcome, String ref, CheckService.Checked checked) {
    if (!checked.subject()) {
      Outcomes.addInformation(outcome, CheckService.notASubject(ref));
    } else {
      addFindings(outcome, ref, checked.findings(), Map.of());
    }
  }

  /** The Procedure or Claim an update named, when the update stored nothing new. */
  private static String storedRef(RequestDetails request) {
    IIdType id = request.getId();
    if (request.getRestOperationType() == RestOperationTypeEnum.CREATE
        || id == null
        || !id.hasIdPart()) {
      return null;
    }
    return request.getResourceName() + "/" + id.getIdPart();
  }
}
