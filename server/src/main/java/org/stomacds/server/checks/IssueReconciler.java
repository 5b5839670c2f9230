package org.stomacds.server.checks;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.casedata.References;
import org.stomacds.engine.findings.Finding;

/**
 * Brings a subject's DetectedIssues in line with its latest findings, in one database transaction:
 * a new finding opens an issue ({@code final}), a finding still there keeps its issue untouched (no
 * new version), an issue whose finding is gone is {@code cancelled} with a mitigation saying what
 * resolved it, and a cancelled issue found again is opened again.
 */
final class IssueReconciler {

  /** What a reconciliation did. */
  record Result(Map<String, String> issueIdByKey, int opened, int cancelled) {}

  private final DaoRegistry daoRegistry;
  private final IHapiTransactionService transactions;
  private final LocalFhirStore store;
  private final RuleTitles titles;
  private final Clock clock;

  IssueReconciler(
      DaoRegistry daoRegistry,
      IHapiTransactionService transactions,
      LocalFhirStore store,
      RuleTitles titles,
      Clock clock) {
    this.daoRegistry = daoRegistry;
    this.transactions = transactions;
    this.store = store;
    this.titles = titles;
    this.clock = clock;
  }

  /**
   * @param subjectRef the evaluated Procedure or Claim
   * @param subject its current content; empty when it was deleted
   * @param findings what the evaluation found about it
   * @param resolvedBy what changed, for the mitigation of issues no longer found
   */
  Result reconcile(
      String subjectRef, Optional<Resource> subject, List<Finding> findings, String resolvedBy) {
    Map<String, DetectedIssue> existing = existing(subjectRef);
    Map<String, Finding> wanted = DetectedIssues.byKey(subjectRef, findings);
    String patientRef = subject.flatMap(IssueReconciler::patientOf).orElse(null);
    DateTimeType now = new DateTimeType(Date.from(clock.instant()), TemporalPrecisionEnum.SECOND);

    List<DetectedIssue> writes = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    int opened = 0;
    for (Map.Entry<String, Finding> e : wanted.entrySet()) {
      String key = e.getKey();
      Finding finding = e.getValue();
      DetectedIssue stored = existing.remove(key);
      boolean stillOpen =
          stored != null && stored.getStatus() == DetectedIssue.DetectedIssueStatus.FINAL;
      DetectedIssue issue =
          DetectedIssues.open(
              key,
              subjectRef,
              patientRef,
              finding,
              titles.title(finding.ruleId()).orElse(null),
              titles.page(finding.ruleId()).orElse(null),
              stillOpen ? stored.getIdentifiedDateTimeType() : now);
      ids.put(key, issue.getIdElement().getIdPart());
      if (!stillOpen) {
        opened++;
      }
      if (stored == null || !DetectedIssues.sameContent(stored, issue)) {
        writes.add(issue);
      }
    }
    int cancelled = 0;
    for (DetectedIssue stale : existing.values()) {
      if (stale.getStatus() == DetectedIssue.DetectedIssueStatus.FINAL) {
        writes.add(DetectedIssues.cancelled(stale, resolvedBy, now));
        cancelled++;
      }
    }
    if (!writes.isEmpty()) {
      IFhirResourceDao<DetectedIssue> dao = daoRegistry.getResourceDao(DetectedIssue.class);
      transactions
          .withSystemRequest()
          .execute(
              () -> {
                for (DetectedIssue issue : writes) {
                  dao.update(issue, OwnWrites.request());
                }
              });
    }
    return new Result(ids, opened, cancelled);
  }

  /** Our issues implicating the subject, by key. */
  private Map<String, DetectedIssue> existing(String subjectRef) {
    Map<String, DetectedIssue> byKey = new HashMap<>();
    for (Resource resource : store.search("DetectedIssue?implicated=" + subjectRef)) {
      if (resource instanceof DetectedIssue issue && DetectedIssues.isOurs(issue)) {
        for (Identifier identifier : issue.getIdentifier()) {
          if (DetectedIssues.IDENTIFIER_SYSTEM.equals(identifier.getSystem())
              && identifier.getValue() != null
              && identifier.getValue().startsWith(subjectRef + "|")) {
            byKey.put(identifier.getValue(), issue);
          }
        }
      }
    }
    return byKey;
  }

  private static Optional<String> patientOf(Resource subject) {
    Reference patient = null;
    if (subject instanceof Claim claim) {
      patient = claim.getPatient();
    } else if (subject instanceof Procedure procedure) {
      patient = procedure.getSubject();
    }
    return References.relative(patient).filter(ref -> ref.startsWith("Patient/"));
  }
}
