package org.stomacds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.findings.Finding;

class DefaultRuleEngineTest {

  @Test
  void loadsTheDefaultPack() {
    DefaultRuleEngine engine = Engines.standard();
    assertThat(engine.packVersion()).isEqualTo("2024.07.1");
    assertThat(engine.pack().subjectCode()).isEqualTo("44405");
    assertThat(engine.pack().rules())
        .extracting(r -> r.id())
        .contains("doc-balloon-diameter", "ncci-ptp-edits");
  }

  @Test
  void cleanClaimWithCompleteDocumentationHasNoWarnings() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405");
    List<Finding> findings = Engines.evaluate(c, Stage.DOCUMENTATION, Stage.CLAIM);
    assertThat(findings).isEmpty();
  }
}
