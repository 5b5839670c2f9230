package org.stomacds.engine.rules.bundling;

import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ClaimType;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.PtpData;
import org.stomacds.engine.rules.cms.PtpEdit;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code ncci-ptp}: every pair of lines of the claim with the same date of service and provider is
 * looked up in the NCCI PTP edits that apply on that date (practitioner table for a professional
 * claim, outpatient hospital for an institutional one). Indicator 0: the column-2 line is not
 * payable; remove it. Indicator 1: payable only with a documented distinct-service modifier (25 or
 * 57 on an E/M); suggest the modifier the documentation supports, or removal. Indicator 9 or a
 * deleted edit: no edit. A global-surgery modifier (58, 78, 79: NCCI-associated) on either line
 * bypasses an indicator-1 edit as a separate session of the global period. Column-2 codes listed as
 * {@code coding-instruction-codes} are edits that carry a Medicare coding instruction rather than a
 * bundling (99152 with GI endoscopy: Medicare takes G0500): the payer's sedation-code rule speaks
 * for them, so the pair gets one card, never "remove" beside "replace".
 */
final class PtpCheck implements Check {

  static final String GROUP = "ptp";

  private final CodeSet distinct;
  private final CodeSet evaluationAndManagement;
  private final List<String> evaluationAndManagementModifiers;
  private final String xAccepted;
  private final String payerNote;
  private final List<String> globalSurgeryModifiers;
  private final List<String> codingInstructionCodes;

  private final Claims.Reasons reasons;
  private final MessageTemplate bypassUndocumented;
  private final MessageTemplate documentDistinct;
  private final MessageTemplate needsModifierSupported;
  private final MessageTemplate needsModifierUndocumented;
  private final MessageTemplate documentIfDistinct;
  private final MessageTemplate notPayable;
  private final MessageTemplate notPayableDespiteModifier;
  private final MessageTemplate visitBundled;
  private final MessageTemplate addVisitModifier;
  private final MessageTemplate xAcceptanceUnknown;
  private final MessageTemplate xNotAccepted;

  PtpCheck(Parameters p, RuleDefinition rule) {
    this.reasons = Claims.Reasons.read(p);
    this.bypassUndocumented =
        p.message("bypass-undocumented", "modifier", "line", "column1", "column2");
    this.documentDistinct = p.message("document-distinct");
    this.needsModifierSupported =
        p.message("needs-modifier-supported", "column1", "column2", "reason", "modifier");
    this.needsModifierUndocumented = p.message("needs-modifier-undocumented", "column1", "column2");
    this.documentIfDistinct = p.message("document-if-distinct");
    this.notPayable = p.message("not-payable", "column1", "column2");
    this.notPayableDespiteModifier =
        p.message("not-payable-despite-modifier", "column1", "column2", "modifier");
    this.visitBundled = p.message("visit-bundled", "column1", "column2");
    this.addVisitModifier = p.message("add-25-if-separate-visit", "sequence");
    this.xAcceptanceUnknown = p.message("x-acceptance-unknown", "modifier");
    this.xNotAccepted = p.message("x-not-accepted");
    this.distinct = p.valueSet("distinct-modifiers");
    this.evaluationAndManagement = p.valueSet("evaluation-and-management");
    this.evaluationAndManagementModifiers = p.codes("evaluation-and-management-modifiers");
    this.xAccepted = p.choice("x-modifiers-accepted", List.of("yes", "no", "unknown"), "unknown");
    this.payerNote = p.text("payer-note", null);
    this.globalSurgeryModifiers =
        p.has("global-surgery-modifiers") ? p.codes("global-surgery-modifiers") : List.of();
    this.codingInstructionCodes =
        p.has("coding-instruction-codes") ? p.codes("coding-instruction-codes") : List.of();
  }

  static String table(ClaimFacts claim) {
    return claim.type() == ClaimType.INSTITUTIONAL ? "outpatient_hospital" : "practitioner";
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    List<ClaimLine> lines = claim.lines();
    Selection<PtpData> selection = context.data().ptp(claim.dateOfService());
    if (selection == null) {
      return;
    }
    String table = table(claim);
    for (ClaimLine column1 : lines) {
      for (ClaimLine column2 : lines) {
        if (column1 == column2
            || column1.code() == null
            || column2.code() == null
            || !Claims.sameDateAndProvider(column1, column2)) {
          continue;
        }
        PtpEdit edit =
            selection.data().active(table, column1.code(), column2.code(), column2.date());
        if (edit == null || codingInstructionCodes.contains(column2.code())) {
          continue;
        }
        if (edit.modifierIndicator() == 0) {
          indicatorZero(claim, column1, column2, edit, selection, context);
        } else {
          indicatorOne(claim, column1, column2, edit, selection, context);
        }
      }
    }
  }

  private void indicatorZero(
      ClaimFacts claim,
      ClaimLine column1,
      ClaimLine column2,
      PtpEdit edit,
      Selection<PtpData> selection,
      RuleContext context) {
    String bypass = bypassModifier(column2);
    RuleContext.FindingBuilder finding =
        start(claim, column1, column2, edit, selection, context)
            .message(
                context.message(
                    bypass == null ? notPayable : notPayableDespiteModifier,
                    "column1",
                    Claims.describe(column1),
                    "column2",
                    Claims.describe(column2),
                    "modifier",
                    bypass))
            .fix(
                Fixes.removeLine(
                    claim.ref(),
                    column2,
                    "Remove line " + column2.sequence() + " (" + column2.code() + ")",
                    true,
                    null));
    finding.emit();
  }

