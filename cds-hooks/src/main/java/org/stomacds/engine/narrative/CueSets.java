package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.stomacds.engine.narrative.ContextRules.Category;
import org.stomacds.engine.narrative.ContextRules.Direction;
import org.stomacds.engine.narrative.ContextRules.Rule;
import org.stomacds.engine.rules.yaml.RuleFileException;

/**
 * The cue words of each walk of {@link Cues}, sorted out of the context rules by category and
 * direction. Each walk has one reach (max_scope), so its rules must agree on it; a rule no walk
 * reads fails with its line.
 *
 * <ul>
 *   <li>Before a phrase (FORWARD): NEGATED_EXISTENCE and NOT_RECORDED cues, across FILLER words;
 *       NOT_RECORDED cues that need NEGATED_EXISTENCE ("record" in "no record of") turn a negation
 *       further back into "not recorded".
 *   <li>After a phrase (BACKWARD): NEGATED_EXISTENCE and NOT_RECORDED cues across FILLER words; a
 *       FILLER with max_scope 1 ("and") lets only a negation right after it through; NOT_RECORDED
 *       cues that need a negation ("recorded" after "not") turn it into "not recorded", across
 *       their own FILLER words.
 *   <li>Inside a phrase: the FORWARD negations marked within_phrase.
 *   <li>Hypothetical: a HYPOTHETICAL, HISTORICAL, POSSIBLE_EXISTENCE or FUTURE cue before a phrase
 *       reaches to the sentence end (over a negation only if over_negation); one with
 *       scope_opens_at ("checked ... for") from that word on; one after the phrase (BACKWARD)
 *       within max_scope words. A PSEUDO phrase ("prior to") is no cue.
 *   <li>Lists: LIST words and marks join phrases of one element into a list.
 * </ul>
 */
final class CueSets {

  final WordSet preAbsent;
  final String[] preAbsentSuffixes;
  final WordSet unrecordedBefore;
  final WordSet recordWords;
  final WordSet preFiller;
  final String preFillerMarks;
  final int preWindow;

  final WordSet postAbsent;
  final String[] postAbsentSuffixes;
  final String[][] postPairs;
  final WordSet notTriggers;
  final String[] notTriggerSuffixes;
  final WordSet unrecordedAfter;
  final String unrecordedMarks;
  final WordSet postFiller;
  final String postFillerMarks;
  final WordSet postJoiners;
  final int postWindow;

  final WordSet notRecorded;
  final WordSet notRecordedFiller;
  final int notRecordedWindow;

  final WordSet inside;
  final String[] insideSuffixes;

  final WordSet hypothetical;
  final WordSet conditional;
  final String[] pseudoHeads;
  final WordSet[] pseudoFollowers;
  final WordSet checkVerbs;
  final String checkOpener;
  final WordSet modalsAfter;
  final int modalWindow;

  final WordSet listWords;
  final String listMarks;

  private final List<Rule> rules;
  private final String file;

