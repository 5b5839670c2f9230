package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.FixKind;

class DiagnosisRulesTest {

  private static CaseBuilder claim(String... diagnoses) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    for (String diagnosis : diagnoses) {
      c.diagnosis(diagnosis);
    }
    return c.line("44405");
  }

  // ---- supporting diagnosis --------------------------------------------------------------------

  @Test
  void warnsWhenTheLineHasNoSupportingDiagnosisAndSaysNoLcdListIsKnown() {
    List<Finding> found =
        findings(evaluate(claim("R10.9"), Stage.CLAIM), "dx-supporting-diagnosis");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("R10.9");
    assertThat(found.get(0).notes()).anyMatch(n -> n.contains("No Medicare LCD"));
    assertThat(findings(evaluate(claim("K94.03"), Stage.CLAIM), "dx-supporting-diagnosis"))
        .isEmpty();
  }

  @Test
  void acceptsIcd10CodesWrittenWithoutTheDot() {
    assertThat(findings(evaluate(claim("K9403"), Stage.CLAIM), "dx-supporting-diagnosis"))
        .isEmpty();
  }

  @Test
  void suggestsPointingTheLineAtASupportingDiagnosisTheClaimAlreadyHas() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything().diagnosis("R10.9").line("44405");
    c.diagnosis("K56.699");
    Finding finding = findings(evaluate(c, Stage.CLAIM), "dx-supporting-diagnosis").get(0);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.ADD_DIAGNOSIS);
    assertThat(finding.fixes().get(0).code()).isEqualTo("K56.699");
    assertThat(finding.fixes().get(0).claimItemSequence()).isEqualTo(1);
  }

  @Test
  void readsADiagnosisGivenAsAConditionReference() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    Condition condition = new Condition();
    condition.setId("Condition/c1");
    condition.setCode(CaseBuilder.concept(CaseBuilder.ICD10, "K94.13"));
    c.add(condition);
    c.claim().addDiagnosis().setSequence(1).setDiagnosis(new Reference("Condition/c1"));
    c.line("44405");
    assertThat(findings(evaluate(c, Stage.CLAIM), "dx-supporting-diagnosis")).isEmpty();
  }

  @Test
  void checksTheOrdersIndicationAtOrderTime() {
    CaseBuilder unsupported = CaseBuilder.newCase();
    unsupported.order("R19.7");
    assertThat(ruleIds(evaluate(unsupported, Stage.ORDER_SELECT)))
        .contains("dx-supporting-diagnosis");

    CaseBuilder none = CaseBuilder.newCase();
    none.order();
    Finding finding =
        findings(evaluate(none, Stage.ORDER_SELECT), "dx-supporting-diagnosis").get(0);
    assertThat(finding.message()).contains("no indication");

    CaseBuilder supported = CaseBuilder.newCase();
    supported.order("K94.03");
    assertThat(ruleIds(evaluate(supported, Stage.ORDER_SELECT)))
        .doesNotContain("dx-supporting-diagnosis");
  }

  @Test
  void anIschemicStrictureAloneSupportsTheDilation() {
    assertThat(findings(evaluate(claim("K55.1", "Z93.3"), Stage.CLAIM), "dx-supporting-diagnosis"))
        .isEmpty();
    CaseBuilder medicare = claim("K55.1").originalMedicare();
    assertThat(findings(evaluate(medicare, Stage.CLAIM), "dx-medicare-abn")).isEmpty();
  }

  @Test
  void aTumourNarrowingTheColonSupportsTheDilation() {
    assertThat(findings(evaluate(claim("C18.6"), Stage.CLAIM), "dx-supporting-diagnosis"))
        .isEmpty();
  }

  @Test
  void statusHistoryFollowUpAndStomaBleedingDoNotSupportItOnTheirOwn() {
    for (String code : List.of("Z93.3", "Z43.3", "Z85.038", "Z08", "K94.01", "K56.51")) {
      assertThat(findings(evaluate(claim(code), Stage.CLAIM), "dx-supporting-diagnosis"))
          .as(code)
          .hasSize(1);
    }
  }

  // ---- Original Medicare ABN -------------------------------------------------------------------

  @Test
  void asksForAnAbnAtOrderTimeForOriginalMedicareWithAnUnsupportedDiagnosis() {
    CaseBuilder c = CaseBuilder.newCase().originalMedicare();
    c.order("R19.7");
    List<Finding> found = findings(evaluate(c, Stage.ORDER_SIGN), "dx-medicare-abn");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).fixes().get(0).kind()).isEqualTo(FixKind.OBTAIN_ABN);

    CaseBuilder onFile = CaseBuilder.newCase().originalMedicare().abnOnFile();
    onFile.order("R19.7");
    assertThat(findings(evaluate(onFile, Stage.ORDER_SIGN), "dx-medicare-abn")).isEmpty();

    CaseBuilder supported = CaseBuilder.newCase().originalMedicare();
    supported.order("K94.03");
    assertThat(findings(evaluate(supported, Stage.ORDER_SIGN), "dx-medicare-abn")).isEmpty();
  }

  @Test
  void neverAsksForAnAbnForOtherPayers() {
    CaseBuilder commercial = CaseBuilder.newCase().unitedHealthcareCommercial();
    commercial.order("R19.7");
    assertThat(findings(evaluate(commercial, Stage.ORDER_SIGN), "dx-medicare-abn")).isEmpty();

    CaseBuilder advantage = CaseBuilder.newCase().unitedHealthcareMedicareAdvantage();
    advantage.order("R19.7");
    assertThat(findings(evaluate(advantage, Stage.ORDER_SIGN), "dx-medicare-abn")).isEmpty();
  }

  @Test
  void suggestsGaOnTheClaimWhenAnAbnIsOnFile() {
    CaseBuilder c = claim("R19.7").originalMedicare().abnOnFile();
    Finding finding = findings(evaluate(c, Stage.CLAIM), "dx-medicare-abn").get(0);
    assertThat(finding.fixes())
        .anySatisfy(
            fix -> {
              assertThat(fix.kind()).isEqualTo(FixKind.ADD_MODIFIER);
              assertThat(fix.code()).isEqualTo("GA");
            });
    CaseBuilder withGa =
        CaseBuilder.newCase().documentedEverything().originalMedicare().abnOnFile();
    withGa.diagnosis("R19.7").line("44405", "GA");
    assertThat(findings(evaluate(withGa, Stage.CLAIM), "dx-medicare-abn")).isEmpty();
  }

  @Test
  void explainsTheRiskWithoutAnAbnAndNeverAddsGz() {
    CaseBuilder c = claim("R19.7").originalMedicare();
    Finding finding = findings(evaluate(c, Stage.CLAIM), "dx-medicare-abn").get(0);
    assertThat(finding.message()).contains("no ABN is on file").contains("GZ is not added");
    assertThat(finding.fixes())
        .noneMatch(fix -> "GZ".equals(fix.code()) && fix.kind() == FixKind.ADD_MODIFIER);
  }

  @Test
  void flagsGaWhenNoAbnIsOnFile() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything().originalMedicare();
    c.diagnosis("R19.7").line("44405", "GA");
    Finding finding = findings(evaluate(c, Stage.CLAIM), "dx-medicare-abn").get(0);
    assertThat(finding.message()).contains("GA").contains("none is in the case");
  }

  @Test
  void aHumanChosenGzIsLeftAlone() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything().originalMedicare();
    c.diagnosis("R19.7").line("44405", "GZ");
    assertThat(findings(evaluate(c, Stage.CLAIM), "dx-medicare-abn")).isEmpty();
  }

  @Test
  void anOrderIndicationCodedOutsideIcd10AsksForTheCodeAndNoAbn() {
    CaseBuilder c = CaseBuilder.newCase().originalMedicare();
    c.order().addReasonCode(CaseBuilder.concept("http://snomed.info/sct", "787008003"));
    List<Finding> found = evaluate(c, Stage.ORDER_SIGN);
    assertThat(findings(found, "dx-supporting-diagnosis").get(0).message())
        .contains("not coded in ICD-10-CM");
    assertThat(findings(found, "dx-medicare-abn")).isEmpty();
  }
}
