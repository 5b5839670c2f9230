package org.stomacds.engine.rules.payer;

import java.util.List;
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
 * {@code payer-records}: the payer asks for records when some modifiers are billed (Cigna with 59
 * or 25, Aetna with 22). Fires once per claim with the lines that carry them; the rule's {@code
 * message} states the payer's practice.
 */
final class PayerRecordsCheck implements Check {

  private final List<String> modifiers;
  private final boolean subjectLinesOnly;
  private final String message;
  private final String fixLabel;
  private final MessageTemplate modifierOn;

  PayerRecordsCheck(Parameters p, RuleDefinition rule) {
    this.modifierOn = p.message("modifier-on-line", "modifier", "line");
    this.modifiers = p.codes("modifiers");
    this.subjectLinesOnly = p.choice("lines", List.of("all", "subject"), "all").equals("subject");
    this.message = p.text("message");
    this.fixLabel = rule.fix();
    if (modifiers.isEmpty()) {
      throw p.node("modifiers").error("modifiers must name at least one modifier");
    }
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    RuleContext.FindingBuilder finding = null;
    for (ClaimLine line : claim.lines()) {
      if (subjectLinesOnly && !context.subjectCode().equals(line.code())) {
        continue;
      }
      for (String modifier : modifiers) {
        if (!line.hasModifier(modifier)) {
          continue;
        }
        if (finding == null) {
          finding =
              context
                  .finding(claim.ref(), line.modifierExpression(modifier))
                  .message(
                      context.fill(message)
                          + " "
                          + context.message(
                              modifierOn, "modifier", modifier, "line", Claims.describe(line)))
                  .fix(Fixes.attachRecords(claim.ref(), context.fill(fixLabel)));
        }
        finding.evidence(Claims.line(claim, line));
      }
    }
    if (finding != null) {
      finding.emit();
    }
  }
}
