package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

class PayerRulesTest {

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
  }

  // ---- UnitedHealthcare advance notification ---------------------------------------------------

  @Test
  void unitedHealthcareCommercialAdvanceNotificationIsOnlyInformationAtOrderTime() {
    CaseBuilder c = CaseBuilder.newCase().unitedHealthcareCommercial();
    c.order("K94.03");
    Finding finding =
        findings(evaluate(c, Stage.ORDER_SELECT), "payer-uhc-advance-notification").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("advance notification").contains("not on file");
    assertThat(finding.source().documents())
        .anyMatch(d -> d.url() != null && d.url().startsWith("https://www.uhcprovider.com/"));
    assertThat(ruleIds(evaluate(c, Stage.ORDER_SELECT)))
        .doesNotContain("payer-notification-policy");
  }

  @Test
  void aPreauthorizationResponseOnFileSatisfiesIt() {
    CaseBuilder c = CaseBuilder.newCase().unitedHealthcareCommercial();
    c.order("K94.03");
    ClaimResponse response = new ClaimResponse();
    response.setId("ClaimResponse/pa1");
    response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
    response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
    response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
    response.setPatient(new Reference("Patient/pat1"));
    response.setPreAuthRef("UHC-778812");
    c.add(response);
    assertThat(findings(evaluate(c, Stage.ORDER_SELECT), "payer-uhc-advance-notification"))
        .isEmpty();
  }

  @Test
  void anUnconfirmedNotificationPolicyNeverFlagsTheClaim() {
    CaseBuilder without = claim().unitedHealthcareCommercial().line("44405");
    assertThat(findings(evaluate(without, Stage.CLAIM), "payer-uhc-advance-notification"))
        .isEmpty();
    CaseBuilder with =
        claim().unitedHealthcareCommercial().line("44405").preAuthorization("UHC-778812");
    assertThat(findings(evaluate(with, Stage.CLAIM), "payer-uhc-advance-notification")).isEmpty();
  }

  @Test
  void theNotificationRuleStartsOnItsEffectiveDate() {
    CaseBuilder before =
        CaseBuilder.newCase().unitedHealthcareCommercial().on(LocalDate.of(2023, 5, 1));
    before.order("K94.03");
    List<Finding> found = evaluate(before, Stage.ORDER_SELECT);
    assertThat(ruleIds(found)).doesNotContain("payer-uhc-advance-notification");
    assertThat(ruleIds(found)).contains("payer-notification-policy");
  }

  @Test
  void unitedHealthcareMedicareAdvantageHasNoPolicyOnFile() {
    CaseBuilder c = CaseBuilder.newCase().unitedHealthcareMedicareAdvantage();
    c.order("K94.03");
    List<Finding> found = evaluate(c, Stage.ORDER_SELECT);
    assertThat(ruleIds(found)).doesNotContain("payer-uhc-advance-notification");
    assertThat(findings(found, "payer-notification-policy").get(0).message())
        .contains("No payer-specific")
        .contains("UnitedHealthcare (Medicare Advantage)");
  }

  @Test
  void anUnknownPayerGetsNoPolicyOnFileAndHowThePayerWasRead() {
    CaseBuilder c = CaseBuilder.newCase();
    c.order("K94.03");
    Finding finding = findings(evaluate(c, Stage.ORDER_SELECT), "payer-notification-policy").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("No payer-specific").contains("Acme Health Plan");
    assertThat(finding.notes()).anyMatch(n -> n.contains("no payer mapping entry matches"));
  }

  // ---- records requests ------------------------------------------------------------------------

  @Test
  void cignaMayAskForRecordsWith59Or25() {
    Finding finding =
        findings(
                evaluate(claim().cigna().line("44405").line("99213", "25"), Stage.CLAIM),
                "payer-cigna-records-59-25")
            .get(0);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.ATTACH_RECORDS);
    assertThat(
            findings(
                evaluate(claim().cigna().line("44405"), Stage.CLAIM), "payer-cigna-records-59-25"))
        .isEmpty();
    assertThat(
            findings(
                evaluate(claim().aetna().line("44405").line("99213", "25"), Stage.CLAIM),
                "payer-cigna-records-59-25"))
        .isEmpty();
  }

  @Test
  void aetnaAsksForTheOperativeReportWith22() {
    Finding finding =
        findings(
                evaluate(claim().aetna().line("44405", "22"), Stage.CLAIM),
                "payer-aetna-records-22")
            .get(0);
    assertThat(finding.message()).contains("operative report");
    assertThat(
            findings(
                evaluate(claim().cigna().line("44405", "22"), Stage.CLAIM),
                "payer-aetna-records-22"))
        .isEmpty();
  }

  // ---- Independence Blue Cross -----------------------------------------------------------------

  @Test
  void independenceBlueCrossUnconfirmedSingleLineEditIsOnlyInformation() {
    Finding finding =
        findings(
                evaluate(claim().independenceBlueCross().line("44405", "59"), Stage.CLAIM),
                "payer-ibx-single-line-59")
            .get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("Independence Blue Cross").contains("single-line");
    assertThat(
            findings(
                evaluate(
                    claim().independenceBlueCross().line("44401").line("44405", "XS"), Stage.CLAIM),
                "payer-ibx-single-line-59"))
        .isEmpty();
    assertThat(
            findings(
                evaluate(
                    claim().independenceBlueCross().line("44405").line("99213", "59"), Stage.CLAIM),
                "payer-ibx-single-line-59"))
        .hasSize(1);
  }

  @Test
  void otherBlueCrossLicenseesDoNotGetTheIndependenceEdit() {
    assertThat(
            findings(
                evaluate(claim().anthem().line("44405", "59"), Stage.CLAIM),
                "payer-ibx-single-line-59"))
        .isEmpty();
    assertThat(
            findings(
                evaluate(
                    claim().payer("Blue Cross Blue Shield of Somewhere", "61").line("44405", "59"),
                    Stage.CLAIM),
                "payer-ibx-single-line-59"))
        .isEmpty();
  }
}
