package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;

class NoteCuesTest {

  @TestFactory
  Stream<DynamicTest> everyExampleOfTheCueFileReadsAsItSays() {
    return NoteCues.INSTANCE.cues().stream()
        .flatMap(
            cue ->
                cue.examples().stream()
                    .map(
                        example ->
                            DynamicTest.dynamicTest(
                                cue.id()
                                    + (example.fires() ? " fires on: " : " is quiet on: ")
                                    + example.text(),
                                () ->
                                    assertThat(
                                            NoteCues.INSTANCE
                                                .find(example.text())
                                                .containsKey(cue.id()))
                                        .isEqualTo(example.fires()))));
  }

  @Test
  void aCueQuotesTheSentenceThatStatesIt() {
    String note =
        "Stricture dilated to 18 mm.\nA 10 mm polyp was biopsied and then removed with a snare."
            + " Colon otherwise normal.";
    assertThat(NoteCues.INSTANCE.find(note))
        .containsEntry(
            "same-lesion-biopsied-and-removed",
            "A 10 mm polyp was biopsied and then removed with a snare.");
  }

  @Test
  void aCueWithoutACounterExampleFailsToLoadWithItsLine() {
    String yaml =
        """
        cues:
          - id: only-fires
            means: x
            patterns: ['\\bfoo\\b']
            examples:
              - {text: "foo", fires: true}
        """;
    assertThatThrownBy(() -> NoteCues.load(YamlFiles.read(new StringReader(yaml), "cues.yaml")))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("cues.yaml:2")
        .hasMessageContaining("one that does not");
  }
}
