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

  AbnCheck(Parameters p, RuleDefinition rule) {
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
            .message(
                "Medicare may not cover "
                    + context.subjectCode()
                    + " for these reasons (none is in our supporting set): give the patient an"
                    + " Advance Beneficiary Notice before the procedure, or the practice cannot bill"
                    + " the patient if Medicare denies it.");
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
        finding.message(
            "An ABN is on file and no diagnosis of "
                + Claims.describe(line)
                + " supports it: add GA so Medicare knows the patient was notified and can be"
                + " billed if it denies the line.");
        if (gz) {
          finding.fix(
              Fixes.removeModifier(
                  claim.ref(), line, "GZ", "Remove GZ: an ABN is on file", true, null));
        }
        finding.fix(
            Fixes.addModifier(
                claim.ref(),
                line,
                "GA",
                "Add GA to line " + line.sequence() + " (ABN on file)",
                true,
                null));
        finding.emit();
      } else if (!abn && ga) {
        finding
            .message(
                Claims.describe(line)
                    + " carries GA, which says an ABN is on file, but none is in the case: record the"
                    + " signed ABN, or remove GA.")
            .fix(
                Fixes.manual(
                    claim.ref(),
                    "Record the signed ABN with the case (a DocumentReference coded abn)",
                    true,
                    null))
            .emit();
      } else if (!abn && !gz) {
        finding
            .severity(Severity.WARNING)
            .message(
                "No diagnosis of "
                    + Claims.describe(line)
                    + " supports it and no ABN is on file: if Medicare denies the line, the practice"
                    + " cannot bill the patient. GZ is not added for you: a GZ line is denied"
                    + " automatically; add it only if you know no ABN was given.")
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
