package org.stomacds.engine.rules.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.facts.OrderFacts;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code supporting-diagnosis}: the order's reasons, or the diagnoses the subject claim line points
 * at, must include a code of the supporting value set.
 */
final class SupportingDiagnosisCheck implements Check {

  private final CodeSet supporting;
  private final String fixLabel;
  private final MessageTemplate noIndication;

  SupportingDiagnosisCheck(Parameters p, RuleDefinition rule) {
    this.supporting = p.valueSet("value-set");
    this.fixLabel = rule.fix();
    this.noIndication = p.message("no-indication");
  }

  @Override
  public void onOrder(OrderFacts order, RuleContext context) {
    for (Diagnosis reason : order.reasons()) {
      if (supporting.contains(reason.system(), reason.code())) {
        return;
      }
    }
    RuleContext.FindingBuilder finding = context.finding(order.ref(), "ServiceRequest.reasonCode");
    boolean anyIcd10 = false;
    for (Diagnosis reason : order.reasons()) {
      anyIcd10 |= reason.isIcd10();
    }
    if (!order.reasonStated()) {
      finding.message(context.message(noIndication));
    } else if (!anyIcd10) {
      finding.message(
          "The order's indication is not coded in ICD-10-CM: add the ICD-10-CM code of the"
              + " diagnosis behind the dilation, so it can be checked and carried to the claim.");
    } else {
      finding.message(
          "None of the order's reasons ("
              + codes(order.reasons())
              + ") is a diagnosis that supports "
              + context.subjectCode()
              + " in our value set.");
    }
    for (Diagnosis reason : order.reasons()) {
      finding.evidence(new Evidence(reason.resource(), reason.expression(), reason.code()));
    }
    finding.fix(Fixes.manual(order.ref(), context.fill(fixLabel), true, null)).emit();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      List<Diagnosis> considered = line.diagnosisPointers() ? line.diagnoses() : claim.diagnoses();
      boolean supported = false;
      for (Diagnosis diagnosis : considered) {
        supported |= supporting.contains(diagnosis.system(), diagnosis.code());
      }
      if (supported) {
        continue;
      }
      RuleContext.FindingBuilder finding =
          context.finding(claim.ref(), line.expression() + ".diagnosisSequence");
      finding.evidence(Claims.line(claim, line));
      for (Diagnosis diagnosis : considered) {
        finding.evidence(
            new Evidence(diagnosis.resource(), diagnosis.expression(), diagnosis.code()));
      }
      if (!line.diagnosisPointers()) {
        finding.note(
            Claims.describe(line)
                + " points at no diagnosis; every claim diagnosis was considered.");
      }
      Diagnosis elsewhere = null;
      for (Diagnosis diagnosis : claim.diagnoses()) {
        if (supporting.contains(diagnosis.system(), diagnosis.code())) {
          elsewhere = diagnosis;
          break;
        }
      }
      if (elsewhere != null) {
        finding
            .message(
                Claims.describe(line)
                    + " does not point at a supporting diagnosis, but the claim has one ("
                    + elsewhere.code()
                    + "): point the line at it.")
            .fix(
                Fixes.addDiagnosis(
                    claim.ref(),
                    line,
                    elsewhere.code(),
                    "Point line " + line.sequence() + " at diagnosis " + elsewhere.code()));
      } else {
        finding
            .message(
                considered.isEmpty()
                    ? Claims.describe(line) + " has no diagnosis at all."
                    : "No diagnosis of "
                        + Claims.describe(line)
                        + " ("
                        + codes(considered)
                        + ") supports "
                        + context.subjectCode()
                        + " in our value set.")
            .fix(Fixes.manual(claim.ref(), context.fill(fixLabel), true, null));
      }
      finding.emit();
    }
  }

  private static String codes(List<Diagnosis> diagnoses) {
    List<String> codes = new ArrayList<>(diagnoses.size());
    for (Diagnosis diagnosis : diagnoses) {
      if (!codes.contains(diagnosis.code())) {
        codes.add(diagnosis.code());
      }
    }
    return String.join(", ", codes);
  }
}
