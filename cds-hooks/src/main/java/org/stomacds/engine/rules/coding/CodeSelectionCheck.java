package org.stomacds.engine.rules.coding;

import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ClaimType;
import org.stomacds.engine.facts.Discontinuation;
import org.stomacds.engine.facts.ExamExtent;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.CodeFamily;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code code-selection}: every line billing a code of the lower-GI endoscopy family (the pack's
 * {@code code-family} data) bills the code the documentation supports: the right family for the
 * route, the anatomy and the reach, and the therapy actually done (see {@link CodeChoice}). The fix
 * replaces the code; a diagnostic code replacing a therapeutic one on an exam stopped short gets
 * the discontinued-exam modifier (53 on a professional claim, 73/74 on a facility claim), and the
 * reduced-service modifier of the therapy goes.
 */
final class CodeSelectionCheck implements Check {

  private final String diagnosticIncomplete;
  private final String therapeuticIncomplete;
  private final String facilityBeforeAnesthesia;
  private final String facilityAfterAnesthesia;
  private final CodeChoice.History history;
  private final MessageTemplate wrongCode;
  private final MessageTemplate wrongCodeStoppedShort;
  private final MessageTemplate ifPlannedShort;
  private final MessageTemplate comparedBy;

  private static final String[] CHOICE = {
    "billed", "line", "billed-summary", "reasons", "supported", "supported-summary"
  };

  CodeSelectionCheck(Parameters p, RuleDefinition rule) {
    this.wrongCode = p.message("wrong-code", CHOICE);
    String[] withModifier = java.util.Arrays.copyOf(CHOICE, CHOICE.length + 1);
    withModifier[CHOICE.length] = "modifier";
    this.wrongCodeStoppedShort = p.message("wrong-code-stopped-short", withModifier);
    this.ifPlannedShort = p.message("replace-if-planned-short", "billed", "other", "line");
    this.comparedBy = p.message("compared-by", "release", "billed-where", "supported-where");
    this.history = CodeChoice.History.of(p);
    this.diagnosticIncomplete = p.text("diagnostic-incomplete", "53");
    this.therapeuticIncomplete = p.text("therapeutic-incomplete", "52");
    this.facilityBeforeAnesthesia = p.text("facility-before-anesthesia", "73");
    this.facilityAfterAnesthesia = p.text("facility-after-anesthesia", "74");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Selection<CodeFamily> table = context.data().codeFamily(claim.dateOfService());
    if (table == null) {
      return;
    }
    for (ClaimLine line : claim.lines()) {
      CodeChoice choice = CodeChoice.of(table.data(), claim, line, history);
      if (!CodeChoice.replaces(choice, claim)) {
        continue;
      }
      report(claim, line, choice, table, context);
    }
  }

  private void report(
      ClaimFacts claim,
      ClaimLine line,
      CodeChoice choice,
      Selection<CodeFamily> table,
      RuleContext context) {
    String right = choice.supported().code();
    String modifier = null;
    boolean incomplete =
        claim.documentation().extent().orElse(null) == ExamExtent.INCOMPLETE
            || claim.documentation().discontinuation().isPresent();
    if (choice.therapyNotDone() && incomplete && "colon".equals(choice.supported().examines())) {
      if (claim.type() == ClaimType.INSTITUTIONAL) {
        modifier =
            claim.documentation().discontinuation().orElse(null)
                    == Discontinuation.BEFORE_ANESTHESIA
                ? facilityBeforeAnesthesia
                : facilityAfterAnesthesia;
      } else {
        modifier = diagnosticIncomplete;
      }
    }
    String message =
        context.message(
            modifier == null ? wrongCode : wrongCodeStoppedShort,
            "billed",
            line.code(),
            "line",
            line.sequence(),
            "billed-summary",
            lower(choice.billed().summary()),
            "reasons",
            String.join("; and ", choice.reasons()),
            "supported",
            right,
            "supported-summary",
            lower(choice.supported().summary()),
            "modifier",
            modifier);
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), line.expression() + ".productOrService")
            .message(message)
            .evidence(Claims.line(claim, line))
            .evidence(choice.evidence())
            .fix(
                Fixes.replaceCode(
                    claim.ref(),
                    line,
                    right,
                    "Replace " + line.code() + " with " + right + " on line " + line.sequence(),
                    true,
                    choice.alternative() == null ? null : "code"));
    if (modifier != null) {
      finding.fix(
          Fixes.addModifier(
              claim.ref(),
              line,
              modifier,
              "Add " + modifier + " to line " + line.sequence(),
              true,
              null));
      for (String reduced : List.of(therapeuticIncomplete)) {
        if (line.hasModifier(reduced)) {
          finding.fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  reduced,
                  "Remove " + reduced + " from line " + line.sequence(),
                  true,
                  null));
        }
      }
    }
    if (choice.alternative() != null && !choice.alternative().code().equals(right)) {
      String other = choice.alternative().code();
      finding.fix(
          Fixes.replaceCode(
              claim.ref(),
              line,
              other,
              context.message(
                  ifPlannedShort, "billed", line.code(), "other", other, "line", line.sequence()),
              false,
              "code"));
    }
    finding.note(
        context.message(
            comparedBy,
            "release",
            table.file().release(),
            "billed-where",
            choice.billed().where(),
            "supported-where",
            choice.supported().where()));
    if (table.note() != null) {
      finding.note(table.note());
    }
    finding.emit();
  }

  private static String lower(String summary) {
    return summary.isEmpty()
        ? summary
        : Character.toLowerCase(summary.charAt(0)) + summary.substring(1);
  }
}
