package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Every example of every phrase row ({@code narrative/phrases/*.yaml}) read by the real reader: the
 * row's element reads as the example says (documented, negated or silent, and its value), the row
 * itself matches in the text (or, for a counter-example, does not), and the reading's evidence
 * quotes what the row matched.
 */
class PhraseExamplesTest {

  /** One example of one row; named by its file, row and line. */
  record Case(PhraseRow row, PhraseRow.Example example) {
    @Override
    public String toString() {
      return row.source() + " (line " + example.line() + "): " + example.text();
    }
  }

  static Stream<Case> examples() {
    return PhraseTables.load().stream()
        .flatMap(row -> row.examples().stream().map(e -> new Case(row, e)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readsWhatItsExampleSays(Case c) {
    String text = c.example().text();
    DocumentationElement element = c.row().element();
    NoteReading reading = Notes.read(text);
    Optional<ElementMention> mention = reading.mention(element);
    PhraseRow.Reads reads =
        mention.isEmpty()
            ? PhraseRow.Reads.SILENT
            : mention.get().negated() ? PhraseRow.Reads.NEGATED : PhraseRow.Reads.DOCUMENTED;
    assertThat(reads).as("%s: %s reads", c, element.id()).isEqualTo(c.example().reads());

    List<Hit> own = hitsOf(c.row(), text);
    assertThat(!own.isEmpty())
        .as("%s: whether the row itself matches (hits: %s)", c, own)
        .isEqualTo(c.example().fires());

    if (mention.isPresent()) {
      String quote =
          c.example().quote() != null
              ? c.example().quote()
              : own.isEmpty() ? null : text.substring(own.get(0).start(), own.get(0).end());
      if (quote != null) {
        assertThat(mention.get().evidence())
            .as("%s: the evidence quotes the match", c)
            .contains(quote);
      }
    }
    if (c.example().value() != null) {
      assertThat(valueOf(reading, element))
          .as("%s: %s value", c, element.id())
          .isEqualTo(c.example().value());
    }
  }

  /** The hits the row's own trigger makes in the text. */
  static List<Hit> hitsOf(PhraseRow row, String text) {
    return new PhraseFinder(new IndexedNote(Lexicon.INSTANCE, text))
        .find().stream().filter(h -> h.trigger().source().equals(row.source())).toList();
  }

  /** The element's value as an example writes it. */
  static String valueOf(NoteReading r, DocumentationElement e) {
    return switch (e) {
      case EXTENT_OF_EXAM -> r.extent().map(Enum::name).orElse("none");
      case COMPLICATIONS -> r.complicationsOccurred() ? "occurred" : "none";
      case SEDATION_TYPE -> r.sedationType().map(Enum::name).orElse("none");
      case DISTINCT_STRICTURE -> String.valueOf(r.distinctStrictureCount());
      case PRE_DILATION_LUMEN -> text(r.preDilationLumenMm().stream().boxed().findFirst());
      case POST_DILATION_LUMEN -> text(r.postDilationLumenMm().stream().boxed().findFirst());
      case BALLOON_DIAMETER -> r.balloonDiametersMm().toString();
      case INFLATION_COUNT -> text(r.inflationCount().stream().boxed().findFirst());
      case INFLATION_DURATION -> text(r.inflationDurationSeconds().stream().boxed().findFirst());
      case SEDATION_TIMES -> text(r.sedationIntraserviceMinutes().stream().boxed().findFirst());
      default -> fail(e.id() + " has no value an example could give");
    };
  }

  private static String text(Optional<Integer> v) {
    return v.map(String::valueOf).orElse("none");
  }
}
