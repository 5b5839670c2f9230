package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

/**
 * The modifier rules read from the CY 2025 fee schedule's indicators, and the global surgery
 * package (visits, 58 against 78, another group's global period).
 */
class FeeScheduleModifierRulesTest {

  private static final LocalDate DAY = LocalDate.of(2025, 5, 13);

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().on(DAY).documentedEverything().diagnosis("K94.03");
  }

  private static CaseBuilder medicare() {
    return claim().originalMedicare();
  }

  private static List<Finding> rule(CaseBuilder c, String id) {
    return findings(evaluate(c, Stage.CLAIM), id);
  }

  // ---- indicators ------------------------------------------------------------------------------

  @Test
  void modifier50IsRuledOutByABilateralIndicatorOf0() {
    Finding finding = rule(claim().line("44405", "50"), "mod-bilateral-50").get(0);
    assertThat(finding.message()).contains("bilateral surgery indicator for 44405 is 0");
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_MODIFIER);
    assertThat(finding.fixes().get(0).code()).isEqualTo("50");
    assertThat(finding.evidence())
        .anyMatch(e -> e.text().contains("CY 2025") && e.text().contains("bilateral = 0"));
  }

  @Test
  void theIndicatorIsMedicaresOwnSoOnlyOtherPayersGetTheNoPolicyNote() {
    assertThat(rule(medicare().line("44405", "50"), "mod-bilateral-50").get(0).notes())
        .noneMatch(n -> n.contains("No payer-specific policy"));
    assertThat(rule(claim().aetna().line("44405", "50"), "mod-bilateral-50").get(0).notes())
        .anyMatch(n -> n.contains("No payer-specific policy on file for"));
  }

  @Test
  void modifier50StaysQuietWhereTheBilateralIndicatorAllowsIt() {
    // 49505 (inguinal hernia repair) has bilateral indicator 1: 150% for both sides.
    List<Finding> found = rule(claim().line("44405").line("49505", "50"), "mod-bilateral-50");
    assertThat(found).isEmpty();
    assertThat(rule(claim().line("44405"), "mod-bilateral-50")).isEmpty();
  }

  @Test
  void anAssistantLineOnACodeWithAssistantIndicator1ShouldNotBeSent() {
    for (String modifier : List.of("80", "81", "82", "AS")) {
      Finding finding = rule(medicare().line("44405", modifier), "mod-assistant-at-surgery").get(0);
      assertThat(finding.severity()).isEqualTo(Severity.ERROR);
      assertThat(finding.message()).contains("assistant at surgery indicator for 44405 is 1");
      // The assistant's claim has this one line: not sent at all (no update leaves a claim empty).
      assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.MANUAL);
      assertThat(finding.fixes().get(0).label()).startsWith("Do not send this claim");
    }
    Finding beside =
        rule(medicare().line("44405", "80").line("74360", "26"), "mod-assistant-at-surgery").get(0);
    assertThat(beside.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_LINE);
  }

  @Test
  void anAssistantOnACodeThatAllowsOneIsNotJudged() {
    // 44143 (Hartmann) has assistant indicator 2.
    assertThat(rule(medicare().line("44405").line("44143", "80"), "mod-assistant-at-surgery"))
        .isEmpty();
  }

  @Test
  void coSurgeryAndTeamSurgeryFollowTheirIndicators() {
    assertThat(rule(claim().line("44405", "62"), "mod-co-surgeon-62")).hasSize(1);
    assertThat(rule(claim().line("44405", "66"), "mod-team-surgery-66")).hasSize(1);
    // 44143: co-surgeon indicator 1 (with documentation), team 0.
    assertThat(rule(claim().line("44405").line("44143", "62"), "mod-co-surgeon-62")).isEmpty();
    assertThat(rule(claim().line("44405").line("44143", "66"), "mod-team-surgery-66")).hasSize(1);
  }

  @Test
  void professionalComponentOnlyOnACodeWithASplit() {
    assertThat(rule(claim().line("44405").line("74360", "26"), "mod-professional-component"))
        .isEmpty();
    Finding finding = rule(claim().line("44405", "26"), "mod-professional-component").get(0);
    assertThat(finding.message()).contains("no professional/technical split");
  }

  @Test
  void medicareAppliesTheEndoscopyRuleItselfSo51IsNotReported() {
    Finding finding =
        rule(medicare().line("44405").line("44394", "51"), "mod-medicare-51-not-reported").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("multiple-endoscopy rule");
    assertThat(finding.expression()).isEqualTo("Claim.item[1].modifier[0]");
    assertThat(
            rule(claim().aetna().line("44405").line("44394", "51"), "mod-medicare-51-not-reported"))
        .as("another payer: not this overlay's rule")
        .isEmpty();
  }

  @Test
  void modifier51OnACodeExemptFromTheReductionIsWrongForEveryPayer() {
    assertThat(rule(claim().aetna().line("44405").line("99153", "51"), "mod-multiple-procedure-51"))
        .hasSize(1);
    assertThat(rule(claim().aetna().line("44405").line("44394", "51"), "mod-multiple-procedure-51"))
        .isEmpty();
  }

  @Test
  void aCodeTheFeeScheduleLacksIsNotJudged() {
    assertThat(rule(claim().line("44405").line("27447", "50"), "mod-bilateral-50")).isEmpty();
  }

  // ---- visits and the global package
  // -------------------------------------------------------------

  @Test
  void modifier57BesideOnlyAMinorProcedureIsWrong() {
    Finding finding =
        rule(medicare().line("99213", "57").line("44405"), "mod-visit-modifiers").get(0);
    assertThat(finding.message()).contains("decision for major surgery");
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_LINE);
    assertThat(rule(medicare().line("99213", "57").line("44405"), "bundle-visit-in-global-package"))
        .isEmpty();
  }

  @Test
  void aPreProcedureVisitOfANewPatientIsPartOfTheMinorProcedure() {
    CaseBuilder c = medicare().line("99204", "59").line("44405");
    Finding bundled = rule(c, "bundle-visit-in-global-package").get(0);
    assertThat(bundled.message()).contains("minor procedure (global 000)");
    assertThat(bundled.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_LINE);
    Finding modifier = rule(c, "mod-visit-modifiers").get(0);
    assertThat(modifier.message()).contains("never for a visit");
  }

  @Test
  void aVisitPairedByAnNcciEditIsLeftToTheNcciRule() {
    assertThat(rule(medicare().line("99213").line("44405"), "bundle-visit-in-global-package"))
        .isEmpty();
  }

  @Test
  void modifier25OnAVisitForAnotherProblemIsQuiet() {
    CaseBuilder c = claim().aetna().line("44405").diagnosis("R74.01").line("99214", "25");
    assertThat(rule(c, "mod-visit-modifiers")).isEmpty();
    assertThat(rule(c, "bundle-visit-in-global-package")).isEmpty();
  }

  @Test
  void modifier25OnAVisitPointingOnlyAtTheProceduresDiagnosisIsQuestioned() {
    Finding finding =
        rule(claim().aetna().line("99213", "25").line("44405"), "mod-visit-modifiers").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.message()).contains("pre-procedure assessment");
  }

  @Test
  void aVisitInTheSameSurgeonsGlobalPeriodNeeds24() {
    CaseBuilder c = medicare().line("44405", "78").line("99213");
    c.add(ModifierRulesTest.priorSurgery("44143", DAY.minusDays(30)));
    Finding finding = rule(c, "mod-visit-modifiers").get(0);
    assertThat(finding.message()).contains("90-day global period of 44143");
    CaseBuilder unrelated = medicare().line("44405", "78").line("99213", "24");
    unrelated.add(ModifierRulesTest.priorSurgery("44143", DAY.minusDays(30)));
    assertThat(rule(unrelated, "mod-visit-modifiers")).isEmpty();
  }

  // ---- 58, 78, 79 ------------------------------------------------------------------------------

  @Test
  void modifier58OnALineTreatingAComplicationIs78() {
    CaseBuilder c = claim().line("44405", "58");
    c.add(ModifierRulesTest.priorSurgery("44143", DAY.minusDays(50)));
    Finding finding = rule(c, "mod-global-period").get(0);
    assertThat(finding.message()).contains("K94.03");
    assertThat(finding.fixes())
        .extracting(f -> f.kind() + " " + f.code())
        .containsExactly("REMOVE_MODIFIER 58", "ADD_MODIFIER 78");
  }

  @Test
  void modifier58ForAPlannedProcedureWithoutAComplicationIsQuiet() {
    CaseBuilder c = CaseBuilder.newCase().on(DAY).documentedEverything().diagnosis("C18.7");
    c.line("44405", "58");
    c.add(ModifierRulesTest.priorSurgery("44143", DAY.minusDays(50)));
    assertThat(rule(c, "mod-global-period")).isEmpty();
  }

  @Test
  void anotherGroupsGlobalPeriodNeedsNoModifier() {
    CaseBuilder c = claim().line("44405", "78");
    org.hl7.fhir.r4.model.Procedure prior =
        ModifierRulesTest.priorSurgery("44206", DAY.minusDays(40));
    prior.getPerformer().clear();
    prior.addPerformer().setActor(new Reference("Practitioner/surgeon9"));
    c.add(prior);
    Finding finding = rule(c, "mod-global-period").get(0);
    assertThat(finding.message()).contains("is not needed");
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_MODIFIER);

    CaseBuilder clean = claim().line("44405");
    clean.add(prior);
    assertThat(rule(clean, "mod-global-period")).isEmpty();
  }

  @Test
  void an79ForTheSameSurgeonsUnrelatedSurgeryIsQuiet() {
    CaseBuilder c = claim().line("44405", "79");
    c.add(ModifierRulesTest.priorSurgery("49505", DAY.minusDays(21)));
    assertThat(rule(c, "mod-global-period")).isEmpty();
  }
}
