package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows of a table may match in a sentence, from the note's one anchor pass: each row's
 * anchors are derived from its pattern ({@link PatternAnchors}: every match starts with one of
 * them), all rows' anchors are keys of the note's {@link AnchorScanner} (the {@link Lexicon} holds
 * them beside the phrase anchors, {@link #keys()}), and a row whose anchors the sentence does not
 * hold is not tried there. A row whose pattern need not start with a literal (or that the
 * derivation cannot read) is tried everywhere. The gate only skips attempts that would fail: it
 * never changes what a row finds.
 */
final class RowGate {

  /** The literals the rows look for (anchors and required literals), by key. */
  private final List<String> keys;

  /** Per key of the scanner: the rows that may start with it. */
  private final int[][] rowsStarting;

  /** Per key: the rows whose every match holds one of their literals, this one among them. */
  private final int[][] rowsHolding;

  /** Per key: the rows whose cancelling pattern needs one of its literals, this one among them. */
  private final int[][] cancelsHolding;

  private final int[] everywhere;

  /** Per row, whether it is tried everywhere (its matches need not start with a literal). */
  private final boolean[] anywhere;

  /** Per row, whether its matches hold one of a set of literals (what {@link #scan} looks for). */
  private final boolean[] holds;

  /** Per row, whether its cancelling pattern can match only where one of its literals is. */
  private final boolean[] cancelHolds;

  private final int rows;

  /**
   * A gate for {@code patterns}, in row order; {@code comments} when they were compiled with {@link
   * Pattern#COMMENTS} (white space is layout).
   */
  RowGate(List<Pattern> patterns, boolean comments) {
    this(patterns, java.util.Collections.nCopies(patterns.size(), null), comments);
  }

  /**
   * A gate for {@code patterns} and, row by row, a pattern that cancels the row where it is found
   * in the same stretch ({@code cancels}, null for a row without one).
   */
  RowGate(List<Pattern> patterns, List<Pattern> cancels, boolean comments) {
    this.rows = patterns.size();
    Map<String, Integer> keys = new LinkedHashMap<>();
    List<List<Integer>> starting = new ArrayList<>();
    List<List<Integer>> holding = new ArrayList<>();
    List<List<Integer>> cancelling = new ArrayList<>();
    List<Integer> always = new ArrayList<>();
    this.holds = new boolean[rows];
    this.cancelHolds = new boolean[rows];
    for (int row = 0; row < rows; row++) {
      Pattern pattern = patterns.get(row);
      Set<String> anchors = anchors(pattern.pattern(), comments);
      if (anchors == null) {
        always.add(row);
      } else {
        for (String a : anchors) {
          starting.get(key(a, keys, starting, holding, cancelling)).add(row);
        }
      }
      Set<String> held = required(pattern, comments);
      if (held != null) {
        holds[row] = true;
        for (String h : held) {
          holding.get(key(h, keys, starting, holding, cancelling)).add(row);
        }
      }
      Pattern cancel = cancels.get(row);
      Set<String> needed = cancel == null ? null : required(cancel, comments);
      if (needed != null) {
        cancelHolds[row] = true;
        for (String h : needed) {
          cancelling.get(key(h, keys, starting, holding, cancelling)).add(row);
        }
      }
    }
    this.keys = List.copyOf(keys.keySet());
    this.rowsStarting = ids(starting);
    this.rowsHolding = ids(holding);
    this.cancelsHolding = ids(cancelling);
    this.everywhere = always.stream().mapToInt(Integer::intValue).toArray();
    this.anywhere = new boolean[rows];
    for (int row : everywhere) {
      anywhere[row] = true;
    }
  }

  private static int key(
      String text,
      Map<String, Integer> keys,
      List<List<Integer>> starting,
      List<List<Integer>> holding,
      List<List<Integer>> cancelling) {
    Integer id = keys.get(text);
    if (id == null) {
      id = keys.size();
      keys.put(text, id);
      starting.add(new ArrayList<>());
      holding.add(new ArrayList<>());
      cancelling.add(new ArrayList<>());
    }
    return id;
  }

  private static int[][] ids(List<List<Integer>> lists) {
    return lists.stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
        .toArray(int[][]::new);
  }

  /**
   * The literals one of which every match of a pattern holds ({@link RequiredLiterals}), or null
   * when none can be named (a pattern matched without regard to case among them).
   */
  static Set<String> required(Pattern pattern, boolean comments) {
    if ((pattern.flags() & (Pattern.CASE_INSENSITIVE | Pattern.LITERAL)) != 0) {
      return null;
    }
    String re = comments ? uncommented(pattern.pattern()) : pattern.pattern();
    return re == null ? null : RequiredLiterals.of(re);
  }

  /**
   * A {@link Pattern#COMMENTS} pattern without its layout white space, or null when it has a
   * comment (not worth reading around).
   */
  static String uncommented(String regex) {
    if (regex.indexOf('#') >= 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        sb.append(c).append(regex.charAt(++i));
      } else if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Every anchor of a pattern (a match starts with one of them), or null when some match need not
   * start with a literal.
   */
  static Set<String> anchors(String regex, boolean comments) {
    String re = comments ? uncommented(regex) : regex;
    if (re == null) {
      // A comment: the row is tried everywhere.
      return null;
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
    private final boolean[] may = new boolean[rows];
    private final boolean[] mayCancel = new boolean[rows];
    private final int[] lastHeld = new int[rows];
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
     * Whether the row's cancelling pattern may be found in the stretch (false only when the stretch
     * holds none of the literals it needs).
     */
    boolean mayCancel(int row) {
      return mayCancel[row];
    }

    /**
     * The leftmost match of row {@code row}'s pattern in the stretch, as {@code matcher.find()}
     * from the stretch's start would give it. {@code m} is the row's matcher over the stretch alone
     * (its text starts at the stretch's start); it is tried only where one of the row's anchors
     * starts (every match starts there) and not after the last literal every match holds, in order,
     * which finds the same first match.
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
      int last = -1;
      int latest = lastHeld[row];
      m.useTransparentBounds(true).useAnchoringBounds(false);
      for (int k = 0; k < at.size(); k++) {
        int anchor = at.get(k);
        if (anchor > latest) {
          return false;
        }
        int start = anchor - from;
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

  /** What the note's anchor pass must find for the gate: a key's id is its index. */
  List<String> keys() {
    return keys;
  }

  /** What the gate found in a sentence: one per reading, reused sentence after sentence. */
  Found found() {
    return new Found();
  }

  /**
   * Starts the reading of a sentence starting at {@code from}: {@link #saw} then each occurrence of
   * a key in it (in any order), {@link #seen} after the last.
   */
  void begin(int from, Found found) {
    for (int row = 0; row < rows; row++) {
      found.may[row] = anywhere[row];
      found.starts[row].clear();
      found.lastHeld[row] = holds[row] ? -1 : Integer.MAX_VALUE;
      found.mayCancel[row] = !cancelHolds[row];
    }
    found.from = from;
  }

  /** Key {@code key} occurs in the sentence at {@code start}. */
  void saw(int key, int start, Found found) {
    for (int row : rowsStarting[key]) {
      found.may[row] = true;
      found.starts[row].add(start);
    }
    for (int row : rowsHolding[key]) {
      found.lastHeld[row] = Math.max(found.lastHeld[row], start);
    }
    for (int row : cancelsHolding[key]) {
      found.mayCancel[row] = true;
    }
  }

  /** Every occurrence in the sentence was seen: which rows may match, and where, is known. */
  void seen(Found found) {
    for (int row = 0; row < rows; row++) {
      if (found.lastHeld[row] < 0) {
        found.may[row] = false;
      }
      Ints at = found.starts[row];
      if (found.may[row] && at.size() > 1) {
        at.sort();
      }
    }
  }
}
