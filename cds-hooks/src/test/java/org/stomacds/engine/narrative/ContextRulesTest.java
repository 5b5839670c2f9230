package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.narrative.ContextRules.Category;
import org.stomacds.engine.narrative.ContextRules.Example;
import org.stomacds.engine.narrative.ContextRules.Rule;

/**
 * Every example of every context rule ({@code narrative/context-rules.yaml}) read by the reader:
 * the target phrase is read with the rule's effect, and read again with the cue replaced by a word
 * (or a mark by ';') that is no cue, the effect is gone. So each rule is shown to do what it says
 * in its own example.
 */
class ContextRulesTest {

  /** One example of one rule; named by the rule and its line. */
  record Case(Rule rule, Example example) {
    @Override
    public String toString() {
      return ContextRules.FILE + " " + rule.name() + ": " + example.text();
    }
  }

  static Stream<Case> examples() {
    return ContextRules.INSTANCE.rules.stream()
        .flatMap(r -> r.examples().stream().map(e -> new Case(r, e)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readsTheTargetWithTheRulesEffectAndWithoutItWhenTheCueIsGone(Case c) {
    String text = c.example().text();
    Polarity effect = polarity(c.example().effect());
    int from = text.toLowerCase(Locale.ROOT).indexOf(c.example().target().toLowerCase(Locale.ROOT));
    int to = from + c.example().target().length();

    List<Hit> hits = hitsAt(text, from, to);
    assertThat(hits).as("%s: phrases at '%s'", c, c.example().target()).isNotEmpty();
    assertThat(hits).as("%s: read as %s", c, effect).allMatch(h -> h.polarity() == effect);

    for (Map.Entry<DocumentationElement, PhraseRow.Reads> r : c.example().reads().entrySet()) {
      Optional<ElementMention> m = Notes.read(text).mention(r.getKey());
      PhraseRow.Reads reads =
          m.isEmpty()
              ? PhraseRow.Reads.SILENT
              : m.get().negated() ? PhraseRow.Reads.NEGATED : PhraseRow.Reads.DOCUMENTED;
      assertThat(reads).as("%s: %s reads", c, r.getKey().id()).isEqualTo(r.getValue());
    }

    List<int[]> cues = cueTokens(text, c.rule());
    assertThat(cues).as("%s: the example holds its cue", c).isNotEmpty();
    StringBuilder without = new StringBuilder();
    int last = 0;
    int newFrom = from;
    int newTo = to;
    String stand = c.rule().punctuation() ? ";" : "zebra";
    for (int[] cue : cues) {
      without.append(text, last, cue[0]).append(stand);
      int shift = stand.length() - (cue[1] - cue[0]);
      newFrom += cue[1] <= from ? shift : 0;
      newTo += cue[1] <= to ? shift : 0;
      last = cue[1];
    }
    without.append(text.substring(last));
    assertThat(hitsAt(without.toString(), newFrom, newTo))
        .as("%s: without the cue ('%s')", c, without)
        .noneMatch(h -> h.polarity() == effect);
  }

  static Polarity polarity(String effect) {
    if (effect.equals("NONE")) {
      return Polarity.AFFIRMED;
    }
    Category c = Category.valueOf(effect);
    if (c.isHypothetical()) {
      return Polarity.HYPOTHETICAL;
    }
    return c == Category.NOT_RECORDED ? Polarity.UNRECORDED : Polarity.ABSENT;
  }

  /** The hits of phrases that overlap text[from, to). */
  private static List<Hit> hitsAt(String text, int from, int to) {
    return new PhraseFinder(new IndexedNote(Lexicon.INSTANCE, text))
        .find().stream().filter(h -> h.start() < to && h.end() > from).toList();
  }

  /**
   * Where the rule's cue stands in the text as a token: the word (the last of two), the word that
   * ends with the pattern's end, or the mark.
   */
  private static List<int[]> cueTokens(String text, Rule rule) {
    String f = NoteText.fold(text);
    List<int[]> out = new ArrayList<>();
    if (rule.punctuation()) {
      // A mark may stand inside a token ("bleeding/perforation") and still join two phrases.
      for (int i = f.indexOf(rule.cue()); i >= 0; i = f.indexOf(rule.cue(), i + 1)) {
        out.add(new int[] {i, i + 1});
      }
      return out;
    }
    String[] words = rule.cue().split(" ");
    String word = words[words.length - 1];
    TokenCursor c = new TokenCursor(f, 0, f.length(), 0);
    String previous = null;
    while (c.next()) {
      boolean hit;
      if (rule.suffix()) {
        hit = c.isWord() && c.endsWith(word);
      } else {
        hit = c.is(word) && (words.length == 1 || words[0].equals(previous));
      }
      if (hit) {
        out.add(
            c.isWord() ? new int[] {c.wordStart(), c.wordEnd()} : new int[] {c.start(), c.end()});
      }
      previous = c.isWord() ? c.word() : null;
    }
    return out;
  }
}
