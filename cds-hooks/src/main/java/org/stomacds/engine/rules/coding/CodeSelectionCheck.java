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

  CodeSelectionCheck(Parameters p, RuleDefinition rule) {
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
    StringBuilder message =
        new StringBuilder()
            .append(line.code())
            .append(" on line ")
            .append(line.sequence())
            .append(" is ")
            .append(lower(choice.billed().summary()))
            .append(", but the documentation says ")
            .append(String.join("; and ", choice.reasons()))
            .append(". What was done is ")
            .append(right)
            .append(" (")
            .append(lower(choice.supported().summary()))
            .append(')');
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
      message
          .append(", with ")
          .append(modifier)
          .append(" because the exam stopped before the cecum or the anastomosis");
    }
    message.append('.');
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), line.expression() + ".productOrService")
            .message(message.toString())
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
              "Replace "
                  + line.code()
                  + " with "
                  + other
                  + " on line "
                  + line.sequence()
                  + " if the exam was planned to stop before the splenic flexure",
              false,
              "code"));
    }
    finding.note(
        "Codes compared by the code family table ("
            + table.file().release()
            + "): "
            + choice.billed().where()
            + ", "
            + choice.supported().where()
            + ".");
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
