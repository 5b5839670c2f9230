package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;

/**
 * Java regex syntax, read once: a pattern as a list of tokens that {@link PatternAnchors}, {@link
 * RequiredLiterals} and {@link Rx} read, so that each keeps only what it derives. The tokens'
 * texts, joined, give back the pattern.
 *
 * <p>A quantifier is a token only after something it can repeat (a {@code *} that opens a group or
 * follows another quantifier is a literal, as the readers always took it), and a {@code {} is a
 * quantifier only when a digit follows it. An escape is read whole ({@code \p{L}}, {@code \x41},
 * {@code \Q...\E}); a character class is one token whose items say what it holds.
 */
final class RegexTokens {

  /** What a token is. */
  enum Kind {
    /** A character that matches itself ({@link Token#ch()}). */
    LITERAL,
    /** A backslash escape that matches a character: {@code \s}, {@code \.}, {@code \u2013}. */
    ESCAPE,
    /** A bracketed character class ({@link Token#items()}). */
    CLASS,
    /**
     * An opening parenthesis with what follows it up to the group's body ({@link Token#group()}).
     */
    GROUP_OPEN,
    GROUP_CLOSE,
    BAR,
    /** {@code ?}, {@code *}, {@code +} or {@code {n,m}} with its lazy or possessive mark. */
    QUANTIFIER,
    /**
     * What matches no text: {@code ^}, {@code $}, {@code \b}, {@code \B}, {@code \A}, {@code \G},
     * {@code \Z}, {@code \z}.
     */
    ANCHOR,
    DOT
  }

  /** What kind of group a {@link Kind#GROUP_OPEN} opens. */
  enum Group {
    CAPTURING,
    NON_CAPTURING,
    NAMED,
    LOOKAHEAD,
    NEGATIVE_LOOKAHEAD,
    LOOKBEHIND,
    NEGATIVE_LOOKBEHIND,
    ATOMIC,
    /** Inline flags, {@code (?i)} (closed by the next token) or {@code (?i:...)}. */
    FLAGS;

    boolean lookaround() {
      return this == LOOKAHEAD
          || this == NEGATIVE_LOOKAHEAD
          || this == LOOKBEHIND
          || this == NEGATIVE_LOOKBEHIND;
    }
  }

  /** How a quantifier repeats. */
  enum Greed {
    GREEDY,
    LAZY,
    POSSESSIVE
  }

  /** The most repetitions of an unbounded quantifier. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * One token of a pattern: its kind, its text and where it starts, and the group depth it stands
   * at (a group's parentheses stand outside it; an unbalanced {@code )} makes it negative). The
   * other parts belong to one kind each.
   *
   * @param ch a literal's character, or the character after an escape's backslash
   * @param group the kind of group a {@link Kind#GROUP_OPEN} opens
   * @param min a quantifier's fewest repetitions
   * @param max a quantifier's most repetitions, {@link #UNBOUNDED} for no limit
   * @param greed a quantifier's greed
   * @param negated whether a class starts with {@code ^}
   * @param items what a class holds
   */
  record Token(
      Kind kind,
      String text,
      int start,
      int depth,
      char ch,
      Group group,
      int min,
      int max,
      Greed greed,
      boolean negated,
      List<ClassItem> items) {

    int end() {
      return start + text.length();
    }

    boolean is(Kind k) {
      return kind == k;
    }
  }

  /** What a character class item is. */
  enum ItemKind {
    /** A character, written plain or escaped ({@code \.}). */
    CHAR,
    /** {@code a-z}: {@link ClassItem#from()} to {@link ClassItem#to()}. */
    RANGE,
    /** A letter or digit escape: a shorthand ({@code \s}, {@code \d}), a property or a code. */
    ESCAPE,
    /** A nested class, {@code [a[b]]}. */
    NESTED,
    /** The {@code &&} of an intersection. */
    INTERSECTION
  }

  /**
   * One item of a character class, with its text: a character ({@code from} and {@code to} the
   * same), a range, or for an escape the character after its backslash.
   */
  record ClassItem(ItemKind kind, String text, char from, char to) {}

