package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.payer.PayerKey;
import org.stomacds.engine.payer.PayerMapping;

class FactExtractorTest {

  private static final FactExtractor EXTRACTOR =
      new FactExtractor(
          PayerMapping.loadDefault(),
          new NoteReader(),
          new FactExtractor.Options(
              "44405",
              Set.of("99151", "99152", "99153", "G0500"),
              Set.of("00811"),
              code -> code.equals("44320") ? 90 : code.equals("44405") ? 0 : -1));

  private static CaseFacts extract(CaseBuilder c) {
    return EXTRACTOR.extract(c.resources(), Set.of(), CaseBuilder.DATE_OF_SERVICE);
  }

  private static ClaimFacts claim(CaseBuilder c) {
    return extract(c).claims().get(0);
  }

  // ---- claim lines -----------------------------------------------------------------------------

  @Test
  void readsModifiersWhicheverCptOrHcpcsSystemCarriesThem() {
    CaseBuilder c = CaseBuilder.newCase().line("44405");
    Claim.ItemComponent item = c.lastLine();
    item.addModifier(
        new CodeableConcept(
            new Coding("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "xs", null)));
    item.addModifier(
        new CodeableConcept(new Coding("urn:oid:2.16.840.1.113883.6.285", "GA", null)));
    item.addModifier(new CodeableConcept(new Coding(null, "22", null)));
    item.addModifier(new CodeableConcept().setText("59"));
    item.addModifier(
        new CodeableConcept(new Coding("http://example.org/local-modifiers", "ZZ", null)));
    assertThat(claim(c).lines().get(0).modifiers()).containsExactly("XS", "GA", "22", "59");
  }

  @Test
  void readsQuantityDateAndPlaceOfService() {
    CaseBuilder c = CaseBuilder.newCase().line("44405").line("44405");
    c.lastLine().setQuantity(null);
    c.lastLine()
        .setServiced(new Period().setStartElement(new DateTimeType("2024-08-16T09:00:00-05:00")));
    c.lastLine().setLocation(new CodeableConcept(new Coding(null, "24", null)));
    c.claim().getItemFirstRep().setQuantity(new Quantity().setValue(2));
    List<ClaimLine> lines = claim(c).lines();
    assertThat(lines.get(0).quantity()).isEqualTo(2);
    assertThat(lines.get(0).date()).isEqualTo(CaseBuilder.DATE_OF_SERVICE);
    assertThat(lines.get(0).placeOfService()).isEqualTo("22");
    assertThat(lines.get(1).quantity()).isEqualTo(1);
    assertThat(lines.get(1).date()).isEqualTo(LocalDate.of(2024, 8, 16));
    assertThat(lines.get(1).placeOfService()).isEqualTo("24");
  }

  @Test
  void aLineWithNoDateTakesTheClaimsBillablePeriod() {
    CaseBuilder c = CaseBuilder.newCase().line("44405");
    c.lastLine().setServiced(null);
    c.claim().getBillablePeriod().setStartElement(new DateTimeType("2024-08-14"));
    assertThat(claim(c).lines().get(0).date()).isEqualTo(LocalDate.of(2024, 8, 14));
    assertThat(claim(c).dateOfService()).isEqualTo(LocalDate.of(2024, 8, 14));
  }

  @Test
  void diagnosisPointersSelectClaimDiagnosesIncludingConditionReferences() {
    CaseBuilder c = CaseBuilder.newCase().diagnosis("R10.9");
    Condition condition = new Condition();
    condition.setId("Condition/c1");
    condition.setCode(CaseBuilder.concept("http://hl7.org/fhir/sid/icd-10-cm", "K9413"));
    c.add(condition);
    c.claim().addDiagnosis().setSequence(2).setDiagnosis(new Reference("Condition/c1"));
    c.line("44405");
    c.lastLine().getDiagnosisSequence().clear();
    c.lastLine().addDiagnosisSequence(2);
    ClaimFacts claim = claim(c);
    assertThat(claim.diagnoses()).extracting(Diagnosis::code).containsExactly("R10.9", "K94.13");
    assertThat(claim.lines().get(0).diagnoses())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("K94.13");
              assertThat(d.resource()).isEqualTo("Condition/c1");
            });
  }

  @Test
  void tellsProfessionalFromInstitutionalClaims() {
    assertThat(claim(CaseBuilder.newCase().line("44405")).type()).isEqualTo(ClaimType.PROFESSIONAL);
    assertThat(claim(CaseBuilder.newCase().institutional().line("44405")).type())
        .isEqualTo(ClaimType.INSTITUTIONAL);
    CaseBuilder byRevenue = CaseBuilder.newCase().line("44405");
    byRevenue.claim().setType(null);
    byRevenue
        .lastLine()
        .setRevenue(
            new CodeableConcept(
                new Coding("https://www.nubc.org/CodeSystem/RevenueCodes", "0750", null)));
    assertThat(claim(byRevenue).type()).isEqualTo(ClaimType.INSTITUTIONAL);
    CaseBuilder none = CaseBuilder.newCase().line("44405");
    none.claim().setType(null);
    assertThat(claim(none).type()).isEqualTo(ClaimType.OTHER);
  }

  @Test
  void theFocalInsuranceNamesTheCoverageAndPayer() {
    CaseBuilder c = CaseBuilder.newCase().line("44405");
    Organization cigna = new Organization();
    cigna.setId("Organization/cigna");
    cigna.setName("Cigna");
    Coverage secondary = new Coverage();
    secondary.setId("Coverage/cov2");
    secondary.addPayor(new Reference("Organization/cigna"));
    c.add(cigna).add(secondary);
    c.claim().getInsurance().clear();
    c.claim()
        .addInsurance()
        .setSequence(1)
        .setFocal(false)
        .setCoverage(new Reference("Coverage/cov1"));
    c.claim()
        .addInsurance()
        .setSequence(2)
        .setFocal(true)
        .setCoverage(new Reference("Coverage/cov2"));
    CoverageFacts coverage = claim(c).coverage();
    assertThat(coverage.ref()).isEqualTo("Coverage/cov2");
    assertThat(coverage.payer().key()).isEqualTo(PayerKey.CIGNA);
  }

  @Test
  void aCoverageTypeAndPayerNameGiveTheLineOfBusiness() {
    CaseBuilder c = CaseBuilder.newCase().unitedHealthcareMedicareAdvantage().line("44405");
    assertThat(claim(c).coverage().payer().lineOfBusiness())
        .isEqualTo(LineOfBusiness.MEDICARE_ADVANTAGE);
    assertThat(claim(c).coverage().evidence())
        .anyMatch(e -> "Coverage.type".equals(e.expression()));
  }

  @Test
  void theRenderingProviderComesFromTheCareTeamAndIsComparedByNpi() {
    CaseBuilder c = CaseBuilder.newCase().line("44405").line("00811");
    PractitionerRole role = new PractitionerRole();
    role.setId("PractitionerRole/r1");
    role.setPractitioner(new Reference("Practitioner/dr1"));
    c.add(role);
    c.claim().setProvider(new Reference("Organization/group"));
    c.claim().addCareTeam().setSequence(1).setProvider(new Reference("PractitionerRole/r1"));
    c.claim()
        .addCareTeam()
        .setSequence(2)
        .setProvider(
            new Reference()
                .setIdentifier(
                    new org.hl7.fhir.r4.model.Identifier()
                        .setSystem("http://hl7.org/fhir/sid/us-npi")
                        .setValue("1999999992")));
    c.claim().getItemFirstRep().addCareTeamSequence(1);
    c.lastLine().addCareTeamSequence(2);
    List<ClaimLine> lines = claim(c).lines();
    assertThat(lines.get(0).provider()).isEqualTo("npi:1234567893");
    assertThat(lines.get(1).provider()).isEqualTo("npi:1999999992");
  }

  // ---- procedures and documentation
  // --------------------------------------------------------------

  @Test
  void theClaimFindsItsProcedureByEncounterByReferenceOrByDay() {
    CaseBuilder byEncounter = CaseBuilder.newCase().line("44405");
    assertThat(claim(byEncounter).procedures())
        .extracting(ProcedureFacts::ref)
        .containsExactly("Procedure/proc1");

    CaseBuilder byReference = CaseBuilder.newCase().line("44405");
    byReference.lastLine().getEncounter().clear();
    byReference
        .claim()
        .addProcedure()
        .setSequence(1)
        .setProcedure(new Reference("Procedure/proc1"));
    assertThat(claim(byReference).procedures()).hasSize(1);

    CaseBuilder byDay = CaseBuilder.newCase().line("44405");
    byDay.lastLine().getEncounter().clear();
    assertThat(claim(byDay).procedures()).hasSize(1);

    CaseBuilder otherDay = CaseBuilder.newCase().line("44405").lineOn(LocalDate.of(2024, 9, 1));
    otherDay.lastLine().getEncounter().clear();
    assertThat(claim(otherDay).procedures()).isEmpty();
  }

  @Test
  void theEncounterGivesTheSetting() {
    assertThat(claim(CaseBuilder.newCase().line("44405")).setting().setting())
        .isEqualTo(Setting.HOSPITAL_OUTPATIENT);
    assertThat(
            claim(CaseBuilder.newCase().locationPlaceOfService("24").line("44405"))
                .setting()
                .setting())
        .isEqualTo(Setting.AMBULATORY_SURGICAL_CENTER);
    assertThat(claim(CaseBuilder.newCase().inpatient().line("44405")).setting().setting())
        .isEqualTo(Setting.INPATIENT);
    CaseBuilder office = CaseBuilder.newCase().line("44405");
    office.encounter().getLocation().clear();
    office.encounter().getClass_().setCode("AMB");
    assertThat(claim(office).setting().setting()).isEqualTo(Setting.UNKNOWN);
  }

  @Test
  void observationsOfOurCodeSystemDocumentElements() {
    CaseBuilder c = CaseBuilder.newCase();
    Observation size = new Observation();
    size.setId("Observation/o1");
    size.setStatus(Observation.ObservationStatus.FINAL);
    size.setCode(CaseBuilder.concept(CaseBuilder.DOC_ELEMENT, "balloon-diameter"));
    size.addPartOf(new Reference("Procedure/proc1"));
    size.setValue(CaseBuilder.mm(20));
    Observation count = new Observation();
    count.setId("Observation/o2");
    count.setStatus(Observation.ObservationStatus.FINAL);
    count.setCode(CaseBuilder.concept(CaseBuilder.DOC_ELEMENT, "inflation-count"));
    count.setEncounter(new Reference("Encounter/enc1"));
    count.setDataAbsentReason(new CodeableConcept().setText("not recorded"));
    c.add(size).add(count);
    Documentation docs = extract(c).procedures().get(0).documentation();
    assertThat(docs.documents(DocumentationElement.BALLOON_DIAMETER)).isTrue();
    assertThat(docs.balloonDiameterMm()).hasValue(20);
    assertThat(docs.evidence(DocumentationElement.BALLOON_DIAMETER).get(0).resource())
        .isEqualTo("Observation/o1");
    assertThat(docs.documents(DocumentationElement.INFLATION_COUNT)).isFalse();
    assertThat(docs.mentionedWithoutDocumenting(DocumentationElement.INFLATION_COUNT)).isNotEmpty();
  }

  @Test
  void aBalloonDeviceWithASizeDocumentsTheDiameter() {
    CaseBuilder c = CaseBuilder.newCase();
    Device balloon = new Device();
    balloon.setId("Device/d1");
    balloon
        .addProperty()
        .setType(new CodeableConcept().setText("diameter"))
        .addValueQuantity(CaseBuilder.mm(18));
    c.add(balloon);
    c.procedure().addFocalDevice().setManipulated(new Reference("Device/d1"));
    Documentation docs = extract(c).procedures().get(0).documentation();
    assertThat(docs.balloonDiameterMm()).hasValue(18);
  }

  @Test
  void aSedationProcedurePartOfTheProcedureGivesTypeAndMinutes() {
    CaseBuilder c = CaseBuilder.newCase();
    Procedure sedation = new Procedure();
    sedation.setId("Procedure/sed1");
    sedation.setStatus(Procedure.ProcedureStatus.COMPLETED);
    sedation.setCode(CaseBuilder.concept(CaseBuilder.HCPCS, "G0500"));
    sedation.addPartOf(new Reference("Procedure/proc1"));
    sedation.setPerformed(
        new Period()
            .setStartElement(new DateTimeType("2024-08-15T10:00:00Z"))
            .setEndElement(new DateTimeType("2024-08-15T10:24:00Z")));
    c.add(sedation);
    Documentation docs = extract(c).procedures().get(0).documentation();
    assertThat(docs.documents(DocumentationElement.SEDATION_TYPE)).isTrue();
    assertThat(docs.documents(DocumentationElement.SEDATION_TIMES)).isTrue();
    assertThat(docs.sedationMinutes()).hasValue(24);
    assertThat(docs.sedationKind()).contains(SedationKind.MODERATE);
  }

  @Test
  void priorProceduresCountOnlyInsideTheirGlobalPeriod() {
    CaseBuilder inside = CaseBuilder.newCase().line("44405");
    inside.add(prior("p1", "2024-06-01", "Patient/pat1"));
    assertThat(claim(inside).priorProcedures())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("44320");
              assertThat(p.globalEnds()).isEqualTo(LocalDate.of(2024, 8, 30));
            });
    CaseBuilder outside = CaseBuilder.newCase().line("44405");
    outside.add(prior("p1", "2024-05-01", "Patient/pat1"));
    assertThat(claim(outside).priorProcedures()).isEmpty();
    CaseBuilder otherPatient = CaseBuilder.newCase().line("44405");
    otherPatient.add(prior("p1", "2024-06-01", "Patient/someone-else"));
    assertThat(claim(otherPatient).priorProcedures()).isEmpty();
  }

  private static Procedure prior(String id, String day, String patient) {
    Procedure prior = new Procedure();
    prior.setId("Procedure/" + id);
    prior.setStatus(Procedure.ProcedureStatus.COMPLETED);
    prior.setCode(CaseBuilder.concept(CaseBuilder.CPT, "44320"));
    prior.setSubject(new Reference(patient));
    prior.setPerformed(new DateTimeType(day));
    return prior;
  }

  // ---- administrative
  // ----------------------------------------------------------------------------

  @Test
  void anAbnAndAPayerAuthorizationAreReadFromStandardPlacesFirst() {
    CaseBuilder c = CaseBuilder.newCase().line("44405").preAuthorization("PA-1");
    c.claim()
        .addSupportingInfo()
        .setSequence(1)
        .setCategory(CaseBuilder.concept(CaseBuilder.ADMIN_DOC, "abn"));
    ClaimFacts claim = claim(c);
    assertThat(claim.payerAuthorization().present()).isTrue();
    assertThat(claim.payerAuthorization().evidence().get(0).expression())
        .isEqualTo("Claim.insurance[0].preAuthRef[0]");
    assertThat(claim.abn().present()).isTrue();
    assertThat(claim(CaseBuilder.newCase().line("44405")).abn().present()).isFalse();
  }

  @Test
  void anAuthorizationForAnotherServiceDoesNotCount() {
    CaseBuilder c = CaseBuilder.newCase().line("44405");
    ClaimResponse other = new ClaimResponse();
    other.setId("ClaimResponse/x");
    other.setUse(ClaimResponse.Use.PREAUTHORIZATION);
    other.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
    other.addAddItem().setProductOrService(CaseBuilder.concept(CaseBuilder.CPT, "45378"));
    c.add(other);
    assertThat(claim(c).payerAuthorization().present()).isFalse();
  }

  // ---- focus and robustness
  // ----------------------------------------------------------------------

  @Test
  void aFocusKeepsOnlyTheResourcesAskedAbout() {
    CaseBuilder c = CaseBuilder.newCase().line("44405");
    c.order("K94.03");
    CaseFacts claimOnly =
        EXTRACTOR.extract(c.resources(), Set.of("Claim/claim1"), CaseBuilder.DATE_OF_SERVICE);
    assertThat(claimOnly.claims()).hasSize(1);
    assertThat(claimOnly.orders()).isEmpty();
    assertThat(claimOnly.procedures()).isEmpty();
    CaseFacts byEncounter =
        EXTRACTOR.extract(c.resources(), Set.of("Encounter/enc1"), CaseBuilder.DATE_OF_SERVICE);
    assertThat(byEncounter.claims()).hasSize(1);
    assertThat(byEncounter.procedures()).hasSize(1);
  }

  @Test
  void oddButValidShapesNeverThrow() {
    Claim empty = new Claim();
    Claim noCodes = new Claim();
    noCodes.addItem().setSequence(1);
    noCodes
        .addItem()
        .setSequence(2)
        .setProductOrService(CaseBuilder.concept(CaseBuilder.CPT, "44405"))
        .setServiced(new DateType());
    noCodes.getItem().get(1).addModifier(new CodeableConcept());
    noCodes.getItem().get(1).addDiagnosisSequence(9);
    noCodes.addInsurance().setCoverage(new Reference("Coverage/missing"));
    Procedure bare = new Procedure();
    bare.setCode(CaseBuilder.concept(CaseBuilder.CPT, "44405"));
    bare.addNote().setText("");
    bare.addReport(new Reference("#nothing"));
    Coverage selfPay = new Coverage();
    selfPay.addPayor(new Reference("Patient/pat1"));
    Observation odd = new Observation();
    odd.setCode(CaseBuilder.concept(CaseBuilder.DOC_ELEMENT, "no-such-element"));
    odd.addPartOf(new Reference("Procedure/x"));
    odd.setValue(new StringType("x"));
    List<Resource> resources = List.of(empty, noCodes, bare, selfPay, odd);
    assertThatCode(() -> EXTRACTOR.extract(resources, Set.of(), CaseBuilder.DATE_OF_SERVICE))
        .doesNotThrowAnyException();
    CaseFacts facts = EXTRACTOR.extract(resources, Set.of(), CaseBuilder.DATE_OF_SERVICE);
    assertThat(facts.claims()).hasSize(1);
    assertThat(facts.claims().get(0).coverage().payer().key()).isEqualTo(PayerKey.UNKNOWN);
  }
}
