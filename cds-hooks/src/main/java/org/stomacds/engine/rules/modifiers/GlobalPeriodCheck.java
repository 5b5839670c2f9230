package org.stomacds.engine.rules.modifiers;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.PriorProcedure;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.PackWords;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.GlobalDaysRow;

/**
 * {@code global-period}: inside the global period of an earlier procedure by the same provider, the
 * subject line needs 58 (staged or planned), 78 (unplanned return to the procedure room for a
 * related problem) or 79 (unrelated). Which one is the surgeon's call; the one suggested first is
 * 78 when the earlier procedure is in the {@code related-ranges} (surgery on the same organ system,
 * where a stricture is a likely complication), else 79.
 */
final class GlobalPeriodCheck implements Check {

  static final String GROUP = "global-period";

  private final CodeSet globalModifiers;
  private final String staged;
  private final String related;
  private final String unrelated;
  private final List<int[]> relatedRanges = new ArrayList<>();
  private final List<String> complicationPrefixes;
  private final MessageTemplate insideGlobalPeriod;
  private final MessageTemplate supplementedDays;
  private final MessageTemplate performerUnknown;
  private final MessageTemplate anotherProvidersPeriod;
  private final MessageTemplate stagedForComplication;

  GlobalPeriodCheck(Parameters p, RuleDefinition rule) {
    this.insideGlobalPeriod =
        p.message(
            "inside-global-period",
            "line",
            "global-days",
            "prior-code",
            "prior-date",
            "global-ends",
            "staged",
            "related",
            "unrelated");
    this.supplementedDays =
        p.message("supplemented-global-days", "prior-code", "global-days", "file", "confidence");
    this.performerUnknown = p.message("performer-unknown", "prior-code");
    this.anotherProvidersPeriod =
        p.message(
            "another-providers-global-period", "modifier", "line", "prior-code", "prior-date");
    this.stagedForComplication =
        p.message("staged-for-a-complication", "staged", "line", "diagnosis", "related");
    this.globalModifiers = p.valueSet("global-modifiers");
    this.staged = p.text("staged", "58");
    this.related = p.text("related", "78");
    this.unrelated = p.text("unrelated", "79");
    this.complicationPrefixes = p.codes("complication-diagnoses");
    for (String range : p.codes("related-ranges")) {
      String[] ends = range.split("-");
      try {
        relatedRanges.add(
            new int[] {Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1])});
      } catch (NumberFormatException e) {
        throw p.node("related-ranges")
            .error("a range is two CPT codes like 40490-49999, not '" + range + "'");
      }
    }
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (claim.priorProcedures().isEmpty()) {
      return;
    }
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      boolean has = false;
      for (String modifier : line.modifiers()) {
        has |= globalModifiers.containsCode(modifier);
      }
      if (has) {
        GlobalModifierReview.review(claim, line, this, context);
        continue;
      }
      for (PriorProcedure prior : claim.priorProcedures()) {
        boolean performerKnown = !prior.performers().isEmpty() && line.provider() != null;
        if (performerKnown && !prior.performers().contains(line.provider())) {
          continue; // another surgeon's global period does not bind this one
        }
        boolean isRelated = inRelatedRange(prior.code());
        RuleContext.FindingBuilder finding =
            context
                .finding(claim.ref(), line.modifierExpression(related))
                .message(
                    context.message(
                        insideGlobalPeriod,
                        "line",
                        Claims.describe(line),
                        "global-days",
                        prior.globalDays(),
                        "prior-code",
                        prior.code(),
                        "prior-date",
                        prior.date(),
                        "global-ends",
                        prior.globalEnds(),
                        "staged",
                        staged,
                        "related",
                        related,
                        "unrelated",
                        unrelated))
                .evidence(Claims.line(claim, line))
                .evidence(
                    new Evidence(
                        prior.ref(),
                        "Procedure.performed",
                        prior.code()
                            + " on "
                            + prior.date()
                            + ", global "
                            + prior.globalDays()
                            + " days"))
                .fix(
                    Fixes.addModifier(
                        claim.ref(),
                        line,
                        related,
                        "Add "
                            + related
                            + " to line "
                            + line.sequence()
                            + " (related problem, return to the procedure room)",
                        isRelated,
                        GROUP))
                .fix(
                    Fixes.addModifier(
                        claim.ref(),
                        line,
                        unrelated,
                        "Add "
                            + unrelated
                            + " to line "
                            + line.sequence()
                            + " (unrelated to "
                            + prior.code()
                            + ")",
                        !isRelated,
                        GROUP))
                .fix(
                    Fixes.addModifier(
                        claim.ref(),
                        line,
                        staged,
                        "Add " + staged + " to line " + line.sequence() + " (staged or planned)",
                        false,
                        GROUP));
        GlobalDaysRow supplement = context.data().supplementedGlobalDays(prior.code());
        if (supplement != null && supplement.globalPeriodDays() == prior.globalDays()) {
          finding.note(
              context.message(
                  supplementedDays,
                  "prior-code",
                  prior.code(),
                  "global-days",
                  supplement.globalDays(),
                  "file",
                  fileName(supplement.file()),
                  "confidence",
                  PackWords.words(supplement.confidence().name())));
        }
        if (!performerKnown) {
          finding.note(context.message(performerUnknown, "prior-code", prior.code()));
        }
        finding.emit();
        break;
      }
    }
  }

  String staged() {
    return staged;
  }

  String related() {
    return related;
  }

  MessageTemplate anotherProvidersPeriod() {
    return anotherProvidersPeriod;
  }

  MessageTemplate stagedForComplication() {
    return stagedForComplication;
  }

  CodeSet globalModifiers() {
    return globalModifiers;
  }

  List<String> complicationPrefixes() {
    return complicationPrefixes;
  }

  /** A data file's name and line without its folder (a server path is nobody's business). */
  private static String fileName(String path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }

  private boolean inRelatedRange(String code) {
    if (code.length() != 5 || !code.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int value = Integer.parseInt(code);
    for (int[] range : relatedRanges) {
      if (value >= range[0] && value <= range[1]) {
        return true;
      }
    }
    return false;
  }
}
