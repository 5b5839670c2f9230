package org.stomacds.engine.rules.modifiers;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.facts.PriorProcedure;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.RuleContext;

/**
 * The {@code global-period} rule's review of a global-period modifier the line already carries:
 * none is needed when every earlier surgery whose global period covers the date was done by another
 * provider (their package does not bind this one); the staged modifier (58) on a line that treats a
 * complication of earlier care (a diagnosis of the rule's {@code complication-diagnoses}) is an
 * unplanned return for a complication, which is the related one (78).
 */
final class GlobalModifierReview {

  private GlobalModifierReview() {}

  static void review(
      ClaimFacts claim, ClaimLine line, GlobalPeriodCheck rule, RuleContext context) {
    String present = null;
    for (String modifier : line.modifiers()) {
      if (rule.globalModifiers().containsCode(modifier)) {
        present = modifier;
      }
    }
    boolean ownPrior = false;
    boolean allOthers = line.provider() != null;
    for (PriorProcedure prior : claim.priorProcedures()) {
      if (prior.performers().isEmpty()) {
        allOthers = false;
      } else if (line.provider() != null && prior.performers().contains(line.provider())) {
        ownPrior = true;
        allOthers = false;
      }
    }
    if (allOthers) {
      PriorProcedure prior = claim.priorProcedures().get(0);
      context
          .finding(claim.ref(), line.modifierExpression(present))
          .message(
              context.message(
                  rule.anotherProvidersPeriod(),
                  "modifier",
                  present,
                  "line",
                  Claims.describe(line),
                  "prior-code",
                  prior.code(),
                  "prior-date",
                  prior.date()))
          .evidence(Claims.line(claim, line))
          .evidence(
              new Evidence(
                  prior.ref(), "Procedure.performer", prior.code() + " by another provider"))
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  present,
                  "Remove " + present + " from line " + line.sequence(),
                  true,
                  null))
          .emit();
      return;
    }
    if (!ownPrior || !line.hasModifier(rule.staged())) {
      return;
    }
    Diagnosis complication = null;
    for (Diagnosis diagnosis : line.diagnoses()) {
      for (String prefix : rule.complicationPrefixes()) {
        if (complication == null
            && diagnosis.code().toUpperCase(java.util.Locale.ROOT).startsWith(prefix)) {
          complication = diagnosis;
        }
      }
    }
    if (complication == null) {
      return;
    }
    String staged = rule.staged();
    String related = rule.related();
    context
        .finding(claim.ref(), line.modifierExpression(staged))
        .message(
            context.message(
                rule.stagedForComplication(),
                "staged",
                staged,
                "line",
                Claims.describe(line),
                "diagnosis",
                complication.code(),
                "related",
                related))
        .evidence(Claims.line(claim, line))
        .evidence(
            new Evidence(complication.resource(), complication.expression(), complication.code()))
        .fix(
            Fixes.removeModifier(
                claim.ref(),
                line,
                staged,
                "Remove " + staged + " from line " + line.sequence(),
                true,
                null))
        .fix(
            Fixes.addModifier(
                claim.ref(),
                line,
                related,
                "Add " + related + " to line " + line.sequence() + " (complication, unplanned)",
                true,
                null))
        .emit();
  }
}
