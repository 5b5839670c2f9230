package org.stomacds.engine.rules.payer;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
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

  SingleLineModifierCheck(Parameters p, RuleDefinition rule) {
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
          why = "on a single-line claim there is nothing for it to be distinct from";
        } else if (evaluationAndManagement.containsCode(line.code())) {
          why = "it is not accepted on an E/M code";
        } else {
          for (String other : notWith) {
            if (line.hasModifier(other)) {
              why = "it is not accepted on a line that also carries " + other;
            }
          }
        }
        if (why == null) {
          continue;
        }
        context
            .finding(claim.ref(), line.modifierExpression(modifier))
            .message(
                context.payer().display()
                    + " denies "
                    + modifier
                    + " on "
                    + Claims.describe(line)
                    + ": "
                    + why
                    + ".")
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
