package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

class BundlingRulesTest {

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
  }

  private static List<Finding> ptp(CaseBuilder c) {
    return findings(evaluate(c, Stage.CLAIM), "ncci-ptp-edits");
  }

  // ---- indicator 0 -----------------------------------------------------------------------------

  @Test
  void removesTheBaseColonoscopyBilledWith44405() {
    List<Finding> found = ptp(claim().line("44405").line("44388"));
    assertThat(found).hasSize(1);
    Finding finding = found.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.expression()).isEqualTo("Claim.item[1]");
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(
            fix -> {
              assertThat(fix.kind()).isEqualTo(FixKind.REMOVE_LINE);
              assertThat(fix.claimItemSequence()).isEqualTo(2);
            });
    assertThat(finding.evidence()).anyMatch(e -> e.text().contains("modifier indicator 0"));
    assertThat(finding.notes()).anyMatch(n -> n.contains("No payer-specific policy on file"));
  }

  @Test
  void removes44405UnderAStentWhateverTheModifier() {
    Finding finding = ptp(claim().line("44402").line("44405", "59")).get(0);
    assertThat(finding.message())
        .contains("no modifier can bypass it")
        .contains("59 does not help");
    assertThat(finding.fixes().get(0).claimItemSequence()).isEqualTo(2);
  }

  @Test
  void removesAnesthesiaAndOtherPhysicianSedationBilledByTheEndoscopist() {
    assertThat(ptp(claim().line("44405").line("00811"))).hasSize(1);
    assertThat(ptp(claim().line("44405").line("99156"))).hasSize(1);
  }

  @Test
  void leavesPairsAloneWhenDateOrProviderDiffer() {
    assertThat(ptp(claim().line("44405").line("44388").lineOn(LocalDate.of(2024, 8, 16))))
        .isEmpty();
    assertThat(ptp(claim().line("44405").line("00811").renderedBy("anesthesiologist"))).isEmpty();
  }

  // ---- indicator 1 -----------------------------------------------------------------------------

  @Test
  void suggestsRemovalWhenNothingDocumentsADistinctLesion() {
    Finding finding = ptp(claim().line("44401").line("44405")).get(0);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_LINE);
    assertThat(finding.fixes().get(0).recommended()).isTrue();
    assertThat(finding.fixes()).allMatch(f -> "ptp".equals(f.alternativeGroup()));
  }

  @Test
  void suggestsTheModifierADistinctStrictureSupportsSaying59WhereXAcceptanceIsUnknown() {
    CaseBuilder c = claim().line("44401").line("44405");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    Finding finding = ptp(c).get(0);
    Fix recommended = finding.fixes().get(0);
    assertThat(recommended.kind()).isEqualTo(FixKind.ADD_MODIFIER);
    assertThat(recommended.code()).isEqualTo("59");
    assertThat(finding.fixes()).anyMatch(f -> "XS".equals(f.code()) && !f.recommended());
    assertThat(finding.notes()).anyMatch(n -> n.contains("is not on file"));
  }

  @Test
  void prefersXsForOriginalMedicare() {
    CaseBuilder c = claim().originalMedicare().line("44401").line("44405");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    Finding finding = ptp(c).get(0);
    assertThat(finding.fixes().get(0).code()).isEqualTo("XS");
    assertThat(finding.fixes().get(0).claimItemSequence()).isEqualTo(2);
    assertThat(finding.notes()).noneMatch(n -> n.contains("payer-specific"));
  }

  @Test
  void acceptsADocumentedDistinctServiceModifier() {
    CaseBuilder c = claim().line("44401").line("44405", "XS");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    assertThat(ptp(c)).isEmpty();
  }

  @Test
  void warnsWhenTheModifierIsNotBackedByTheDocumentation() {
    Finding finding = ptp(claim().line("44401").line("44405", "59")).get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.DOCUMENT_ELEMENT);
    assertThat(finding.fixes().get(0).element()).isEqualTo("distinct-stricture");
  }

  @Test
  void theSedationEditIsMedicaresG0500InstructionNotABundling() {
    // A payer that takes 99152 is not bound by the edit that carries Medicare's G0500 rule.
    assertThat(ptp(claim().cigna().sedationMinutes(20).line("44405").line("99152"))).isEmpty();
    // Original Medicare: one card, "replace 99152 with G0500", never "remove" beside it.
    List<Finding> medicare =
        evaluate(
            claim().originalMedicare().sedationMinutes(20).line("44405").line("99152"),
            Stage.CLAIM);
    assertThat(ruleIds(medicare))
        .contains("sedation-medicare-g0500")
        .doesNotContain("ncci-ptp-edits");
  }

  @Test
  void aGlobalSurgeryModifierBypassesAnIndicatorOneEditAsASeparateSession() {
    assertThat(ptp(claim().line("44405").line("44391"))).hasSize(1);
    assertThat(ptp(claim().line("44405").line("44391", "78"))).isEmpty();
    assertThat(ptp(claim().line("44405").line("44391", "79"))).isEmpty();
  }

  @Test
  void aModifierUnderAnIndicatorZeroEditIsNotCalledUnnecessary() {
    List<Finding> all = evaluate(claim().line("44402").line("44405", "59"), Stage.CLAIM);
    assertThat(ruleIds(all)).contains("ncci-ptp-edits").doesNotContain("ncci-unnecessary-modifier");
    List<Finding> none = evaluate(claim().line("44405").line("74360", "59"), Stage.CLAIM);
    assertThat(ruleIds(none)).contains("ncci-unnecessary-modifier");
  }

  @Test
  void sameDayEvaluationAndManagementNeeds25OrGoes() {
    Finding finding = ptp(claim().line("44405").line("99213")).get(0);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_LINE);
    assertThat(finding.fixes()).anyMatch(f -> "25".equals(f.code()) && !f.recommended());
    assertThat(ptp(claim().line("44405").line("99213", "25"))).isEmpty();
  }

  // ---- table, deleted and 9 --------------------------------------------------------------------

  @Test
  void usesTheOutpatientHospitalTableForAFacilityClaim() {
    CaseBuilder facility = claim().institutional().line("44405").line("99156");
    Finding finding = ptp(facility).get(0);
    assertThat(finding.evidence())
        .anyMatch(
            e ->
                e.text().contains("outpatient_hospital table") && e.text().contains("indicator 1"));
  }

  @Test
  void ignoresDeletedEditsAndIndicatorNine() {
    // 44405/0228T (indicator 0) was deleted 2020-12-31.
    assertThat(ptp(claim().line("44405").line("0228T"))).isEmpty();
    CaseBuilder before = claim().on(LocalDate.of(2020, 6, 1)).line("44405").line("0228T");
    List<Finding> old = ptp(before);
    assertThat(old).hasSize(1);
    assertThat(old.get(0).notes()).anyMatch(n -> n.contains("before the oldest"));
    // Outpatient hospital 44405/61650 is indicator 9.
    assertThat(ptp(claim().institutional().line("44405").line("61650"))).isEmpty();
  }

  @Test
  void saysSoWhenTheDateOfServiceIsPastTheNewestData() {
    Finding finding = ptp(claim().on(LocalDate.of(2025, 3, 1)).line("44405").line("44388")).get(0);
    assertThat(finding.notes())
        .anyMatch(n -> n.contains("past the newest") && n.contains("2024-09-30"));
  }

  // ---- no edit, so no modifier -----------------------------------------------------------------

  @Test
  void flagsA59OnAPairWithNoEdit() {
    for (String code : List.of("74360", "45386", "44381", "G0500")) {
      List<Finding> found =
          findings(
              evaluate(claim().line("44405").line(code, "59"), Stage.CLAIM),
              "ncci-unnecessary-modifier");
      assertThat(found).as(code).hasSize(1);
      assertThat(found.get(0).fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_MODIFIER);
      assertThat(found.get(0).fixes().get(0).code()).isEqualTo("59");
    }
    assertThat(
            findings(
                evaluate(claim().line("44405", "XS"), Stage.CLAIM), "ncci-unnecessary-modifier"))
        .hasSize(1);
  }

  @Test
  void keepsAModifierThatBypassesAnEdit() {
    CaseBuilder c = claim().line("44401").line("44405", "XS");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    assertThat(findings(evaluate(c, Stage.CLAIM), "ncci-unnecessary-modifier")).isEmpty();
    assertThat(
            findings(
                evaluate(claim().line("44405").line("74360"), Stage.CLAIM),
                "ncci-unnecessary-modifier"))
        .isEmpty();
  }

  @Test
  void saysNothingWhereAnEditOutsideOurDataMayJustifyIt() {
    CaseBuilder c = claim().line("44405").line("74360", "59").line("76000");
    assertThat(findings(evaluate(c, Stage.CLAIM), "ncci-unnecessary-modifier")).isEmpty();
  }

  // ---- MUE -------------------------------------------------------------------------------------

  @Test
  void twoUnitsOnOneLineAreCutToOne() {
    Finding finding = findings(evaluate(claim().line("44405", 2), Stage.CLAIM), "mue-units").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains("one session is still one unit");
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.SET_QUANTITY);
    assertThat(finding.fixes().get(0).code()).isEqualTo("1");
  }

  @Test
  void asecondLineForAnotherStrictureInTheSameSessionGoes() {
    Finding finding =
        findings(evaluate(claim().line("44405").line("44405", "59"), Stage.CLAIM), "mue-units")
            .get(0);
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(
            fix -> {
              assertThat(fix.kind()).isEqualTo(FixKind.REMOVE_LINE);
              assertThat(fix.claimItemSequence()).isEqualTo(2);
            });
  }

  @Test
  void aSeparateSessionStillMeetsTheDateOfServiceEdit() {
    CaseBuilder c = claim().line("44405").line("44405", "76");
    c.secondSession();
    c.lastLine().getEncounter().clear();
    c.lastLine().addEncounter(new org.hl7.fhir.r4.model.Reference("Encounter/enc2"));
    Finding finding = findings(evaluate(c, Stage.CLAIM), "mue-units").get(0);
    assertThat(finding.message()).contains("appeal");
    assertThat(finding.fixes()).hasSize(2);
    assertThat(finding.fixes()).allMatch(f -> "mue".equals(f.alternativeGroup()));
    // A documented second session is kept (with 76) and appealed; dropping it is the alternative.
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.MANUAL);
    assertThat(finding.fixes().get(0).recommended()).isTrue();
    assertThat(finding.fixes().get(1).kind()).isEqualTo(FixKind.REMOVE_LINE);
    assertThat(finding.fixes().get(1).recommended()).isFalse();
  }

  @Test
  void unitsOnDifferentDatesAreNotAdded() {
    CaseBuilder c = claim().line("44405").line("44405").lineOn(LocalDate.of(2024, 8, 20));
    assertThat(findings(evaluate(c, Stage.CLAIM), "mue-units")).isEmpty();
    assertThat(ruleIds(evaluate(claim().line("44405"), Stage.CLAIM))).doesNotContain("mue-units");
  }
}
