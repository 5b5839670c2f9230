package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;

/** The code billed against what the note says was done (code-matches-documentation). */
class CodeSelectionRulesTest {

  private static final String RULE = "code-matches-documentation";

  private static List<Finding> code(CaseBuilder c) {
    return findings(evaluate(c, Stage.CLAIM), RULE);
  }

  private static List<Finding> rule(CaseBuilder c, String id) {
    return findings(evaluate(c, Stage.CLAIM), id);
  }

  private static CaseBuilder noted(String note, String code, String... modifiers) {
    return CaseBuilder.newCase().note(note).diagnosis("K94.03").line(code, modifiers);
  }

  private static final String COLOSTOMY_BALLOON =
      "PROCEDURE: Colonoscopy through end colostomy with balloon dilation.\n"
          + "TECHNIQUE: Scope introduced through the colostomy. Fascial ring 9 mm. TTS balloon 15,"
          + " 16.5 and 18 mm, 60 seconds each. Scope then advanced to the cecum.\n";

  // ---- clean cases: the rule stays quiet -----------------------------------------------------

  @Test
  void aBalloonDilationThroughAColostomyBilled44405IsLeftAlone() {
    assertThat(code(noted(COLOSTOMY_BALLOON, "44405"))).isEmpty();
  }

  @Test
  void onlyTheLineWhoseCodeTheNoteDoesNotSupportIsCorrected() {
    String note =
        "HISTORY: Total proctocolectomy with end ileostomy 2015.\n"
            + "TECHNIQUE: Gastroscope passed through the ileostomy; TTS balloon 12-13.5-15 mm.\n";
    assertThat(code(noted(note, "44381").line("44405")))
        .singleElement()
        .satisfies(f -> assertThat(f.expression()).startsWith("Claim.item[1]"));
  }

  @Test
  void aNoteThatSaysNothingOfRouteOrDilationChangesNoCode() {
    assertThat(code(noted("Stoma stenosis, treated.", "44405"))).isEmpty();
  }

  @Test
  void aDiagnosticCodeForAnExamWithoutDilationIsLeftAlone() {
    String note =
        "Colonoscopy through colostomy. Balloon set up but not needed; scope passed freely to"
            + " the cecum.";
    assertThat(code(noted(note, "44388").line("44405")))
        .singleElement()
        .satisfies(f -> assertThat(f.expression()).startsWith("Claim.item[1]"));
  }

  // ---- wrong family --------------------------------------------------------------------------

