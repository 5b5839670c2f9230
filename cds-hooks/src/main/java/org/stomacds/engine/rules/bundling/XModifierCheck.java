package org.stomacds.engine.rules.bundling;

import java.util.List;
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
import org.stomacds.engine.rules.cms.PtpData;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code x-modifier-preferred}: where the payer accepts XE/XS/XP/XU, a line with 59 (and no X
 * modifier) should carry the X modifier the documentation supports instead: 59 is for when no X
 * modifier fits. Where acceptance is unknown the finding says so and changes nothing. An X modifier
 * replaces 59 only where a distinct-service modifier is needed: a 59 that bypasses no edit (the
 * {@code unnecessary-distinct-modifier} rule's verdict) should go, not be swapped, so the check is
 * quiet on it.
 */
final class XModifierCheck implements Check {

  private final CodeSet xModifiers;
  private final String accepted;
  private final String general;

  private final Claims.Reasons reasons;
  private final MessageTemplate acceptanceUnknown;
  private final MessageTemplate askPayer;
  private final MessageTemplate acceptedUndocumented;
  private final MessageTemplate replaceWithSupported;
  private final MessageTemplate acceptedSupported;

  XModifierCheck(Parameters p, RuleDefinition rule) {
    this.reasons = Claims.Reasons.read(p);
    this.acceptanceUnknown = p.message("acceptance-unknown", "modifier", "line");
    this.askPayer = p.message("ask-payer");
    this.acceptedUndocumented = p.message("accepted-undocumented", "modifier", "line");
    this.replaceWithSupported = p.message("replace-with-supported", "modifier", "sequence");
    this.acceptedSupported = p.message("accepted-supported", "modifier", "line", "reason", "x");
    this.xModifiers = p.valueSet("x-modifiers");
    this.accepted = p.choice("x-modifiers-accepted", List.of("yes", "no", "unknown"), "unknown");
    this.general = p.text("general-modifier", "59");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (accepted.equals("no")) {
      return;
    }
    for (ClaimLine line : claim.lines()) {
      if (!line.hasModifier(general)) {
        continue;
      }
      boolean hasX = false;
      for (String modifier : line.modifiers()) {
        hasX |= xModifiers.containsCode(modifier);
      }
      if (hasX) {
        continue; // the exclusive-modifiers rule reports 59 with an X modifier
      }
      if (bypassesNothing(claim, line, context)) {
        continue; // the unnecessary-modifier rule says to remove it
      }
      Claims.Support support = Claims.distinctSupport(claim, context.subjectCode());
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.modifierExpression(general))
              .evidence(Claims.line(claim, line));
      if (accepted.equals("unknown")) {
        finding
            .message(
                context.message(
                    acceptanceUnknown, "modifier", general, "line", Claims.describe(line)))
            .fix(Fixes.manual(claim.ref(), context.message(askPayer), true, null))
            .emit();
        continue;
      }
      if (support == null) {
        finding
            .message(
                context.message(
                    acceptedUndocumented, "modifier", general, "line", Claims.describe(line)))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    context.message(
                        replaceWithSupported, "modifier", general, "sequence", line.sequence()),
                    true,
                    null))
            .emit();
        continue;
      }
      String x = support.xModifier();
      finding
          .message(
              context.message(
                  acceptedSupported,
                  "modifier",
                  general,
                  "line",
                  Claims.describe(line),
                  "reason",
                  reasons.of(support, context),
                  "x",
                  x))
          .evidence(support.evidence())
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  general,
                  "Remove " + general + " from line " + line.sequence(),
                  true,
                  null))
          .fix(
              Fixes.addModifier(
                  claim.ref(), line, x, "Add " + x + " to line " + line.sequence(), true, null))
          .emit();
    }
  }

  private static boolean bypassesNothing(ClaimFacts claim, ClaimLine line, RuleContext context) {
    Selection<PtpData> selection = context.data().ptp(claim.dateOfService());
    if (selection == null || line.code() == null) {
      return false;
    }
    return UnnecessaryModifierCheck.bypass(
                claim, line, selection.data(), PtpCheck.table(claim), context.subjectCode())
            .verdict()
        == UnnecessaryModifierCheck.Verdict.NOTHING;
  }
}
