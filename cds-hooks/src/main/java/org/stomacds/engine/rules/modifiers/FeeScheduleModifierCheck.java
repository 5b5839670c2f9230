package org.stomacds.engine.rules.modifiers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.FeeScheduleRow;
import org.stomacds.engine.rules.cms.PfsData;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code fee-schedule-modifier}: a modifier on any claim line checked against one payment-policy
 * indicator of that line's code in the fee schedule of its date (bilateral for 50, assistant at
 * surgery for 80/81/82/AS, co-surgeon for 62, team for 66, professional/technical component for
 * 26/TC, multiple procedure for 51). The rule lists the indicator values that rule the modifier
 * out, each with why in our words ({@code "*"}: any value). A code the fee schedule lacks is not
 * judged. The fix removes the modifier, or the line when the modifier is the whole claim (an
 * assistant's line).
 */
final class FeeScheduleModifierCheck implements Check {

  private final List<String> modifiers;
  private final FeeScheduleRow.Indicator indicator;
  private final Map<String, String> notAllowed = new LinkedHashMap<>();
  private final boolean removeLine;
  private final String payerNote;
  private final MessageTemplate ruledOut;

  FeeScheduleModifierCheck(Parameters p, RuleDefinition rule) {
    this.ruledOut =
        p.message(
            "ruled-out-by-indicator", "modifier", "line", "indicator", "line-code", "value", "why");
    this.modifiers = p.codes("modifiers");
    if (modifiers.isEmpty()) {
      throw p.node("modifiers").error("name at least one modifier");
    }
    String column = p.text("indicator");
    FeeScheduleRow.Indicator found = null;
    for (FeeScheduleRow.Indicator candidate : FeeScheduleRow.Indicator.values()) {
      if (candidate.column().equals(column)) {
        found = candidate;
      }
    }
    if (found == null) {
      List<String> known =
          java.util.Arrays.stream(FeeScheduleRow.Indicator.values())
              .map(FeeScheduleRow.Indicator::column)
              .toList();
      throw p.node("indicator")
          .error("unknown fee-schedule indicator '" + column + "' (known: " + known + ")");
    }
    this.indicator = found;
    p.map("not-allowed")
        .entries()
        .forEach(e -> notAllowed.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue().asText()));
    if (notAllowed.isEmpty()) {
      throw p.node("not-allowed").error("list at least one indicator value and why");
    }
    this.removeLine =
        "remove-line".equals(p.choice("fix", List.of("remove-modifier", "remove-line"), "x"));
    this.payerNote = p.text("payer-note", null);
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.lines()) {
      if (line.code() == null) {
        continue;
      }
      for (String modifier : modifiers) {
        if (line.hasModifier(modifier)) {
          check(claim, line, modifier, context);
        }
      }
    }
  }

  private void check(ClaimFacts claim, ClaimLine line, String modifier, RuleContext context) {
    java.time.LocalDate date = line.date() != null ? line.date() : claim.dateOfService();
    Selection<PfsData> selection = context.data().pfs(date);
    if (selection == null) {
      return;
    }
    FeeScheduleRow row = selection.data().row(line.code(), "");
    if (row == null) {
      return;
    }
    String value = row.indicator(indicator);
    String why = notAllowed.containsKey(value) ? notAllowed.get(value) : notAllowed.get("*");
    if (why == null || value.isEmpty()) {
      return;
    }
    String label =
        removeLine
            ? "Remove line " + line.sequence() + " (" + line.code() + "-" + modifier + ")"
            : "Remove " + modifier + " from line " + line.sequence();
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), line.modifierExpression(modifier))
            .message(
                context.message(
                    ruledOut,
                    "modifier",
                    modifier,
                    "line",
                    Claims.describe(line),
                    "indicator",
                    indicator.words(),
                    "line-code",
                    line.code(),
                    "value",
                    value,
                    "why",
                    why.strip()))
            .evidence(Claims.line(claim, line))
            .evidence(
                new Evidence(
                    claim.ref(),
                    line.expression(),
                    selection.file().release()
                        + ": "
                        + line.code()
                        + " "
                        + indicator.column()
                        + " = "
                        + value))
            .fix(
                removeLine
                    ? Fixes.removeLine(claim, line, label, true, null)
                    : Fixes.removeModifier(claim.ref(), line, modifier, label, true, null))
            .note(selection.note());
    if (payerNote != null) {
      finding.note(context.fill(payerNote));
    }
    finding.emit();
  }
}