  private final String re;
  private final List<Token> out = new ArrayList<>();
  private int pos;
  private int depth;

  private RegexTokens(String re) {
    this.re = re;
  }

  /**
   * The tokens of {@code regex}; throws {@link IllegalArgumentException} where it cannot be read.
   */
  static List<Token> of(String regex) {
    RegexTokens t = new RegexTokens(regex);
    t.read();
    return List.copyOf(t.out);
  }

  private void read() {
    while (pos < re.length()) {
      int start = pos;
      char c = re.charAt(pos);
      if (c == '\\') {
        String text = escape();
        char e = text.charAt(1);
        add("bBAGZz".indexOf(e) >= 0 ? Kind.ANCHOR : Kind.ESCAPE, start, e);
      } else if (c == '[') {
        List<ClassItem> items = new ArrayList<>();
        boolean negated = characterClass(items);
        out.add(token(Kind.CLASS, start, c, null, 0, 0, null, negated, List.copyOf(items)));
      } else if (c == '(') {
        Group g = groupOpen();
        out.add(token(Kind.GROUP_OPEN, start, c, g, 0, 0, null, false, List.of()));
        depth++;
      } else if (c == ')') {
        depth--;
        pos++;
        add(Kind.GROUP_CLOSE, start, c);
      } else if (c == '|') {
        pos++;
        add(Kind.BAR, start, c);
      } else if (quantifierMayFollow() && ("?*+".indexOf(c) >= 0 || bracedQuantifier())) {
        quantifier();
      } else {
        pos++;
        add(c == '.' ? Kind.DOT : c == '^' || c == '$' ? Kind.ANCHOR : Kind.LITERAL, start, c);
      }
    }
  }

  private void add(Kind kind, int start, char ch) {
    out.add(token(kind, start, ch, null, 0, 0, null, false, List.of()));
  }

  private Token token(
      Kind kind,
      int start,
      char ch,
      Group g,
      int min,
      int max,
      Greed greed,
      boolean negated,
      List<ClassItem> items) {
    return new Token(
        kind, re.substring(start, pos), start, depth, ch, g, min, max, greed, negated, items);
  }

  private boolean quantifierMayFollow() {
    if (out.isEmpty()) {
      return false;
    }
    Kind last = out.get(out.size() - 1).kind();
    return last != Kind.BAR && last != Kind.GROUP_OPEN && last != Kind.QUANTIFIER;
  }

