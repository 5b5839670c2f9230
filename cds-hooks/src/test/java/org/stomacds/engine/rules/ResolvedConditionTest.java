package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;

class ResolvedConditionTest {

  private static final String RULE = "dx-resolved-condition-coded";

  private static Condition problem(String id, String code, String status) {
    Condition condition = new Condition();
    condition.setId("Condition/" + id);
    condition.setSubject(new Reference("Patient/pat1"));
    condition.setCode(CaseBuilder.concept(CaseBuilder.ICD10, code));
    condition.setClinicalStatus(
        CaseBuilder.concept("http://terminology.hl7.org/CodeSystem/condition-clinical", status));
    return condition;
  }

  private static List<Finding> claimWith(List<Condition> problems, String... diagnoses) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    problems.forEach(c::add);
    for (String diagnosis : diagnoses) {
      c.diagnosis(diagnosis);
    }
    return findings(evaluate(c.line("44405"), Stage.CLAIM), RULE);
  }

  @Test
  void aCancerTheProblemListHasAsResolvedIsCodedAsItsHistory() {
    Condition cancer = problem("p1", "C18.7", "resolved");
    cancer.setAbatement(new DateTimeType("2022-12-15"));
    List<Finding> found = claimWith(List.of(cancer), "C18.7", "Z93.3");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .contains("C18.7")
        .contains("resolved (abated 2022-12-15)")
        .contains("Z85.038");
    assertThat(found.get(0).fixes().get(0).code()).isEqualTo("C18.7");
  }

  @Test
  void aStomaStatusOfAClosedStomaIsRemoved() {
    List<Finding> found = claimWith(List.of(problem("p1", "Z93.3", "resolved")), "K91.31", "Z93.3");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("Z93.3").contains("Remove it");
  }

  @Test
  void staysQuietWhenTheConditionIsActiveAnywhereOrNotOnTheList() {
    assertThat(
            claimWith(
                List.of(problem("p1", "C18.7", "resolved"), problem("p2", "C18.7", "recurrence")),
                "C18.7"))
        .isEmpty();
    assertThat(claimWith(List.of(problem("p1", "C18.6", "active")), "C18.6")).isEmpty();
    assertThat(claimWith(List.of(), "C18.6")).isEmpty();
  }
}
