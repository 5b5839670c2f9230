package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

/**
 * The anesthesia practitioner's claim, the endoscopist's sedation beside anesthesia care, the
 * beneficiary-liability modifiers and the claim form of a Medicare ASC: one clean case per rule
 * that must stay quiet, and the errors it exists for.
 */
class AnesthesiaAndLiabilityRulesTest {

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
  }

  /** A CRNA's claim: the claim's provider is not the endoscopist who performed the procedure. */
  private static CaseBuilder crnaClaim(CaseBuilder c) {
    c.claim().setProvider(new Reference("Practitioner/crna1"));
    return c;
  }

  private static List<Finding> rule(CaseBuilder c, String id) {
    return findings(evaluate(c, Stage.CLAIM), id);
  }

  private static List<Finding> raised(CaseBuilder c) {
    return evaluate(c, Stage.CLAIM).stream().filter(f -> f.severity() != Severity.INFO).toList();
  }

  // ---- anesthesia modifiers ------------------------------------------------------------------

  @Test
  void aMedicareCrnaClaimInMinutesWithItsRoleModifierRaisesNothing() {
    CaseBuilder c = crnaClaim(claim().originalMedicare().line("00811", 36, "QZ"));
    assertThat(raised(c)).extracting(Finding::ruleId).doesNotContain("mod-anesthesia-00811");
    assertThat(rule(c, "mod-anesthesia-00811"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(rule(c, "sedation-anesthesia-minutes")).isEmpty();
    assertThat(rule(c, "sedation-anesthesia-code")).isEmpty();
  }

  @Test
  void aMissingRoleModifierIsAnErrorAndAMissingPhysicalStatusAWarningOutsideMedicare() {
    CaseBuilder c = crnaClaim(claim().aetna().line("00811", 36));
    assertThat(rule(c, "mod-anesthesia-00811"))
        .extracting(Finding::severity)
        .containsExactlyInAnyOrder(Severity.ERROR, Severity.WARNING);
  }

  // ---- anesthesia code -------------------------------------------------------------------------

  @Test
  void theScreeningAnesthesiaCodeNeedsAScreeningDiagnosis() {
    Finding finding =
        rule(
                crnaClaim(claim().originalMedicare().line("00812", 36, "QZ")),
                "sedation-anesthesia-code")
            .get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.expression()).startsWith("Claim.item[0]");
    assertThat(finding.fixes().get(0).code()).isEqualTo("00811");

    CaseBuilder screening =
        crnaClaim(
            CaseBuilder.newCase()
                .documentedEverything()
                .originalMedicare()
                .diagnosis("Z12.11")
                .line("00812", 30, "QZ"));
    assertThat(rule(screening, "sedation-anesthesia-code")).isEmpty();
  }

  @Test
  void anUpperAndALowerEndoscopyUnderOneAnestheticAreOneCombinedCode() {
    CaseBuilder c =
        crnaClaim(claim().originalMedicare().line("00731", 20, "QZ").line("00811", 29, "QZ"));
    Finding finding = rule(c, "sedation-anesthesia-code").get(0);
    assertThat(finding.message()).contains("00813");
    assertThat(finding.expression()).startsWith("Claim.item[1]");
    assertThat(finding.fixes())
        .extracting(f -> f.kind() + " " + f.code())
        .containsExactly("MANUAL 00813", "REMOVE_LINE 00731");
  }

  // ---- anesthesia time in minutes (Medicare) ---------------------------------------------------

  @Test
  void medicareAnesthesiaUnitsAtOrBelowTheBaseUnitsReadAsBaseUnits() {
    CaseBuilder c = crnaClaim(claim().originalMedicare().line("00811", 4, "QZ"));
    Finding finding = rule(c, "sedation-anesthesia-minutes").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains("base units");
    assertThat(finding.expression()).isEqualTo("Claim.item[0].quantity");
  }

  @Test
  void medicareAnesthesiaUnitsFarFromTheDocumentedTimeAreNotThatTime() {
    CaseBuilder c =
        crnaClaim(claim().originalMedicare().sedationMinutes(49).line("00811", 15, "QZ"));
    Finding finding = rule(c, "sedation-anesthesia-minutes").get(0);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.SET_QUANTITY);
    assertThat(finding.fixes().get(0).code()).isEqualTo("49");
    CaseBuilder right =
        crnaClaim(claim().originalMedicare().sedationMinutes(49).line("00811", 49, "QZ"));
    assertThat(rule(right, "sedation-anesthesia-minutes")).isEmpty();
  }

  @Test
  void otherPayersAreNotHeldToMedicareMinutes() {
    assertThat(
            rule(
                crnaClaim(claim().aetna().line("00811", 4, "QZ", "P2")),
                "sedation-anesthesia-minutes"))
        .isEmpty();
  }

  // ---- moderate sedation beside anesthesia care -----------------------------------------------

  @Test
  void everyModerateSedationLineIsNamedWhenAnesthesiaCareWasGiven() {
    CaseBuilder c = claim().cigna().line("44405").line("99152").line("99153");
    c.documented(DocumentationElement.SEDATION_TYPE, new StringType("monitored anesthesia care"));
    assertThat(rule(c, "sedation-with-anesthesia"))
        .extracting(Finding::expression)
        .containsExactly("Claim.item[1]", "Claim.item[2]");
  }

  @Test
  void aSessionWithAnesthesiaCareGetsOneCorrectionForItsSedationLines() {
    CaseBuilder child =
        CaseBuilder.newCase()
            .documentedEverything()
            .originalMedicare()
            .patientBorn(CaseBuilder.DATE_OF_SERVICE.minusYears(3))
            .diagnosis("K94.03")
            .line("44405")
            .line("99152");
    child.documented(
        DocumentationElement.SEDATION_TYPE, new StringType("monitored anesthesia care"));
    List<Finding> found = evaluate(child, Stage.CLAIM);
    assertThat(findings(found, "sedation-with-anesthesia")).hasSize(1);
    assertThat(findings(found, "sedation-age-code")).as("not recoded to 99151").isEmpty();
    assertThat(findings(found, "sedation-medicare-g0500")).as("not recoded to G0500").isEmpty();

    CaseBuilder moderate =
        CaseBuilder.newCase()
            .documentedEverything()
            .originalMedicare()
            .patientBorn(CaseBuilder.DATE_OF_SERVICE.minusYears(3))
            .sedationMinutes(20)
            .diagnosis("K94.03")
            .line("44405")
            .line("99152");
    assertThat(findings(evaluate(moderate, Stage.CLAIM), "sedation-age-code")).hasSize(1);
  }

  // ---- liability modifiers ---------------------------------------------------------------------

  @Test
  void abnModifiersMeanNothingOnAMedicareAdvantageClaim() {
    CaseBuilder c = claim().unitedHealthcareMedicareAdvantage().line("44405", "GA").abnOnFile();
    Finding finding = rule(c, "payer-abn-modifiers").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.message())
        .contains("Original Medicare")
        .contains("organization determination");
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_MODIFIER);
  }

  @Test
  void gaWithAnAbnOnFileForOriginalMedicareIsQuiet() {
    CaseBuilder c = claim().originalMedicare().line("44405", "GA").abnOnFile();
    assertThat(rule(c, "payer-abn-modifiers")).isEmpty();
  }

  @Test
  void gyIsOnlyForStatutorilyExcludedServices() {
    CaseBuilder covered = claim().originalMedicare().line("99204", "GY").line("44405");
    assertThat(rule(covered, "payer-abn-modifiers"))
        .singleElement()
        .satisfies(f -> assertThat(f.expression()).isEqualTo("Claim.item[0].modifier[0]"));
    CaseBuilder excluded = claim().originalMedicare().line("44405").line("99397", "GY");
    assertThat(rule(excluded, "payer-abn-modifiers")).isEmpty();
  }

  @Test
  void gzDeniesTheLineAutomatically() {
    Finding finding =
        rule(claim().originalMedicare().line("44405", "80", "GZ"), "payer-abn-modifiers").get(0);
    assertThat(finding.message())
        .isEqualTo(
            "GZ on line 1 (44405): GZ declares an expected medical-necessity denial with no signed"
                + " notice: the line is denied automatically and the patient may not be billed."
                + " Bill the line only if it is payable (then without GZ); otherwise do not bill"
                + " it.");
  }

  // ---- claim form and modifiers of a Medicare ASC ----------------------------------------------

  @Test
  void aMedicareAscFacilityClaimGoesOnTheProfessionalFormWithoutSg() {
    CaseBuilder c =
        claim().originalMedicare().locationPlaceOfService("24").line("44405", "SG").institutional();
    assertThat(rule(c, "pos-medicare-asc-claim-form"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    assertThat(rule(c, "mod-sg-medicare")).hasSize(1);

    CaseBuilder professional =
        claim().originalMedicare().locationPlaceOfService("24").line("44405").placeOfService("24");
    assertThat(rule(professional, "pos-medicare-asc-claim-form")).isEmpty();
    CaseBuilder hospital = claim().originalMedicare().line("44405").institutional();
    assertThat(rule(hospital, "pos-medicare-asc-claim-form")).isEmpty();
    CaseBuilder commercialSg = claim().cigna().locationPlaceOfService("24").line("44405", "SG");
    assertThat(rule(commercialSg, "mod-sg-medicare")).isEmpty();
  }

  @Test
  void kxWithNoPolicyIsInformation() {
    assertThat(rule(claim().line("44405", "KX"), "mod-kx-no-policy"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "KX on line 1 (44405) is not expected: KX attests that a specific"
                            + " policy's documentation requirements are met, and no policy on"
                            + " file attaches KX to 44405."));
    assertThat(rule(claim().line("44405"), "mod-kx-no-policy")).isEmpty();
  }
}