  private boolean bracedQuantifier() {
    return re.charAt(pos) == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1));
  }

  private void quantifier() {
    int start = pos;
    char c = re.charAt(pos);
    int min;
    int max;
    if (c == '{') {
      int close = re.indexOf('}', pos);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed repetition at " + pos + " in: " + re);
      }
      String[] bounds = re.substring(pos + 1, close).split(",", -1);
      min = Integer.parseInt(bounds[0]);
      max =
          bounds.length == 1 ? min : bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
      pos = close + 1;
    } else {
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : UNBOUNDED;
      pos++;
    }
    Greed greed = Greed.GREEDY;
    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
      greed = re.charAt(pos) == '?' ? Greed.LAZY : Greed.POSSESSIVE;
      pos++;
    }
    out.add(token(Kind.QUANTIFIER, start, c, null, min, max, greed, false, List.of()));
  }

  /** Reads a group's opening up to its body: "(", "(?:", "(?<=", "(?<name>", "(?i:" or "(?i". */
  private Group groupOpen() {
    pos++;
    if (!re.startsWith("?", pos)) {
      return Group.CAPTURING;
    }
    String[][] prefixes = {
      {"?:", "NON_CAPTURING"},
      {"?=", "LOOKAHEAD"},
      {"?!", "NEGATIVE_LOOKAHEAD"},
      {"?<=", "LOOKBEHIND"},
      {"?<!", "NEGATIVE_LOOKBEHIND"},
      {"?>", "ATOMIC"}
    };
    for (String[] p : prefixes) {
      if (re.startsWith(p[0], pos)) {
        pos += p[0].length();
        return Group.valueOf(p[1]);
      }
    }
    if (re.startsWith("?<", pos)) {
      int close = re.indexOf('>', pos);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed group name at " + pos + " in: " + re);
      }
      pos = close + 1;
      return Group.NAMED;
    }
    pos++;
    while (pos < re.length() && re.charAt(pos) != ')' && re.charAt(pos) != ':') {
      pos++;
    }
    if (pos < re.length() && re.charAt(pos) == ':') {
      pos++;
    }
    return Group.FLAGS;
  }

  /** Reads an escape whole and returns its text. */
  private String escape() {
    int start = pos;
    if (pos + 1 >= re.length()) {
      throw new IllegalArgumentException("trailing backslash in: " + re);
    }
    char e = re.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case 'p', 'P', 'N', 'x' -> {
        if (pos < re.length() && re.charAt(pos) == '{') {
          pos = closing('}');
        } else if (e == 'x') {
          pos = Math.min(pos + 2, re.length());
        } else if (e != 'N') {
          pos = Math.min(pos + 1, re.length());
        }
      }
      case 'u' -> pos = Math.min(pos + 4, re.length());
      case 'c' -> pos = Math.min(pos + 1, re.length());
      case 'k' -> {
        if (pos < re.length() && re.charAt(pos) == '<') {
          pos = closing('>');
        }
      }
      case 'Q' -> {
        int end = re.indexOf("\\E", pos);
        pos = end < 0 ? re.length() : end + 2;
      }
      case '0' -> {
        for (int n = 0; n < 3 && pos < re.length() && isOctal(re.charAt(pos)); n++) {
          pos++;
        }
      }
      default -> {}
    }
    return re.substring(start, pos);
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private int closing(char c) {
    int close = re.indexOf(c, pos);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed escape at " + pos + " in: " + re);
    }
    return close + 1;
  }

  /**
   * Reads a class from its {@code [} past its {@code ]} into {@code items}, nested classes whole; a
   * {@code ]} first (after any {@code ^}) is a character. Returns whether the class is negated.
   */
  private boolean characterClass(List<ClassItem> items) {
    int open = pos;
    pos++;
    boolean negated = pos < re.length() && re.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    boolean first = true;
    while (pos < re.length() && (re.charAt(pos) != ']' || first)) {
      first = false;
      int start = pos;
      char c = re.charAt(pos);
      if (c == '[') {
        characterClass(new ArrayList<>());
        items.add(new ClassItem(ItemKind.NESTED, re.substring(start, pos), c, c));
        continue;
      }
      if (re.startsWith("&&", pos)) {
        pos += 2;
        items.add(new ClassItem(ItemKind.INTERSECTION, "&&", c, c));
        continue;
      }
      int from = classChar();
      if (from < 0) {
        char e = re.charAt(start + 1);
        items.add(new ClassItem(ItemKind.ESCAPE, re.substring(start, pos), e, e));
        continue;
      }
      int mark = pos;
      if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
        pos++;
        int to = re.charAt(pos) == '[' ? -1 : classChar();
        if (to >= 0) {
          items.add(
              new ClassItem(ItemKind.RANGE, re.substring(start, pos), (char) from, (char) to));
          continue;
        }
        pos = mark;
      }
      items.add(new ClassItem(ItemKind.CHAR, re.substring(start, pos), (char) from, (char) from));
    }
    if (pos >= re.length()) {
      throw new IllegalArgumentException("unclosed class at " + open + " in: " + re);
    }
    pos++;
    return negated;
  }

  /**
   * Reads one character of a class: a plain one, or an escaped one that is no letter or digit; -1
   * (having read it) for any other escape.
   */
  private int classChar() {
    char c = re.charAt(pos);
    if (c != '\\') {
      pos++;
      return c;
    }
    String text = escape();
    char e = text.charAt(1);
    return text.length() == 2 && !Character.isLetterOrDigit(e) ? e : -1;
  }
}
