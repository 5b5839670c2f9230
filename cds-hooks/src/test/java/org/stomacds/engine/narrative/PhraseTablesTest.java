package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stomacds.engine.documentation.DocumentationElement;

/** The phrase tables load only when every row is readable, and say which row is not. */
class PhraseTablesTest {

  private static final String FILE = "narrative/phrases/fluoroscopy.yaml";
  private static final Map<String, String> MACROS = Map.of("{X}", "(?:x-?ray|xray)");

  private static final String GOOD_ROW =
      """
        - id: fluoro-used
          tag: PLAIN
          pattern: |
            \\bfluoro(?:scopy)?\\b
            \\b{X}\\s+guidance\\b
          requires: [FLUOROSCOPY]
          skip: [HISTORY]
          flags: [hypothetical]
          examples:
            - {text: "Fluoroscopy was used.", reads: documented}
      """;

  private static List<PhraseRow> parse(String rows) {
    return PhraseTables.parse("element: fluoroscopy\nphrases:\n" + rows, FILE, MACROS);
  }

  /** The good row with one line replaced, or a line added after the tag. */
  private static String with(String line, String replacement) {
    return GOOD_ROW.replace(line, replacement);
  }

  @Test
  void readsARowWithItsAnchorsDerivedAfterMacroExpansion() {
    PhraseRow row = parse(GOOD_ROW).get(0);
    assertThat(row.source()).isEqualTo("fluoroscopy.yaml#fluoro-used");
    assertThat(row.pattern()).isEqualTo("\\bfluoro(?:scopy)?\\b|\\b(?:x-?ray|xray)\\s+guidance\\b");
    assertThat(row.anchors()).containsExactlyInAnyOrder("fluoro", "x-ray ", "xray ");
    assertThat(row.requires()).containsExactly("FLUOROSCOPY");
    assertThat(row.skip()).containsExactly(Section.HISTORY);
    assertThat(row.hypothetical()).isTrue();
    assertThat(row.innerNegation()).isTrue();
    assertThat(row.examples()).hasSize(1);
  }

  @Test
  void joinsPatternLinesAsAlternativesAndIndentedLinesAsContinuations() {
    assertThat(PhraseTables.joinAlternatives("a(?:b\n  |c)d  \ne\n\n  f\n"))
        .isEqualTo("a(?:b|c)d|ef");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          an unknown tag            | tag: PLAIN            | tag: SOMETIMES          | no Tag 'SOMETIMES'
          an unknown feature        | requires: [FLUOROSCOPY] | requires: [FLUORO]   | no feature 'FLUORO'
          an unknown section        | skip: [HISTORY]       | skip: [PAST]            | no Section 'PAST'
          an unknown flag           | flags: [hypothetical] | flags: [maybe]          | unknown flag 'maybe'
          an unknown guard          | flags: [hypothetical] | guard: looks-right      | no guard 'looks-right'
          an unknown key            | flags: [hypothetical] | anchors: [fluoro]       | unknown key 'anchors'
          an unknown macro          | \\b{X}\\s+guidance\\b  | \\b{Y}\\s+guidance\\b     | no macro {Y}
          a bad pattern             | \\b{X}\\s+guidance\\b  | \\b(?:x-ray\\s+guidance\\b | not a valid pattern
          a bad status              | reads: documented}    | reads: maybe}           | reads 'maybe'
          an unanchored alternative | \\b{X}\\s+guidance\\b  | [a-z]+\\s+guidance\\b    | alternative 2 ([a-z]+\\s+guidance\\b) starts with no literal word
          """)
  void aBadRowFailsNamingItsFileLineAndId(String what, String line, String bad, String message) {
    assertThatThrownBy(() -> parse(with(line.strip(), bad.strip())))
        .hasMessageStartingWith(FILE + ":")
        .hasMessageContaining("row 'fluoro-used'")
        .hasMessageContaining(message.strip());
  }

  @Test
  void aRowWithoutExamplesFails() {
    String rows = GOOD_ROW.substring(0, GOOD_ROW.indexOf("    examples:"));
    assertThatThrownBy(() -> parse(rows))
        .hasMessageStartingWith(FILE + ":3: row 'fluoro-used': a row needs at least one example");
  }

  @Test
  void aSecondRowOfTheSameIdFails() {
    assertThatThrownBy(() -> parse(GOOD_ROW + GOOD_ROW))
        .hasMessageContaining("row 'fluoro-used': a second row of this id");
  }

  @Test
  void anUnanchoredPatternLoadsOnlyFloatingWithTheFeaturesItNeeds() {
    String floating =
        with("\\b{X}\\s+guidance\\b", "[a-z]+\\s+guidance\\b")
            .replace("flags: [hypothetical]", "flags: [hypothetical, floating]");
    PhraseRow row = parse(floating).get(0);
    assertThat(row.floating()).isTrue();
    assertThat(row.anchors()).isEmpty();
    assertThatThrownBy(() -> parse(floating.replace("requires: [FLUOROSCOPY]\n", "")))
        .hasMessageContaining("a floating row with an unanchored pattern needs 'requires'");
  }

  @Test
  void aTableNamesItsElementInItsFileName() {
    assertThatThrownBy(
            () -> PhraseTables.parse("element: indication\nphrases:\n" + GOOD_ROW, FILE, MACROS))
        .hasMessageContaining("the table of 'indication' is indication.yaml");
  }

  @Test
  void aMacroMayUseAnother() {
    Map<String, String> macros =
        PhraseTables.macros(
            org.stomacds.engine.rules.yaml.YamlFiles.read(
                new java.io.StringReader(
                    "A:\n  means: a\n  pattern: (?:{B}|c)\nB:\n  means: b\n  pattern: b+\n"),
                "macros.yaml"));
    List<PhraseRow> rows =
        PhraseTables.parse(
            "element: fluoroscopy\nphrases:\n" + with("\\b{X}\\s+guidance\\b", "\\b{A}d"),
            FILE,
            macros);
    assertThat(rows.get(0).pattern()).endsWith("|\\b(?:b+|c)d");
  }

  @Test
  void theTablesDirectoryHoldsOnlyElementTablesMacrosAndTheirReadme() throws IOException {
    Path dir = Path.of("src/main/resources", PhraseTables.DIR);
    Set<String> allowed =
        Stream.of(DocumentationElement.values())
            .map(e -> e.id() + ".yaml")
            .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(n -> allowed.contains(n) || n.equals("macros.yaml") || n.equals("README.md"));
    }
  }

  @Test
  void everyNamedGuardIsUsedAndSaysWhatItLetsThrough() {
    Set<NamedGuard> used =
        PhraseTables.load().stream()
            .map(PhraseRow::guard)
            .filter(g -> g != null)
            .collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrder(NamedGuard.values());
    for (NamedGuard g : NamedGuard.values()) {
      assertThat(g.label()).matches("[a-z]+(-[a-z]+)*");
      assertThat(g.lets()).isNotBlank();
    }
  }
}
