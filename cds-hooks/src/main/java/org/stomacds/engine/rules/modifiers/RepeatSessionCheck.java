package org.stomacds.engine.rules.modifiers;

import java.util.List;
import java.util.Objects;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ProcedureFacts;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code repeat-session}: a second line of the subject code on one date. When the documentation
 * shows a separate session, the second line needs 76 (same physician) or 77 (another physician),
 * with the MUE warning; when it shows one session, the repeated line is wrong (another stricture in
 * the same session is one unit): it goes, and this card (before the MUE rule in the pack) is the
 * one that says so.
 */
final class RepeatSessionCheck implements Check {

  static final String GROUP = "repeat-procedure";

  private final CodeSet repeatModifiers;
  private final String sameProvider;
  private final String otherProvider;

  private final MessageTemplate oneSession;
  private final MessageTemplate separateSession;

  RepeatSessionCheck(Parameters p, RuleDefinition rule) {
    this.oneSession = p.message("repeat-in-one-session", "modifier", "line");
    this.separateSession =
        p.message("separate-session-without-modifier", "line", "same-physician", "other-physician");
    this.repeatModifiers = p.valueSet("repeat-modifiers");
    this.sameProvider = p.text("same-physician", "76");
    this.otherProvider = p.text("other-physician", "77");
    if (!repeatModifiers.containsCode(sameProvider)
        || !repeatModifiers.containsCode(otherProvider)) {
      throw p.node("repeat-modifiers")
          .error(repeatModifiers.id() + " must hold " + sameProvider + " and " + otherProvider);
    }
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    List<ClaimLine> lines = claim.linesWithCode(context.subjectCode());
    if (lines.size() < 2) {
      return;
    }
    Claims.Sessions sessions = Claims.sessions(claim, context.subjectCode());
    ClaimLine first = lines.get(0);
    for (int i = 1; i < lines.size(); i++) {
      ClaimLine line = lines.get(i);
      if (!Objects.equals(line.date(), first.date())) {
        continue;
      }
      String present = null;
      for (String modifier : line.modifiers()) {
        if (repeatModifiers.containsCode(modifier)) {
          present = modifier;
        }
      }
      if (sessions.separate() && present == null) {
        boolean samePhysician = samePhysician(claim, first, line);
        context
            .finding(claim.ref(), line.modifierExpression(sameProvider))
            .message(
                context.message(
                    separateSession,
                    "line",
                    Claims.describe(line),
                    "same-physician",
                    sameProvider,
                    "other-physician",
                    otherProvider))
            .evidence(Claims.line(claim, first))
            .evidence(Claims.line(claim, line))
            .evidence(sessions.evidence())
            .fix(
                Fixes.addModifier(
                    claim.ref(),
                    line,
                    sameProvider,
                    "Add " + sameProvider + " to line " + line.sequence() + " (same physician)",
                    samePhysician,
                    GROUP))
            .fix(
                Fixes.addModifier(
                    claim.ref(),
                    line,
                    otherProvider,
                    "Add " + otherProvider + " to line " + line.sequence() + " (another physician)",
                    !samePhysician,
                    GROUP))
            .emit();
      } else if (!sessions.separate() && present != null) {
        context
            .finding(claim.ref(), line.modifierExpression(present))
            .message(
                context.message(oneSession, "modifier", present, "line", Claims.describe(line)))
            .severity(Severity.ERROR)
            .evidence(Claims.line(claim, line))
            .fix(
                Fixes.removeLine(
                    claim.ref(),
                    line,
                    "Remove line " + line.sequence() + " (" + line.code() + "-" + present + ")",
                    true,
                    null))
            .emit();
      }
    }
  }

  /** Same physician when the lines (or the two procedures) name the same provider, or none. */
  private static boolean samePhysician(ClaimFacts claim, ClaimLine first, ClaimLine second) {
    if (claim.procedures().size() >= 2) {
      ProcedureFacts a = claim.procedures().get(0);
      ProcedureFacts b = claim.procedures().get(1);
      if (!a.performers().isEmpty() && !b.performers().isEmpty()) {
        for (String performer : a.performers()) {
          if (b.performers().contains(performer)) {
            return true;
          }
        }
        return false;
      }
    }
    return Objects.equals(first.provider(), second.provider());
  }
}
