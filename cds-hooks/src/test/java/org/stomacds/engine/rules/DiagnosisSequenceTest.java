package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;

class DiagnosisSequenceTest {

  private static final String RULE = "dx-status-first-listed";

  private static List<Finding> sequence(String... diagnoses) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    for (String diagnosis : diagnoses) {
      c.diagnosis(diagnosis);
    }
    return findings(evaluate(c.line("44405"), Stage.CLAIM), RULE);
  }

  @Test
  void asksForTheConditionTreatedBeforeTheStomaStatus() {
    List<Finding> found = sequence("Z93.3", "K50.112");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("Z93.3").contains("list K50.112 first");
  }

  @Test
  void staysQuietWhenTheConditionIsFirstOrThereIsNoCondition() {
    assertThat(sequence("K50.112", "Z93.3")).isEmpty();
    assertThat(sequence("K91.32", "Z93.3")).isEmpty();
    // a status code alone is the supporting-diagnosis rule's matter, not an order problem
    assertThat(sequence("Z93.3")).isEmpty();
  }

  @Test
  void leavesAStatusCodeTheExcludes1RuleRemovesToThatRule() {
    assertThat(sequence("Z93.3", "K94.03")).isEmpty();
    assertThat(findings(evaluate(claimOf("Z93.3", "K94.03"), Stage.CLAIM), "dx-excludes1-pair"))
        .hasSize(1);
  }

  private static CaseBuilder claimOf(String... diagnoses) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    for (String diagnosis : diagnoses) {
      c.diagnosis(diagnosis);
    }
    return c.line("44405");
  }

  @Test
  void followsTheTabularsCodeFirstNote() {
    List<Finding> found = sequence("K94.03", "Z85.038", "Z08");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .contains("category Z85 code first")
        .contains("list Z08 first");
    assertThat(sequence("K94.03", "Z08", "Z85.038")).isEmpty();
  }
}
