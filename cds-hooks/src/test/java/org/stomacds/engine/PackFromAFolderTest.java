package org.stomacds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.engine.rules.Stage;
import org.stomacds.engine.rules.yaml.RuleFileException;

/**
 * A new pack is a folder of data files: here one for 45340 (flexible sigmoidoscopy with balloon
 * dilation), written by the test into a folder the build never saw, extending the shipped 45386
 * pack. Its rules run on its code with its own data and wording, beside the shipped packs, and
 * without a line of Java.
 */
class PackFromAFolderTest {

  @TempDir Path folder;

  private Path writePack(String extraYaml) throws IOException {
    Path pack = Files.createDirectories(folder.resolve("cpt-45340"));
    Files.createDirectories(pack.resolve("data"));
    // The test's own rows in the CMS column layout (not a CMS extract): the base code is never
    // paid beside the dilation.
    Files.writeString(
        pack.resolve("data/ncci-ptp-45340-test.csv"),
        "table,column_1,column_2,modifier_indicator,deletion_date,rationale\n"
            + "practitioner,45340,45330,0,,Misuse of column two code with column one code\n");
    Files.writeString(
        pack.resolve("pack.yaml"),
        """
        extends: classpath:rules/packs/cpt-45386/pack.yaml
        pack:
          id: cpt-45340
          version: 2024.07.1
          code: "45340"
          title: CPT {code} rules, a folder the build never saw
        subject:
          name: flexible sigmoidoscopy with balloon dilation of a stricture
          base-code: "45330"
          siblings: ["45386"]
          documentation: [balloon-diameter, inflation-count, inflation-duration, stricture-location,
            pre-dilation-lumen, post-dilation-lumen, extent-of-exam, complications, indication,
            sedation-type, sedation-times, post-procedure-instructions, fluoroscopy, increased-work,
            independent-observer]
          value-sets:
            supporting-diagnoses: cpt-45386-supporting-diagnoses
            moderate-sedation: [moderate-sedation-same-physician, moderate-sedation-other-physician]
            anesthesia: [lower-gi-anesthesia]
        data:
          - kind: ncci-ptp
            file: data/ncci-ptp-45340-test.csv
            release: the test's own rows
            effective: 2024-07-01
            source: cms-ncci-ptp
        """
            + extraYaml);
    return pack.resolve("pack.yaml");
  }

  private DefaultRuleEngine engine(Path pack) {
    return DefaultRuleEngine.builder().terminology(Engines.terminology()).packFile(pack).build();
  }

  @Test
  void aPackInAFolderRunsOnItsCodeWithItsOwnDataAndWording() throws IOException {
    DefaultRuleEngine engine = engine(writePack(""));
    assertThat(engine.packs())
        .extracting(RulePack::id)
        .containsExactly("cpt-44405", "cpt-44381", "cpt-45386", "cpt-45340");
    RulePack pack = engine.packFor("45340").orElseThrow();
    assertThat(pack.title()).isEqualTo("CPT 45340 rules, a folder the build never saw");
    assertThat(pack.data().files()).anyMatch(f -> f.file().equals("data/ncci-ptp-45340-test.csv"));

    CaseBuilder c =
        CaseBuilder.newCase()
            .procedureCode("45340")
            .note("Flexible sigmoidoscopy per anus. A stricture at 20 cm was dilated.")
            .diagnosis("K56.699")
            .line("45340", 2)
            .line("45330");
    List<Finding> findings =
        engine
            .evaluate(
                new EvaluationRequest(
                    c.resources(), EnumSet.of(Stage.DOCUMENTATION, Stage.CLAIM), Set.of()))
            .findings();
    assertThat(findings)
        .extracting(Finding::ruleId)
        .contains("ncci-ptp-edits", "mue-units", "doc-balloon-diameter");
    Finding mue = findings.stream().filter(f -> f.ruleId().equals("mue-units")).findFirst().get();
    assertThat(mue.message()).contains("45340").doesNotContain("44405");
    assertThat(findings)
        .filteredOn(f -> f.ruleId().equals("ncci-ptp-edits"))
        .anySatisfy(f -> assertThat(f.message()).contains("45330"));
  }

