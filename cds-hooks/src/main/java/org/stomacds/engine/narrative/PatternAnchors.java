package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stomacds.engine.narrative.RegexTokens.ClassItem;
import org.stomacds.engine.narrative.RegexTokens.Group;
import org.stomacds.engine.narrative.RegexTokens.Kind;
import org.stomacds.engine.narrative.RegexTokens.Token;

/**
 * Derives a phrase pattern's anchors: for each top-level alternative, the literal text every match
 * of it starts with ("through", "thru", "via" for {@code (?:through|thru|via)\s+...}). The phrase
 * finder tries a pattern only at the start of a word holding one of its anchors, so an anchor set
 * may be wider than needed (a pattern is tried and fails) but never narrower.
 *
 * <p>The derivation reads the pattern left to right and stops, on each path, at the first element
 * it cannot spell out: a long character class, a repeated group, a wildcard. Optional elements and
 * alternations branch; {@code \s} spells a space, which the {@link AnchorScanner} also finds at a
 * line break (folded text has no other white space). An anchor ends with its first word (a space
 * after it kept) or at {@link #MAX_LENGTH} characters, and an alternative with more than {@link
 * #MAX_VARIANTS} anchors has them all shortened: both only widen the set.
 */
final class PatternAnchors {

  /** Longer anchors are cut: a prefix of an anchor is an anchor too. */
  static final int MAX_LENGTH = 10;

  /** An alternative that spells out to more variants than this stops before the element. */
  static final int MAX_VARIANTS = 64;

  /** Three or more anchors that share this many first characters give way to what they share. */
  static final int STEM = 4;

  /** A character class with more characters than this is not spelled out. */
  private static final int MAX_CLASS = 10;

  private static final String DIGITS = "0123456789";

  /** A prefix of the matches, and whether the match may go on after it (open) or is unknown. */
  private record Prefix(String text, boolean open) {}

  private static final Set<Prefix> EMPTY_OPEN = Set.of(new Prefix("", true));
  private static final Set<Prefix> UNKNOWN = Set.of(new Prefix("", false));
  private static final Set<Prefix> DIGIT = digits();

  private final String re;
  private final List<Token> tokens;
  private int at;

  private PatternAnchors(String re) {
    this.re = re;
    this.tokens = RegexTokens.of(re);
  }

  /**
   * The anchors of each top-level alternative of {@code regex} (macros already expanded), in order;
   * an alternative whose matches need not start with a literal gets an empty set.
   */
  static List<Set<String>> byAlternative(String regex) {
    List<Set<String>> out = new ArrayList<>();
    for (String alternative : topLevelAlternatives(regex)) {
      PatternAnchors p = new PatternAnchors(alternative);
      Set<Prefix> prefixes = p.alternation();
      if (p.at != p.tokens.size()) {
        throw new IllegalArgumentException(
            "unbalanced ')' at " + p.tokens.get(p.at).start() + " in: " + alternative);
      }
      Set<String> texts = new LinkedHashSet<>();
      boolean empty = false;
      for (Prefix x : prefixes) {
        empty |= x.text().isEmpty();
        texts.add(x.text());
      }
      out.add(empty ? Set.of() : minimal(texts));
    }
    return out;
  }