  private void indicatorOne(
      ClaimFacts claim,
      ClaimLine column1,
      ClaimLine column2,
      PtpEdit edit,
      Selection<PtpData> selection,
      RuleContext context) {
    boolean em = evaluationAndManagement.containsCode(column2.code());
    if (!em && (globalSurgery(column2) || globalSurgery(column1))) {
      // 58, 78 and 79 are NCCI-associated modifiers: a staged, return-to-the-room or unrelated
      // service of the global period is a separate session; the global-period rules judge them.
      return;
    }
    ClaimLine carrier = column2;
    String bypass = bypassModifier(column2);
    if (bypass == null && !em && bypassModifier(column1) != null) {
      // NCCI reads the modifier on either code of the pair; it is usually put on column 2.
      bypass = bypassModifier(column1);
      carrier = column1;
    }
    if (em) {
      if (bypass != null) {
        return;
      }
      start(claim, column1, column2, edit, selection, context)
          .message(
              context.message(
                  visitBundled,
                  "column1",
                  Claims.describe(column1),
                  "column2",
                  Claims.describe(column2)))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  column2,
                  "Remove line " + column2.sequence() + " (" + column2.code() + ")",
                  true,
                  GROUP))
          .fix(
              Fixes.addModifier(
                  claim.ref(),
                  column2,
                  "25",
                  context.message(addVisitModifier, "sequence", column2.sequence()),
                  false,
                  GROUP))
          .emit();
      return;
    }
    Claims.Support support = Claims.distinctSupport(claim, context.subjectCode());
    if (bypass != null) {
      if (support != null || bypass.equals("XU") || bypass.equals("XP")) {
        return;
      }
      start(claim, column1, column2, edit, selection, context)
          .severity(Severity.WARNING)
          .message(
              context.message(
                  bypassUndocumented,
                  "modifier",
                  bypass,
                  "line",
                  Claims.describe(carrier),
                  "column1",
                  Claims.describe(column1),
                  "column2",
                  Claims.describe(column2)))
          .fix(
              Fixes.document(
                  claim.procedures().isEmpty() ? claim.ref() : claim.procedures().get(0).ref(),
                  DocumentationElement.DISTINCT_STRICTURE,
                  context.message(documentDistinct),
                  true,
                  GROUP))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  column2,
                  "Remove line " + column2.sequence() + " (" + column2.code() + ")",
                  false,
                  GROUP))
          .emit();
      return;
    }
    RuleContext.FindingBuilder finding = start(claim, column1, column2, edit, selection, context);
    if (support != null) {
      boolean preferX = xAccepted.equals("yes");
      boolean offerX = !xAccepted.equals("no");
      String x = support.xModifier();
      finding
          .message(
              context.message(
                  needsModifierSupported,
                  "column1",
                  Claims.describe(column1),
                  "column2",
                  Claims.describe(column2),
                  "reason",
                  reasons.of(support, context),
                  "modifier",
                  preferX ? x : offerX ? "59 (or " + x + ")" : "59"))
          .evidence(support.evidence());
      if (offerX) {
        finding.fix(
            Fixes.addModifier(
                claim.ref(),
                column2,
                x,
                "Add "
                    + x
                    + " to line "
                    + column2.sequence()
                    + " ("
                    + reasons.of(support, context)
                    + ")",
                preferX,
                GROUP));
      }
      finding
          .fix(
              Fixes.addModifier(
                  claim.ref(),
                  column2,
                  "59",
                  "Add 59 to line "
                      + column2.sequence()
                      + " ("
                      + reasons.of(support, context)
                      + ")",
                  !preferX,
                  GROUP))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  column2,
                  "Remove line " + column2.sequence() + " (" + column2.code() + ")",
                  false,
                  GROUP));
      if (!preferX) {
        finding.note(
            offerX
                ? context.message(xAcceptanceUnknown, "modifier", x)
                : context.message(xNotAccepted));
      }
    } else {
      finding
          .message(
              context.message(
                  needsModifierUndocumented,
                  "column1",
                  Claims.describe(column1),
                  "column2",
                  Claims.describe(column2)))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  column2,
                  "Remove line " + column2.sequence() + " (" + column2.code() + ")",
                  true,
                  GROUP))
          .fix(
              Fixes.document(
                  claim.procedures().isEmpty() ? claim.ref() : claim.procedures().get(0).ref(),
                  DocumentationElement.DISTINCT_STRICTURE,
                  context.message(documentIfDistinct),
                  false,
                  GROUP));
    }
    finding.emit();
  }

  private RuleContext.FindingBuilder start(
      ClaimFacts claim,
      ClaimLine column1,
      ClaimLine column2,
      PtpEdit edit,
      Selection<PtpData> selection,
      RuleContext context) {
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), column2.expression())
            .evidence(Claims.line(claim, column1))
            .evidence(Claims.line(claim, column2))
            .evidence(
                new Evidence(
                    null,
                    null,
                    selection.file().release()
                        + ", "
                        + edit.table()
                        + " table: column 1 "
                        + edit.column1()
                        + ", column 2 "
                        + edit.column2()
                        + ", modifier indicator "
                        + edit.modifierIndicator()
                        + " ("
                        + edit.rationale()
                        + ")"))
            .note(selection.note());
    if (payerNote != null) {
      finding.note(context.fill(payerNote));
    }
    return finding;
  }

  private boolean globalSurgery(ClaimLine line) {
    for (String modifier : line.modifiers()) {
      if (globalSurgeryModifiers.contains(modifier)) {
        return true;
      }
    }
    return false;
  }

  /** The first modifier on the line that bypasses an indicator-1 edit, or null. */
  private String bypassModifier(ClaimLine line) {
    boolean em = evaluationAndManagement.containsCode(line.code());
    for (String modifier : line.modifiers()) {
      if (em
          ? evaluationAndManagementModifiers.contains(modifier)
          : distinct.containsCode(modifier)) {
        return modifier;
      }
    }
    return null;
  }
}
