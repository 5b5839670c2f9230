package org.stomacds.engine.narrative;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Derives what every match of a pattern holds somewhere: a set of literal strings, one of which
 * each match contains ("balloon" for {@code \s*balloons?\b\s+\d{1,2}...}, "dilation" or
 * "dilatation" for a required {@code (?:dilation|dilatation)}). Where {@link PatternAnchors} says
 * how a match starts, this says what it cannot do without: text that holds none of them cannot
 * match, and no match starts after the last of them. Like the anchors, the set may be wider than
 * needed, never narrower.
 *
 * <p>The derivation reads each sequence left to right and keeps its most telling required element:
 * a run of literal characters that are each required once (zero-width {@code \b}, {@code ^} and
 * lookarounds do not break a run), or a required group whose alternatives all hold a literal. An
 * optional or repeated character ends a run. Anything it cannot read (inline flags, quoting, hex
 * escapes) gives no set.
 */
final class RequiredLiterals {

  /** A group with more alternatives than this is not worth naming. */
  private static final int MAX_SET = 32;

  private final String re;
  private int pos;
  private boolean unreadable;

  private RequiredLiterals(String re) {
    this.re = re;
  }

  /**
   * The literals one of which every match of {@code regex} holds (written without comments or
   * layout white space), or null when no such set can be named.
   */
  static Set<String> of(String regex) {
    RequiredLiterals r = new RequiredLiterals(regex);
    Set<String> found;
    try {
      found = r.alternation();
    } catch (RuntimeException e) {
      return null;
    }
    if (r.unreadable || r.pos != regex.length() || found == null) {
      return null;
    }
    for (String s : found) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 128) {
          return null;
        }
      }
    }
    return found;
  }

  /** Union over the alternatives, or null when one of them requires nothing nameable. */
  private Set<String> alternation() {
    Set<String> all = new LinkedHashSet<>();
    boolean none = false;
    while (true) {
      Set<String> s = sequence();
      if (s == null) {
        none = true;
      } else {
        all.addAll(s);
      }
      if (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
      } else {
        break;
      }
    }
    return none || all.size() > MAX_SET ? null : all;
  }

  private Set<String> sequence() {
    Set<String> best = null;
    StringBuilder run = new StringBuilder();
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      char c = re.charAt(pos);
      int literal = -1;
      boolean zeroWidth = false;
      Set<String> group = null;
      if (c == '(') {
        int kind = groupKind();
        Set<String> inner = alternation();
        expect(')');
        if (kind == LOOKAROUND) {
          zeroWidth = true;
        } else {
          group = inner;
        }
      } else if (c == '[') {
        skipClass();
      } else if (c == '\\') {
        literal = escape();
        zeroWidth = literal == ZERO_WIDTH;
      } else {
        pos++;
        if (c == '^' || c == '$') {
          zeroWidth = true;
        } else if (c != '.') {
          literal = c;
        }
      }
      int[] q = quantifier();
      if (zeroWidth) {
        continue;
      }
      boolean required = q[0] >= 1;
      if (literal >= 0 && required) {
        run.append((char) literal);
        if (q[1] != 1) {
          best = better(best, flush(run));
        }
        continue;
      }
      best = better(best, flush(run));
      if (group != null && required) {
        best = better(best, group);
      }
    }
    return better(best, flush(run));
  }

  private static Set<String> flush(StringBuilder run) {
    if (run.length() == 0) {
      return null;
    }
    Set<String> s = Set.of(run.toString());
    run.setLength(0);
    return s;
  }

  /** The more telling of two sets: the longer shortest literal, then the fewer literals. */
  private static Set<String> better(Set<String> a, Set<String> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int la = shortest(a);
    int lb = shortest(b);
    if (la != lb) {
      return la > lb ? a : b;
    }
    return b.size() < a.size() ? b : a;
  }

  private static int shortest(Set<String> s) {
    return s.stream().mapToInt(String::length).min().orElse(0);
  }

  private static final int PLAIN = 0;
  private static final int LOOKAROUND = 1;
  private static final int ZERO_WIDTH = -2;
  private static final int OTHER = -1;

  private int groupKind() {
    pos++;
    if (re.startsWith("?:", pos)) {
      pos += 2;
    } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
      pos += 2;
      return LOOKAROUND;
    } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
      pos += 3;
      return LOOKAROUND;
    } else if (re.startsWith("?<", pos)) {
      pos = re.indexOf('>', pos) + 1;
    } else if (re.startsWith("?", pos)) {
      // Inline flags or an atomic group: how the rest matches is not read here.
      unreadable = true;
      pos++;
    }
    return PLAIN;
  }

  private void expect(char c) {
    if (pos >= re.length() || re.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos);
    }
    pos++;
  }

  private void skipClass() {
    pos++;
    if (pos < re.length() && re.charAt(pos) == '^') {
      pos++;
    }
    boolean first = true;
    int depth = 1;
    while (pos < re.length()) {
      char c = re.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && !first && --depth == 0) {
        return;
      }
      first = false;
    }
    throw new IllegalArgumentException("unclosed class");
  }

  /** A literal character, {@link #ZERO_WIDTH}, or {@link #OTHER} (a class or something unread). */
  private int escape() {
    char e = re.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case 'b', 'B', 'A', 'G', 'Z', 'z' -> {
        return ZERO_WIDTH;
      }
      case 'p', 'P' -> {
        if (pos < re.length() && re.charAt(pos) == '{') {
          pos = re.indexOf('}', pos) + 1;
        }
        return OTHER;
      }
      case 'Q', 'E', 'x', 'u', 'k', 'c', 'N' -> {
        unreadable = true;
        return OTHER;
      }
      default -> {
        return Character.isLetterOrDigit(e) ? OTHER : e;
      }
    }
  }

  /** The quantifier after an atom as {min, max} (max -1: unbounded); {1, 1} when there is none. */
  private int[] quantifier() {
    int[] q = {1, 1};
    if (pos >= re.length()) {
      return q;
    }
    char c = re.charAt(pos);
    if (c == '?') {
      q = new int[] {0, 1};
      pos++;
    } else if (c == '*') {
      q = new int[] {0, -1};
      pos++;
    } else if (c == '+') {
      q = new int[] {1, -1};
      pos++;
    } else if (c == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
      int close = re.indexOf('}', pos);
      String[] bounds = re.substring(pos + 1, close).split(",", -1);
      int min = Integer.parseInt(bounds[0]);
      int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
      q = new int[] {min, max};
      pos = close + 1;
    } else {
      return q;
    }
    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
      pos++;
    }
    return q;
  }
}
