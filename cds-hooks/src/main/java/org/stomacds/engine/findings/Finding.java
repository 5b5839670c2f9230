package org.stomacds.engine.findings;

import java.util.List;

/**
 * One thing the rule pack found: the single contract behind CDS cards, DetectedIssues and {@code
 * $check} OperationOutcomes.
 *
 * @param ruleId the stable id of the rule in the pack (e.g. {@code doc-balloon-diameter})
 * @param packVersion the version of the rule pack that produced it
 * @param severity how much payment is at risk
 * @param message one or two plain-English sentences saying what is wrong and what to do
 * @param resource the resource it concerns, as a relative reference ({@code Claim/abc}); may be
 *     null when the finding is about the case as a whole
 * @param expression FHIRPath to the element it concerns (e.g. {@code Claim.item[0].modifier}); may
 *     be null
 * @param evidence what was seen, in order
 * @param fixes suggested fixes, recommended first
 * @param source the policy it comes from
 * @param notes extra lines a reader needs (e.g. "no payer-specific policy on file", "date of
 *     service is past the newest CMS data loaded (2024-09-30): the newest edits were applied")
 */
public record Finding(
    String ruleId,
    String packVersion,
    Severity severity,
    String message,
    String resource,
    String expression,
    List<Evidence> evidence,
    List<Fix> fixes,
    SourceCitation source,
    List<String> notes) {

  public Finding {
    evidence = List.copyOf(evidence);
    fixes = List.copyOf(fixes);
    notes = List.copyOf(notes);
  }

  /**
   * Whether this is an order's documentation checklist rather than a problem: a finding about a
   * ServiceRequest whose fixes (one at least) all ask for a documentation element there, that is,
   * in the note of the procedure the order is for (see {@link FixKind#DOCUMENT_ELEMENT}). Renderers
   * gather such findings into one list and record it on the order; they are told apart by this, not
   * by their rule id.
   */
  public boolean isOrderChecklist() {
    if (fixes.isEmpty() || !isServiceRequest(resource)) {
      return false;
    }
    for (Fix fix : fixes) {
      String target = fix.resource() != null ? fix.resource() : resource;
      if (fix.kind() != FixKind.DOCUMENT_ELEMENT || !isServiceRequest(target)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isServiceRequest(String reference) {
    return reference != null && reference.startsWith("ServiceRequest/");
  }
}
