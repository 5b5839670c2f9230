package org.stomacds.engine.rules;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;

/**
 * {@code unexpected-modifier}: a modifier of the value set is not expected on the subject line
 * (PT/33 mark a screening exam; dilation of a stricture is normally not screening).
 */
final class UnexpectedModifierCheck implements Check {

  private final CodeSet modifiers;
  private final String why;

  UnexpectedModifierCheck(Parameters p, RuleDefinition rule) {
    this.modifiers = p.valueSet("modifiers");
    this.why = p.text("why");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      for (String modifier : line.modifiers()) {
        if (!modifiers.containsCode(modifier)) {
          continue;
        }
        context
            .finding(claim.ref(), line.modifierExpression(modifier))
            .message(
                modifier
                    + " on "
                    + Claims.describe(line)
                    + " is not expected: "
                    + context.fill(why))
            .evidence(Claims.line(claim, line))
            .fix(
                Fixes.removeModifier(
                    claim.ref(),
                    line,
                    modifier,
                    "Remove "
                        + modifier
                        + " from line "
                        + line.sequence()
                        + " unless the exam began as a screening",
                    true,
                    null))
            .emit();
      }
    }
  }
}
