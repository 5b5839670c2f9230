package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

class ModifierRulesTest {

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
  }

  private static CaseBuilder incomplete() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
    c.procedure()
        .getExtension()
        .removeIf(
            e ->
                e.getExtension().stream()
                    .anyMatch(p -> p.getValue().toString().contains("extent")));
    c.procedure()
        .getExtension()
        .removeIf(
            e ->
                e.getExtension().stream()
                    .anyMatch(
                        p ->
                            p.getValue() instanceof org.hl7.fhir.r4.model.Coding coding
                                && coding.getCode().equals("extent-of-exam")));
    c.documented(
        DocumentationElement.EXTENT_OF_EXAM,
        new StringType("incomplete: the anastomosis was not reached, tight stricture at 20 cm"));
    return c;
  }

  private static List<Finding> rule(CaseBuilder c, String id) {
    return findings(evaluate(c, Stage.CLAIM), id);
  }

  // ---- 52 / 73 / 74 ----------------------------------------------------------------------------

  @Test
  void anIncompleteExamNeeds52OnTheProfessionalClaim() {
    Finding finding = rule(incomplete().line("44405"), "mod-incomplete-exam").get(0);
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(
            fix -> {
              assertThat(fix.kind()).isEqualTo(FixKind.ADD_MODIFIER);
              assertThat(fix.code()).isEqualTo("52");
            });
    assertThat(rule(incomplete().line("44405", "52"), "mod-incomplete-exam")).isEmpty();
  }

  @Test
  void aPhysicianDoesNotUse74() {
    Finding finding = rule(incomplete().line("44405", "74"), "mod-incomplete-exam").get(0);
    assertThat(finding.message()).contains("73 and 74 are facility modifiers");
    assertThat(finding.fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FixKind.REMOVE_MODIFIER, "74"),
            org.assertj.core.groups.Tuple.tuple(FixKind.ADD_MODIFIER, "52"));
  }

  @Test
  void theFacilityClaimGets74AfterScopeInsertionWith73AsTheAlternative() {
    Finding finding =
        rule(incomplete().institutional().line("44405"), "mod-incomplete-exam").get(0);
    assertThat(finding.fixes()).hasSize(2);
    assertThat(finding.fixes().get(0).code()).isEqualTo("74");
    assertThat(finding.fixes().get(0).recommended()).isTrue();
    assertThat(finding.fixes().get(1).code()).isEqualTo("73");
    assertThat(finding.fixes().get(1).recommended()).isFalse();
    assertThat(finding.fixes()).allMatch(f -> "discontinued".equals(f.alternativeGroup()));
    assertThat(rule(incomplete().institutional().line("44405", "74"), "mod-incomplete-exam"))
        .isEmpty();
  }

  @Test
  void aCompleteExamCarriesNoReducedServiceModifier() {
    assertThat(rule(claim().line("44405", "52"), "mod-incomplete-exam")).hasSize(1);
    assertThat(rule(claim().line("44405"), "mod-incomplete-exam")).isEmpty();
  }

  // ---- 59 and X ---------------------------------------------------------------------------------

  @Test
  void never59AndAnXModifierOnOneLine() {
    CaseBuilder c = claim().line("44401").line("44405", "59", "XS");
    Finding finding = rule(c, "mod-59-with-x-modifier").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_MODIFIER);
    assertThat(finding.fixes().get(0).code()).isEqualTo("59");
    assertThat(rule(claim().line("44401").line("44405", "XS"), "mod-59-with-x-modifier")).isEmpty();
  }

  @Test
  void replaces59WithTheSupportedXModifierWhereThePayerAcceptsIt() {
    CaseBuilder c = claim().originalMedicare().line("44401").line("44405", "59");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    Finding finding = rule(c, "mod-x-modifier-preferred").get(0);
    assertThat(finding.fixes())
        .extracting(Fix::kind, Fix::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FixKind.REMOVE_MODIFIER, "59"),
            org.assertj.core.groups.Tuple.tuple(FixKind.ADD_MODIFIER, "XS"));
  }

  @Test
  void saysXAcceptanceIsNotOnFileForAnUnknownPayer() {
    CaseBuilder c = claim().line("44401").line("44405", "59");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    Finding finding = rule(c, "mod-x-modifier-preferred").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("is not on file");
    assertThat(finding.fixes()).noneMatch(f -> f.kind() == FixKind.ADD_MODIFIER);
  }

  @Test
  void staysQuietOnA59ThatBypassesNoEditForAPayerThatAcceptsXModifiers() {
    CaseBuilder alone = claim().independenceBlueCross().line("44405", "59");
    assertThat(rule(alone, "mod-x-modifier-preferred")).isEmpty();
    assertThat(rule(alone, "ncci-unnecessary-modifier")).hasSize(1);

    CaseBuilder withFluoroscopy =
        claim().originalMedicare().line("44405", "59").line("74360", "26");
    withFluoroscopy.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    assertThat(rule(withFluoroscopy, "mod-x-modifier-preferred")).isEmpty();
    assertThat(rule(withFluoroscopy, "ncci-unnecessary-modifier")).hasSize(1);
  }

  @Test
  void staysQuietOnA59ThatBypassesNoEditWhereXAcceptanceIsNotOnFile() {
    CaseBuilder c = claim().line("44405", "59");
    assertThat(rule(c, "mod-x-modifier-preferred")).isEmpty();
    assertThat(rule(c, "ncci-unnecessary-modifier")).hasSize(1);
  }

  @Test
  void stillPrefersAnXModifierWhereThe59BypassesAnIndicator1Edit() {
    CaseBuilder ibx = claim().independenceBlueCross().line("44401").line("44405", "59");
    Finding finding = rule(ibx, "mod-x-modifier-preferred").get(0);
    assertThat(finding.message()).contains("accepts the X modifiers");
    assertThat(rule(ibx, "ncci-unnecessary-modifier")).isEmpty();
  }

  @Test
  void stillPrefersAnXModifierWhereOurEditsCannotTellWhetherThe59IsNeeded() {
    // 45378 and 45380 pair without 44405: an edit our data does not hold may need the 59
    CaseBuilder c = claim().originalMedicare().line("44405").line("45378").line("45380", "59");
    assertThat(rule(c, "mod-x-modifier-preferred")).hasSize(1);
    assertThat(rule(c, "ncci-unnecessary-modifier")).isEmpty();
  }

  // ---- a second 44405 on one date --------------------------------------------------------------

  private static CaseBuilder twoSessions(String... secondLineModifiers) {
    CaseBuilder c = claim().line("44405").line("44405", secondLineModifiers);
    c.secondSession();
    c.lastLine().getEncounter().clear();
    c.lastLine().addEncounter(new Reference("Encounter/enc2"));
    return c;
  }

  @Test
  void aSeparateSessionByTheSamePhysicianGets76With77AsTheAlternative() {
    Finding finding = rule(twoSessions(), "mod-repeat-session").get(0);
    assertThat(finding.fixes().get(0).code()).isEqualTo("76");
    assertThat(finding.fixes().get(0).recommended()).isTrue();
    assertThat(finding.fixes().get(1).code()).isEqualTo("77");
    assertThat(finding.message()).contains("MUE").contains("appeal");
    assertThat(rule(twoSessions("76"), "mod-repeat-session")).isEmpty();
  }

  @Test
  void anotherPhysiciansSessionGets77First() {
    CaseBuilder c = claim().line("44405").line("44405");
    Procedure second = c.secondSession();
    second.getPerformer().clear();
    second.addPerformer().setActor(new Reference("Practitioner/dr2"));
    c.lastLine().getEncounter().clear();
    c.lastLine().addEncounter(new Reference("Encounter/enc2"));
    Finding finding = rule(c, "mod-repeat-session").get(0);
    assertThat(finding.fixes().get(0).code()).isEqualTo("77");
  }

  @Test
  void aRepeatModifierInOneSessionIsWrong() {
    List<Finding> all = evaluate(claim().line("44405").line("44405", "76"), Stage.CLAIM);
    Finding finding = findings(all, "mod-repeat-session").get(0);
    assertThat(finding.message()).contains("one session").contains("once");
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FixKind.REMOVE_LINE);
              assertThat(f.claimItemSequence()).isEqualTo(2);
            });
    // One card removes the line: the MUE rule does not say it again.
    assertThat(ruleIds(all)).doesNotContain("mue-units");
  }

  // ---- global period ---------------------------------------------------------------------------

  @Test
  void insideAnotherProceduresGlobalPeriodSuggests78AfterBowelSurgery() {
    CaseBuilder c = claim().line("44405");
    c.add(priorSurgery("44320", LocalDate.of(2024, 7, 20)));
    Finding finding = rule(c, "mod-global-period").get(0);
    assertThat(finding.message()).contains("90-day global period of 44320");
    assertThat(finding.fixes()).extracting(Fix::code).containsExactly("78", "79", "58");
    assertThat(finding.fixes().get(0).recommended()).isTrue();
    assertThat(finding.fixes()).allMatch(f -> "global-period".equals(f.alternativeGroup()));

    CaseBuilder with78 = claim().line("44405", "78");
    with78.add(priorSurgery("44320", LocalDate.of(2024, 7, 20)));
    assertThat(rule(with78, "mod-global-period")).isEmpty();
  }

  @Test
  void aColectomyWithColostomyOpensAGlobalPeriodFromTheCmsFeeSchedule() {
    // 44143 is in the CY 2025 fee schedule copied from the CMS file, so the supplement's
    // widely-known row is not what the finding rests on (the supplement's own note is tested
    // where a code is only in the supplement: RulePackLoaderTest).
    CaseBuilder c = claim().line("44405");
    c.add(priorSurgery("44143", LocalDate.of(2024, 7, 22)));
    Finding finding = rule(c, "mod-global-period").get(0);
    assertThat(finding.message()).contains("90-day global period of 44143");
    assertThat(finding.fixes().get(0).code()).isEqualTo("78");
    assertThat(finding.notes())
        .noneMatch(n -> n.contains("come from the pack's global-days supplement"));
  }

  @Test
  void aCodeWithoutAGlobalPeriodOrWithoutKnownDaysOpensNone() {
    CaseBuilder hernia = claim().line("44405");
    hernia.add(priorSurgery("49621", LocalDate.of(2024, 8, 1))); // 000 in the supplement
    assertThat(rule(hernia, "mod-global-period")).isEmpty();

    CaseBuilder unknown = claim().line("44405");
    unknown.add(priorSurgery("27447", LocalDate.of(2024, 8, 1))); // in no data file
    assertThat(rule(unknown, "mod-global-period")).isEmpty();
  }

  @Test
  void outsideTheGlobalPeriodOrAnotherSurgeonsNothingIsNeeded() {
    CaseBuilder old = claim().line("44405");
    old.add(priorSurgery("44320", LocalDate.of(2024, 1, 10)));
    assertThat(rule(old, "mod-global-period")).isEmpty();

    CaseBuilder other = claim().line("44405");
    Procedure prior = priorSurgery("44320", LocalDate.of(2024, 7, 20));
    prior.getPerformer().clear();
    prior.addPerformer().setActor(new Reference("Practitioner/surgeon9"));
    other.add(prior);
    assertThat(rule(other, "mod-global-period")).isEmpty();
  }

  @Test
  void aFeeScheduleRowWinsOverTheSupplement() {
    DefaultRuleEngineWithGlobals engine = DefaultRuleEngineWithGlobals.get();
    CaseBuilder twentyDaysAfter = claim().line("44405");
    twentyDaysAfter.add(priorSurgery("44320", LocalDate.of(2024, 7, 26)));
    assertThat(findings(engine.evaluate(twentyDaysAfter), "mod-global-period")).isEmpty();

    CaseBuilder fiveDaysAfter = claim().line("44405");
    fiveDaysAfter.add(priorSurgery("44320", LocalDate.of(2024, 8, 10)));
    Finding finding = findings(engine.evaluate(fiveDaysAfter), "mod-global-period").get(0);
    assertThat(finding.message()).contains("10-day global period of 44320");
    assertThat(finding.notes()).noneMatch(n -> n.contains("PPRRVU"));
  }

  static Procedure priorSurgery(String code, LocalDate day) {
    Procedure prior = new Procedure();
    prior.setId("Procedure/prior1");
    prior.setStatus(Procedure.ProcedureStatus.COMPLETED);
    prior.setCode(CaseBuilder.concept(CaseBuilder.CPT, code));
    prior.setSubject(new Reference("Patient/pat1"));
    prior.setPerformed(new DateTimeType(day.toString()));
    prior.addPerformer().setActor(new Reference("Practitioner/dr1"));
    return prior;
  }

  // ---- PT / 33 and anesthesia ------------------------------------------------------------------

  @Test
  void screeningModifiersAreNotExpectedOn44405WithoutAScreeningDiagnosis() {
    Finding finding = rule(claim().line("44405", "PT"), "mod-screening-pt-33").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.source().title()).contains("Chapter 18").contains("§60");
    assertThat(
            rule(
                CaseBuilder.newCase()
                    .documentedEverything()
                    .diagnosis("Z12.11")
                    .diagnosis("K94.03")
                    .line("44405", "PT"),
                "mod-screening-pt-33"))
        .as("a screening that became therapeutic keeps PT")
        .isEmpty();
    assertThat(rule(claim().line("44405", "33"), "mod-screening-pt-33")).hasSize(1);
    assertThat(rule(claim().line("44405"), "mod-screening-pt-33")).isEmpty();
  }

  @Test
  void anAnesthesiaLineNeedsARoleAndAPhysicalStatus() {
    List<Finding> found =
        rule(claim().line("44405").line("00811").renderedBy("crna1"), "mod-anesthesia-00811");
    assertThat(found).hasSize(2);
    assertThat(found)
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("role modifier"))
        .anyMatch(m -> m.contains("physical status"));
    assertThat(
            rule(
                claim().line("44405").line("00811", "QZ", "P2").renderedBy("crna1"),
                "mod-anesthesia-00811"))
        .isEmpty();
  }

  @Test
  void readsTheAnesthesiaClaimOfTheProcedureToo() {
    CaseBuilder c =
        CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("00811", "AA");
    List<Finding> found = rule(c, "mod-anesthesia-00811");
    assertThat(found)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("physical status"));
  }
}