  @Test
  void theShippedPacksDoNotAnswerForTheNewCode() {
    CaseBuilder c =
        CaseBuilder.newCase()
            .procedureCode("45340")
            .note("Flexible sigmoidoscopy. Balloon not recorded.")
            .line("45340", 2);
    List<Finding> findings =
        Engines.standard()
            .evaluate(
                new EvaluationRequest(
                    c.resources(), EnumSet.of(Stage.DOCUMENTATION, Stage.CLAIM), Set.of()))
            .findings();
    assertThat(findings).isEmpty();
  }

  @Test
  void aPackThatRemovesAnUnknownRuleFailsWithItsFileAndLine() throws IOException {
    Path pack = writePack("remove-rules: [no-such-rule]\n");
    assertThatThrownBy(() -> engine(pack))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith(pack.toString() + ":")
        .hasMessageContaining("no rule 'no-such-rule'");
  }

  @Test
  void aPackThatRepeatsAnInheritedRuleIdFailsNamingTheId() throws IOException {
    Path pack =
        writePack(
            """
            rules:
              - id: mue-units
                title: again
                text: again
                kind: mue-units
                severity: error
                stages: [claim]
                fix: again
                effective: 2015-01-01
                source: cms-ncci-mue
                confidence: cms-data
            """);
    assertThatThrownBy(() -> engine(pack))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("duplicate rule id 'mue-units'");
  }

  @Test
  void aDocumentationRuleForAnElementTheSubjectDoesNotListFailsLoading() throws IOException {
    Path pack =
        writePack(
            """
            rules:
              - id: doc-route-again
                title: Route
                text: Route.
                kind: documentation-element
                parameters: {element: route-through-stoma}
                severity: warning
                stages: [documentation]
                fix: Say the route.
                effective: 2015-01-01
                source: cms-mln909160
                confidence: sourced
            """);
    assertThatThrownBy(() -> engine(pack))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("subject.documentation does not list");
  }

  private static final String MUE_WORDED_BY_THE_PACK =
      """
      remove-rules: [mue-units]
      rules:
        - id: mue-units
          title: Units within the MUE
          text: The units of {code} on one date stay within its MUE.
          kind: mue-units
          severity: error
          stages: [claim]
          fix: Bill the units the MUE allows.
          effective: 2015-01-01
          source: cms-ncci-mue
          confidence: cms-data
      messages:
        mue-units:
          over-per-date: "{units} units of {code} on {date}, and its MUE is {limit} a day."
          over-per-line: "{units} units of {code} on one line of {date}; its MUE is {limit}."
          one-session: One session of sigmoidoscopy is one unit.
          separate-sessions-clinical-edit: Separate sessions still need an appeal.
          separate-sessions-policy-edit: No appeal pays more.
          keep-and-appeal: Keep the units and appeal
      """;

  @Test
  void aPackWordsAKindOnceForEveryRuleOfIt() throws IOException {
    DefaultRuleEngine engine = engine(writePack(MUE_WORDED_BY_THE_PACK));
    CaseBuilder c =
        CaseBuilder.newCase().procedureCode("45340").diagnosis("K56.699").line("45340", 2);
    List<Finding> findings =
        engine
            .evaluate(new EvaluationRequest(c.resources(), EnumSet.of(Stage.CLAIM), Set.of()))
            .findings();
    assertThat(findings)
        .filteredOn(f -> f.ruleId().equals("mue-units"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("2 units of 45340 on ")
                    .contains("and its MUE is 1 a day.")
                    .contains("One session of sigmoidoscopy is one unit."));
  }

  @Test
  void aPackMessageForAnUnknownKindOrAKeyNoCheckUsesFailsLoading() throws IOException {
    Path unknownKind = writePack("messages:\n  mue-unit: {over-per-date: x}\n");
    assertThatThrownBy(() -> engine(unknownKind))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("unknown check kind 'mue-unit'");
    Path unusedKey =
        writePack(
            MUE_WORDED_BY_THE_PACK.replace(
                "    keep-and-appeal:", "    spare: Not a message.\n    keep-and-appeal:"));
    assertThatThrownBy(() -> engine(unusedKey))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("unknown message 'spare' for kind mue-units");
  }
}
