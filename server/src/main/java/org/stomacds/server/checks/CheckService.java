package org.stomacds.server.checks;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.engine.findings.Finding;

/**
 * Read-only evaluations: {@code $check} of a stored or a given Procedure or Claim. Writes nothing.
 */
final class CheckService {

  private static final Logger log = LoggerFactory.getLogger(CheckService.class);

  /**
   * The answer of one check.
   *
   * @param subjects the 44405 Procedures or Claims evaluated; empty when none was given
   * @param findings what the rules found about them
   */
  record Checked(Set<String> subjects, List<Finding> findings) {
    boolean subject() {
      return !subjects.isEmpty();
    }
  }

  private final CaseChecks checks;
  private final LocalFhirStore store;

  CheckService(CaseChecks checks, LocalFhirStore store) {
    this.checks = checks;
    this.store = store;
  }

  /** Evaluates a stored Procedure or Claim; 404 when there is none. */
  Checked checkStored(String ref) {
    Resource stored =
        store
            .read(ref)
            .orElseThrow(() -> new ResourceNotFoundException("There is no " + ref + " to check"));
    return check(List.of(stored), Set.of(stored));
  }

  /**
   * Evaluates resources that need not be stored.
   *
   * @param given the resources given (the focus and any related resources), each with an id
   * @param focus those of them asked about
   */
  Checked check(List<Resource> given, Set<Resource> focus) {
    Set<String> subjects = checks.subjectRefs(List.copyOf(focus));
    if (subjects.isEmpty()) {
      return new Checked(subjects, List.of());
    }
    try {
      List<Finding> findings = checks.evaluate(given, subjects).findings();
      log.info("$check {}: rules={}", subjects, findings.stream().map(Finding::ruleId).toList());
      return new Checked(subjects, findings);
    } catch (CaseChecks.CaseUnavailableException e) {
      throw new UnclassifiedServerFailureException(
          503,
          "stomacds could not read the whole case from its store, try again: " + e.getMessage());
    }
  }

  static String notASubject(String what) {
    return what
        + " is not a Procedure or a Claim of a code a loaded rule pack checks (or of its"
        + " anesthesia): stomacds has nothing to check in it.";
  }
}
