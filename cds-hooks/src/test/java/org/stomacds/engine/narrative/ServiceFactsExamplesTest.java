package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;

/**
 * Every example of {@code narrative/service-facts.yaml} read through the reader: the reading of the
 * example's text gives the example's value for the row's fact ("none": the fact is not said).
 */
class ServiceFactsExamplesTest {

  @TestFactory
  Stream<DynamicTest> everyRowExampleReadsAsItSays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ServiceTables.Row row : ServiceTables.get().rows()) {
      for (ServiceTables.Example example : row.examples()) {
        tests.add(
            DynamicTest.dynamicTest(
                row.id() + ": " + example.text(),
                () -> {
                  ServiceReading reading = new NoteReader().readService(example.text());
                  String got =
                      reading.fact(row.fact()).map(ServiceReading.Said::value).orElse("none");
                  assertThat(got)
                      .as(row.fact() + " of \"" + example.text() + "\"")
                      .isEqualTo(example.value());
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void aStomaRouteOutweighsTheAnusWhenANoteNamesBoth() {
    ServiceReading r =
        new NoteReader()
            .readService(
                "Scope passed through the colostomy to the cecum.\n"
                    + "Then a flexible sigmoidoscope was inserted per anus to the rectal stump.");
    assertThat(r.fact("route").map(ServiceReading.Said::value)).contains("colostomy");
  }

  @Test
  void aBalloonOutweighsANotDoneSentenceElsewhere() {
    ServiceReading r =
        new NoteReader()
            .readService(
                "The proximal stricture was not dilated.\n"
                    + "The stomal ring was dilated with an 18 mm TTS balloon for 60 seconds.");
    assertThat(r.fact("dilation").map(ServiceReading.Said::value)).contains("balloon");
  }

  @Test
  void aRowWithAnUnknownValueFailsTheLoadWithItsLine() {
    String yaml =
        "facts:\n  route: [stoma]\nrows:\n  - id: x\n    fact: route\n    value: nose\n"
            + "    pattern: nose\n    examples:\n      - {text: a, value: none}\n";
    assertThatThrownBy(() -> ServiceTables.load(YamlFiles.read(new StringReader(yaml), "t.yaml")))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("t.yaml:6")
        .hasMessageContaining("not a value of route");
  }
}
