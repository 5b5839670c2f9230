package org.stomacds.engine.narrative;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stomacds.engine.narrative.RegexTokens.Group;
import org.stomacds.engine.narrative.RegexTokens.Kind;
import org.stomacds.engine.narrative.RegexTokens.Token;

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

  private final List<Token> tokens;
  private int at;
  private boolean unreadable;

  private RequiredLiterals(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * The literals one of which every match of {@code regex} holds (written without comments or
   * layout white space), or null when no such set can be named.
   */
  static Set<String> of(String regex) {
    RequiredLiterals r;
    Set<String> found;
    try {
      r = new RequiredLiterals(RegexTokens.of(regex));
      found = r.alternation();
    } catch (RuntimeException e) {
      return null;
    }
    if (r.unreadable || r.at != r.tokens.size() || found == null) {
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
      if (at < tokens.size() && tokens.get(at).is(Kind.BAR)) {
        at++;
      } else {
        break;
      }
    }
    return none || all.size() > MAX_SET ? null : all;
  }

  private Set<String> sequence() {
    Set<String> best = null;
    StringBuilder run = new StringBuilder();
    while (at < tokens.size()
        && !tokens.get(at).is(Kind.BAR)
        && !tokens.get(at).is(Kind.GROUP_CLOSE)) {
      Token t = tokens.get(at++);
      int literal = -1;
      boolean zeroWidth = t.is(Kind.ANCHOR);
      Set<String> group = null;
      if (t.is(Kind.GROUP_OPEN)) {
        // Inline flags or an atomic group: how the rest matches is not read here.
        unreadable |= t.group() == Group.FLAGS || t.group() == Group.ATOMIC;
        Set<String> inner = alternation();
        expect(Kind.GROUP_CLOSE);
        if (t.group().lookaround()) {
          zeroWidth = true;
        } else {
          group = inner;
        }
      } else if (t.is(Kind.ESCAPE)) {
        literal = escape(t.ch());
      } else if (t.is(Kind.LITERAL)) {
        literal = t.ch();
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

  private void expect(Kind kind) {
    if (at >= tokens.size() || !tokens.get(at).is(kind)) {
      throw new IllegalArgumentException("expected " + kind + " at token " + at);
    }
    at++;
  }

  /** The literal character an escape matches, or -1 (a class, or something not read here). */
  private int escape(char e) {
    if ("QExukcN".indexOf(e) >= 0) {
      unreadable = true;
      return -1;
    }
    return Character.isLetterOrDigit(e) ? -1 : e;
  }

  /** The quantifier after an atom as {min, max}; {1, 1} when there is none. */
  private int[] quantifier() {
    if (at >= tokens.size() || !tokens.get(at).is(Kind.QUANTIFIER)) {
      return new int[] {1, 1};
    }
    Token q = tokens.get(at++);
    return new int[] {q.min(), q.max()};
  }
}
