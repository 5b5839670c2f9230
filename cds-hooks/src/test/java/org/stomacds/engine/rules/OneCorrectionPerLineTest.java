package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.ruleIds;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Finding;

/** Several rules about one claim line give one correction, never "remove" beside "change". */
class OneCorrectionPerLineTest {

  private static final String SAME_POLYP =
      "Colonoscopy through the colostomy; stricture at the stoma dilated with a 15 mm balloon."
          + " At the hepatic flexure a 12 mm polyp: biopsy taken first, then the same polyp was"
          + " removed with a hot snare. Immediate oozing from the polypectomy stalk; two clips.";

  private static CaseBuilder claim(String note) {
    return CaseBuilder.newCase().documentedEverything().note(note).diagnosis("K94.03");
  }

  @Test
  void theBiopsyOfTheLesionThatWasThenRemovedGoesOnceNotAlsoForTheNcciEdit() {
    List<Finding> found =
        evaluate(
            claim(SAME_POLYP).line("44405").line("44394").line("44389", "59").line("44391"),
            Stage.CLAIM);
    assertThat(found.stream().filter(f -> "Claim.item[2]".equals(f.expression())))
        .singleElement()
        .satisfies(f -> assertThat(f.ruleId()).isEqualTo("bundle-biopsy-of-the-removed-lesion"));
    assertThat(found.stream().filter(f -> "Claim.item[3]".equals(f.expression())))
        .singleElement()
        .satisfies(f -> assertThat(f.ruleId()).isEqualTo("bundle-bleeding-caused-in-the-session"));
  }

  @Test
  void aSeparateLesionAndALaterSessionStayPayable() {
    String separate =
        "Colonoscopy through the colostomy; stricture at the stoma dilated with a 15 mm balloon."
            + " In the cecum, a separate 4 mm polyp was removed with cold forceps. No bleeding.";
    assertThat(ruleIds(evaluate(claim(separate).line("44405").line("44389", "XS"), Stage.CLAIM)))
        .doesNotContain("bundle-biopsy-of-the-removed-lesion", "ncci-ptp-edits");
    String returned =
        "Session 2: returned with bleeding; active oozing from the dilation tear, three clips.";
    assertThat(ruleIds(evaluate(claim(returned).line("44405").line("44391", "78"), Stage.CLAIM)))
        .doesNotContain("bundle-bleeding-caused-in-the-session", "ncci-ptp-edits");
  }

  @Test
  void aLineTheStentAbsorbsIsNotAlsoToldToDropItsModifier() {
    List<Finding> found = evaluate(claim("").line("44402").line("44405", "XS"), Stage.CLAIM);
    assertThat(
            found.stream()
                .filter(f -> f.expression() != null && f.expression().startsWith("Claim.item[1]")))
        .extracting(Finding::ruleId)
        .containsExactly("ncci-ptp-edits");
  }
}
