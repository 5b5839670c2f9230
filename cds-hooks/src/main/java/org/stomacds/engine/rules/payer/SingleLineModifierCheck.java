package org.stomacds.engine.rules.payer;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code single-line-modifier}: a payer edit on distinct-service modifiers (Independence Blue
 * Cross: 59, XS, XU): denied on a single-line claim, on an E/M code, and on a line with 51.
 */
final class SingleLineModifierCheck implements Check {

  private final java.util.List<String> modifiers;
  private final CodeSet evaluationAndManagement;
  private final java.util.List<String> notWith;
  private final MessageTemplate denies;
  private final MessageTemplate singleLine;
  private final MessageTemplate onEvaluationAndManagement;
  private final MessageTemplate withOther;

  SingleLineModifierCheck(Parameters p, RuleDefinition rule) {
    this.denies = p.message("denies", "modifier", "line", "why");
    this.singleLine = p.message("single-line-claim");
    this.onEvaluationAndManagement = p.message("on-evaluation-and-management");
    this.withOther = p.message("with-other-modifier", "other");
    this.modifiers = p.codes("modifiers");
    this.evaluationAndManagement = p.valueSet("evaluation-and-management");
    this.notWith = p.codes("not-with");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.lines()) {
      for (String modifier : modifiers) {
        if (!line.hasModifier(modifier)) {
          continue;
        }
        String why = null;
        if (claim.lines().size() == 1) {
          why = context.message(singleLine);
        } else if (evaluationAndManagement.containsCode(line.code())) {
          why = context.message(onEvaluationAndManagement);
        } else {
          for (String other : notWith) {
            if (line.hasModifier(other)) {
              why = context.message(withOther, "other", other);
            }
          }
        }
        if (why == null) {
          continue;
        }
        context
            .finding(claim.ref(), line.modifierExpression(modifier))
            .message(
                context.message(
                    denies, "modifier", modifier, "line", Claims.describe(line), "why", why))
            .evidence(Claims.line(claim, line))
            .fix(
                Fixes.removeModifier(
                    claim.ref(),
                    line,
                    modifier,
                    "Remove " + modifier + " from line " + line.sequence(),
                    true,
                    null))
            .emit();
      }
    }
  }
}
