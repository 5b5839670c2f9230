package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

class OrderStageTest {

  @Test
  void orderSelectSaysOnlyIndicationAndPayerNotification() {
    CaseBuilder c = CaseBuilder.newCase().originalMedicare();
    c.order("R19.7");
    assertThat(ruleIds(evaluate(c, Stage.ORDER_SELECT)))
        .containsExactly("dx-supporting-diagnosis", "payer-notification-policy");
  }

  @Test
  void orderSignAddsAbnSiteOfServiceAndOneChecklist() {
    CaseBuilder c = CaseBuilder.newCase().originalMedicare();
    c.order("R19.7");
    List<Finding> found = evaluate(c, Stage.ORDER_SIGN);
    assertThat(ruleIds(found))
        .containsExactly(
            "dx-medicare-abn",
            "dx-supporting-diagnosis",
            "order-documentation-checklist",
            "order-site-of-service",
            "payer-notification-policy");
  }

  @Test
  void theChecklistListsTheElementsTheNoteWillNeed() {
    CaseBuilder c = CaseBuilder.newCase();
    c.order("K94.03");
    List<Finding> checklist =
        findings(evaluate(c, Stage.ORDER_SIGN), "order-documentation-checklist");
    assertThat(checklist).hasSize(1);
    Finding finding = checklist.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.resource()).isEqualTo("ServiceRequest/sr1");
    assertThat(finding.fixes()).allMatch(f -> f.kind() == FixKind.DOCUMENT_ELEMENT);
    assertThat(finding.fixes())
        .extracting(Fix::element)
        .containsExactly(
            "route-through-stoma",
            "balloon-diameter",
            "inflation-count",
            "inflation-duration",
            "stricture-location",
            "pre-dilation-lumen",
            "post-dilation-lumen",
            "extent-of-exam",
            "complications",
            "indication",
            "post-procedure-instructions");
    assertThat(finding.notes()).anyMatch(n -> n.contains("Sedation type"));
    assertThat(finding.notes()).anyMatch(n -> n.contains("74360"));
  }

  @Test
  void aStatedSiteOfServiceNeedsNoReminder() {
    CaseBuilder c = CaseBuilder.newCase();
    c.order("K94.03").addLocationCode(CaseBuilder.concept(CaseBuilder.POS, "24"));
    assertThat(ruleIds(evaluate(c, Stage.ORDER_SIGN))).doesNotContain("order-site-of-service");
  }

  @Test
  void ordersAreNotEvaluatedAtClaimOrDocumentationStages() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    c.order("R19.7");
    assertThat(evaluate(c, Stage.DOCUMENTATION, Stage.CLAIM)).isEmpty();
  }
}
