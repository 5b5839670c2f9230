package org.stomacds.engine.rules.modifiers;

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
 * {@code exclusive-modifiers}: a modifier of one value set ({@code remove}) and a modifier of
 * another ({@code keep}) never go on one line; the first is removed (59 with XE/XS/XP/XU).
 */
final class ExclusiveModifiersCheck implements Check {

  private final CodeSet remove;
  private final CodeSet keep;
  private final MessageTemplate bothOnOneLine;

  ExclusiveModifiersCheck(Parameters p, RuleDefinition rule) {
    this.bothOnOneLine = p.message("both-on-one-line", "line", "removed", "kept");
    this.remove = p.valueSet("remove");
    this.keep = p.valueSet("keep");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.lines()) {
      String removed = null;
      String kept = null;
      for (String modifier : line.modifiers()) {
        if (keep.containsCode(modifier)) {
          kept = kept == null ? modifier : kept;
        } else if (remove.containsCode(modifier)) {
          removed = removed == null ? modifier : removed;
        }
      }
      if (removed == null || kept == null) {
        continue;
      }
      context
          .finding(claim.ref(), line.modifierExpression(removed))
          .message(
              context.message(
                  bothOnOneLine, "line", Claims.describe(line), "removed", removed, "kept", kept))
          .evidence(Claims.line(claim, line))
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  removed,
                  "Remove " + removed + " from line " + line.sequence(),
                  true,
                  null))
          .emit();
    }
  }
}
