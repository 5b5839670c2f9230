package org.stomacds.engine.rules.documentation;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code documentation-present}: a claim billing the subject code must have its procedure
 * documentation in the case (a Procedure, or a note linked to the line's encounter).
 */
final class DocumentationPresentCheck implements Check {

  private final String fixLabel;

  DocumentationPresentCheck(Parameters p, RuleDefinition rule) {
    this.fixLabel = rule.fix();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (!claim.procedures().isEmpty() || claim.documentation().any()) {
      return;
    }
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      context
          .finding(claim.ref(), line.expression())
          .message(
              "No procedure documentation for "
                  + Claims.describe(line)
                  + " is in the case: no Procedure and no note linked to its encounter, so"
                  + " nothing on the claim can be checked against the record.")
          .evidence(Claims.line(claim, line))
          .fix(Fixes.manual(claim.ref(), context.fill(fixLabel), true, null))
          .emit();
      return;
    }
  }
}