  private CueSets(List<Rule> rules, String file) {
    this.rules = rules;
    this.file = file;
    for (Rule r : rules) {
      check(r);
    }
    List<Rule> pre = walk(r -> isNegation(r) && r.direction() == Direction.FORWARD);
    preWindow = window(pre, "max_scope");
    preAbsent = words(pre, r -> r.category() == Category.NEGATED_EXISTENCE);
    preAbsentSuffixes = suffixes(pre);
    unrecordedBefore =
        words(pre, r -> r.category() == Category.NOT_RECORDED && r.needs().isEmpty());
    recordWords = words(pre, r -> r.category() == Category.NOT_RECORDED && !r.needs().isEmpty());
    preFiller = words(fillers(true), r -> true);
    preFillerMarks = marks(fillers(true));

    List<Rule> post =
        walk(r -> isNegation(r) && r.direction() == Direction.BACKWARD && r.needs().isEmpty());
    postWindow = window(post, "max_scope");
    List<Rule> afterNot =
        walk(r -> r.category() == Category.NOT_RECORDED && !r.needs().isEmpty() && r.backward());
    List<String> needs = ContextRules.same(afterNot, Rule::needs, file, "needs");
    List<Rule> triggers =
        walk(r -> r.category() == Category.NEGATED_EXISTENCE && r.backward() && named(needs, r));
    notTriggers = words(triggers, r -> true);
    notTriggerSuffixes = suffixes(triggers);
    postAbsent =
        words(
            post,
            r ->
                r.category() == Category.NEGATED_EXISTENCE
                    && !named(needs, r)
                    && !r.cue().contains(" "));
    postAbsentSuffixes = suffixes(walk(r -> post.contains(r) && !named(needs, r)));
    postPairs =
        post.stream()
            .filter(r -> r.cue().contains(" "))
            .map(r -> r.cue().split(" "))
            .toArray(String[][]::new);
    unrecordedAfter = words(post, r -> r.category() == Category.NOT_RECORDED);
    unrecordedMarks = marks(walk(r -> post.contains(r) && r.category() == Category.NOT_RECORDED));
    List<Rule> postFillers = walk(r -> fillers(false).contains(r) && r.maxScope() == null);
    postFiller = words(postFillers, r -> r.needs().isEmpty());
    postFillerMarks = marks(postFillers);
    postJoiners = words(fillers(false), r -> r.maxScope() != null);

    notRecordedWindow = window(afterNot, "max_scope");
    notRecorded = words(afterNot, r -> true);
    List<Rule> notFillers = walk(r -> r.category() == Category.FILLER && !r.needs().isEmpty());
    ContextRules.same(concat(afterNot, notFillers), Rule::needs, file, "needs");
    notRecordedFiller = words(notFillers, r -> true);

    List<Rule> within = walk(Rule::withinPhrase);
    inside = words(within, r -> true);
    insideSuffixes = suffixes(within);

    List<Rule> forward =
        walk(r -> r.category().isHypothetical() && r.direction() == Direction.FORWARD);
    hypothetical = words(forward, r -> r.scopeOpensAt() == null);
    conditional = words(forward, r -> r.scopeOpensAt() == null && r.overNegation());
    List<Rule> checks = walk(r -> forward.contains(r) && r.scopeOpensAt() != null);
    checkVerbs = words(checks, r -> true);
    checkOpener = ContextRules.same(checks, Rule::scopeOpensAt, file, "scope_opens_at");
    List<Rule> pseudo = walk(r -> r.category() == Category.PSEUDO);
    pseudoHeads = pseudo.stream().map(r -> r.cue().split(" ")[0]).distinct().toArray(String[]::new);
    pseudoFollowers = new WordSet[pseudoHeads.length];
    for (int i = 0; i < pseudoHeads.length; i++) {
      String head = pseudoHeads[i];
      if (!hypothetical.contains(head)) {
        Rule r =
            pseudo.stream().filter(p -> p.cue().startsWith(head + " ")).findFirst().orElseThrow();
        throw error(
            r, "a PSEUDO phrase starts with a FORWARD hypothetical cue ('" + head + "' is none)");
      }
      pseudoFollowers[i] =
          words(walk(r -> pseudo.contains(r) && r.cue().startsWith(head + " ")), r -> true, 1);
    }
    List<Rule> modals =
        walk(r -> r.category().isHypothetical() && r.direction() == Direction.BACKWARD);
    modalWindow = window(modals, "max_scope");
    modalsAfter = words(modals, r -> true);

    List<Rule> lists = walk(r -> r.category() == Category.LIST);
    listWords = words(lists, r -> true);
    listMarks = marks(lists);
  }

  static CueSets of(List<Rule> rules, String file) {
    return new CueSets(rules, file);
  }

  private static boolean isNegation(Rule r) {
    return r.category() == Category.NEGATED_EXISTENCE || r.category() == Category.NOT_RECORDED;
  }

  /** Whether a needs list names this rule's cue ("*n't" for a suffix). */
  private static boolean named(List<String> needs, Rule r) {
    return needs != null && needs.contains(r.suffix() ? "*" + r.cue() : r.cue());
  }

