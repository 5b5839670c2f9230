package org.stomacds.engine.rules.bundling;

import java.util.ArrayList;
import java.util.List;
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
import org.stomacds.engine.rules.cms.PtpData;
import org.stomacds.engine.rules.cms.PtpEdit;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code unnecessary-distinct-modifier}: a 59/X modifier on a line that pairs with the subject code
 * under no active NCCI edit at all (e.g. 44405 with 74360, 45386, 44381, G0500) bypasses nothing,
 * so it is unnecessary, and an unneeded distinct-service modifier draws audits; it is never a
 * reason to remove the payable line. Under an indicator-0 edit the modifier cannot help and the PTP
 * rule asks for the line's removal, so this check is quiet there. The data holds only edits
 * involving the subject code, so the check speaks only when every other line of the date and
 * provider pairs with the subject code. A second line of the subject code itself is left to the MUE
 * and repeat-session rules.
 */
final class UnnecessaryModifierCheck implements Check {

  private final CodeSet distinct;
  private final CodeSet visits;
  private final MessageTemplate noOtherLine;
  private final MessageTemplate noEdit;

  UnnecessaryModifierCheck(Parameters p, RuleDefinition rule) {
    this.noOtherLine = p.message("no-other-line", "modifier", "line", "billed");
    this.noEdit = p.message("no-edit", "modifier", "line", "billed", "others");
    this.distinct = p.valueSet("distinct-modifiers");
    this.visits =
        p.has("evaluation-and-management") ? p.valueSet("evaluation-and-management") : null;
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Selection<PtpData> selection = context.data().ptp(claim.dateOfService());
    if (selection == null) {
      return;
    }
    String table = PtpCheck.table(claim);
    String subject = context.subjectCode();
    for (ClaimLine line : claim.lines()) {
      String modifier = null;
      for (String candidate : line.modifiers()) {
        if (distinct.containsCode(candidate)) {
          modifier = candidate;
          break;
        }
      }
      if (modifier == null || line.code() == null) {
        continue;
      }
      if (visits != null && visits.containsCode(line.code())) {
        continue; // 59 or an X modifier on a visit: the global-surgery visit rules speak to it
      }
      Bypass bypass = bypass(claim, line, selection.data(), table, subject);
      if (bypass.verdict() != Verdict.NOTHING) {
        continue;
      }
      List<ClaimLine> others = bypass.others();
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.modifierExpression(modifier))
              .evidence(Claims.line(claim, line))
              .note(selection.note());
      for (ClaimLine other : others) {
        finding.evidence(Claims.line(claim, other));
      }
      finding
          .evidence(
              new Evidence(
                  null,
                  null,
                  selection.file().release() + ": no active indicator-1 edit for these pairs"))
          .message(
              context.message(
                  others.isEmpty() ? noOtherLine : noEdit,
                  "modifier",
                  modifier,
                  "line",
                  Claims.describe(line),
                  "billed",
                  line.code(),
                  "others",
                  codes(others)))
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  modifier,
                  "Remove " + modifier + " from line " + line.sequence(),
                  true,
                  null))
          .emit();
    }
  }

  /** What a distinct-service modifier on a line does, as far as the edits we hold can tell. */
  enum Verdict {
    /** An active edit pairs the line with another line of the date and provider. */
    EDIT,
    /** It bypasses nothing: every other line pairs with the subject code under no such edit. */
    NOTHING,
    /** Our data cannot tell (a pair without the subject code, a repeat of the same code). */
    UNKNOWN
  }

  /**
   * @param verdict what the modifier does
   * @param others the other lines of the date and provider it was judged against
   */
  record Bypass(Verdict verdict, List<ClaimLine> others) {}

  /**
   * Whether a distinct-service modifier on {@code line} stands on an active NCCI edit. The data
   * holds only edits involving the subject code, so a line is judged only when every other line of
   * its date and provider pairs with the subject code; a subject-code line alone on its date
   * bypasses nothing.
   */
  static Bypass bypass(
      ClaimFacts claim, ClaimLine line, PtpData ptp, String table, String subject) {
    List<ClaimLine> others = new ArrayList<>(2);
    boolean justified = false;
    for (ClaimLine other : claim.lines()) {
      if (other == line || other.code() == null || !Claims.sameDateAndProvider(line, other)) {
        continue;
      }
      if (other.code().equals(line.code())) {
        return new Bypass(Verdict.UNKNOWN, others); // the MUE and repeat rules speak to it
      }
      if (!subject.equals(line.code()) && !subject.equals(other.code())) {
        return new Bypass(Verdict.UNKNOWN, others); // an edit our data does not hold may need it
      }
      others.add(other);
      PtpEdit forward = ptp.active(table, line.code(), other.code(), line.date());
      PtpEdit backward = ptp.active(table, other.code(), line.code(), line.date());
      // An edit of either indicator means the pair is an NCCI pair: indicator 1 is what the
      // modifier bypasses; indicator 0 is one no modifier bypasses, which the PTP rule reports as
      // a line to remove. Either way the modifier is not "unnecessary".
      if (forward != null || backward != null) {
        justified = true;
      }
    }
    if (justified) {
      return new Bypass(Verdict.EDIT, others);
    }
    if (others.isEmpty() && !subject.equals(line.code())) {
      return new Bypass(Verdict.UNKNOWN, others);
    }
    return new Bypass(Verdict.NOTHING, others);
  }

  private static String codes(List<ClaimLine> lines) {
    List<String> codes = new ArrayList<>(lines.size());
    for (ClaimLine line : lines) {
      codes.add(line.code());
    }
    return String.join(", ", codes);
  }
}