  /**
   * The top-level alternatives of a pattern: split at each {@code |} outside groups and classes.
   */
  static List<String> topLevelAlternatives(String regex) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (Token t : RegexTokens.of(regex)) {
      if (t.is(Kind.BAR) && t.depth() == 0) {
        out.add(regex.substring(from, t.start()));
        from = t.end();
      }
    }
    out.add(regex.substring(from));
    return out;
  }

  /**
   * The fewest anchors that find what these find: each that starts with another is dropped, and
   * three or more that share a stem of {@link #STEM} or more characters give way to the stem
   * ("ileo-colic", "ileocecal", "ileorectal" become "ileo").
   */
  static Set<String> minimal(Set<String> texts) {
    List<String> sorted = new ArrayList<>(texts);
    sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    List<String> kept = new ArrayList<>();
    for (String t : sorted) {
      if (kept.stream().noneMatch(t::startsWith)) {
        kept.add(t);
      }
    }
    Map<String, List<String>> byStem = new TreeMap<>();
    for (String t : kept) {
      byStem
          .computeIfAbsent(t.length() > STEM ? t.substring(0, STEM) : t, k -> new ArrayList<>())
          .add(t);
    }
    Set<String> out = new TreeSet<>();
    for (List<String> group : byStem.values()) {
      if (group.size() < 3) {
        out.addAll(group);
        continue;
      }
      String stem = group.get(0);
      for (String t : group) {
        int i = 0;
        while (i < stem.length() && i < t.length() && stem.charAt(i) == t.charAt(i)) {
          i++;
        }
        stem = stem.substring(0, i);
      }
      out.add(stem);
    }
    return out;
  }

  private Set<Prefix> alternation() {
    Set<Prefix> all = new LinkedHashSet<>(sequence());
    while (at < tokens.size() && tokens.get(at).is(Kind.BAR)) {
      at++;
      all.addAll(sequence());
    }
    return all;
  }

  private Set<Prefix> sequence() {
    Set<Prefix> current = EMPTY_OPEN;
    while (at < tokens.size()
        && !tokens.get(at).is(Kind.BAR)
        && !tokens.get(at).is(Kind.GROUP_CLOSE)) {
      Set<Prefix> atom = quantified(atom());
      current = concat(current, atom);
    }
    return current;
  }

  private static Set<Prefix> concat(Set<Prefix> current, Set<Prefix> atom) {
    Set<Prefix> out = new LinkedHashSet<>();
    for (Prefix p : current) {
      if (!p.open()) {
        out.add(p);
        continue;
      }
      for (Prefix a : atom) {
        out.add(cut(p.text() + a.text(), a.open()));
      }
    }
    // Too many variants: shorten them all (a prefix of an anchor is an anchor too).
    for (int length = MAX_LENGTH - 1; out.size() > MAX_VARIANTS && length > 0; length--) {
      Set<Prefix> shorter = new LinkedHashSet<>();
      for (Prefix p : out) {
        shorter.add(
            p.text().length() > length ? new Prefix(p.text().substring(0, length), false) : p);
      }
      out = shorter;
    }
    return out;
  }

  /**
   * An anchor ends with its first word: after the space that ends it, or before any other character
   * that ends it ("route" for {@code route\s*:}); and at {@link #MAX_LENGTH} characters. A longer
   * anchor would be only more of them, no more telling.
   */
  private static Prefix cut(String text, boolean open) {
    boolean word = false;
    for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      if (TokenCursor.isWordChar(c)) {
        word = true;
      } else if (word) {
        return new Prefix(text.substring(0, c == ' ' ? i + 1 : i), false);
      }
    }
    if (text.length() >= MAX_LENGTH) {
      return new Prefix(text.substring(0, MAX_LENGTH), false);
    }
    return new Prefix(text, open);
  }

  private static Set<Prefix> closed(Set<Prefix> prefixes) {
    Set<Prefix> out = new LinkedHashSet<>();
    for (Prefix p : prefixes) {
      out.add(new Prefix(p.text(), false));
    }
    return out;
  }

  private static Set<Prefix> orEmpty(Set<Prefix> prefixes) {
    Set<Prefix> out = new LinkedHashSet<>(prefixes);
    out.add(new Prefix("", true));
    return out;
  }

  private Set<Prefix> atom() {
    Token t = tokens.get(at++);
    return switch (t.kind()) {
      case GROUP_OPEN -> group(t);
      case CLASS -> characterClass(t);
      case ESCAPE -> escape(t.ch());
      // \Z and \z were never taken as matching no text: nothing is spelled out after them.
      case ANCHOR -> "Zz".indexOf(t.ch()) >= 0 ? UNKNOWN : EMPTY_OPEN;
      case DOT -> UNKNOWN;
      default -> literal(t.ch());
    };
  }

  private static Set<Prefix> digits() {
    Set<Prefix> out = new LinkedHashSet<>();
    DIGITS.chars().forEach(d -> out.add(new Prefix(String.valueOf((char) d), true)));
    return out;
  }

  private static Set<Prefix> literal(char c) {
    return Set.of(new Prefix(String.valueOf(c), true));
  }

  private Set<Prefix> group(Token open) {
    Set<Prefix> inner = alternation();
    if (at >= tokens.size() || !tokens.get(at).is(Kind.GROUP_CLOSE)) {
      throw new IllegalArgumentException("unclosed group in: " + re);
    }
    at++;
    if (open.group().lookaround()) {
      return EMPTY_OPEN;
    }
    // Inline flags ("(?i)") change how the rest matches: spell nothing out after them.
    return open.group() == Group.FLAGS || open.group() == Group.ATOMIC ? UNKNOWN : inner;
  }

  private static Set<Prefix> characterClass(Token t) {
    StringBuilder chars = new StringBuilder();
    boolean spelled = !t.negated();
    for (ClassItem item : t.items()) {
      switch (item.kind()) {
        case ESCAPE -> {
          switch (item.from()) {
            case 's' -> chars.append(' ');
            case 'd' -> chars.append(DIGITS);
            default -> {
              if (Character.isLetter(item.from())) {
                spelled = false;
              } else {
                chars.append(item.from());
              }
            }
          }
        }
        case RANGE -> {
          if (item.to() - item.from() >= MAX_CLASS || item.from() == '&') {
            spelled = false;
          } else {
            for (char x = item.from(); x <= item.to(); x++) {
              chars.append(x);
            }
          }
        }
        // An ampersand, single or doubled, was never spelled out.
        case CHAR -> {
          if (item.from() == '&') {
            spelled = false;
          } else {
            chars.append(item.from());
          }
        }
        default -> spelled = false;
      }
    }
    if (!spelled || chars.length() > MAX_CLASS) {
      return UNKNOWN;
    }
    Set<Prefix> out = new LinkedHashSet<>();
    chars.chars().forEach(x -> out.add(new Prefix(String.valueOf((char) x), true)));
    return out;
  }

  private static Set<Prefix> escape(char e) {
    return switch (e) {
      // Folded text has two white-space characters, and the scanner takes them as one.
      case 's' -> literal(' ');
      case 'd' -> DIGIT;
      default -> Character.isLetterOrDigit(e) ? UNKNOWN : literal(e);
    };
  }

  /** Applies a quantifier after an atom, if there is one. */
  private Set<Prefix> quantified(Set<Prefix> atom) {
    if (at >= tokens.size() || !tokens.get(at).is(Kind.QUANTIFIER)) {
      return atom;
    }
    Token q = tokens.get(at++);
    if (q.max() == 0) {
      return EMPTY_OPEN;
    }
    if (q.min() == 1 && q.max() == 1) {
      return atom;
    }
    if (q.min() == 0 && q.max() == 1) {
      return orEmpty(atom);
    }
    // Repeated: the first repetition is known, what follows it is not.
    return q.min() == 0 ? orEmpty(closed(atom)) : closed(atom);
  }
}
