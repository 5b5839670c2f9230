package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
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

  /**
   * The derivation may be wider than needed, never narrower: every match every row makes in the
   * reading corpus and in the examples starts with one of the row's anchors (a space in an anchor
   * standing for a space or a line break), and holds one of its required literals ({@link
   * RequiredLiterals}) where it names them.
   */
  @Test
  void everyMatchOfEveryRowStartsWithOneOfItsAnchorsAndHoldsARequiredLiteral() throws IOException {
    List<String> texts = new ArrayList<>(corpus());
    List<PhraseRow> rows = PhraseTables.load();
    List<Set<String>> required = rows.stream().map(r -> RequiredLiterals.of(r.pattern())).toList();
    rows.forEach(r -> r.examples().forEach(e -> texts.add(e.text())));
    int matches = 0;
    for (String text : texts) {
      String f = NoteText.fold(text).replace('\n', ' ');
      for (int r = 0; r < rows.size(); r++) {
        PhraseRow row = rows.get(r);
        Set<String> literals = required.get(r);
        Matcher m = Rx.compile(row.pattern()).matcher(f);
        while (m.find()) {
          if (m.end() > m.start()) {
            matches++;
            int at = m.start();
            assertThat(row.anchors().stream().anyMatch(a -> f.startsWith(a, at)))
                .as(
                    "%s matched '%s', which starts with none of %s",
                    row.source(), m.group(), row.anchors())
                .isTrue();
            String match = m.group();
            // The phrase finder tries a row only where one of these is, and at no later start.
            assertThat(literals == null || literals.stream().anyMatch(match::contains))
                .as("%s matched '%s', which holds none of %s", row.source(), match, literals)
                .isTrue();
          }
        }
      }
    }
    assertThat(matches).isGreaterThan(1000);
  }

  private static List<String> corpus() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent().resolve("fixtures/notes");
    List<String> texts = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return texts;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(p -> p.getFileName().toString().equals("note.txt")).toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return texts;
  }
}
