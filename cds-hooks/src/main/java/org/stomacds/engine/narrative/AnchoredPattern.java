package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern of a reader with the literals its matches start with, derived from it as a phrase row's
 * are ({@link PatternAnchors}): its {@link Finder} searches a stretch of text by trying the pattern
 * only where one of them starts, which finds the same matches as {@link Matcher#find()} over the
 * stretch (every match starts with an anchor) without running the pattern at every character. A
 * pattern whose matches need not start with a literal is searched as before.
 */
final class AnchoredPattern {

  private final Pattern pattern;

  /**
   * Per first character (ASCII; a space stands for any white space), the anchors starting with it;
   * null when the pattern is searched everywhere.
   */
  private final char[][][] anchors;

  /** The anchors that start with a character beyond ASCII. */
  private final char[][] others;

  /**
   * The anchors up to their first white space (a prefix of an anchor is an anchor too), found with
   * {@link String#indexOf}; null when an anchor starts with white space (then {@link #anchors}).
   */
  private final String[] words;

  /**
   * Literals one of which every match holds ({@link RequiredLiterals}, each cut to its longest run
   * without white space): a stretch holding none is not searched. Null when none can be named.
   */
  private final String[] required;

  /**
   * Whether a pattern without derived anchors opens every top-level alternative with a multi-line
   * {@code ^} ("(?m)^"): it is then tried only at the start of a line.
   */
  private final boolean lineStarts;

  private AnchoredPattern(Pattern pattern) {
    this.pattern = pattern;
    String plain = plain(pattern);
    this.required = plain != null ? required(plain) : null;
    Set<String> derived = plain != null ? RowGate.anchors(plain, false) : null;
    this.lineStarts =
        derived == null
            && plain != null
            && PatternAnchors.topLevelAlternatives(plain).stream()
                .allMatch(a -> a.startsWith("(?m)^"));
    if (derived == null) {
      this.anchors = null;
      this.others = null;
      this.words = null;
      return;
    }
    this.words = words(derived);
    List<List<char[]>> byFirst = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      byFirst.add(new ArrayList<>());
    }
    List<char[]> beyond = new ArrayList<>();
    for (String a : derived) {
      char c = a.charAt(0);
      if (c == ' ') {
        for (char w : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
          byFirst.get(w).add(a.toCharArray());
        }
      } else if (c < 128) {
        byFirst.get(c).add(a.toCharArray());
      } else {
        beyond.add(a.toCharArray());
      }
    }
    this.anchors = new char[128][][];
    for (int c = 0; c < 128; c++) {
      anchors[c] = byFirst.get(c).isEmpty() ? null : byFirst.get(c).toArray(char[][]::new);
    }
    this.others = beyond.toArray(char[][]::new);
  }

  /**
   * The pattern's text as the analyses read it: a {@link Pattern#COMMENTS} pattern without its
   * layout; null for other flags or a pattern with a comment (then it is searched everywhere).
   */
  private static String plain(Pattern pattern) {
    return switch (pattern.flags()) {
      case 0 -> pattern.pattern();
      case Pattern.COMMENTS -> RowGate.uncommented(pattern.pattern());
      default -> null;
    };
  }

  private static String[] required(String regex) {
    // Multiline changes where ^ and $ match, not what a match holds.
    Set<String> literals =
        RequiredLiterals.of(regex.startsWith("(?m)") ? regex.substring(4) : regex);
    if (literals == null) {
      return null;
    }
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String literal : literals) {
      String longest = "";
      for (String run : literal.split("\\s+")) {
        longest = run.length() > longest.length() ? run : longest;
      }
      if (longest.isEmpty()) {
        return null;
      }
      out.add(longest);
    }
    return out.toArray(String[]::new);
  }

  /** Whether {@code stretch} holds one of the literals every match needs. */
  private boolean mayHold(String stretch) {
    if (required == null) {
      return true;
    }
    for (String literal : required) {
      if (stretch.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  private static String[] words(Set<String> anchors) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String a : anchors) {
      int space = 0;
      while (space < a.length() && !isSpace(a.charAt(space))) {
        space++;
      }
      if (space == 0) {
        return null;
      }
      out.add(a.substring(0, space));
    }
    return PatternAnchors.minimal(out).toArray(String[]::new);
  }

  /** {@link Rx#compile} with the pattern's anchors. */
  static AnchoredPattern compile(String regex) {
    return new AnchoredPattern(Rx.compile(regex));
  }

  /**
   * A compiled pattern with its anchors (one compiled with flags other than {@link
   * Pattern#COMMENTS}: searched everywhere).
   */
  static AnchoredPattern of(Pattern pattern) {
    return new AnchoredPattern(pattern);
  }

  Pattern pattern() {
    return pattern;
  }

  /** The pattern's own matcher, for {@link Matcher#lookingAt()} and {@link Matcher#matches()}. */
  Matcher matcher(CharSequence text) {
    return pattern.matcher(text);
  }

  /** A search of {@code text} (the whole of it until {@link Finder#region}). */
  Finder finder(CharSequence text) {
    return new Finder(text);
  }

  /** Whether the characters of anchor {@code a} start at {@code at} (before {@code to}). */
  private static boolean startsAt(CharSequence text, int at, int to, char[] a) {
    if (at + a.length > to) {
      return false;
    }
    for (int k = 0; k < a.length; k++) {
      char c = text.charAt(at + k);
      char want = a[k];
      if (c != want && !(want == ' ' && isSpace(c))) {
        return false;
      }
    }
    return true;
  }

  /** What a multi-line {@code ^} matches after. */
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** What {@code \s} matches. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
  }

  /**
   * The matches of the pattern in a stretch of text, in order, as a {@link Matcher} over a region
   * gives them with {@link Matcher#find()}; positions are the text's.
   */
  final class Finder implements MatchResult {
    private final CharSequence text;
    private String stretch;
    private int offset;
    private int next;
    private Matcher m;

    /** Whether the stretch holds none of the literals a match needs. */
    private boolean none;

    /** Per anchor word, where it next occurs in the stretch (-1: not looked for yet). */
    private int[] at;

    private Finder(CharSequence text) {
      this.text = text;
    }

    /** Searches only {@code [from, to)}, as {@link Matcher#region} (its bounds opaque). */
    Finder region(int from, int to) {
      String part = text.subSequence(from, to).toString();
      if (!mayHold(part)) {
        // No match can be in the stretch.
        none = true;
        return this;
      }
      none = false;
      if (words == null && anchors == null && !lineStarts) {
        offset = 0;
        m = pattern.matcher(text).region(from, to);
        return this;
      }
      // The stretch alone is the matcher's text: what the pattern sees around a start is what it
      // sees in the region, and a start after the region's start is tried as it would be.
      offset = from;
      next = 0;
      stretch = part;
      m = pattern.matcher(stretch).useTransparentBounds(true).useAnchoringBounds(false);
      if (words != null) {
        if (at == null) {
          at = new int[words.length];
        }
        java.util.Arrays.fill(at, -1);
      }
      return this;
    }

    /** The next match, as {@link Matcher#find()} finds it. */
    boolean find() {
      if (m == null && !none) {
        region(0, text.length());
      }
      if (none) {
        return false;
      }
      if (words == null && anchors == null && !lineStarts) {
        return m.find();
      }
      int length = stretch.length();
      int start = next;
      while (true) {
        start = lineStarts ? nextLine(start) : words != null ? nextWord(start) : nextAnchor(start);
        if (start >= length) {
          next = length;
          return false;
        }
        m.region(start, length);
        if (m.lookingAt()) {
          // A match holds at least its anchor, so it is never empty.
          next = m.end();
          return true;
        }
        start++;
      }
    }

    /** The first start at or after {@code from} of one of the anchor words. */
    private int nextWord(int from) {
      int first = Integer.MAX_VALUE;
      for (int k = 0; k < words.length; k++) {
        if (at[k] < from) {
          int found = stretch.indexOf(words[k], from);
          at[k] = found < 0 ? Integer.MAX_VALUE : found;
        }
        first = Math.min(first, at[k]);
      }
      return first;
    }

    /**
     * The first start of a line at or after {@code from}: the stretch's start or a character after
     * a line terminator, where a multi-line {@code ^} may match.
     */
    private int nextLine(int from) {
      int length = stretch.length();
      for (int i = from; i < length; i++) {
        if (i == 0 || isLineTerminator(stretch.charAt(i - 1))) {
          return i;
        }
      }
      return length;
    }

    /** The first start at or after {@code from} of one of the anchors, character by character. */
    private int nextAnchor(int from) {
      int length = stretch.length();
      for (int i = from; i < length; i++) {
        char c = stretch.charAt(i);
        char[][] starting = c < 128 ? anchors[c] : others;
        if (starting == null) {
          continue;
        }
        for (char[] a : starting) {
          if (startsAt(stretch, i, length, a)) {
            return i;
          }
        }
      }
      return length;
    }

    @Override
    public int start() {
      return m.start() + offset;
    }

    @Override
    public int end() {
      return m.end() + offset;
    }

    @Override
    public int start(int group) {
      int s = m.start(group);
      return s < 0 ? s : s + offset;
    }

    @Override
    public int end(int group) {
      int e = m.end(group);
      return e < 0 ? e : e + offset;
    }

    @Override
    public String group() {
      return m.group();
    }

    @Override
    public String group(int group) {
      return m.group(group);
    }

    @Override
    public int groupCount() {
      return m.groupCount();
    }
  }
}
