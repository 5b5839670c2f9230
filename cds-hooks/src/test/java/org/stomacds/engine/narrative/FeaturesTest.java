package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The features are data; the ones the code asks for by name must be there. */
class FeaturesTest {

  /** Every feature the code names, with one word each, then {@code extra}. */
  private static String file(String extra) {
    return Arrays.stream(Feature.values())
            .map(f -> f.name() + ":\n  means: m\n  words: [w]\n")
            .collect(Collectors.joining())
        + extra;
  }

  @Test
  void givesTheCodesFeaturesTheirOrdinalAsBitAndTheOthersTheNext() {
    Features f = Features.parse(file("ONLY_DATA:\n  means: m\n  words: [x, \"y \"]\n"), "f.yaml");
    assertThat(f.index(Feature.DIGIT.name())).hasValue(Feature.DIGIT.ordinal());
    assertThat(f.index("ONLY_DATA")).hasValue(Feature.values().length);
    assertThat(f.words(Feature.values().length)).containsExactly("x", "y ");
  }

  @Test
  void aFeatureTheCodeAsksForMustBeThere() {
    String missing = file("").replace("DIGIT:\n  means: m\n  words: [w]\n", "");
    assertThatThrownBy(() -> Features.parse(missing, "f.yaml"))
        .hasMessageStartingWith("f.yaml:1: no feature DIGIT");
  }

  @Test
  void aWordIsLowerCaseAsciiAndAFeatureHasWords() {
    assertThatThrownBy(() -> Features.parse(file("X:\n  means: m\n  words: [Cecum]\n"), "f.yaml"))
        .hasMessageContaining("X: a word is lower case");
    assertThatThrownBy(() -> Features.parse(file("X:\n  means: m\n  words: []\n"), "f.yaml"))
        .hasMessageContaining("X: no words");
    assertThatThrownBy(() -> Features.parse(file("X:\n  means: m\n  anchors: [x]\n"), "f.yaml"))
        .hasMessageContaining("unknown key 'anchors'");
  }

  @Test
  void theFileHoldsEveryFeatureTheCodeAsksFor() {
    assertThat(Features.INSTANCE.names())
        .startsWith(Arrays.stream(Feature.values()).map(Enum::name).toArray(String[]::new));
  }

  @Test
  void everyFeatureIsAskedForByTheCodeOrRequiredByARow() {
    java.util.Set<String> used = new java.util.HashSet<>();
    Arrays.stream(Feature.values()).forEach(f -> used.add(f.name()));
    PhraseTables.load().forEach(r -> used.addAll(r.requires()));
    assertThat(used).containsExactlyInAnyOrderElementsOf(Features.INSTANCE.names());
  }
}
