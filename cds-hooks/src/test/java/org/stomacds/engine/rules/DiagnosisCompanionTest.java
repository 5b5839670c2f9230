package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Severity;

class DiagnosisCompanionTest {

  private static List<Finding> companions(String... diagnoses) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    for (String diagnosis : diagnoses) {
      c.diagnosis(diagnosis);
    }
    return findings(evaluate(c.line("44405"), Stage.CLAIM), "dx-follow-up-with-history");
  }

  @Test
  void aFollowUpExamCodeAsksForItsCancerHistoryCode() {
    List<Finding> found = companions("Z08", "Z93.3");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(found.get(0).message())
        .contains("Z08 is billed without a Z85 code")
        .contains("category Z08 use additional code");
  }

  @Test
  void staysQuietWithTheHistoryCodeOrWithoutTheFollowUpCode() {
    assertThat(companions("Z08", "Z85.038", "Z93.3")).isEmpty();
    assertThat(companions("K94.03")).isEmpty();
  }
}
