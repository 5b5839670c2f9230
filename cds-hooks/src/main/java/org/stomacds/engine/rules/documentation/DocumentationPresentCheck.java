package org.stomacds.engine.rules.documentation;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code documentation-present}: a claim billing the subject code must have its procedure
 * documentation in the case (a Procedure, or a note linked to the line's encounter).
 */
final class DocumentationPresentCheck implements Check {

  private final String fixLabel;
  private final MessageTemplate missing;

  DocumentationPresentCheck(Parameters p, RuleDefinition rule) {
    this.fixLabel = rule.fix();
    this.missing = p.message("missing", "line");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (!claim.procedures().isEmpty() || claim.documentation().any()) {
      return;
    }
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      context
          .finding(claim.ref(), line.expression())
          .message(context.message(missing, "line", Claims.describe(line)))
          .evidence(Claims.line(claim, line))
          .fix(Fixes.manual(claim.ref(), context.fill(fixLabel), true, null))
          .emit();
      return;
    }
  }
}
