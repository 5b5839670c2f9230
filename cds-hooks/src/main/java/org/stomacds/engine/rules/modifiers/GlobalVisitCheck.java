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
import org.stomacds.engine.rules.MessageTemplate;
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
  private MessageTemplate inPackage;
  private MessageTemplate distinctDoesNotUnbundle;
  private MessageTemplate majorBesideMinor;
  private MessageTemplate distinctOnVisit;
  private MessageTemplate separateForProcedureDiagnoses;
  private MessageTemplate keepWithNote;
  private MessageTemplate insidePostoperative;

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
    if (packageReport) {
      inPackage =
          p.message(
              "visit-in-minor-package", "visit", "procedure", "global-days", "separate-visit");
      distinctDoesNotUnbundle = p.message("distinct-does-not-unbundle-a-visit");
    } else {
      majorBesideMinor =
          p.message(
              "decision-for-major-beside-minor",
              "modifier",
              "visit",
              "procedure-code",
              "separate-visit");
      distinctOnVisit =
          p.message("distinct-modifier-on-visit", "modifier", "visit", "separate-visit");
      separateForProcedureDiagnoses =
          p.message(
              "separate-visit-for-procedure-diagnoses", "modifier", "visit", "procedure-code");
      keepWithNote = p.message("keep-separate-visit-with-note", "separate-visit");
      insidePostoperative =
          p.message(
              "inside-postoperative-period",
              "visit",
              "prior-code",
              "prior-date",
              "unrelated-visit");
    }
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
            context.message(
                    inPackage,
                    "visit",
                    Claims.describe(visit),
                    "procedure",
                    Claims.describe(minor),
                    "global-days",
                    row.globalDays(),
                    "separate-visit",
                    separate)
                + (hasDistinct(visit) ? " " + context.message(distinctDoesNotUnbundle) : ""))
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
              context.message(
                  majorBesideMinor,
                  "modifier",
                  major,
                  "visit",
                  Claims.describe(visit),
                  "procedure-code",
                  minor.code(),
                  "separate-visit",
                  separate))
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
              context.message(
                  distinctOnVisit,
                  "modifier",
                  modifier,
                  "visit",
                  Claims.describe(visit),
                  "separate-visit",
                  separate))
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
              context.message(
                  separateForProcedureDiagnoses,
                  "modifier",
                  separate,
                  "visit",
                  Claims.describe(visit),
                  "procedure-code",
                  minor.code()))
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
                  context.message(keepWithNote, "separate-visit", separate),
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
              context.message(
                  insidePostoperative,
                  "visit",
                  Claims.describe(visit),
                  "prior-code",
                  prior.code(),
                  "prior-date",
                  prior.date(),
                  "unrelated-visit",
                  unrelatedPostop))
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
