package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Anchors come from the patterns: the literal words each top-level alternative starts with. */
class PatternAnchorsTest {

  @Test
  void givesEachTopLevelAlternativeTheWordsItStartsWith() {
    assertThat(PatternAnchors.byAlternative("\\b(?:through|thru|via)\\s+x|\\bper\\s+y"))
        .containsExactly(Set.of("through ", "thru ", "via "), Set.of("per "));
  }

  @Test
  void spellsOptionalLettersAndSmallClassesBothWays() {
    assertThat(PatternAnchors.byAlternative("\\bca?ecum\\b"))
        .containsExactly(Set.of("caecum", "cecum"));
    assertThat(PatternAnchors.byAlternative("\\bstenos[ie]s\\b"))
        .containsExactly(Set.of("stenoses", "stenosis"));
    assertThat(PatternAnchors.byAlternative("\\d{1,3}\\s*cm").get(0))
        .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Test
  void endsAnAnchorWithItsFirstWord() {
    assertThat(PatternAnchors.byAlternative("\\bby\\s+way\\s+of\\b"))
        .containsExactly(Set.of("by "));
    assertThat(PatternAnchors.byAlternative("\\broute\\s*(?::|-|was)\\s*x"))
        .containsExactly(Set.of("route"));
  }

  @Test
  void skipsWhatMatchesNoText() {
    assertThat(PatternAnchors.byAlternative("(?<!not\\s)\\bfoo(?!bar)\\b"))
        .containsExactly(Set.of("foo"));
  }

  @Test
  void followsAnOptionalGroupBothWays() {
    assertThat(PatternAnchors.byAlternative("\\b(?:(?:peri|para)-?)?stomal\\b"))
        .containsExactly(Set.of("para-stoma", "parastomal", "peri-stoma", "peristomal", "stomal"));
  }

  @Test
  void givesWayToAStemThreeAnchorsShare() {
    assertThat(PatternAnchors.minimal(Set.of("ileo-colic", "ileocecal", "ileorectal", "colon")))
        .containsExactlyInAnyOrder("ileo", "colon");
    assertThat(PatternAnchors.minimal(Set.of("pass", "passed", "passes"))).containsExactly("pass");
  }

  @Test
  void findsNoAnchorWhereAnAlternativeNeedNotStartWithALiteral() {
    assertThat(PatternAnchors.byAlternative("\\b[a-z]+ing\\b|\\bfoo"))
        .containsExactly(Set.of(), Set.of("foo"));
    assertThat(PatternAnchors.byAlternative("(?:abc)?[a-z]+")).containsExactly(Set.of());
  }

  @Test
  void splitsOnlyAtTopLevelBars() {
    assertThat(PatternAnchors.topLevelAlternatives("a(?:b|c)[|]d|e\\|f|g"))
        .containsExactly("a(?:b|c)[|]d", "e\\|f", "g");
  }
}
