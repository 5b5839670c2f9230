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
  private final MessageTemplate notIcd10;
  private final MessageTemplate orderUnsupported;
  private final MessageTemplate noPointers;
  private final MessageTemplate pointAtIt;
  private final MessageTemplate noDiagnosis;
  private final MessageTemplate lineUnsupported;

  SupportingDiagnosisCheck(Parameters p, RuleDefinition rule) {
    this.supporting = p.valueSet("value-set");
    this.fixLabel = rule.fix();
    this.noIndication = p.message("no-indication");
    this.notIcd10 = p.message("indication-not-icd10");
    this.orderUnsupported = p.message("order-reasons-unsupported", "reasons");
    this.noPointers = p.message("line-points-at-none", "line");
    this.pointAtIt = p.message("supporting-elsewhere", "line", "diagnosis");
    this.noDiagnosis = p.message("line-without-diagnosis", "line");
    this.lineUnsupported = p.message("line-diagnoses-unsupported", "line", "diagnoses");
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
      finding.message(context.message(notIcd10));
    } else {
      finding.message(context.message(orderUnsupported, "reasons", codes(order.reasons())));
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
        finding.note(context.message(noPointers, "line", Claims.describe(line)));
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
                context.message(
                    pointAtIt, "line", Claims.describe(line), "diagnosis", elsewhere.code()))
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
                    ? context.message(noDiagnosis, "line", Claims.describe(line))
                    : context.message(
                        lineUnsupported,
                        "line",
                        Claims.describe(line),
                        "diagnoses",
                        codes(considered)))
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