  @Test
  void throughAnIleostomyWithNoColonLeftTheCodeIsTheIleoscopyOne() {
    String note =
        "PROCEDURE: Endoscopy through end ileostomy with TTS balloon dilation.\n"
            + "HISTORY: Total proctocolectomy with end ileostomy 2016. No colon or rectum remains.\n"
            + "TECHNIQUE: TTS balloon 12, 13.5 and 15 mm across the ring, 60 seconds each.\n";
    Finding f = code(noted(note, "44405")).get(0);
    assertThat(f.fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(tuple(FixKind.REPLACE_CODE, "44381"));
    assertThat(f.message()).contains("no colon remains");
    assertThat(f.expression()).isEqualTo("Claim.item[0].productOrService");
  }

  @Test
  void perAnusWithTheCecumReachedIsTheColonoscopyCode() {
    String note =
        "HISTORY: Loop colostomy closed in 2024; no stoma present.\n"
            + "TECHNIQUE: Colonoscope inserted per anus. At 40 cm an anastomotic stricture; TTS"
            + " balloon 15-16.5-18 mm. Scope then advanced to the cecum.\n";
    assertThat(code(noted(note, "44405")).get(0).fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(tuple(FixKind.REPLACE_CODE, "45386"));
  }

  @Test
  void perAnusPlannedShortOfTheSplenicFlexureIsTheSigmoidoscopyCode() {
    String note =
        "TECHNIQUE: Adult colonoscope inserted per anus (stoma not intubated). At 25 cm an"
            + " anastomotic stricture; TTS balloon 15, 16.5 and 18 mm. Scope passed to 35 cm."
            + " Examination ended there as planned. Splenic flexure not reached.\n";
    CaseBuilder c = noted(note, "44405");
    assertThat(code(c).get(0).fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(tuple(FixKind.REPLACE_CODE, "45340"));
    assertThat(rule(c, "mod-incomplete-exam"))
        .as("a planned short exam is not incomplete")
        .isEmpty();
  }

  @Test
  void perAnusWithTheReachUnsaidOffersTheSigmoidoscopyCodeAsTheAlternative() {
    String note = "Colonoscope inserted per anus; TTS balloon 18 mm across the anastomosis.";
    assertThat(code(noted(note, "44405")).get(0).fixes())
        .extracting(Fix::code, Fix::recommended, Fix::alternativeGroup)
        .containsExactly(tuple("45386", true, "code"), tuple("45340", false, "code"));
  }

  @Test
  void aTotalProctocolectomyInTheRecordSettlesTheAnatomyTheNoteLeavesUnsaid() {
    String note =
        "Scope passed through the end ileostomy. TTS balloon 12-13.5-15 mm across the fascial"
            + " ring; ileum normal to 40 cm.";
    CaseBuilder c = noted(note, "44405");
    assertThat(code(c)).as("no history: the colon may be there").isEmpty();
    Procedure tpc = new Procedure();
    tpc.setId("Procedure/tpc");
    tpc.setStatus(Procedure.ProcedureStatus.COMPLETED);
    tpc.setCode(CaseBuilder.concept(CaseBuilder.CPT, "44155"));
    tpc.setSubject(new Reference("Patient/pat1"));
    tpc.setPerformed(new DateTimeType("2016-03-01"));
    Finding f = code(noted(note, "44405").add(tpc)).get(0);
    assertThat(f.fixes()).extracting(Fix::code).containsExactly("44381");
    assertThat(f.evidence())
        .anySatisfy(e -> assertThat(e.text()).contains("44155").contains("2016-03-01"));
  }

  @Test
  void aStomaClosureInTheRecordMakesAPerAnusExamOfAStomalCode() {
    String note =
        "Colonoscope advanced to the cecum. Anastomotic stricture at 40 cm dilated with an 18 mm"
            + " TTS balloon.";
    Procedure closure = new Procedure();
    closure.setId("Procedure/closure");
    closure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    closure.setCode(CaseBuilder.concept(CaseBuilder.CPT, "44620"));
    closure.setSubject(new Reference("Patient/pat1"));
    closure.setPerformed(new DateTimeType("2023-03-01"));
    assertThat(code(noted(note, "44405").add(closure)).get(0).fixes())
        .extracting(Fix::code)
        .containsExactly("45386");
  }

  // ---- the therapy -----------------------------------------------------------------------------

  @Test
  void noBalloonInflatedIsTheDiagnosticCode() {
    String note =
        "Colonoscopy through colostomy. Balloon dilator set up on the tray but NOT needed: the"
            + " colonoscope passed without resistance to the cecum. No dilation done.";
    Finding f = code(noted(note, "44405")).get(0);
    assertThat(f.fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(tuple(FixKind.REPLACE_CODE, "44388"));
  }

  @Test
  void aFingerOrHegarDilationIsNotATransendoscopicBalloonDilation() {
    String note =
        "Colonoscopy through colostomy. Stoma gently dilated digitally, then with Hegar dilators"
            + " 13, 15 and 17 mm. No through-the-scope balloon was used. Colonoscope then passed"
            + " through the stoma to the cecum.";
    Finding f = code(noted(note, "44405")).get(0);
    assertThat(f.fixes()).extracting(Fix::code).containsExactly("44388");
    assertThat(f.message()).contains("Hegar");
  }

  @Test
  void anExamStoppedBeforeAnyDilationIsTheDiagnosticCodeWith53AndNoIncompleteExamCard() {
    String note =
        "Attempted colonoscopy through colostomy. At 45 cm a tight ulcerated stricture; the scope"
            + " could not pass. Because of the perforation risk, balloon dilation was NOT"
            + " attempted. Procedure ended; cecum not reached.";
    CaseBuilder c = noted(note, "44405");
    assertThat(code(c).get(0).fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(tuple(FixKind.REPLACE_CODE, "44388"), tuple(FixKind.ADD_MODIFIER, "53"));
    assertThat(rule(c, "mod-incomplete-exam")).isEmpty();
  }

  @Test
  void aFacilityKeepsThePlannedCodeOfADiscontinuedExamWith74() {
    String note =
        "Colonoscopy through colostomy. Scope inserted; tight stricture at 20 cm could not be"
            + " passed. Dilation was not attempted. Procedure aborted; cecum not reached.";
    // A hospital reports the discontinued procedure it planned, with 74: the code stays.
    CaseBuilder c = noted(note, "44405").institutional();
    assertThat(code(c)).isEmpty();
    assertThat(rule(c, "mod-incomplete-exam").get(0).fixes())
        .anyMatch(f -> f.kind() == FixKind.ADD_MODIFIER && "74".equals(f.code()));
  }

  @Test
  void aStentOnTheDilatedLesionBilledAsTheDilationIsTheStentCode() {
    String note =
        "Colonoscope through the colostomy. Obstructing tumor at 30 cm, pre-dilated with a 10 mm"
            + " balloon. A 22 mm uncovered metal stent was deployed across the tumor.";
    assertThat(code(noted(note, "44405")).get(0).fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(tuple(FixKind.REPLACE_CODE, "44402"));
  }

  @Test
  void aStentCodeAlreadyOnTheClaimLeavesTheDilationLineToBundling() {
    String note =
        "Colonoscope through the colostomy. Obstructing tumor at 30 cm, pre-dilated with a 10 mm"
            + " balloon. A 22 mm uncovered metal stent was deployed across the tumor. The cecum"
            + " was not reached.";
    CaseBuilder c = noted(note, "44402").line("44405", "59");
    assertThat(code(c)).isEmpty();
    assertThat(rule(c, "mod-incomplete-exam"))
        .as("52 goes on the stent line; the dilation line is the bundling rule's")
        .singleElement()
        .satisfies(f -> assertThat(f.expression()).startsWith("Claim.item[0]"));
  }

  // ---- the documentation asks when nothing was dilated -----------------------------------------

  @Test
  void noDilationMeansNoAskForBalloonSizeInflationsOrLumens() {
    String note =
        "Colonoscopy through colostomy to the cecum. Stoma caliber adequate; no dilation done."
            + " No complications.";
    CaseBuilder c = noted(note, "44405");
    for (String id :
        List.of(
            "doc-balloon-diameter",
            "doc-inflation-count",
            "doc-inflation-duration",
            "doc-pre-dilation-lumen",
            "doc-post-dilation-lumen")) {
      assertThat(rule(c, id)).as(id).isEmpty();
    }
    assertThat(
            rule(
                noted("Colonoscopy through colostomy to the cecum.", "44405"),
                "doc-balloon-diameter"))
        .as("a note silent about the dilation is still asked")
        .hasSize(1);
  }
}
