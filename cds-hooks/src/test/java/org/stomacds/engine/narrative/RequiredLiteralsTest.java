package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

  @Test
  void namesTheLongestRunOfRequiredLiterals() {
    assertThat(RequiredLiterals.of("\\b(?:tts|cre)?\\s*balloons?\\b\\s+\\d{1,2}\\s*mm"))
        .containsExactly("balloon");
  }

  @Test
  void takesARequiredGroupWhoseAlternativesAllHoldALiteral() {
    assertThat(RequiredLiterals.of("\\b(?:cre|tts)\\s+(?:dilation|dilatation)\\s+to\\b"))
        .containsExactlyInAnyOrder("dilation", "dilatation");
  }

  @Test
  void joinsTheTopLevelAlternatives() {
    assertThat(RequiredLiterals.of("\\bballoon\\s+inflated\\b|\\b\\d\\s*mm\\s+(?:cre|tts)\\b"))
        .containsExactlyInAnyOrder("inflated", "cre", "tts");
  }

  @Test
  void namesNothingWhenAnAlternativeRequiresNoLiteral() {
    assertThat(RequiredLiterals.of("\\bstent\\b|\\d+\\s*[a-z]+")).isNull();
    assertThat(RequiredLiterals.of("(?i)stent")).isNull();
  }

  @Test
  void leavesOutOptionalAndRepeatedCharactersAndLookarounds() {
    assertThat(RequiredLiterals.of("ab?cde(?!xyzzy)")).containsExactly("cde");
    assertThat(RequiredLiterals.of("xy+z")).containsExactly("xy");
  }

  @Test
  void everyMatchHoldsOneOfTheLiterals() {
    String re = "\\b(?:through|via)\\s+(?:[a-z-]+\\s+){0,6}?(?:ileostomy|ileal\\s+stoma|ileo)\\b";
    var literals = RequiredLiterals.of(re);
    var m = Pattern.compile(re).matcher("scope via the loop ileal stoma and via ileo here");
    while (m.find()) {
      String match = m.group();
      assertThat(literals).anyMatch(match::contains);
    }
  }
}
