package org.stomacds.engine.rules.sedation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * {@code anesthesia-time-units}: an anesthesia line carries the anesthesia time in minutes, as the
 * payer's rules ask (Medicare: actual minutes; the contractor adds the base units). Units no larger
 * than the code's base units ({@code base-units}) read as base units reported in place of time;
 * units that differ from the documented anesthesia minutes by more than {@code tolerance-minutes}
 * are not the documented time.
 */
final class AnesthesiaTimeCheck implements Check {

  private final Map<String, Integer> baseUnits = new LinkedHashMap<>();
  private final int tolerance;

  AnesthesiaTimeCheck(Parameters p, RuleDefinition rule) {
    for (Map.Entry<String, YamlNode> entry : p.map("base-units").entries()) {
      baseUnits.put(entry.getKey(), entry.getValue().asInt());
    }
    this.tolerance = p.integer("tolerance-minutes", 15);
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    OptionalInt documented = claim.documentation().sedationMinutes();
    int anesthesiaLines = 0;
    for (ClaimLine line : claim.lines()) {
      anesthesiaLines += baseUnits.containsKey(line.code()) ? 1 : 0;
    }
    for (ClaimLine line : claim.lines()) {
      Integer base = baseUnits.get(line.code());
      if (base == null) {
        continue;
      }
      int units = line.quantity();
      String why;
      if (units <= base) {
        why =
            units
                + " unit(s) is no more than the "
                + base
                + " base units of "
                + line.code()
                + ": it reads as base units, not time.";
      } else if (documented.isPresent() && Math.abs(units - documented.getAsInt()) > tolerance) {
        why =
            units
                + " minute(s) billed, but the documentation gives "
                + documented.getAsInt()
                + " minutes of anesthesia time.";
      } else {
        continue;
      }
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.expression() + ".quantity")
              .message(
                  "Anesthesia on "
                      + Claims.describe(line)
                      + " is reported in minutes of anesthesia time ("
                      + context.payer().display()
                      + "); the base units are added by the payer. "
                      + why)
              .evidence(Claims.line(claim, line));
      // With several anesthesia lines the session's time goes on the one line that remains (the
      // anesthesia-code rule says which): no per-line quantity that would contradict it.
      if (documented.isPresent() && anesthesiaLines == 1) {
        finding.fix(
            Fixes.setQuantity(
                claim.ref(),
                line,
                documented.getAsInt(),
                "Report "
                    + documented.getAsInt()
                    + " minutes on line "
                    + line.sequence()
                    + " (the documented anesthesia time)",
                true,
                null));
      } else {
        finding.fix(
            Fixes.manual(
                claim.ref(),
                line,
                null,
                null,
                anesthesiaLines == 1
                    ? "Report the anesthesia time in minutes from the anesthesia record on line "
                        + line.sequence()
                    : "Report the session's total anesthesia minutes on the one anesthesia line"
                        + " that remains",
                true,
                null));
      }
      finding.emit();
    }
  }
}
