package org.stomacds.server.checks;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UriType;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Severity;

/**
 * Findings as {@code OperationOutcome} issues: code {@code business-rule}, the rule id in {@code
 * details} (system {@value DetectedIssues#RULE_SYSTEM}), the message in {@code diagnostics}, the
 * FHIRPath in {@code expression}, and the resource the finding is about in our extension {@value
 * DetectedIssues#FINDING_RESOURCE} (an expression alone does not say which Procedure), and the
 * address of the rule's page in {@value #RULE_PAGE}.
 */
final class Outcomes {

  static final String DETECTED_ISSUE =
      "https://stomacds.org/fhir/StructureDefinition/detected-issue";

  /** The rule's page ({@code /rules/{id}}): what it checks and the public documents it cites. */
  static final String RULE_PAGE = "https://stomacds.org/fhir/StructureDefinition/rule-page";

  /** How an error finding is reported. */
  enum Mode {
    /** {@code $check}: nothing was written, so an error finding is an {@code error}. */
    CHECK,
    /** A write that succeeded: its findings are at most {@code warning}. */
    WRITTEN
  }

  private Outcomes() {}

  /**
   * Adds one issue per finding.
   *
   * @param issueIds for a write: the DetectedIssue id of each finding, by finding; may be empty
   */
  static void addFindings(
      OperationOutcome outcome,
      List<Finding> findings,
      Mode mode,
      RuleTitles titles,
      Map<Finding, String> issueIds) {
    for (Finding finding : findings) {
      OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue();
      issue.setSeverity(severity(finding.severity(), mode));
      issue.setCode(IssueType.BUSINESSRULE);
      CodeableConcept details = new CodeableConcept();
      String title = titles.title(finding.ruleId()).orElse(null);
      details
          .addCoding()
          .setSystem(DetectedIssues.RULE_SYSTEM)
          .setCode(finding.ruleId())
          .setDisplay(title);
      details.setText(title != null ? title : finding.ruleId());
      issue.setDetails(details);
      issue.setDiagnostics(finding.message());
      if (finding.expression() != null) {
        issue.addExpression(finding.expression());
      }
      if (finding.resource() != null) {
        issue.addExtension(DetectedIssues.FINDING_RESOURCE, new Reference(finding.resource()));
      }
      titles
          .page(finding.ruleId())
          .ifPresent(page -> issue.addExtension(RULE_PAGE, new UriType(page)));
      String issueId = issueIds.get(finding);
      if (issueId != null) {
        issue.addExtension(DETECTED_ISSUE, new Reference("DetectedIssue/" + issueId));
      }
    }
  }

  static void addInformation(OperationOutcome outcome, String text) {
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(text);
  }

  static IssueSeverity severity(Severity severity, Mode mode) {
    return switch (severity) {
      case ERROR -> mode == Mode.CHECK ? IssueSeverity.ERROR : IssueSeverity.WARNING;
      case WARNING -> IssueSeverity.WARNING;
      case INFO -> IssueSeverity.INFORMATION;
    };
  }
}
