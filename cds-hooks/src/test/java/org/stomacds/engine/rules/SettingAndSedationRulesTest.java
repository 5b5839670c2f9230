package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

class SettingAndSedationRulesTest {

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
  }

  private static List<Finding> rule(CaseBuilder c, String id) {
    return findings(evaluate(c, Stage.CLAIM), id);
  }

  // ---- place of service ------------------------------------------------------------------------

  @Test
  void officePlaceOfServiceOnAHospitalOutpatientEncounterIsAnError() {
    Finding finding =
        rule(claim().line("44405").placeOfService("11"), "pos-matches-setting").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains("16.59").contains("5.41");
    assertThat(finding.fixes()).extracting(Fix::code).containsExactly("22", "19");
    assertThat(finding.fixes().get(0).recommended()).isTrue();
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.SET_PLACE_OF_SERVICE);
    assertThat(finding.fixes())
        .allMatch(f -> "place-of-service-line-1".equals(f.alternativeGroup()));
  }

  @Test
  void oneFindingNamesEveryLineWithTheWrongPlaceOfService() {
    List<Finding> found =
        rule(claim().line("44405").line("74360", "26").placeOfService("11"), "pos-matches-setting");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("line 1 (44405), line 2 (74360)");
    assertThat(found.get(0).fixes()).extracting(Fix::claimItemSequence).containsExactly(1, 2, 1, 2);
    assertThat(found.get(0).fixes())
        .filteredOn(Fix::recommended)
        .extracting(Fix::code)
        .containsExactly("22", "22");
  }

  @Test
  void officePlaceOfServiceOnAnAscEncounterBecomes24() {
    Finding finding =
        rule(
                claim().locationPlaceOfService("24").line("44405").placeOfService("11"),
                "pos-matches-setting")
            .get(0);
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("24"));
  }

  @Test
  void aFacilityPlaceOfServiceOnAnOfficeEncounterIsAWarning() {
    Finding finding =
        rule(
                claim().locationPlaceOfService("11").line("44405").placeOfService("22"),
                "pos-matches-setting")
            .get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.fixes().get(0).code()).isEqualTo("11");
  }

  @Test
  void anInpatientStayWants21() {
    Finding finding = rule(claim().inpatient().line("44405"), "pos-matches-setting").get(0);
    assertThat(finding.fixes().get(0).code()).isEqualTo("21");
  }

  @Test
  void aMatchingOrUnknownSettingOrAFacilityClaimIsLeftAlone() {
    assertThat(rule(claim().line("44405"), "pos-matches-setting")).isEmpty();
    CaseBuilder unknown = claim().line("44405").placeOfService("11");
    unknown.encounter().getLocation().clear();
    assertThat(rule(unknown, "pos-matches-setting")).isEmpty();
    assertThat(
            rule(claim().institutional().line("44405").placeOfService("11"), "pos-matches-setting"))
        .isEmpty();
  }

  @Test
  void aHospitalLocationTypedWithAnHl7RoleCodeIsAHospitalSetting() {
    CaseBuilder c = claim().line("44405").placeOfService("11");
    org.hl7.fhir.r4.model.Location hospital = new org.hl7.fhir.r4.model.Location();
    hospital.setId("Location/hosp");
    hospital.addType(
        new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "HOSP", "Hospital")));
    c.add(hospital);
    c.encounter().getLocation().clear();
    c.encounter().addLocation().setLocation(new org.hl7.fhir.r4.model.Reference("Location/hosp"));
    assertThat(rule(c, "pos-matches-setting")).hasSize(1);
  }

  // ---- sedation time ---------------------------------------------------------------------------

  @Test
  void moderateSedationUnderTenMinutesIsNotReported() {
    Finding finding =
        rule(claim().sedationMinutes(8).line("44405").line("99152"), "sedation-minimum-time")
            .get(0);
    assertThat(finding.message()).contains("8 minutes");
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FixKind.REMOVE_LINE);
              assertThat(f.claimItemSequence()).isEqualTo(2);
            });
    assertThat(
            rule(claim().sedationMinutes(12).line("44405").line("99152"), "sedation-minimum-time"))
        .isEmpty();
  }

  @Test
  void sedationAddOnNeedsTwentyThreeMinutesInAll() {
    Finding tooShort =
        rule(
                claim().sedationMinutes(20).line("44405").line("99152").line("99153"),
                "sedation-99153-time")
            .get(0);
    assertThat(tooShort.fixes().get(0).kind()).isEqualTo(FixKind.REMOVE_LINE);
    assertThat(
            rule(
                claim().sedationMinutes(25).line("44405").line("99152").line("99153"),
                "sedation-99153-time"))
        .isEmpty();
    Finding tooMany =
        rule(
                claim().sedationMinutes(25).line("44405").line("99152").line("99153", 2),
                "sedation-99153-time")
            .get(0);
    assertThat(tooMany.fixes().get(0).kind()).isEqualTo(FixKind.SET_QUANTITY);
    assertThat(tooMany.fixes().get(0).code()).isEqualTo("1");
    assertThat(
            rule(
                claim().sedationMinutes(40).line("44405").line("99152").line("99153", 2),
                "sedation-99153-time"))
        .isEmpty();
  }

  // ---- G0500 vs 99152 --------------------------------------------------------------------------

  @Test
  void originalMedicareWantsG0500Not99152() {
    Finding finding =
        rule(
                claim().originalMedicare().sedationMinutes(20).line("44405").line("99152"),
                "sedation-medicare-g0500")
            .get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.fixes().get(0).code()).isEqualTo("G0500");
    assertThat(finding.fixes().get(0).claimItemSequence()).isEqualTo(2);
    assertThat(
            rule(
                claim().originalMedicare().sedationMinutes(20).line("44405").line("G0500"),
                "sedation-medicare-g0500"))
        .isEmpty();
    assertThat(
            rule(
                claim().originalMedicare().sedationMinutes(20).line("44405").line("G0500"),
                "sedation-g0500-other-payers"))
        .isEmpty();
  }

  @Test
  void otherPayersHaveNoPolicyOnFileForG0500() {
    Finding finding =
        rule(
                claim().cigna().sedationMinutes(20).line("44405").line("G0500"),
                "sedation-g0500-other-payers")
            .get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("no payer-specific policy is on file for Cigna");
    assertThat(
            rule(
                claim().cigna().sedationMinutes(20).line("44405").line("99152"),
                "sedation-medicare-g0500"))
        .isEmpty();
  }

  // ---- sedation with anesthesia ----------------------------------------------------------------

  @Test
  void moderateSedationIsNotBilledWhenAnesthesiaCareWasGiven() {
    CaseBuilder c =
        claim()
            .sedationMinutes(20)
            .line("44405")
            .line("99152")
            .line("00811", "QZ", "P2")
            .renderedBy("crna1");
    Finding finding = rule(c, "sedation-with-anesthesia").get(0);
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("99152"));

    CaseBuilder documented = claim().line("44405").line("99152");
    documented.documented(
        DocumentationElement.SEDATION_TYPE, new StringType("monitored anesthesia care"));
    assertThat(rule(documented, "sedation-with-anesthesia")).hasSize(1);

    assertThat(
            rule(
                claim().sedationMinutes(20).line("44405").line("99152"),
                "sedation-with-anesthesia"))
        .isEmpty();
  }

  // ---- age-specific sedation code

  @Test
  void theSedationCodeFitsThePatientsAge() {
    CaseBuilder child =
        claim()
            .patientBorn(LocalDate.of(2021, 3, 1))
            .sedationMinutes(20)
            .line("44405")
            .line("99152");
    Finding finding = rule(child, "sedation-age-code").get(0);
    assertThat(finding.message()).contains("the patient was 3");
    assertThat(finding.fixes().get(0).code()).isEqualTo("99151");

    CaseBuilder adult =
        claim()
            .patientBorn(LocalDate.of(1960, 3, 1))
            .sedationMinutes(20)
            .line("44405")
            .line("99151");
    assertThat(rule(adult, "sedation-age-code").get(0).fixes().get(0).code()).isEqualTo("99152");

    assertThat(
            rule(
                claim()
                    .patientBorn(LocalDate.of(1960, 3, 1))
                    .sedationMinutes(20)
                    .line("44405")
                    .line("99152"),
                "sedation-age-code"))
        .isEmpty();
    assertThat(rule(claim().sedationMinutes(20).line("44405").line("99151"), "sedation-age-code"))
        .isEmpty();
  }
}
