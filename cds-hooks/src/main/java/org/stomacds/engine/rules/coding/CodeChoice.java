package org.stomacds.engine.rules.coding;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ClaimType;
import org.stomacds.engine.facts.Documentation;
import org.stomacds.engine.facts.ExamExtent;
import org.stomacds.engine.facts.PastProcedure;
import org.stomacds.engine.facts.PerformedService;
import org.stomacds.engine.facts.PerformedService.Route;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.cms.CodeFamily;

/**
 * The code of the lower-GI endoscopy family that the documentation supports for one claim line: the
 * line's family corrected by the route (which stoma, per anus, a closed stoma), the anatomy (no
 * colon left behind an ileostomy) and the reach (a planned exam short of the splenic flexure), and
 * its therapy corrected by what was done (no balloon through the scope; a stent or an ablation of
 * the lesion, whose code includes the dilation). Null fields: nothing to correct.
 *
 * @param billed the line's row in the code family table
 * @param supported the row the documentation supports (the billed one when nothing differs)
 * @param reasons why, in words, one per correction
 * @param evidence the documentation's words behind the reasons
 * @param alternative another code a person may pick (per anus with the reach unsaid), or null
 */
record CodeChoice(
    CodeFamily.Row billed,
    CodeFamily.Row supported,
    List<String> reasons,
    List<Evidence> evidence,
    CodeFamily.Row alternative) {

  /**
   * Surgery in the patient's record that settles the anatomy when the note does not: codes that
   * remove the whole colon, codes that close a stoma (rule parameters).
   */
  record History(List<String> colonRemovedBy, List<String> stomaClosedBy) {
    static final History NONE = new History(List.of(), List.of());

    static History of(Parameters p) {
      return new History(p.codes("colon-removed-by"), p.codes("stoma-closed-by"));
    }
  }

  static final String STOMAL_ILEOSCOPY = "stomal-ileoscopy";
  static final String STOMAL_COLONOSCOPY = "stomal-colonoscopy";
  static final String COLONOSCOPY = "colonoscopy";
  static final String SIGMOIDOSCOPY = "sigmoidoscopy";
  static final String BALLOON_DILATION = "balloon-dilation";
  static final String STENT = "stent";
  static final String ABLATION = "ablation";

  boolean changes() {
    return supported != null && !supported.code().equals(billed.code());
  }

  /** Whether the therapy billed was not done, so the supported code is the diagnostic one. */
  boolean therapyNotDone() {
    return changes() && supported.diagnostic() && !billed.diagnostic();
  }

  /** The choice for one line, or null when the line's code is not in the table. */
  static CodeChoice of(CodeFamily table, ClaimFacts claim, ClaimLine line, History history) {
    CodeFamily.Row row = table.row(line.code());
    if (row == null || "either".equals(row.route())) {
      return null;
    }
    Documentation docs = claim.documentation();
    PerformedService svc = withHistory(docs.service(), claim, history);
    List<String> reasons = new ArrayList<>(2);
    List<Evidence> evidence = new ArrayList<>(2);
    String family = row.family();
    String alternativeFamily = null;
    Route stoma = svc.stomaRoute();
    boolean perAnus = svc.route() != null && svc.route().value() == Route.ANUS;
    if ("stoma".equals(row.route())) {
      if (svc.stomaClosed() != null && stoma == null) {
        family = perAnusFamily(docs, svc);
        alternativeFamily = reachUnsaid(docs, svc) ? SIGMOIDOSCOPY : null;
        reasons.add("the stoma was closed before this procedure, so the scope went in per anus");
        evidence.add(svc.stomaClosed());
        if (perAnus) {
          evidence.add(svc.route().evidence());
        }
        reach(family, svc, reasons, evidence);
      } else if (perAnus) {
        family = perAnusFamily(docs, svc);
        alternativeFamily = reachUnsaid(docs, svc) ? SIGMOIDOSCOPY : null;
        reasons.add("the scope went in per anus, not through the stoma");
        evidence.add(svc.route().evidence());
        reach(family, svc, reasons, evidence);
      } else if (stoma == Route.ILEOSTOMY
          && svc.colonAbsent() != null
          && STOMAL_COLONOSCOPY.equals(row.family())) {
        family = STOMAL_ILEOSCOPY;
        reasons.add(
            "the scope went through an ileostomy and no colon remains, so only small bowel was"
                + " examined");
        evidence.add(svc.route().evidence());
        evidence.add(svc.colonAbsent());
      } else if (stoma == Route.COLOSTOMY && STOMAL_ILEOSCOPY.equals(row.family())) {
        family = STOMAL_COLONOSCOPY;
        reasons.add("the scope went through a colostomy, so colon was examined");
        evidence.add(svc.route().evidence());
      }
    } else if (perAnus || stoma == null) {
      if (COLONOSCOPY.equals(row.family())
          && svc.splenicFlexureNotReached() != null
          && svc.shortExamPlanned() != null) {
        family = SIGMOIDOSCOPY;
        reasons.add(
            "the exam was planned short and did not pass the splenic flexure, which is a"
                + " sigmoidoscopy");
        evidence.add(svc.splenicFlexureNotReached());
        evidence.add(svc.shortExamPlanned());
      } else if (SIGMOIDOSCOPY.equals(row.family())
          && docs.extent().orElse(null) == ExamExtent.COMPLETE
          && svc.splenicFlexureNotReached() == null) {
        family = COLONOSCOPY;
        reasons.add("the scope reached the cecum, which is a colonoscopy");
        evidence.addAll(
            docs.evidence(org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM));
      }
    } else if (stoma == Route.COLOSTOMY
        || (stoma == Route.ILEOSTOMY && svc.colonAbsent() != null)) {
      family = stoma == Route.COLOSTOMY ? STOMAL_COLONOSCOPY : STOMAL_ILEOSCOPY;
      reasons.add(
          "the scope went through the "
              + (stoma == Route.COLOSTOMY ? "colostomy" : "ileostomy")
              + ", not per anus");
      evidence.add(svc.route().evidence());
    }
    String therapy = row.therapy();
    if (BALLOON_DILATION.equals(therapy)) {
      PerformedService.Said<PerformedService.Dilation> dilation = svc.dilation();
      if (svc.noBalloonDilation()) {
        therapy = CodeFamily.DIAGNOSTIC;
        reasons.add(
            dilation.value() == PerformedService.Dilation.OTHER_METHOD
                ? "the stoma or stricture was stretched without a balloon through the scope"
                    + " (finger, Hegar dilators or bougies), which is not a transendoscopic"
                    + " balloon dilation"
                : "no balloon dilation was done");
        evidence.add(dilation.evidence());
      } else if (docs.distinctStrictures() < 2) {
        String absorbing =
            svc.stentPlaced() != null ? STENT : svc.ablationDone() != null ? ABLATION : null;
        if (absorbing != null && !billsTherapy(table, claim, absorbing)) {
          therapy = absorbing;
          reasons.add(
              (absorbing.equals(STENT) ? "a stent was placed" : "the lesion was ablated")
                  + " in the same session, and that code includes the dilation of the lesion");
          evidence.add(absorbing.equals(STENT) ? svc.stentPlaced() : svc.ablationDone());
        }
      }
    }
    if (reasons.isEmpty()) {
      return new CodeChoice(row, row, List.of(), List.of(), null);
    }
    CodeFamily.Row supported = table.code(family, therapy);
    CodeFamily.Row alternative =
        alternativeFamily == null ? null : table.code(alternativeFamily, therapy);
    return new CodeChoice(row, supported, List.copyOf(reasons), List.copyOf(evidence), alternative);
  }

  /**
   * The service facts with what the note leaves unsaid filled from the patient's record: a total
   * colectomy, a stoma closure, done before the date of service.
   */
  private static PerformedService withHistory(
      PerformedService svc, ClaimFacts claim, History history) {
    Evidence colon = svc.colonAbsent();
    Evidence closed = svc.stomaClosed();
    for (PastProcedure past : claim.patient().history()) {
      if (claim.dateOfService() == null || !past.date().isBefore(claim.dateOfService())) {
        continue;
      }
      if (colon == null && history.colonRemovedBy().contains(past.code())) {
        colon = recorded(past, "removes the whole colon");
      }
      if (closed == null && history.stomaClosedBy().contains(past.code())) {
        closed = recorded(past, "closes a stoma");
      }
    }
    if (colon == svc.colonAbsent() && closed == svc.stomaClosed()) {
      return svc;
    }
    return new PerformedService(
        svc.route(),
        svc.stomaKind(),
        colon,
        closed,
        svc.dilation(),
        svc.stentPlaced(),
        svc.ablationDone(),
        svc.shortExamPlanned(),
        svc.splenicFlexureNotReached());
  }

  private static Evidence recorded(PastProcedure past, String what) {
    return new Evidence(
        past.ref(),
        "Procedure.code",
        "earlier procedure " + past.code() + " on " + past.date() + " (" + what + ")");
  }

  /** Per anus: a colonoscopy unless a short exam was planned and stopped before the flexure. */
  private static String perAnusFamily(Documentation docs, PerformedService svc) {
    return svc.splenicFlexureNotReached() != null && svc.shortExamPlanned() != null
        ? SIGMOIDOSCOPY
        : COLONOSCOPY;
  }

  private static void reach(
      String family, PerformedService svc, List<String> reasons, List<Evidence> evidence) {
    if (SIGMOIDOSCOPY.equals(family)) {
      reasons.add(
          "the exam was planned short and did not pass the splenic flexure, which is a"
              + " sigmoidoscopy");
      evidence.add(svc.splenicFlexureNotReached());
      evidence.add(svc.shortExamPlanned());
    }
  }

  private static boolean reachUnsaid(Documentation docs, PerformedService svc) {
    return docs.extent().isEmpty() && svc.splenicFlexureNotReached() == null;
  }

  private static boolean billsTherapy(CodeFamily table, ClaimFacts claim, String therapy) {
    for (ClaimLine other : claim.lines()) {
      CodeFamily.Row row = table.row(other.code());
      if (row != null && row.therapy().equals(therapy)) {
        return true;
      }
    }
    return false;
  }

  /** Whether another line of the claim bills a code that already includes this line's therapy. */
  static boolean includedByAnotherLine(CodeFamily table, ClaimFacts claim, ClaimLine line) {
    CodeFamily.Row row = table.row(line.code());
    if (row == null) {
      return false;
    }
    for (ClaimLine other : claim.lines()) {
      CodeFamily.Row o = table.row(other.code());
      if (other != line && o != null && o.includes().contains(row.therapy())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the code-selection rule replaces the line's code. Not where a hospital discontinued the
   * procedure (for the patient's safety, after sedation or the scope's insertion): a facility
   * reports the procedure planned with 73 or 74 (Pub. 100-04, ch. 4, discontinued services), which
   * the incomplete-exam rule asks for.
   */
  static boolean replaces(CodeChoice choice, ClaimFacts claim) {
    return choice != null
        && choice.changes()
        && !(claim.type() == ClaimType.INSTITUTIONAL
            && choice.therapyNotDone()
            && claim.documentation().discontinuation().isPresent());
  }
}
