package org.stomacds.engine.rules.payer;

import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.facts.OrderFacts;
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

/**
 * {@code medicare-abn}: for a service Medicare may find not reasonable and necessary (no diagnosis
 * of the supporting set), at order time: obtain an ABN; on the claim: GA when an ABN is on file,
 * otherwise the risk explained. Never an automatic GZ: a GZ line is denied automatically, so only a
 * person who knows no ABN was given should add it.
 */
final class AbnCheck implements Check {

  private final CodeSet supporting;
  private final String fixLabel;
  private final MessageTemplate mayNotCover;
  private final MessageTemplate addGa;
  private final MessageTemplate removeGz;
  private final MessageTemplate addGaFix;
  private final MessageTemplate gaWithoutAbn;
  private final MessageTemplate recordAbn;
  private final MessageTemplate noAbn;

  AbnCheck(Parameters p, RuleDefinition rule) {
    this.mayNotCover = p.message("may-not-cover");
    this.addGa = p.message("abn-without-ga", "line");
    this.removeGz = p.message("remove-gz");
    this.addGaFix = p.message("add-ga", "line");
    this.gaWithoutAbn = p.message("ga-without-abn", "line");
    this.recordAbn = p.message("record-abn");
    this.noAbn = p.message("no-abn", "line");
    this.supporting = p.valueSet("value-set");
    this.fixLabel = rule.fix();
  }

  @Override
  public void onOrder(OrderFacts order, RuleContext context) {
    List<Diagnosis> coded = new java.util.ArrayList<>(order.reasons().size());
    for (Diagnosis reason : order.reasons()) {
      if (reason.isIcd10()) {
        coded.add(reason);
      }
    }
    // Only an ICD-10-CM reason says what Medicare will see; others are left to the indication rule.
    if (coded.isEmpty() || supported(coded) || order.abn().present()) {
      return;
    }
    RuleContext.FindingBuilder finding =
        context
            .finding(order.ref(), "ServiceRequest.reasonCode")
            .message(context.message(mayNotCover));
    for (Diagnosis reason : coded) {
      finding.evidence(new Evidence(reason.resource(), reason.expression(), reason.code()));
    }
    finding.fix(Fixes.obtainAbn(context.fill(fixLabel))).emit();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      List<Diagnosis> considered = line.diagnosisPointers() ? line.diagnoses() : claim.diagnoses();
      if (considered.isEmpty() || supported(considered)) {
        continue;
      }
      boolean abn = claim.abn().present();
      boolean ga = line.hasModifier("GA");
      boolean gz = line.hasModifier("GZ");
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.modifierExpression(ga ? "GA" : "GZ"))
              .evidence(Claims.line(claim, line))
              .evidence(claim.abn().evidence());
      if (abn && !ga) {
        finding.message(context.message(addGa, "line", Claims.describe(line)));
        if (gz) {
          finding.fix(
              Fixes.removeModifier(claim.ref(), line, "GZ", context.message(removeGz), true, null));
        }
        finding.fix(
            Fixes.addModifier(
                claim.ref(),
                line,
                "GA",
                context.message(addGaFix, "line", line.sequence()),
                true,
                null));
        finding.emit();
      } else if (!abn && ga) {
        finding
            .message(context.message(gaWithoutAbn, "line", Claims.describe(line)))
            .fix(Fixes.manual(claim.ref(), context.message(recordAbn), true, null))
            .emit();
      } else if (!abn && !gz) {
        finding
            .severity(Severity.WARNING)
            .message(context.message(noAbn, "line", Claims.describe(line)))
            .fix(Fixes.manual(claim.ref(), context.fill(fixLabel), true, null))
            .emit();
      }
    }
  }

  private boolean supported(List<Diagnosis> diagnoses) {
    for (Diagnosis diagnosis : diagnoses) {
      if (supporting.contains(diagnosis.system(), diagnosis.code())) {
        return true;
      }
    }
    return false;
  }
}
