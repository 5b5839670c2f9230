package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows of a table may match in a stretch of folded text, found in one pass: each row's
 * anchors are derived from its pattern ({@link PatternAnchors}: every match starts with one of
 * them), all rows' anchors go into one {@link AnchorScanner}, and a row whose anchors the stretch
 * does not hold is not tried there. A row whose pattern need not start with a literal (or that the
 * derivation cannot read) is tried everywhere. The gate only skips attempts that would fail: it
 * never changes what a row finds.
 */
final class RowGate {

  private final AnchorScanner scanner;
  private final int[][] rowsByAnchor;
  private final int[] everywhere;

  /** Per row, whether it is tried everywhere (its matches need not start with a literal). */
  private final boolean[] anywhere;

  private final int rows;

  /**
   * A gate for {@code patterns}, in row order; {@code comments} when they were compiled with {@link
   * Pattern#COMMENTS} (white space is layout).
   */
  RowGate(List<Pattern> patterns, boolean comments) {
    this.rows = patterns.size();
    Map<String, List<Integer>> byAnchor = new LinkedHashMap<>();
    List<Integer> always = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      Set<String> anchors = anchors(patterns.get(row).pattern(), comments);
      if (anchors == null) {
        always.add(row);
        continue;
      }
      for (String a : anchors) {
        byAnchor.computeIfAbsent(a, k -> new ArrayList<>()).add(row);
      }
    }
    this.scanner = new AnchorScanner(new ArrayList<>(byAnchor.keySet()));
    this.rowsByAnchor =
        byAnchor.values().stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
            .toArray(int[][]::new);
    this.everywhere = always.stream().mapToInt(Integer::intValue).toArray();
    this.anywhere = new boolean[rows];
    for (int row : everywhere) {
      anywhere[row] = true;
    }
  }

  /**
   * Every anchor of a pattern (a match starts with one of them), or null when some match need not
   * start with a literal.
   */
  static Set<String> anchors(String regex, boolean comments) {
    String re = regex;
    if (comments) {
      if (re.indexOf('#') >= 0) {
        // A comment: not worth reading around; the row is tried everywhere.
        return null;
      }
      StringBuilder sb = new StringBuilder(re.length());
      for (int i = 0; i < re.length(); i++) {
        char c = re.charAt(i);
        if (c == '\\' && i + 1 < re.length()) {
          sb.append(c).append(re.charAt(++i));
        } else if (!Character.isWhitespace(c)) {
          sb.append(c);
        }
      }
      re = sb.toString();
    }
    List<Set<String>> alternatives;
    try {
      alternatives = PatternAnchors.byAlternative(re);
    } catch (RuntimeException e) {
      return null;
    }
    Set<String> all = new java.util.LinkedHashSet<>();
    for (Set<String> a : alternatives) {
      if (a.isEmpty()) {
        return null;
      }
      all.addAll(a);
    }
    return all;
  }

  /** What one stretch of text holds for the rows: one per reading, reused stretch after stretch. */
  final class Found {
    private final Ints occurrences = new Ints();
    private final boolean[] may = new boolean[rows];
    private final Ints[] starts = new Ints[rows];
    private int from;

    private Found() {
      for (int row = 0; row < rows; row++) {
        starts[row] = new Ints(8);
      }
    }

    /** Whether the row may match in the stretch. */
    boolean may(int row) {
      return may[row];
    }

    /**
     * The leftmost match of row {@code row}'s pattern in the stretch, as {@code matcher.find()}
     * from the stretch's start would give it. {@code m} is the row's matcher over the stretch alone
     * (its text starts at the stretch's start); it is tried only where one of the row's anchors
     * starts (every match starts there), in order, which finds the same first match.
     */
    boolean find(int row, Matcher m) {
      if (!may[row]) {
        return false;
      }
      if (anywhere[row]) {
        return m.find();
      }
      Ints at = starts[row];
      int end = m.regionEnd();
      m.useTransparentBounds(true).useAnchoringBounds(false);
      int last = -1;
      for (int k = 0; k < at.size(); k++) {
        int start = at.get(k) - from;
        if (start == last) {
          continue;
        }
        last = start;
        m.region(start, end);
        if (m.lookingAt()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Scratch space for {@link #scan}: one per reading. */
  Found found() {
    return new Found();
  }

  /** Finds which rows may match in {@code text[from, to)}, and where each may start. */
  void scan(String text, int from, int to, Found found) {
    java.util.Arrays.fill(found.may, false);
    for (int row = 0; row < rows; row++) {
      found.starts[row].clear();
    }
    for (int row : everywhere) {
      found.may[row] = true;
    }
    found.from = from;
    Ints occurrences = found.occurrences;
    occurrences.clear();
    scanner.scan(text, from, to, occurrences);
    for (int k = 0; k < occurrences.size(); k += 3) {
      for (int row : rowsByAnchor[occurrences.get(k)]) {
        found.may[row] = true;
        found.starts[row].add(occurrences.get(k + 1));
      }
    }
    for (int row = 0; row < rows; row++) {
      Ints at = found.starts[row];
      if (at.size() > 1) {
        at.sort();
      }
    }
  }
}
