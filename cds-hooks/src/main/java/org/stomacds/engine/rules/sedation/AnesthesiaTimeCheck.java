package org.stomacds.engine.rules.sedation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
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
  private final MessageTemplate readsAsBaseUnits;
  private final MessageTemplate minutesDiffer;
  private final MessageTemplate reportDocumented;
  private final MessageTemplate reportFromRecord;
  private final MessageTemplate reportSessionTotal;

  AnesthesiaTimeCheck(Parameters p, RuleDefinition rule) {
    for (Map.Entry<String, YamlNode> entry : p.map("base-units").entries()) {
      baseUnits.put(entry.getKey(), entry.getValue().asInt());
    }
    this.tolerance = p.integer("tolerance-minutes", 15);
    String[] names = {"line", "units", "base", "billed", "documented"};
    this.readsAsBaseUnits = p.message("units-read-as-base-units", names);
    this.minutesDiffer = p.message("minutes-differ-from-record", names);
    this.reportDocumented = p.message("report-documented-minutes", "minutes", "sequence");
    this.reportFromRecord = p.message("report-minutes-from-record", "sequence");
    this.reportSessionTotal = p.message("report-session-total");
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
      MessageTemplate why;
      if (units <= base) {
        why = readsAsBaseUnits;
      } else if (documented.isPresent() && Math.abs(units - documented.getAsInt()) > tolerance) {
        why = minutesDiffer;
      } else {
        continue;
      }
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.expression() + ".quantity")
              .message(
                  context.message(
                      why,
                      "line",
                      Claims.describe(line),
                      "units",
                      units,
                      "base",
                      base,
                      "billed",
                      line.code(),
                      "documented",
                      documented.isPresent() ? documented.getAsInt() : null))
              .evidence(Claims.line(claim, line));
      // With several anesthesia lines the session's time goes on the one line that remains (the
      // anesthesia-code rule says which): no per-line quantity that would contradict it.
      if (documented.isPresent() && anesthesiaLines == 1) {
        finding.fix(
            Fixes.setQuantity(
                claim.ref(),
                line,
                documented.getAsInt(),
                context.message(
                    reportDocumented,
                    "minutes",
                    documented.getAsInt(),
                    "sequence",
                    line.sequence()),
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
                    ? context.message(reportFromRecord, "sequence", line.sequence())
                    : context.message(reportSessionTotal),
                true,
                null));
      }
      finding.emit();
    }
  }
}
