package org.stomacds.engine.rules.bundling;

import org.stomacds.engine.documentation.DocumentationElement;
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
 * {@code distinct-modifier-fit}: XP and XU bypass an NCCI edit only when what they claim is true.
 * XP says another practitioner performed the service, but NCCI pairs only lines of one rendering
 * provider, so under an edit XP is never true; XU says the service does not overlap the usual
 * components of the other, and is for when no more specific X modifier fits. Where the
 * documentation shows a distinct site or session the finding offers that modifier (XS, XE) in its
 * place; otherwise it asks for the documentation or the line's removal. A modifier with no edit to
 * bypass is the {@code unnecessary-distinct-modifier} rule's; XS and XE are judged by the PTP rule.
 */
final class DistinctModifierFitCheck implements Check {

  private final CodeSet distinct;

  private final Claims.Reasons reasons;
  private final MessageTemplate xpClaims;
  private final MessageTemplate xuClaims;
  private final MessageTemplate replaceModifier;
  private final MessageTemplate undocumented;
  private final MessageTemplate documentDistinct;

  DistinctModifierFitCheck(Parameters p, RuleDefinition rule) {
    this.reasons = Claims.Reasons.read(p);
    this.xpClaims = p.message("xp-claims");
    this.xuClaims = p.message("xu-claims");
    this.replaceModifier =
        p.message("replace-modifier", "modifier", "line", "claimed", "reason", "x");
    this.undocumented = p.message("undocumented", "modifier", "line", "claimed");
    this.documentDistinct = p.message("document-distinct");
    this.distinct = p.valueSet("distinct-modifiers");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Selection<PtpData> selection = context.data().ptp(claim.dateOfService());
    if (selection == null) {
      return;
    }
    String table = PtpCheck.table(claim);
    for (ClaimLine line : claim.lines()) {
      String modifier = line.hasModifier("XP") ? "XP" : line.hasModifier("XU") ? "XU" : null;
      if (modifier == null || line.code() == null || !distinct.containsCode(modifier)) {
        continue;
      }
      UnnecessaryModifierCheck.Bypass bypass =
          UnnecessaryModifierCheck.bypass(
              claim, line, selection.data(), table, context.subjectCode());
      if (bypass.verdict() != UnnecessaryModifierCheck.Verdict.EDIT) {
        continue;
      }
      Claims.Support support = Claims.distinctSupport(claim, context.subjectCode());
      String claimed = context.message(modifier.equals("XP") ? xpClaims : xuClaims);
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.modifierExpression(modifier))
              .evidence(Claims.line(claim, line));
      bypass.others().forEach(o -> finding.evidence(Claims.line(claim, o)));
      if (support != null && !support.xModifier().equals(modifier)) {
        String x = support.xModifier();
        finding
            .message(
                context.message(
                    replaceModifier,
                    "modifier",
                    modifier,
                    "line",
                    Claims.describe(line),
                    "claimed",
                    claimed,
                    "reason",
                    reasons.of(support, context),
                    "x",
                    x))
            .evidence(support.evidence())
            .fix(
                Fixes.removeModifier(
                    claim.ref(),
                    line,
                    modifier,
                    "Remove " + modifier + " from line " + line.sequence(),
                    true,
                    null))
            .fix(
                Fixes.addModifier(
                    claim.ref(),
                    line,
                    x,
                    "Add "
                        + x
                        + " to line "
                        + line.sequence()
                        + " ("
                        + reasons.of(support, context)
                        + ")",
                    true,
                    null))
            .emit();
        continue;
      }
      if (support != null) {
        continue;
      }
      finding
          .message(
              context.message(
                  undocumented,
                  "modifier",
                  modifier,
                  "line",
                  Claims.describe(line),
                  "claimed",
                  claimed))
          .fix(
              Fixes.document(
                  claim.procedures().isEmpty() ? claim.ref() : claim.procedures().get(0).ref(),
                  DocumentationElement.DISTINCT_STRICTURE,
                  context.message(documentDistinct),
                  true,
                  PtpCheck.GROUP))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  line,
                  "Remove line " + line.sequence() + " (" + line.code() + ")",
                  false,
                  PtpCheck.GROUP))
          .emit();
    }
  }
}
