package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
  private int pos;

  private PatternAnchors(String re) {
    this.re = re;
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
      if (p.pos != alternative.length()) {
        throw new IllegalArgumentException("unbalanced ')' at " + p.pos + " in: " + alternative);
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
    int depth = 0;
    boolean inClass = false;
    int from = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(regex.substring(from, i));
        from = i + 1;
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
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      all.addAll(sequence());
    }
    return all;
  }

  private Set<Prefix> sequence() {
    Set<Prefix> current = EMPTY_OPEN;
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
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
    char c = re.charAt(pos);
    if (c == '(') {
      return group();
    }
    if (c == '[') {
      return characterClass();
    }
    if (c == '\\') {
      return escape();
    }
    pos++;
    return c == '.' ? UNKNOWN : c == '^' || c == '$' ? EMPTY_OPEN : literal(c);
  }

  private static Set<Prefix> digits() {
    Set<Prefix> out = new LinkedHashSet<>();
    DIGITS.chars().forEach(d -> out.add(new Prefix(String.valueOf((char) d), true)));
    return out;
  }

  private static Set<Prefix> literal(char c) {
    return Set.of(new Prefix(String.valueOf(c), true));
  }

  private Set<Prefix> group() {
    pos++;
    boolean lookaround = false;
    boolean flags = false;
    if (re.startsWith("?:", pos)) {
      pos += 2;
    } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
      pos += 2;
      lookaround = true;
    } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
      pos += 3;
      lookaround = true;
    } else if (re.startsWith("?<", pos)) {
      pos = re.indexOf('>', pos) + 1;
    } else if (re.startsWith("?", pos)) {
      flags = true;
      pos++;
      while (pos < re.length() && re.charAt(pos) != ')' && re.charAt(pos) != ':') {
        pos++;
      }
      if (pos < re.length() && re.charAt(pos) == ':') {
        pos++;
      }
    }
    Set<Prefix> inner = alternation();
    if (pos >= re.length() || re.charAt(pos) != ')') {
      throw new IllegalArgumentException("unclosed group in: " + re);
    }
    pos++;
    if (lookaround) {
      return EMPTY_OPEN;
    }
    // Inline flags ("(?i)") change how the rest matches: spell nothing out after them.
    return flags ? UNKNOWN : inner;
  }

  private Set<Prefix> characterClass() {
    pos++;
    boolean negated = pos < re.length() && re.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    StringBuilder chars = new StringBuilder();
    boolean spelled = !negated;
    boolean first = true;
    while (pos < re.length() && (re.charAt(pos) != ']' || first)) {
      first = false;
      char c = re.charAt(pos++);
      if (c == '\\') {
        char e = re.charAt(pos++);
        switch (e) {
          case 's' -> chars.append(' ');
          case 'd' -> chars.append(DIGITS);
          default -> {
            if (Character.isLetter(e)) {
              spelled = false;
            } else {
              chars.append(e);
            }
          }
        }
      } else if (c == '[' || c == '&') {
        spelled = false;
      } else if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
        char to = re.charAt(pos + 1);
        pos += 2;
        if (to - c >= MAX_CLASS) {
          spelled = false;
        } else {
          for (char x = c; x <= to; x++) {
            chars.append(x);
          }
        }
      } else {
        chars.append(c);
      }
    }
    pos++;
    if (!spelled || chars.length() > MAX_CLASS) {
      return UNKNOWN;
    }
    Set<Prefix> out = new LinkedHashSet<>();
    chars.chars().forEach(x -> out.add(new Prefix(String.valueOf((char) x), true)));
    return out;
  }

  private Set<Prefix> escape() {
    char e = re.charAt(pos + 1);
    pos += 2;
    return switch (e) {
      case 'b', 'B', 'A', 'G' -> EMPTY_OPEN;
      // Folded text has two white-space characters, and the scanner takes them as one.
      case 's' -> literal(' ');
      case 'd' -> DIGIT;
      default -> Character.isLetterOrDigit(e) ? UNKNOWN : literal(e);
    };
  }

  /** Applies a quantifier after an atom, if there is one. */
  private Set<Prefix> quantified(Set<Prefix> atom) {
    if (pos >= re.length()) {
      return atom;
    }
    int min;
    int max;
    char q = re.charAt(pos);
    if (q == '?') {
      min = 0;
      max = 1;
      pos++;
    } else if (q == '*') {
      min = 0;
      max = Integer.MAX_VALUE;
      pos++;
    } else if (q == '+') {
      min = 1;
      max = Integer.MAX_VALUE;
      pos++;
    } else if (q == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
      int close = re.indexOf('}', pos);
      String[] bounds = re.substring(pos + 1, close).split(",", -1);
      min = Integer.parseInt(bounds[0]);
      max =
          bounds.length == 1
              ? min
              : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
      pos = close + 1;
    } else {
      return atom;
    }
    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
      pos++;
    }
    if (max == 0) {
      return EMPTY_OPEN;
    }
    if (min == 1 && max == 1) {
      return atom;
    }
    if (min == 0 && max == 1) {
      return orEmpty(atom);
    }
    // Repeated: the first repetition is known, what follows it is not.
    return min == 0 ? orEmpty(closed(atom)) : closed(atom);
  }
}
