package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The context rules load only when every walk can honour every rule; a rule that cannot be read
 * fails with the file, its line and its cue. The gates of the walks hold their cues.
 */
class ContextRulesFileTest {

  private static final String EX =
      "examples: [{text: \"No bleeding.\", target: bleeding, effect: NEGATED_EXISTENCE}]";

  private static ContextRules parse(String... rules) {
    return ContextRules.parse("rules:\n" + String.join("\n", rules) + "\n", "rules.yaml");
  }

  private static String rule(String fields) {
    return "  - {" + fields + ", " + EX + "}";
  }

  @Test
  void sortsRulesIntoTheirWalksWithTheWalksReach() {
    CueSets sets =
        parse(
                rule(
                    "literal: \"no\", category: NEGATED_EXISTENCE, direction: FORWARD, max_scope: 6"),
                rule(
                    "literal: none, category: NEGATED_EXISTENCE, direction: BACKWARD, max_scope: 4"),
                rule("literal: of, category: FILLER, direction: BIDIRECTIONAL"),
                rule("literal: \"?\", category: NOT_RECORDED, direction: BACKWARD, max_scope: 4"),
                rule("literal: risk, category: HYPOTHETICAL, direction: FORWARD"))
            .sets;
    assertThat(sets.preAbsent.contains("no")).isTrue();
    assertThat(sets.preWindow).isEqualTo(6);
    assertThat(sets.postAbsent.contains("none")).isTrue();
    assertThat(sets.postWindow).isEqualTo(4);
    assertThat(sets.preFiller.contains("of") && sets.postFiller.contains("of")).isTrue();
    assertThat(sets.unrecordedMarks).isEqualTo("?");
    assertThat(sets.hypothetical.contains("risk")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          an unknown category      | literal: x, category: MAYBE, direction: FORWARD | 'x': no Category 'MAYBE'
          a literal and a pattern  | literal: x, pattern: '*x', category: LIST, direction: BIDIRECTIONAL | 'x': a rule has a literal or a pattern, not both
          a pattern that is no end | pattern: 'x*', category: NEGATED_EXISTENCE, direction: FORWARD, max_scope: 6 | 'x*': a pattern is '*' and the end of a word
          a negation both ways     | literal: x, category: NEGATED_EXISTENCE, direction: BIDIRECTIONAL, max_scope: 6 | 'x' NEGATED_EXISTENCE BIDIRECTIONAL (line 2): write one FORWARD and one BACKWARD rule
          a negation with no reach | literal: x, category: NEGATED_EXISTENCE, direction: FORWARD | 'x' NEGATED_EXISTENCE FORWARD (line 2): a NEGATED_EXISTENCE FORWARD rule gives its max_scope
          a reach on a forward cue | literal: x, category: HYPOTHETICAL, direction: FORWARD, max_scope: 3 | 'x' HYPOTHETICAL FORWARD (line 2): no max_scope here
          a PSEUDO of no cue       | literal: x y, category: PSEUDO, direction: PSEUDO | 'x y' PSEUDO PSEUDO (line 2): a PSEUDO phrase starts with a FORWARD hypothetical cue ('x' is none)
          a need no rule gives     | literal: x, category: NOT_RECORDED, direction: BACKWARD, max_scope: 2, needs: [never] | 'x' NOT_RECORDED BACKWARD (line 2): needs 'never', which is no BACKWARD NEGATED_EXISTENCE cue
          a mark as a negation     | literal: '!', category: NEGATED_EXISTENCE, direction: BACKWARD, max_scope: 4 | '!' NEGATED_EXISTENCE BACKWARD (line 2): a mark is a FILLER
          """)
  void aRuleNoWalkCanHonourFailsNamingItsLineAndCue(String what, String fields, String message) {
    assertThatThrownBy(() -> parse(rule(fields.strip().replace('\'', '"'))))
        .hasMessageStartingWith("rules.yaml:2: " + message.strip());
  }

  @Test
  void rulesOfOneWalkMustAgreeOnItsReach() {
    assertThatThrownBy(
            () ->
                parse(
                    rule(
                        "literal: \"no\", category: NEGATED_EXISTENCE, direction: FORWARD, max_scope: 6"),
                    rule(
                        "literal: x, category: NEGATED_EXISTENCE, direction: FORWARD, max_scope: 5")))
        .hasMessageStartingWith(
            "rules.yaml:3: 'x' NEGATED_EXISTENCE FORWARD (line 3): max_scope is 5")
        .hasMessageContaining("says 6, and the walk they join has one");
  }

  @Test
  void aRuleNeedsAnExampleWhoseTargetIsInItsText() {
    assertThatThrownBy(() -> parse("  - {literal: x, category: LIST, direction: BIDIRECTIONAL}"))
        .hasMessageContaining("rules.yaml:2: 'x': a rule needs at least one example");
    assertThatThrownBy(
            () ->
                parse(
                    "  - {literal: x, category: LIST, direction: BIDIRECTIONAL, examples: [{text: \"No"
                        + " bleeding.\", target: tear, effect: NEGATED_EXISTENCE}]}"))
        .hasMessageContaining("the target 'tear' is not in the example's text");
  }

  @Test
  void aSecondRuleOfTheSameCueCategoryAndDirectionFails() {
    String x = rule("literal: x, category: LIST, direction: BIDIRECTIONAL");
    assertThatThrownBy(() -> parse(x, x))
        .hasMessageContaining("rules.yaml:3: 'x' LIST BIDIRECTIONAL (line 3): a second rule");
  }

  /**
   * Phrases that only speak when negated are tried only in sentences with a NEGATIVE_CUE word: the
   * example of every negation and "not recorded" rule must hold one, or the rule would never reach
   * them.
   */
  @Test
  void everyNegationExampleOpensTheNegativeCueGate() {
    List<String> gate = Arrays.asList(Features.INSTANCE.words(Feature.NEGATIVE_CUE.ordinal()));
    for (ContextRules.Rule r : ContextRules.INSTANCE.rules) {
      if (r.category() != ContextRules.Category.NEGATED_EXISTENCE
          && r.category() != ContextRules.Category.NOT_RECORDED) {
        continue;
      }
      for (ContextRules.Example e : r.examples()) {
        String f = NoteText.fold(e.text()).replace('\n', ' ');
        assertThat(gate).as("%s: %s", r.name(), e.text()).anyMatch(f::contains);
      }
    }
  }

  /** The hypothetical walks run only in sentences with a HYPOTHETICAL_CUE word: their cues. */
  @Test
  void theHypotheticalGateIsTheHypotheticalCues() {
    List<String> gate = Arrays.asList(Features.INSTANCE.words(Feature.HYPOTHETICAL_CUE.ordinal()));
    for (ContextRules.Rule r : ContextRules.INSTANCE.rules) {
      if (r.category().isHypothetical()) {
        assertThat(gate).as(r.name()).anyMatch(r.cue()::startsWith);
      }
    }
  }
}
