package org.stomacds.engine.rules.modifiers;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.facts.PriorProcedure;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.PackWords;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.FeeScheduleRow;
import org.stomacds.engine.rules.cms.PfsData;
import org.stomacds.engine.rules.cms.PtpData;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code global-visit}: a visit (E/M) line against the global surgery package of the procedures
 * billed with it (their global days from the fee schedule of the date) and of earlier surgery by
 * the same provider. Two reports, one per rule ({@code report}):
 *
 * <ul>
 *   <li>{@code package}: a visit on the day of a minor procedure (global 000 or 010) by the same
 *       provider, with neither the separate-visit modifier (25) nor the decision-for-major one
 *       (57), is part of that procedure. Where an active NCCI edit pairs the two codes the NCCI
 *       rule reports it, not this one.
 *   <li>{@code modifiers}: the decision-for-major modifier (57) beside only minor procedures; a
 *       distinct-service modifier (59/X) on a visit; the separate-visit modifier on a visit that
 *       points only at the procedure's own diagnoses (the pre-procedure assessment is part of the
 *       procedure); a visit inside the global period of the same provider's earlier surgery with
 *       none of 24, 25, 57.
 * </ul>
 */
final class GlobalVisitCheck implements Check {

  static final String GROUP = "global-visit";

  private final CodeSet visits;
  private final CodeSet distinct;
  private final boolean packageReport;
  private final String separate;
  private final String major;
  private final String unrelatedPostop;
  private final org.stomacds.engine.findings.Severity separateVisitSeverity;

