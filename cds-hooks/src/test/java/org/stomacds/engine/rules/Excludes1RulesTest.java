package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;

class Excludes1RulesTest {

  private static final String RULE = "dx-excludes1-pair";

  private static List<Finding> excludes1(String... diagnoses) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    for (String diagnosis : diagnoses) {
      c.diagnosis(diagnosis);
    }
    return findings(evaluate(c.line("44405"), Stage.CLAIM), RULE);
  }

  @Test
  void removesTheStomaStatusCodeBilledWithAComplicationOfThatStoma() {
    List<Finding> found = excludes1("K94.03", "Z93.3");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .contains("category Z93 Excludes1")
        .contains("Keep K94.03 and remove Z93.3");
    assertThat(found.get(0).fixes().get(0).code()).isEqualTo("Z93.3");
    assertThat(found.get(0).fixes().get(0).label()).contains("Remove Z93.3");
    assertThat(excludes1("K94.13", "Z93.2")).hasSize(1);
  }

  @Test
  void removesTheStomaCareCodeBilledWithAComplicationOfThatStoma() {
    Finding finding = excludes1("Z43.3", "K94.03").get(0);
    assertThat(finding.message()).contains("category Z43 Excludes1");
    assertThat(finding.fixes().get(0).code()).isEqualTo("Z43.3");
    assertThat(excludes1("K56.699", "Z93.3", "Z43.3")).hasSize(1);
  }

  @Test
  void keepsTheIschemicStrictureAndRemovesTheObstructionCodeItsCategoryExcludes() {
    Finding finding = excludes1("K55.1", "K56.699", "Z93.3").get(0);
    assertThat(finding.message()).contains("category K56 Excludes1").contains("(K55.1)");
    assertThat(finding.fixes().get(0).code()).isEqualTo("K56.699");
  }

  @Test
  void keepsThePostproceduralObstructionOverTheGeneralOne() {
    List<Finding> found = excludes1("K91.31", "K56.691");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).fixes().get(0).code()).isEqualTo("K56.691");
  }

  @Test
  void mutualExclusionKeepsTheCodeTheLinePointsAt() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    c.diagnosis("K50.112").diagnosis("Z93.3").line("44405").diagnosis("K51.90");
    Finding finding = findings(evaluate(c, Stage.CLAIM), RULE).get(0);
    assertThat(finding.message()).contains("each code's note excludes the other");
    assertThat(finding.fixes().get(0).code()).isEqualTo("K51.90");
  }

  @Test
  void mutualExclusionWithBothPointedAtLeavesTheChoiceToTheDocumentation() {
    Finding finding = excludes1("K50.112", "K51.912").get(0);
    assertThat(finding.message()).contains("Keep the one the physician's documentation supports");
    assertThat(finding.fixes().get(0).code()).isNull();
  }

  @Test
  void codesAboutDifferentStomasAreUnrelatedAndStayTogether() {
    assertThat(excludes1("K94.03", "Z93.2")).isEmpty();
    assertThat(excludes1("K94.13", "Z43.3")).isEmpty();
  }

  @Test
  void staysQuietOnPairsNoExcludes1NoteForbids() {
    assertThat(excludes1("K56.699", "Z93.3")).isEmpty();
    assertThat(excludes1("K50.112", "Z93.3")).isEmpty();
    assertThat(excludes1("K91.32", "Z93.3")).isEmpty();
    // Excludes2 (K91 names K94.-): both may be reported.
    assertThat(excludes1("K94.03", "K91.31")).isEmpty();
    // Excludes2 (K56 names K62.4).
    assertThat(excludes1("K56.699", "K62.4")).isEmpty();
  }

  @Test
  void aNoteAtTheBlockCoversEveryCategoryOfTheBlock() {
    Finding finding = excludes1("K51.912", "K58.9").get(0);
    assertThat(finding.message()).contains("block K50-K52 Excludes1");
    assertThat(finding.fixes().get(0).code()).isEqualTo("K51.912");
  }
}
