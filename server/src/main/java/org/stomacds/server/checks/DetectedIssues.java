package org.stomacds.server.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.Severity;

/**
 * Findings as {@code DetectedIssue} resources. Plain mapping, no storage.
 *
 * <p>An issue is identified by (implicated subject, rule id, the finding's resource and FHIRPath):
 * its identifier holds that key and its id is derived from it, so evaluating the same subject again
 * updates the issue instead of adding a second one.
 */
final class DetectedIssues {

  static final String RULE_SYSTEM = "https://stomacds.org/fhir/CodeSystem/rule";
  static final String IDENTIFIER_SYSTEM = "https://stomacds.org/fhir/detected-issue";
  static final String DEVICE_REF = "Device/stomacds";
  static final String FINDING_RESOURCE =
      "https://stomacds.org/fhir/StructureDefinition/finding-resource";
  static final String FINDING_EXPRESSION =
      "https://stomacds.org/fhir/StructureDefinition/finding-expression";
  static final String EVIDENCE_EXPRESSION =
      "https://stomacds.org/fhir/StructureDefinition/evidence-expression";

  private DetectedIssues() {}

  /**
   * The findings of one subject by their issue key, in order. Two findings with one key (the same
   * rule on the same element, said twice) get {@code #2}, {@code #3}: the engine's order is stable.
   */
  static Map<String, Finding> byKey(String subjectRef, List<Finding> findings) {
    Map<String, Finding> keyed = new LinkedHashMap<>();
    for (Finding finding : findings) {
      String base =
          subjectRef
              + "|"
              + finding.ruleId()
              + "|"
              + nullToEmpty(finding.resource())
              + "|"
              + nullToEmpty(finding.expression());
      String key = base;
      for (int n = 2; keyed.containsKey(key); n++) {
        key = base + "#" + n;
      }
      keyed.put(key, finding);
    }
    return keyed;
  }

  /** The resource id of the issue with this key: {@code sc-} and 40 hex digits of its SHA-256. */
  static String idOf(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sc-" + HexFormat.of().formatHex(hash).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether a DetectedIssue id is one {@link #idOf} makes. */
  static boolean isOurId(String id) {
    return id != null && id.matches("sc-[0-9a-f]{40}");
  }

  static boolean isOurs(DetectedIssue issue) {
    return issue.getIdentifier().stream().anyMatch(i -> IDENTIFIER_SYSTEM.equals(i.getSystem()));
  }

  /**
   * An open issue for a finding.
   *
   * @param key the issue key ({@link #byKey})
   * @param subjectRef the implicated Procedure or Claim
   * @param patientRef the subject's patient, or null
   * @param title the rule's title, or null
   * @param page the address of the rule's page ({@code /rules/{id}}), or null
   * @param identified when it was first found (kept while the issue stays open)
   */
  static DetectedIssue open(
      String key,
      String subjectRef,
      String patientRef,
      Finding finding,
      String title,
      String page,
      DateTimeType identified) {
    DetectedIssue issue = new DetectedIssue();
    issue.setId(idOf(key));
    issue.addIdentifier(new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(key));
    issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
    CodeableConcept code = new CodeableConcept();
    code.addCoding().setSystem(RULE_SYSTEM).setCode(finding.ruleId()).setDisplay(title);
    code.setText(title != null ? title : finding.ruleId());
    issue.setCode(code);
    issue.setSeverity(severity(finding.severity()));
    if (patientRef != null) {
      issue.setPatient(new Reference(patientRef));
    }
    issue.setIdentified(identified);
    issue.setAuthor(new Reference(DEVICE_REF).setDisplay("stomacds"));
    issue.addImplicated(new Reference(subjectRef));
    if (finding.resource() != null) {
      issue.addExtension(FINDING_RESOURCE, new Reference(finding.resource()));
    }
    if (finding.expression() != null) {
      issue.addExtension(FINDING_EXPRESSION, new StringType(finding.expression()));
    }
    for (Evidence evidence : finding.evidence()) {
      DetectedIssue.DetectedIssueEvidenceComponent component = issue.addEvidence();
      if (evidence.text() != null) {
        component.addCode().setText(evidence.text());
      }
      if (evidence.resource() != null) {
        component.addDetail(new Reference(evidence.resource()));
      }
      if (evidence.expression() != null) {
        component.addExtension(EVIDENCE_EXPRESSION, new StringType(evidence.expression()));
      }
    }
    issue.setDetail(detail(finding));
    if (page != null) {
      // The rule's page names the public documents it rests on, with their sections and dates.
      issue.setReference(page);
    }
    return issue;
  }

  /**
   * The issue, no longer found: cancelled, with a mitigation saying what resolved it.
   *
   * @param resolvedBy what changed, in words ("DocumentReference/n1 was written")
   */
  static DetectedIssue cancelled(DetectedIssue open, String resolvedBy, DateTimeType when) {
    DetectedIssue issue = open.copy();
    issue.setStatus(DetectedIssue.DetectedIssueStatus.CANCELLED);
    issue
        .addMitigation()
        .setAction(new CodeableConcept().setText("Resolved: " + resolvedBy))
        .setDateElement(when);
    // No mitigation.author: R4 allows only a Practitioner or PractitionerRole there, and no person
    // acted; the issue's own author (our Device) and the action's text say who and what.
    return issue;
  }

  static DetectedIssue.DetectedIssueSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DetectedIssue.DetectedIssueSeverity.HIGH;
      case WARNING -> DetectedIssue.DetectedIssueSeverity.MODERATE;
      case INFO -> DetectedIssue.DetectedIssueSeverity.LOW;
    };
  }

  /** The message, then what to do and the notes, each on a line of its own. */
  private static String detail(Finding finding) {
    List<String> lines = new ArrayList<>();
    lines.add(finding.message());
    for (Fix fix : finding.fixes()) {
      if (fix.recommended() && fix.label() != null && !fix.label().isBlank()) {
        lines.add("Suggested fix: " + fix.label());
        break;
      }
    }
    lines.addAll(finding.notes());
    return String.join("\n", lines);
  }

  /** Whether two issues say the same thing, ignoring what the store adds (meta, text). */
  static boolean sameContent(DetectedIssue stored, DetectedIssue wanted) {
    DetectedIssue a = stored.copy();
    DetectedIssue b = wanted.copy();
    for (DetectedIssue issue : List.of(a, b)) {
      issue.setMeta(null);
      issue.setText(null);
      issue.setIdElement(null);
    }
    return a.equalsDeep(b);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