  /** Fails a rule no walk reads, or reads otherwise than it says. */
  private void check(Rule r) {
    Category c = r.category();
    Direction d = r.direction();
    if ((c == Category.PSEUDO) != (d == Direction.PSEUDO)) {
      throw error(r, "a PSEUDO rule, and only one, has direction PSEUDO");
    }
    if (c == Category.PSEUDO && r.cue().split(" ").length != 2) {
      throw error(r, "a PSEUDO rule is two words: a cue and the word that makes it none");
    }
    if (r.cue().contains(" ")
        && c != Category.PSEUDO
        && !(c == Category.NEGATED_EXISTENCE
            && d == Direction.BACKWARD
            && r.cue().split(" ").length == 2)) {
      throw error(r, "only a BACKWARD NEGATED_EXISTENCE or a PSEUDO rule is two words");
    }
    if (r.suffix() && c != Category.NEGATED_EXISTENCE) {
      throw error(r, "only a NEGATED_EXISTENCE rule is a pattern");
    }
    if (r.punctuation()
        && !(c == Category.FILLER
            || c == Category.LIST
            || (c == Category.NOT_RECORDED && d == Direction.BACKWARD))) {
      throw error(r, "a mark is a FILLER, a LIST mark or a BACKWARD NOT_RECORDED cue");
    }
    boolean scoped = isNegation(r) || (c.isHypothetical() && d == Direction.BACKWARD);
    if (d == Direction.BIDIRECTIONAL && (isNegation(r) || c.isHypothetical())) {
      throw error(r, "write one FORWARD and one BACKWARD rule: the two walks reach differently");
    }
    if (scoped && r.maxScope() == null) {
      throw error(r, "a " + c + " " + d + " rule gives its max_scope (its walk has one)");
    }
    if (!scoped
        && r.maxScope() != null
        && !(c == Category.FILLER
            && d == Direction.BACKWARD
            && r.maxScope() == 1
            && r.needs().isEmpty())) {
      throw error(
          r,
          "no max_scope here: a FORWARD hypothetical cue reaches the sentence end, and a"
              + " FILLER is part of a scope (but max_scope 1: only a negation right after it counts)");
    }
    if (c == Category.LIST && d != Direction.BIDIRECTIONAL) {
      throw error(r, "a LIST word joins both ways: direction BIDIRECTIONAL");
    }
    if (r.withinPhrase() && !(c == Category.NEGATED_EXISTENCE && d == Direction.FORWARD)) {
      throw error(r, "within_phrase is for a FORWARD NEGATED_EXISTENCE cue");
    }
    if ((r.overNegation() || r.scopeOpensAt() != null)
        && !(c.isHypothetical() && d == Direction.FORWARD)) {
      throw error(r, "over_negation and scope_opens_at are for a FORWARD hypothetical cue");
    }
    if (!r.needs().isEmpty()) {
      boolean record =
          c == Category.NOT_RECORDED
              && d == Direction.FORWARD
              && r.needs().equals(List.of(Category.NEGATED_EXISTENCE.name()));
      boolean afterNot =
          (c == Category.NOT_RECORDED || c == Category.FILLER) && d == Direction.BACKWARD;
      if (!record && !afterNot) {
        throw error(
            r,
            "needs: a FORWARD NOT_RECORDED cue needs [NEGATED_EXISTENCE]; a BACKWARD"
                + " NOT_RECORDED cue or FILLER needs the negation words it follows");
      }
      if (afterNot) {
        for (String need : r.needs()) {
          boolean known =
              rules.stream()
                  .anyMatch(
                      x ->
                          x.category() == Category.NEGATED_EXISTENCE
                              && x.backward()
                              && need.equals(x.suffix() ? "*" + x.cue() : x.cue()));
          if (!known) {
            throw error(r, "needs '" + need + "', which is no BACKWARD NEGATED_EXISTENCE cue");
          }
        }
      }
    }
  }

  private List<Rule> walk(Predicate<Rule> in) {
    return rules.stream().filter(in).toList();
  }

  /** The FILLER rules of the forward (before a phrase) or backward walk, BIDIRECTIONAL in both. */
  private List<Rule> fillers(boolean forward) {
    return walk(r -> r.category() == Category.FILLER && (forward ? r.forward() : r.backward()));
  }

  private int window(List<Rule> walk, String what) {
    Integer w = ContextRules.same(walk, Rule::maxScope, file, what);
    return w == null ? 0 : w;
  }

  private static WordSet words(List<Rule> walk, Predicate<Rule> in) {
    return words(walk, in, 0);
  }

  /**
   * The literal words (or their {@code word}-th word) of the rules, marks and patterns left out.
   */
  private static WordSet words(List<Rule> walk, Predicate<Rule> in, int word) {
    return WordSet.of(
        walk.stream()
            .filter(in)
            .filter(r -> !r.suffix() && !r.punctuation())
            .map(r -> r.cue().split(" ")[word])
            .toArray(String[]::new));
  }

  private static String[] suffixes(List<Rule> walk) {
    return walk.stream().filter(Rule::suffix).map(Rule::cue).toArray(String[]::new);
  }

  private static String marks(List<Rule> walk) {
    StringBuilder out = new StringBuilder();
    walk.stream().filter(Rule::punctuation).forEach(r -> out.append(r.cue()));
    return out.toString();
  }

  private static List<Rule> concat(List<Rule> a, List<Rule> b) {
    List<Rule> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private RuleFileException error(Rule r, String why) {
    return new RuleFileException(file, r.line(), Objects.requireNonNull(r.name()) + ": " + why);
  }
}
