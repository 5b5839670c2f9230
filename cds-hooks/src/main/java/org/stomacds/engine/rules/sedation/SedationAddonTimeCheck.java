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
 * {@code sedation-addon-time}: an add-on sedation code (99153, 99157) is reported once the total
 * intraservice time reaches {@code first-unit-minutes} (23), and one more unit for each further
 * {@code unit-minutes} (15).
 */
final class SedationAddonTimeCheck implements Check {

  /** Anesthesia codes whose care for the session makes this check quiet (optional). */
  private final CodeSet unlessAnesthesia;

  private final List<String> addOns;
  private final int firstUnit;
  private final int unit;
  private final MessageTemplate tooManyNone;
  private final MessageTemplate tooManyFewer;

  SedationAddonTimeCheck(Parameters p, RuleDefinition rule) {
    this.unlessAnesthesia =
        p.has("unless-anesthesia-care") ? p.valueSet("unless-anesthesia-care") : null;
    this.addOns = p.codes("add-on-codes");
    this.firstUnit = p.integer("first-unit-minutes", 23);
    this.unit = p.integer("unit-minutes", 15);
    String[] names = {"billed", "units", "sequence", "minutes", "first-unit", "unit", "allowed"};
    this.tooManyNone = p.message("no-unit-supported", names);
    this.tooManyFewer = p.message("fewer-units-supported", names);
    if (addOns.isEmpty() || unit <= 0) {
      throw p.node("add-on-codes").error("add-on-codes and a positive unit-minutes are needed");
    }
  }

  /** Units allowed for a total intraservice time. */
  int allowed(int minutes) {
    return minutes < firstUnit ? 0 : 1 + (minutes - firstUnit) / unit;
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (unlessAnesthesia != null
        && !SedationWithAnesthesiaCheck.anesthesiaCare(
                claim, context, unlessAnesthesia, claim.dateOfService())
            .isEmpty()) {
      return; // sedation-with-anesthesia removes the sedation lines of this session
    }
    for (ClaimLine line : claim.lines()) {
      if (line.code() == null || !addOns.contains(line.code())) {
        continue;
      }
      if (claim.documentation().sedationMinutes().isEmpty()) {
        continue; // the sedation-times documentation rule asks for the times
      }
      int minutes = claim.documentation().sedationMinutes().getAsInt();
      int allowed = allowed(minutes);
      if (line.quantity() <= allowed) {
        continue;
      }
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.expression() + ".quantity")
              .evidence(Claims.line(claim, line))
              .evidence(claim.documentation().evidence(DocumentationElement.SEDATION_TIMES))
              .evidence(new Evidence(null, null, "intraservice time: " + minutes + " minutes"))
              .message(
                  context.message(
                      allowed == 0 ? tooManyNone : tooManyFewer,
                      "billed",
                      line.code(),
                      "units",
                      line.quantity(),
                      "sequence",
                      line.sequence(),
                      "minutes",
                      minutes,
                      "first-unit",
                      firstUnit,
                      "unit",
                      unit,
                      "allowed",
                      allowed));
      if (allowed == 0) {
        finding.fix(
            Fixes.removeLine(
                claim.ref(),
                line,
                "Remove line " + line.sequence() + " (" + line.code() + ")",
                true,
                null));
      } else {
        finding.fix(
            Fixes.setQuantity(
                claim.ref(),
                line,
                allowed,
                "Set the units of line " + line.sequence() + " to " + allowed,
                true,
                null));
      }
      finding.emit();
    }
  }
}
