package org.stomacds.engine.rules.modifiers;

import java.util.List;
import java.util.Locale;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code unexpected-modifier}: a modifier of the value set ({@code modifiers}, or the codes of
 * {@code modifier-codes}) is not expected on the subject line (PT/33 mark a screening exam;
 * dilation of a stricture is normally not screening), unless the claim carries a diagnosis starting
 * with one of {@code unless-diagnoses} (a screening diagnosis for PT/33).
 */
final class UnexpectedModifierCheck implements Check {

  private final CodeSet modifiers;
  private final List<String> modifierCodes;
  private final List<String> unlessDiagnoses;
  private final String why;
  private final String fixLabel;
  private final MessageTemplate notExpected;

  UnexpectedModifierCheck(Parameters p, RuleDefinition rule) {
    this.notExpected = p.message("not-expected", "modifier", "line", "why");
    this.modifierCodes = p.codes("modifier-codes");
    this.modifiers = modifierCodes.isEmpty() ? p.valueSet("modifiers") : null;
    this.unlessDiagnoses = p.codes("unless-diagnoses");
    this.why = p.text("why");
    this.fixLabel = p.text("fix-label", "");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (Diagnosis diagnosis : claim.diagnoses()) {
      for (String prefix : unlessDiagnoses) {
        if (diagnosis.code() != null
            && diagnosis.code().toUpperCase(Locale.ROOT).startsWith(prefix)) {
          return;
        }
      }
    }
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      for (String modifier : line.modifiers()) {
        boolean listed =
            modifiers == null ? modifierCodes.contains(modifier) : modifiers.containsCode(modifier);
        if (!listed) {
          continue;
        }
        context
            .finding(claim.ref(), line.modifierExpression(modifier))
            .message(
                context.message(
                    notExpected, "modifier", modifier, "line", Claims.describe(line), "why", why))
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
                        + (fixLabel.isBlank() ? "" : " " + fixLabel),
                    true,
                    null))
            .emit();
      }
    }
  }
}
