package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.narrative.RegexTokens.ClassItem;
import org.stomacds.engine.narrative.RegexTokens.Group;
import org.stomacds.engine.narrative.RegexTokens.ItemKind;
import org.stomacds.engine.narrative.RegexTokens.Kind;
import org.stomacds.engine.narrative.RegexTokens.Token;

/** The one reading of regex syntax that the pattern readers share. */
class RegexTokensTest {

  private static List<Kind> kinds(String regex) {
    return RegexTokens.of(regex).stream().map(Token::kind).toList();
  }

  private static List<String> texts(String regex) {
    return RegexTokens.of(regex).stream().map(Token::text).toList();
  }

  @Test
  void readsEscapesWholeAndTellsAnchorsFromCharacters() {
    assertThat(texts("\\s\\.\\p{L}\\x41\\u2013\\Qa|b\\E\\b\\0101"))
        .containsExactly("\\s", "\\.", "\\p{L}", "\\x41", "\\u2013", "\\Qa|b\\E", "\\b", "\\0101");
    assertThat(kinds("\\s\\.\\b^\\Z$"))
        .containsExactly(
            Kind.ESCAPE, Kind.ESCAPE, Kind.ANCHOR, Kind.ANCHOR, Kind.ANCHOR, Kind.ANCHOR);
    assertThat(RegexTokens.of("\\.").get(0).ch()).isEqualTo('.');
  }

  @Test
  void readsAClassWithRangesEscapesAndNestedBracketsAsOneToken() {
    List<Token> tokens = RegexTokens.of("[^a-c\\s\\-x[yz]&&[^y]]+");
    assertThat(tokens).extracting(Token::kind).containsExactly(Kind.CLASS, Kind.QUANTIFIER);
    Token cls = tokens.get(0);
    assertThat(cls.text()).isEqualTo("[^a-c\\s\\-x[yz]&&[^y]]");
    assertThat(cls.negated()).isTrue();
    assertThat(cls.items())
        .extracting(ClassItem::kind)
        .containsExactly(
            ItemKind.RANGE,
            ItemKind.ESCAPE,
            ItemKind.CHAR,
            ItemKind.CHAR,
            ItemKind.NESTED,
            ItemKind.INTERSECTION,
            ItemKind.NESTED);
    assertThat(cls.items().get(0))
        .extracting(ClassItem::from, ClassItem::to)
        .containsExactly('a', 'c');
    assertThat(cls.items().get(2).from()).isEqualTo('-');
  }

  @Test
  void takesABracketFirstInAClassAsACharacter() {
    assertThat(texts("[]a]b")).containsExactly("[]a]", "b");
    assertThat(texts("[^]a]|[a-]")).containsExactly("[^]a]", "|", "[a-]");
    assertThat(RegexTokens.of("[a-]").get(0).items())
        .extracting(ClassItem::kind)
        .containsExactly(ItemKind.CHAR, ItemKind.CHAR);
  }

  @Test
  void namesEachGroupKind() {
    String regex = "(a)(?:b)(?<n>c)(?=d)(?!e)(?<=f)(?<!g)(?>h)(?i:k)(?m)";
    assertThat(
            RegexTokens.of(regex).stream()
                .filter(t -> t.is(Kind.GROUP_OPEN))
                .map(t -> t.group() + " " + t.text())
                .toList())
        .containsExactly(
            "CAPTURING (",
            "NON_CAPTURING (?:",
            "NAMED (?<n>",
            "LOOKAHEAD (?=",
            "NEGATIVE_LOOKAHEAD (?!",
            "LOOKBEHIND (?<=",
            "NEGATIVE_LOOKBEHIND (?<!",
            "ATOMIC (?>",
            "FLAGS (?i:",
            "FLAGS (?m");
    assertThat(Group.LOOKBEHIND.lookaround()).isTrue();
    assertThat(Group.ATOMIC.lookaround()).isFalse();
  }

  @Test
  void readsBoundsAndGreedOfQuantifiers() {
    List<String> q =
        RegexTokens.of("a?b*c+d{2}e{1,3}f{2,}g*?h++i{0,4}?").stream()
            .filter(t -> t.is(Kind.QUANTIFIER))
            .map(t -> t.text() + " " + t.min() + " " + t.max() + " " + t.greed())
            .toList();
    int u = RegexTokens.UNBOUNDED;
    assertThat(q)
        .containsExactly(
            "? 0 1 GREEDY",
            "* 0 " + u + " GREEDY",
            "+ 1 " + u + " GREEDY",
            "{2} 2 2 GREEDY",
            "{1,3} 1 3 GREEDY",
            "{2,} 2 " + u + " GREEDY",
            "*? 0 " + u + " LAZY",
            "++ 1 " + u + " POSSESSIVE",
            "{0,4}? 0 4 LAZY");
  }

  @Test
  void takesARepetitionSignWithNothingToRepeatAsALiteral() {
    assertThat(kinds("(*|+a{x}"))
        .containsExactly(
            Kind.GROUP_OPEN,
            Kind.LITERAL,
            Kind.BAR,
            Kind.LITERAL,
            Kind.LITERAL,
            Kind.LITERAL,
            Kind.LITERAL,
            Kind.LITERAL);
  }

  @Test
  void givesEachTokenTheGroupDepthItStandsAt() {
    String regex = "a|(?:b|(c|d))|e";
    assertThat(
            RegexTokens.of(regex).stream()
                .filter(t -> t.is(Kind.BAR))
                .map(t -> String.valueOf(t.depth()))
                .collect(Collectors.joining(",")))
        .isEqualTo("0,1,2,0");
    assertThat(
            RegexTokens.of(regex).stream()
                .filter(t -> t.is(Kind.GROUP_OPEN) || t.is(Kind.GROUP_CLOSE))
                .map(t -> t.text().charAt(0) + "" + t.depth())
                .collect(Collectors.joining()))
        .isEqualTo("(0(1)1)0");
  }

  @Test
  void givesBackThePatternFromItsTokens() {
    String regex = "(?m)^[\\s*#-]{0,8}(?:late\\s+entry|x[a-z'-]+\\b)\\s*(?<!\\d)[.,]?$";
    List<Token> tokens = RegexTokens.of(regex);
    assertThat(tokens.stream().map(Token::text).collect(Collectors.joining())).isEqualTo(regex);
    for (int i = 1; i < tokens.size(); i++) {
      assertThat(tokens.get(i).start()).isEqualTo(tokens.get(i - 1).end());
    }
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> RegexTokens.of("a[bc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegexTokens.of("a\\")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegexTokens.of("a{2")).isInstanceOf(IllegalArgumentException.class);
  }
}
