package org.stomacds.engine.rules.sedation;

import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
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
 * {@code sedation-minimum-time}: moderate sedation with less intraservice time than {@code
 * minimum-minutes} (10) is not reported: its lines (and their add-ons) come off the claim.
 */
final class SedationMinimumTimeCheck implements Check {

  /** Anesthesia codes whose care for the session makes this check quiet (optional). */
  private final CodeSet unlessAnesthesia;

  private final List<CodeSet> sedation;
  private final List<String> addOns;
  private final int minimum;
  private final MessageTemplate underMinimum;

  SedationMinimumTimeCheck(Parameters p, RuleDefinition rule) {
    this.unlessAnesthesia =
        p.has("unless-anesthesia-care") ? p.valueSet("unless-anesthesia-care") : null;
    this.sedation = p.valueSets("sedation-codes");
    this.addOns = p.codes("add-on-codes");
    this.minimum = p.integer("minimum-minutes", 10);
    this.underMinimum = p.message("under-minimum", "minutes", "minimum");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (unlessAnesthesia != null
        && !SedationWithAnesthesiaCheck.anesthesiaCare(
                claim, context, unlessAnesthesia, claim.dateOfService())
            .isEmpty()) {
      return; // sedation-with-anesthesia removes the sedation lines of this session
    }
    if (claim.documentation().sedationMinutes().isEmpty()) {
      return;
    }
    int minutes = claim.documentation().sedationMinutes().getAsInt();
    if (minutes >= minimum) {
      return;
    }
    RuleContext.FindingBuilder finding = null;
    for (ClaimLine line : claim.lines()) {
      if (!sedation(line.code())) {
        continue;
      }
      if (finding == null) {
        finding =
            context
                .finding(claim.ref(), line.expression())
                .message(context.message(underMinimum, "minutes", minutes, "minimum", minimum))
                .evidence(claim.documentation().evidence(DocumentationElement.SEDATION_TIMES))
                .evidence(new Evidence(null, null, "intraservice time: " + minutes + " minutes"));
      }
      finding
          .evidence(Claims.line(claim, line))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  line,
                  "Remove line " + line.sequence() + " (" + line.code() + ")",
                  true,
                  null));
    }
    if (finding != null) {
      finding.emit();
    }
  }

  private boolean sedation(String code) {
    if (code != null && addOns.contains(code)) {
      return true;
    }
    for (CodeSet set : sedation) {
      if (set.containsCode(code)) {
        return true;
      }
    }
    return false;
  }
}