  GlobalVisitCheck(Parameters p, RuleDefinition rule) {
    this.visits = p.valueSet("evaluation-and-management");
    this.distinct = p.valueSet("distinct-modifiers");
    p.node("report");
    this.packageReport = "package".equals(p.choice("report", List.of("package", "modifiers"), ""));
    this.separate = p.text("separate-visit", "25");
    this.major = p.text("decision-for-major", "57");
    this.unrelatedPostop = p.text("unrelated-postoperative", "24");
    this.separateVisitSeverity =
        p.has("separate-visit-severity")
            ? PackWords.severity(p.node("separate-visit-severity"))
            : rule.severity();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine visit : claim.lines()) {
      if (visit.code() == null || !visits.containsCode(visit.code())) {
        continue;
      }
      LocalDate date = visit.date() != null ? visit.date() : claim.dateOfService();
      Selection<PfsData> fees = context.data().pfs(date);
      ClaimLine minor = null;
      boolean majorSameDay = false;
      for (ClaimLine other : claim.lines()) {
        if (other == visit
            || other.code() == null
            || visits.containsCode(other.code())
            || !Claims.sameDateAndProvider(visit, other)
            || fees == null) {
          continue;
        }
        FeeScheduleRow row = fees.data().row(other.code(), "");
        int days = row == null ? -1 : row.globalPeriodDays();
        if ((days == 0 || days == 10) && minor == null) {
          minor = other;
        } else if (days == 90) {
          majorSameDay = true;
        }
      }
      if (packageReport) {
        if (minor != null && !majorSameDay) {
          reportPackage(claim, visit, minor, date, fees, context);
        }
      } else {
        reportModifiers(claim, visit, minor, majorSameDay, context);
      }
    }
  }

  private void reportPackage(
      ClaimFacts claim,
      ClaimLine visit,
      ClaimLine minor,
      LocalDate date,
      Selection<PfsData> fees,
      RuleContext context) {
    if (visit.hasModifier(separate) || visit.hasModifier(major)) {
      return;
    }
    Selection<PtpData> ptp = context.data().ptp(date);
    if (ptp != null) {
      for (String table : List.of("practitioner", "outpatient_hospital")) {
        if (ptp.data().active(table, minor.code(), visit.code(), date) != null) {
          return; // the NCCI rule reports this pair
        }
      }
    }
    FeeScheduleRow row = fees.data().row(minor.code(), "");
    context
        .finding(claim.ref(), visit.expression())
        .message(
            Claims.describe(visit)
                + " is a visit on the day of "
                + Claims.describe(minor)
                + ", a minor procedure (global "
                + row.globalDays()
                + "): the assessment before it and the decision to do it are part of the"
                + " procedure's payment, for a new patient too. A visit is billed beside it only"
                + " when it was significant and separately identifiable (another problem, or work"
                + " well beyond the usual pre-procedure assessment), with "
                + separate
                + "."
                + (hasDistinct(visit) ? " A 59 or X modifier does not unbundle a visit." : ""))
        .evidence(Claims.line(claim, visit))
        .evidence(Claims.line(claim, minor))
        .fix(
            Fixes.removeLine(
                claim.ref(),
                visit,
                "Remove line " + visit.sequence() + " (" + visit.code() + ")",
                true,
                GROUP))
        .fix(
            Fixes.addModifier(
                claim.ref(),
                visit,
                separate,
                "Add "
                    + separate
                    + " to line "
                    + visit.sequence()
                    + " (only for a separately identifiable visit the record shows)",
                false,
                GROUP))
        .note(fees.note())
        .emit();
  }

  private void reportModifiers(
      ClaimFacts claim,
      ClaimLine visit,
      ClaimLine minor,
      boolean majorSameDay,
      RuleContext context) {
    if (visit.hasModifier(major) && minor != null && !majorSameDay) {
      context
          .finding(claim.ref(), visit.modifierExpression(major))
          .message(
              major
                  + " on "
                  + Claims.describe(visit)
                  + " marks the visit where the decision for major surgery (a 90-day global"
                  + " period) was made; "
                  + minor.code()
                  + " on the same day is a minor procedure, whose decision is part of it. The"
                  + " visit is not billed, unless it was significant and separately identifiable,"
                  + " then with "
                  + separate
                  + ".")
          .evidence(Claims.line(claim, visit))
          .evidence(Claims.line(claim, minor))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  visit,
                  "Remove line " + visit.sequence() + " (" + visit.code() + ")",
                  true,
                  GROUP))
          .emit();
      return;
    }
    if (hasDistinct(visit)) {
      String modifier = distinctModifier(visit);
      context
          .finding(claim.ref(), visit.modifierExpression(modifier))
          .message(
              modifier
                  + " on "
                  + Claims.describe(visit)
                  + ": 59 and the X modifiers are for procedures, never for a visit. A visit"
                  + " separately identifiable from a procedure the same day carries "
                  + separate
                  + ".")
          .evidence(Claims.line(claim, visit))
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  visit,
                  modifier,
                  "Remove " + modifier + " from line " + visit.sequence(),
                  true,
                  null))
          .emit();
      return;
    }
    if (visit.hasModifier(separate) && minor != null && onlyProcedureDiagnoses(visit, minor)) {
      context
          .finding(claim.ref(), visit.modifierExpression(separate))
          .severity(separateVisitSeverity)
          .message(
              separate
                  + " on "
                  + Claims.describe(visit)
                  + " says the visit was significant and separately identifiable from "
                  + minor.code()
                  + ", but it points only at the diagnoses of the procedure: a visit that is the"
                  + " pre-procedure assessment and consent is part of the procedure. Keep it only"
                  + " if the visit note documents another problem or work well beyond that.")
          .evidence(Claims.line(claim, visit))
          .evidence(Claims.line(claim, minor))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  visit,
                  "Remove line " + visit.sequence() + " (" + visit.code() + ")",
                  false,
                  GROUP))
          .fix(
              Fixes.manual(
                  claim.ref(),
                  "Keep "
                      + separate
                      + " only with a visit note that documents the separate problem or work",
                  true,
                  GROUP))
          .emit();
      return;
    }
    if (visit.hasModifier(separate)
        || visit.hasModifier(major)
        || visit.hasModifier(unrelatedPostop)) {
      return;
    }
    for (PriorProcedure prior : claim.priorProcedures()) {
      if (prior.performers().isEmpty()
          || visit.provider() == null
          || !prior.performers().contains(visit.provider())
          || prior.globalDays() != 90
          || visit.date() == null
          || !visit.date().isAfter(prior.date())) {
        continue;
      }
      context
          .finding(claim.ref(), visit.modifierExpression(unrelatedPostop))
          .message(
              Claims.describe(visit)
                  + " falls inside the 90-day global period of "
                  + prior.code()
                  + " done on "
                  + prior.date()
                  + " by the same provider: visits for that surgery and its complications are"
                  + " part of its payment. A visit for an unrelated problem carries "
                  + unrelatedPostop
                  + ".")
          .evidence(Claims.line(claim, visit))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  visit,
                  "Remove line " + visit.sequence() + " (part of the surgery's package)",
                  true,
                  GROUP))
          .fix(
              Fixes.addModifier(
                  claim.ref(),
                  visit,
                  unrelatedPostop,
                  "Add " + unrelatedPostop + " to line " + visit.sequence() + " (unrelated visit)",
                  false,
                  GROUP))
          .emit();
      return;
    }
  }

  private boolean hasDistinct(ClaimLine line) {
    return distinctModifier(line) != null;
  }

  private String distinctModifier(ClaimLine line) {
    for (String modifier : line.modifiers()) {
      if (distinct.containsCode(modifier)) {
        return modifier;
      }
    }
    return null;
  }

  /** Whether every diagnosis the visit points at is one the procedure line points at. */
  private static boolean onlyProcedureDiagnoses(ClaimLine visit, ClaimLine procedure) {
    if (visit.diagnoses().isEmpty()) {
      return false;
    }
    Set<String> procedureCodes = new HashSet<>();
    for (Diagnosis d : procedure.diagnoses()) {
      procedureCodes.add(d.code());
    }
    for (Diagnosis d : visit.diagnoses()) {
      if (!procedureCodes.contains(d.code())) {
        return false;
      }
    }
    return true;
  }
}
