package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers of a note that the rules need (balloon and lumen sizes, inflation counts and
 * durations, sedation minutes and clock times) and sorts each by what it measures (see {@link
 * Quantities}). Numbers are tried only where a number starts, and only with the patterns its next
 * character allows.
 */
final class NumberFinder {

  /** Clock times of other things than sedation ("procedure start", "withdrawal"). */
  private static final WordSet OTHER_CLOCK =
      WordSet.of(
          "procedure",
          "withdrawal",
          "fluoroscopy",
          "fluoro",
          "insertion",
          "cecal",
          "arrival",
          "arrived",
          "discharge",
          "recovery",
          "scope");

  private static final WordSet CLOCK_START =
      WordSet.of(
          "start",
          "started",
          "starting",
          "began",
          "begin",
          "beginning",
          "from",
          "initiated",
          "administered",
          "induction",
          "commenced",
          "onset",
          "in");
  private static final WordSet CLOCK_STOP =
      WordSet.of(
          "stop",
          "stopped",
          "end",
          "ended",
          "ending",
          "to",
          "until",
          "till",
          "through",
          "completed",
          "finished",
          "out",
          "concluded",
          "discontinued");
  private static final WordSet ELSEWHEN =
      WordSet.of(
          "will",
          "plan",
          "plans",
          "planned",
          "planning",
          "future",
          "would",
          "consider",
          "considering",
          "recommend",
          "recommended",
          "history",
          "h/o",
          "hx",
          "s/p",
          "previous",
          "previously",
          "past",
          "next",
          "repeat");

  private static final Set<String> HEDGED_ESTIMATE =
      Set.of("estimate", "say", "guess", "put", "call", "judge", "think");

  private static final WordSet LATER =
      WordSet.of(
          "planned",
          "scheduled",
          "recommended",
          "future",
          "anticipated",
          "intended",
          "ago",
          "yesterday");

  /** After a dilation verb: it happened at another time than this session. */
  private static final WordSet ANOTHER_TIME =
      WordSet.of(
          "ago",
          "yesterday",
          "earlier",
          "previously",
          "recently",
          "previous",
          "prior",
          "last",
          "morning",
          "afternoon",
          "evening",
          "week",
          "weeks",
          "month",
          "months",
          "year",
          "years");

  private static final Pattern[] QUANTITY_PATTERNS = {
    Quantities.SIZE,
    Quantities.DURATION,
    Quantities.NUMBER,
    Quantities.COUNT_NOUN,
    Quantities.COUNT_TIMES,
    Quantities.COUNT_VERB,
    Quantities.COUNT_LABEL,
    Quantities.CLOCK,
    Quantities.MILITARY,
    Quantities.DILATION_ACT,
    Quantities.BALLOON_BARE,
    Quantities.BALLOON_BEFORE
  };

  private static final int SIZE = 0;
  private static final int DURATION = 1;
  private static final int NUMBER = 2;
  private static final int COUNT_NOUN = 3;
  private static final int COUNT_TIMES = 4;
  private static final int COUNT_VERB = 5;
  private static final int COUNT_LABEL = 6;
  private static final int CLOCK = 7;
  private static final int MILITARY = 8;
  private static final int DILATION_ACT = 9;
  private static final int BALLOON_BARE = 10;
  private static final int BALLOON_BEFORE = 11;

  private final IndexedNote note;
  private final Lexicon lexicon;
  private final String f;
  private final List<Sentence> sentences;
  private final Ints occurrences;
  private final int[] occurrencesFrom;

  /** Matchers of the {@link Quantities} patterns, made on first use (most notes need few). */
  private final Matcher[] quantity = new Matcher[QUANTITY_PATTERNS.length];

  private final List<Value> balloonSizes = new ArrayList<>();
  private final List<Value> lumenSizes = new ArrayList<>();
  private final List<Value> counts = new ArrayList<>();
  private final List<Value> inflationSeconds = new ArrayList<>();
  private final List<Value> sedationMinutes = new ArrayList<>();
  private final List<Clock> clocks = new ArrayList<>();
  private final List<Clock> procedureTimes = new ArrayList<>();
  private int lastSedationClockSentence = -2;
  private int firstDilation = Integer.MAX_VALUE;
  private final Ints dilationSigns = new Ints(8);

  /**
   * What the numbers of a note say.
   *
   * @param firstDilation offset of the first sign of this procedure's dilation (a balloon size, a
   *     count, a duration, "was dilated"), {@code Integer.MAX_VALUE} when there is none: a lumen
   *     stated after it is the lumen after dilation
   * @param procedureTimes clock times of the procedure itself, outside sedation sentences
   * @param dilationSigns offsets of every sign of this procedure's dilation, in note order
   */
  record Found(
      List<Value> balloonSizes,
      List<Value> lumenSizes,
      List<Value> counts,
      List<Value> inflationSeconds,
      List<Value> sedationMinutes,
      List<Clock> clocks,
      List<Clock> procedureTimes,
      int firstDilation,
      int[] dilationSigns) {}

  NumberFinder(IndexedNote note) {
    this.note = note;
    this.lexicon = note.lexicon;
    this.f = note.f;
    this.sentences = note.sentences;
    this.occurrences = note.occurrences;
    this.occurrencesFrom = note.occurrencesFrom;
  }

  Found find() {
    for (int i = 0; i < sentences.size(); i++) {
      numbers(i);
    }
    int[] signs = dilationSigns.toArray();
    Arrays.sort(signs);
    return new Found(
        balloonSizes,
        lumenSizes,
        counts,
        inflationSeconds,
        sedationMinutes,
        clocks,
        procedureTimes,
        firstDilation,
        signs);
  }

  /**
   * A sign of this session's dilation at {@code at}. A title line names the dilation without saying
   * when it came, so it dates nothing.
   */
  private void dilationSign(int i, int at) {
    if (sentences.get(i).section() != Section.TITLE) {
      firstDilation = Math.min(firstDilation, at);
      dilationSigns.add(at);
    }
  }

  /** "The stoma was dilated with a finger": a dilation by hand, not the balloon's. */
  private boolean byHand(Sentence s) {
    return holds(s, "finger") || holds(s, "digital") || holds(s, "manual");
  }

  private boolean has(int sentence, Feature... wanted) {
    return note.has(sentence, wanted);
  }

  /**
   * Whether one of the feature's anchors starts a word of the sentence ("cre", not "increased").
   */
  private boolean hasWord(int sentence, Feature feature) {
    if (!note.has(sentence, feature)) {
      return false;
    }
    for (int k = occurrencesFrom[sentence]; k < occurrencesFrom[sentence + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & Lexicon.bit(feature)) != 0
          && occurrences.get(k + 1) == occurrences.get(k + 2)) {
        return true;
      }
    }
    return false;
  }

  private void numbers(int i) {
    Sentence s = sentences.get(i);
    boolean thisProcedure = s.section().describesThisProcedure();
    if (thisProcedure && has(i, Feature.DILATE) && !byHand(s)) {
      atAnchors(
          i,
          s,
          Lexicon.bit(Feature.DILATE),
          DILATION_ACT,
          m -> {
            // "She was dilated this morning", "was dilated 2 weeks ago": another session's
            // dilation, which must not make this session's stricture a result.
            if (!elsewhen(i, s, m.start()) && !anotherTime(s, m.end())) {
              dilationSign(i, m.start());
            }
          });
    }
    if (!has(i, Feature.DIGIT, Feature.NUMBER_WORD)) {
      return;
    }
    boolean units = has(i, Feature.UNIT);
    boolean counting =
        thisProcedure
            && has(i, Feature.DILATE, Feature.BALLOON, Feature.COUNT_WORD, Feature.CRE_TTS);
    boolean clocks = sedationContext(i);
    // Outside a sedation sentence, the times of the procedure itself ("Procedure time: 10:32 to
    // 10:46", "scope in 15:12, scope out 15:37") are kept apart: the note's sedation times when it
    // gives no others.
    boolean procedureClocks = !clocks && thisProcedure;
    List<Clock> into = clocks ? this.clocks : procedureTimes;
    long numberStarts = Lexicon.bit(Feature.DIGIT) | Lexicon.bit(Feature.NUMBER_WORD);
    boolean creOrTts = thisProcedure && hasWord(i, Feature.CRE_TTS);
    int lastStart = -1;
    int sizeEnd = -1;
    int durationEnd = -1;
    List<Value> found = counting ? new ArrayList<>() : List.of();
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & numberStarts) == 0
          || !note.startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart
          || (Character.isLetter(f.charAt(start)) && unitOfACompound(start, s.start()))) {
        continue;
      }
      lastStart = start;
      // Look at what follows the number before trying the patterns that start with one.
      int after = numberEnd(start, s.end());
      if (after == start) {
        continue;
      }
      char next = after < s.end() ? f.charAt(after) : ' ';
      int spaced = skipSpaces(after, s.end());
      char following = spaced < s.end() ? f.charAt(spaced) : ' ';
      int word = skipSpaceAndHyphen(after, s.end());
      char nextWord = word < s.end() ? f.charAt(word) : ' ';
      if (thisProcedure && start >= sizeEnd && creOrTts && "ct,/-\u2192".indexOf(following) >= 0) {
        Matcher m = q(BALLOON_BEFORE).region(start, s.end());
        if (m.lookingAt()) {
          sizeEnd = m.end();
          bareBalloon(i, s, m);
        }
      }
      // A unit, or a list of sizes going on: ", 16.5", "-19", "/18", "to 15", "and 18", "or".
      if (units && start >= sizeEnd && ",/-mcato\u2192".indexOf(following) >= 0) {
        // "15 mm", "16.5mm": read by index; a list of sizes or a number in words by the pattern.
        int plain = plainNumberEnd(start, s.end());
        int unitEnd = plain < 0 ? -1 : sizeUnitEnd(plain, s.end());
        if (unitEnd >= 0) {
          sizeEnd = unitEnd;
          List<Double> value = List.of(Quantities.parse(f.substring(start, plain)));
          size(i, s, thisProcedure, start, unitEnd, value, f.charAt(unitStart) == 'c');
        } else {
          Matcher m = q(SIZE).region(start, s.end());
          if (m.lookingAt()) {
            sizeEnd = m.end();
            List<Double> values = numbersIn(m.start(1), m.end(2));
            size(i, s, thisProcedure, m.start(), m.end(), values, m.group(3).charAt(0) == 'c');
          }
        }
      }
      if (start >= durationEnd && "smh".indexOf(nextWord) >= 0) {
        int plain = plainNumberEnd(start, s.end());
        int unitEnd = plain < 0 ? -1 : durationUnitEnd(plain, s.end());
        if (unitEnd >= 0) {
          durationEnd = unitEnd;
          String unit = f.substring(unitStart, unitEnd);
          double amount = Quantities.parse(f.substring(start, plain));
          duration(i, s, thisProcedure, start, unitEnd, unit, amount);
        } else {
          Matcher m = q(DURATION).region(start, s.end());
          if (m.lookingAt()) {
            durationEnd = m.end();
            duration(i, s, thisProcedure, m, m.group(1));
          }
        }
      }
      if (counting && Character.isLetter(nextWord) && countNounAfter(i, s, after)) {
        Matcher m = q(COUNT_NOUN).region(start, s.end());
        if (m.lookingAt()) {
          count(i, s, m, m.group(1), m.group(2), found);
        }
      }
      if ((clocks || procedureClocks) && Character.isDigit(f.charAt(start))) {
        if (next == ':') {
          Matcher m = q(CLOCK).region(start, s.end());
          if (m.lookingAt()) {
            clock(i, s, m, into);
          }
        } else if (after - start == 4) {
          Matcher m = q(MILITARY).region(start, s.end());
          if (m.lookingAt()) {
            military(i, s, m, into);
          }
        }
      }
    }
    if (thisProcedure && has(i, Feature.BALLOON)) {
      atAnchors(i, s, Lexicon.bit(Feature.BALLOON), BALLOON_BARE, m -> bareBalloon(i, s, m));
    }
    if (has(i, Feature.MINUTE)) {
      articleMinutes(i, s, thisProcedure);
    }
    if (counting) {
      counts(i, s, found);
    }
  }

  /** The end of the number (digits, a decimal, or a number word) starting at {@code at}. */
  private int numberEnd(int at, int limit) {
    int e = at;
    if (Character.isDigit(f.charAt(at))) {
      while (e < limit && Character.isDigit(f.charAt(e)) && e - at < 8) {
        e++;
      }
      if (e + 1 < limit && f.charAt(e) == '.' && Character.isDigit(f.charAt(e + 1))) {
        e++;
        while (e < limit && Character.isDigit(f.charAt(e)) && e - at < 12) {
          e++;
        }
      }
      return e;
    }
    while (e < limit && Character.isLetter(f.charAt(e)) && e - at < 20) {
      e++;
    }
    int unitEnd = compoundUnitEnd(at, e, limit);
    return unitEnd > 0 ? unitEnd : e;
  }

  private static final Set<String> TENS =
      Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
  private static final Set<String> UNITS =
      Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

  /**
   * Where "five" ends in "forty-five" / "forty five" when the tens word spans [at,e): a number in
   * words is one number, not "forty" and then "five seconds". -1 when it is not such a pair.
   */
  private int compoundUnitEnd(int at, int e, int limit) {
    if (e >= limit || (f.charAt(e) != '-' && f.charAt(e) != ' ')) {
      return -1;
    }
    if (!TENS.contains(f.substring(at, e))) {
      return -1;
    }
    int u = e + 1;
    int ue = u;
    while (ue < limit && Character.isLetter(f.charAt(ue)) && ue - u < 6) {
      ue++;
    }
    return ue > u && UNITS.contains(f.substring(u, ue)) ? ue : -1;
  }

  /** Whether the number word at {@code at} is the "five" of "forty-five". */
  private boolean unitOfACompound(int at, int lineStart) {
    if (at - 2 < lineStart || (f.charAt(at - 1) != '-' && f.charAt(at - 1) != ' ')) {
      return false;
    }
    int b = at - 1;
    int a = b;
    while (a > lineStart && Character.isLetter(f.charAt(a - 1)) && b - a < 8) {
      a--;
    }
    return a < b && TENS.contains(f.substring(a, b));
  }

  private int skipSpaces(int at, int limit) {
    int j = at;
    while (j < limit && j - at < 8 && (f.charAt(j) == ' ' || f.charAt(j) == '\n')) {
      j++;
    }
    return j;
  }

  private int skipSpaceAndHyphen(int at, int limit) {
    int j = at;
    while (j < limit
        && j - at < 8
        && (f.charAt(j) == ' ' || f.charAt(j) == '-' || f.charAt(j) == '\n')) {
      j++;
    }
    return j;
  }

  /**
   * Runs quantity pattern {@code pattern} at the start of each word of sentence {@code i} that
   * holds an anchor of the given features (numbers start at a digit or a number word), never inside
   * an earlier match.
   */
  private void atAnchors(
      int i, Sentence s, long wanted, int pattern, java.util.function.Consumer<Matcher> onMatch) {
    Matcher m = null;
    int lastStart = -1;
    int lastEnd = -1;
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & wanted) == 0 || !note.startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart || start < lastEnd) {
        continue;
      }
      lastStart = start;
      if (m == null) {
        m = q(pattern);
      }
      m.region(start, s.end());
      if (m.lookingAt()) {
        lastEnd = m.end();
        onMatch.accept(m);
      }
    }
  }

  /** Balloon sizes written without a unit, next to the balloon's name: millimetres. */
  private void bareBalloon(int i, Sentence s, Matcher m) {
    if (elsewhen(i, s, m.start())) {
      return;
    }
    List<Double> values = numbersIn(m.start(1), m.end(2));
    for (double mm : values) {
      if (mm >= 5 && mm <= 40) {
        balloonSizes.add(new Value(mm, i, m.start(), m.end(), false));
        dilationSign(i, m.start());
      }
    }
  }

  /** The size (or list of sizes) {@code values} written at [start, end), in mm or in cm. */
  private void size(
      int i,
      Sentence s,
      boolean thisProcedure,
      int start,
      int end,
      List<Double> values,
      boolean cm) {
    if (!thisProcedure || elsewhen(i, s, start)) {
      return;
    }
    Quantities.SizeKind kind = Quantities.classifySize(f, s, start, end, values.size() == 1, cm);
    double factor = cm ? 10 : 1;
    switch (kind) {
      case BALLOON -> {
        for (double v : values) {
          double mm = v * factor;
          if (mm >= 5 && mm <= 40) {
            balloonSizes.add(new Value(mm, i, start, end, false));
            dilationSign(i, start);
          }
        }
      }
      case LUMEN, LUMEN_FROM -> {
        double mm = lumenOf(values, kind) * factor;
        if (mm >= 0.5 && mm <= 40) {
          lumenSizes.add(new Value(mm, i, start, end, kind == Quantities.SizeKind.LUMEN_FROM));
        }
      }
      default -> {
        // a distance, a length, a scope, a polyp: not ours
      }
    }
  }

  /**
   * The lumen a size or list of sizes states: a hedged range ("7-8 mm", "6 or 7 mm", "13 to 14 mm")
   * is read as its upper end, as clinicians read their own estimates; a list that moves further ("8
   * -> 13 mm", "dilated from 8 to 15 mm") states the lumen before at its start.
   */
  private static double lumenOf(List<Double> values, Quantities.SizeKind kind) {
    double first = values.get(0);
    if (kind == Quantities.SizeKind.LUMEN && values.size() == 2) {
      double second = values.get(1);
      if (second > first && second - first <= 3) {
        return second;
      }
    }
    return first;
  }

  /** Where the unit read by {@link #sizeUnitEnd} or {@link #durationUnitEnd} starts. */
  private int unitStart;

  private static final String[] SIZE_UNITS = {
    "mm",
    "millimeters",
    "millimeter",
    "millimetres",
    "millimetre",
    "cm",
    "centimeters",
    "centimeter",
    "centimetres",
    "centimetre"
  };

  /**
   * The units of {@link Quantities#DURATION}, in the order (and with the optional "s") it tries.
   */
  private static final String[] DURATION_UNITS = {
    "seconds", "second", "secs", "sec", "s", "minutes", "minute", "mins", "min", "hours", "hour",
    "hrs", "hr"
  };

  /**
   * The end of the number at {@code start} as the digit form of {@link Quantities#NUM} reads it
   * (one to three digits, one or two decimals, no digit right after, no word character or point
   * right before), or -1 when it is not such a number: then the caller asks the pattern.
   */
  private int plainNumberEnd(int start, int limit) {
    if (start > 0) {
      char before = f.charAt(start - 1);
      if (before == '.' || before == '_' || isAsciiLetterOrDigit(before)) {
        return -1;
      }
    }
    int e = start;
    while (e < limit && isAsciiDigit(f.charAt(e)) && e - start < 4) {
      e++;
    }
    if (e - start < 1 || e - start > 3) {
      return -1;
    }
    if (e + 1 < limit && f.charAt(e) == '.' && isAsciiDigit(f.charAt(e + 1))) {
      int d = e + 1;
      while (d < limit && isAsciiDigit(f.charAt(d)) && d - e <= 3) {
        d++;
      }
      if (d - e - 1 > 2) {
        return -1;
      }
      e = d;
    }
    return e < f.length() && isAsciiDigit(f.charAt(e)) ? -1 : e;
  }

  /**
   * After a plain number: the end of a unit of size right after it ("15 mm", "15-mm", "15mm"),
   * setting {@link #unitStart}; -1 when something else follows (a list goes on, no unit).
   */
  private int sizeUnitEnd(int at, int limit) {
    int u = skipSpaceHyphenSpace(at, limit);
    char c = u < limit ? f.charAt(u) : ' ';
    if (c != 'm' && c != 'c') {
      // A list separator or anything else: the pattern decides.
      return -1;
    }
    return unitAt(u, limit, SIZE_UNITS);
  }

  /** As {@link #sizeUnitEnd} for a duration unit ("45 sec", "60-second", "1 min"). */
  private int durationUnitEnd(int at, int limit) {
    return unitAt(skipSpaceHyphenSpace(at, limit), limit, DURATION_UNITS);
  }

  /** The first of {@code units} written at {@code u} and ending a word; -1 when none. */
  private int unitAt(int u, int limit, String[] units) {
    for (String unit : units) {
      int end = u + unit.length();
      if (end <= limit && f.startsWith(unit, u) && !isWordCharAt(end)) {
        unitStart = u;
        return end;
      }
    }
    return -1;
  }

  /** {@code \s*-?\s*} of the patterns: spaces, one optional hyphen, spaces. */
  private int skipSpaceHyphenSpace(int at, int limit) {
    int j = at;
    while (j < limit && (f.charAt(j) == ' ' || f.charAt(j) == '\n')) {
      j++;
    }
    if (j < limit && f.charAt(j) == '-') {
      j++;
      while (j < limit && (f.charAt(j) == ' ' || f.charAt(j) == '\n')) {
        j++;
      }
    }
    return j;
  }

  /** Whether a regex word boundary would see a word character at {@code i} (none past the end). */
  private boolean isWordCharAt(int i) {
    if (i >= f.length()) {
      return false;
    }
    char c = f.charAt(i);
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Whether a count noun ("inflations", "dilatations", "passes", "cycles") may follow the number
   * ending at {@code after}: its anchor stands later in the sentence. A cheap test before the count
   * pattern.
   */
  private boolean countNounAfter(int i, Sentence s, int after) {
    long nouns = Lexicon.bit(Feature.DILATE) | Lexicon.bit(Feature.PASSAGE);
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if (occurrences.get(k + 1) >= after
          && (lexicon.featuresByAnchor[occurrences.get(k)] & nouns) != 0) {
        return true;
      }
    }
    return holdsFrom(after, s.end(), "cycles") || holdsFrom(after, s.end(), "infl");
  }

  private List<Double> numbersIn(int from, int to) {
    List<Double> values = new ArrayList<>();
    Matcher number = q(NUMBER).region(from, to);
    while (number.find()) {
      double v = Quantities.parse(number.group());
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    return values;
  }

  private void duration(int i, Sentence s, boolean thisProcedure, Matcher m, String amount) {
    duration(i, s, thisProcedure, m.start(), m.end(), m.group(2), Quantities.parse(amount));
  }

  /** "a minute", "a full minute", "half a minute": durations with no number. */
  private void articleMinutes(int i, Sentence s, boolean thisProcedure) {
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & Lexicon.bit(Feature.MINUTE)) == 0
          || !note.startsItsWord(k)) {
        continue;
      }
      int at = occurrences.get(k + 2);
      if (!f.startsWith("minute", at)) {
        continue;
      }
      TokenCursor c = new TokenCursor(f, s.start(), at, at);
      if (!c.prev()) {
        continue;
      }
      if (c.is("full") && !c.prev()) {
        continue;
      }
      if (c.is("a") || c.is("an")) {
        int start = c.start();
        double amount = c.prev() && c.is("half") ? 0.5 : 1;
        int end = at + (f.startsWith("minutes", at) ? 7 : 6);
        duration(i, s, thisProcedure, start, end, "minute", amount);
      }
    }
  }

  private void duration(
      int i, Sentence s, boolean thisProcedure, int start, int end, String unit, double v) {
    if (Double.isNaN(v) || !thisProcedure || elsewhen(i, s, start)) {
      return;
    }
    boolean seconds = unit.charAt(0) == 's';
    double secs = unit.charAt(0) == 'h' ? v * 3600 : unit.charAt(0) == 'm' ? v * 60 : v;
    Quantities.DurationKind kind = Quantities.classifyDuration(f, s, start, end);
    if (kind == Quantities.DurationKind.INFLATION && secs >= 3 && secs <= 600) {
      inflationSeconds.add(new Value(secs, i, start, end, false));
      dilationSign(i, start);
    } else if (kind == Quantities.DurationKind.SEDATION && !seconds) {
      double minutes = secs / 60;
      if (minutes >= 1 && minutes <= 600) {
        sedationMinutes.add(new Value(minutes, i, start, end, false));
      }
    }
  }

  private static final Pattern PER_SIZE =
      Rx.compile("\\s+(?:at\\s+)?(?:each|per)\\s+(?:size|diameter|stage|step|balloon)\\b");

  /** The counts that do not start with a number ("x3", "inflated twice", "Inflations: 2"). */
  private void counts(int i, Sentence s, List<Value> found) {
    atAnchors(
        i,
        s,
        Lexicon.bit(Feature.TIMES_X),
        COUNT_TIMES,
        m -> {
          if (!holds(s, "biops")) {
            count(i, s, m, m.group(1), null, found);
          }
        });
    atAnchors(
        i,
        s,
        Lexicon.bit(Feature.COUNT_VERB),
        COUNT_VERB,
        m -> {
          for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
              count(i, s, m, m.group(g), null, found);
              return;
            }
          }
        });
    atAnchors(
        i,
        s,
        Lexicon.bit(Feature.COUNT_LABEL),
        COUNT_LABEL,
        m -> count(i, s, m, m.group(1), null, found));
    found.sort(Comparator.comparingInt(Value::start));
    for (Value v : found) {
      counts.add(v);
      dilationSign(i, v.start());
    }
  }

  private void count(int i, Sentence s, Matcher m, String number, String noun, List<Value> found) {
    double n = Quantities.parse(oneSpace(number));
    // "3 inflation" is no count, but the terse "3 infl" is one.
    if (noun != null && !noun.endsWith("s") && !noun.equals("infl") && n != 1) {
      return;
    }
    if (n == 1 && PER_SIZE.matcher(f).region(m.end(), s.end()).lookingAt()) {
      // "one inflation at each size": the sizes count them
      return;
    }
    if (n >= 1 && n <= 20 && !elsewhen(i, s, m.start())) {
      found.add(new Value(n, i, m.start(), m.end(), false));
    }
  }

  /** "a\n single" as "a single", without a regex (the text is folded: ' ' and '\n' only). */
  private static String oneSpace(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == '\n' || (c == ' ' && i + 1 < number.length() && number.charAt(i + 1) == ' ')) {
        StringBuilder b = new StringBuilder(number.length());
        boolean space = false;
        for (int j = 0; j < number.length(); j++) {
          char d = number.charAt(j) == '\n' ? ' ' : number.charAt(j);
          if (d != ' ' || !space) {
            b.append(d);
          }
          space = d == ' ';
        }
        return b.toString();
      }
    }
    return number;
  }

  /** Whether the sentence holds {@code word}; looks no further than the sentence. */
  private boolean holds(Sentence s, String word) {
    return holdsFrom(s.start(), s.end(), word);
  }

  private boolean holdsFrom(int from, int to, String word) {
    char first = word.charAt(0);
    for (int j = from; j + word.length() <= to; j++) {
      if (f.charAt(j) == first && f.startsWith(word, j)) {
        return true;
      }
    }
    return false;
  }

  /** A sentence where a clock time is a sedation time. */
  private boolean sedationContext(int i) {
    Sentence s = sentences.get(i);
    if (s.section().isSedation() || has(i, Feature.SEDATION)) {
      return s.section().describesThisProcedure();
    }
    // "Moderate sedation, midazolam 5 mg. Start 10:12. End 10:55.": the times follow on.
    boolean beside =
        (i > 0 && (has(i - 1, Feature.SEDATION) || lastSedationClockSentence == i - 1))
            || (i + 1 < sentences.size() && has(i + 1, Feature.SEDATION));
    return beside && has(i, Feature.CLOCK) && !has(i, Feature.OTHER_CLOCK);
  }

  private void clock(int i, Sentence s, Matcher m, List<Clock> into) {
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    String ampm = m.group(3);
    if (ampm != null) {
      if (ampm.charAt(0) == 'p' && h < 12) {
        h += 12;
      } else if (ampm.charAt(0) == 'a' && h == 12) {
        h = 0;
      }
    }
    Clock.Role role = roleBefore(s, m.start(), into == procedureTimes);
    if (role != null) {
      into.add(new Clock(h * 60 + min, role, i, m.start(), m.end()));
      if (into == clocks) {
        lastSedationClockSentence = i;
      }
    }
  }

  private void military(int i, Sentence s, Matcher m, List<Clock> into) {
    if (into == procedureTimes
        && !has(i, Feature.CLOCK)
        && !has(i, Feature.OTHER_CLOCK)
        && identifierBefore(s, m.start())) {
      // "Lot number 2010-2020": a number, not a time
      return;
    }
    Clock.Role role = roleBefore(s, m.start(), into == procedureTimes);
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    if ((role == Clock.Role.ANY || role == Clock.Role.START) && m.group(3) == null) {
      Clock stop = rangeStop(i, s, m.end(), h * 60 + min);
      if (stop != null) {
        into.add(new Clock(h * 60 + min, Clock.Role.START, i, m.start(), m.end()));
        into.add(stop);
        if (into == clocks) {
          lastSedationClockSentence = i;
        }
        return;
      }
    }
    if (role == null || (role == Clock.Role.ANY && m.group(3) == null)) {
      return;
    }
    into.add(new Clock(h * 60 + min, role, i, m.start(), m.end()));
    if (into == clocks) {
      lastSedationClockSentence = i;
    }
  }

  /**
   * Whether a four-digit time is the start of a range of two ("0912-0940", "1420 - 1451"): in a
   * sedation sentence that is a start and stop time. Returns the stop, or null.
   */
  private Clock rangeStop(int i, Sentence s, int end, int minutes) {
    int j = end;
    while (j < s.end() && f.charAt(j) == ' ') {
      j++;
    }
    int joined = rangeJoin(j, s.end());
    if (joined < 0) {
      return null;
    }
    j = joined;
    while (j < s.end() && f.charAt(j) == ' ') {
      j++;
    }
    Matcher other = Quantities.MILITARY.matcher(f).region(j, s.end());
    if (!other.lookingAt()) {
      return null;
    }
    int stop = Integer.parseInt(other.group(1)) * 60 + Integer.parseInt(other.group(2));
    int u = skipSpaces(other.end(), s.end());
    if (unitAt(u, s.end(), SIZE_UNITS) >= 0) {
      // "stricture 1420-1451 cm" is no time
      return null;
    }
    boolean plausible = stop > minutes && stop - minutes <= 600;
    return plausible ? new Clock(stop, Clock.Role.STOP, i, other.start(), other.end()) : null;
  }

  /** Where the second time of a range starts after "-", "to", "until", "till" or "through". */
  private int rangeJoin(int j, int end) {
    if (j < end && f.charAt(j) == '-') {
      return j + 1;
    }
    for (String w : RANGE_WORDS) {
      if (f.startsWith(w, j) && j + w.length() < end && f.charAt(j + w.length()) == ' ') {
        return j + w.length();
      }
    }
    return -1;
  }

  private static final WordSet IDENTIFIER =
      WordSet.of(
          "number", "no", "lot", "id", "mrn", "ref", "serial", "model", "code", "catalog", "phone",
          "ext", "room", "bed", "batch", "#");

  /** Whether the word right before {@code at} names an identifier ("lot 2010-2020"). */
  private boolean identifierBefore(Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    while (c.prev()) {
      if (c.isWord()) {
        return c.in(IDENTIFIER);
      }
      if (c.punct() == '#') {
        return true;
      }
    }
    return false;
  }

  private static final String[] RANGE_WORDS = {"to", "until", "till", "through", "thru"};

  /** Words naming the procedure's own time, which stand for sedation times when none is given. */
  private static final WordSet PROCEDURE_CLOCK =
      WordSet.of("procedure", "scope", "intra-procedure", "intraprocedure", "procedural");

  /**
   * START or STOP from the words just before a time, ANY when none says; null when the time belongs
   * to something else ("withdrawal 09:30", and "procedure start 09:10" unless {@code procedure}).
   */
  private Clock.Role roleBefore(Sentence s, int at, boolean procedure) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    Clock.Role role = null;
    for (int k = 0; k < 4 && c.prev(); k++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '-' && k == 0 && role == null) {
          role = Clock.Role.STOP;
        }
        if (c.punct() == ',' || c.punct() == ';') {
          break;
        }
        continue;
      }
      if (role == null && c.in(CLOCK_START)) {
        role = Clock.Role.START;
      } else if (role == null && c.in(CLOCK_STOP)) {
        role = Clock.Role.STOP;
      } else if (w.equals("at") || w.equals("time") || w.equals("times") || c.isNumber()) {
        continue;
      } else if (w.startsWith("sedat") || w.startsWith("intraservice") || w.startsWith("an")) {
        break;
      } else if (procedure && c.in(PROCEDURE_CLOCK)) {
        continue;
      } else if (c.in(OTHER_CLOCK)) {
        return null;
      }
    }
    return role == null ? Clock.Role.ANY : role;
  }

  /**
   * Whether the words right after a dilation verb say when it happened, and that is not now: "this
   * morning", "2 weeks ago", "last month", "at the previous visit". Up to the end of the clause.
   */
  private boolean anotherTime(Sentence s, int end) {
    TokenCursor ahead = new TokenCursor(f, end, s.end(), end);
    for (int k = 0; k < 6 && ahead.next(); k++) {
      if (!ahead.isWord()) {
        char p = ahead.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')' || p == '.') {
          return false;
        }
        continue;
      }
      if (ahead.in(ANOTHER_TIME)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the words around {@code at} in its clause put it in the past or future. */
  private boolean elsewhen(int i, Sentence s, int at) {
    if (!has(i, Feature.ELSEWHEN_CUE)) {
      // None of the words looked for below is anywhere in the sentence.
      return false;
    }
    TokenCursor ahead = new TokenCursor(f, at, s.end(), at);
    for (int k = 0; k < 8 && ahead.next(); k++) {
      if (!ahead.isWord()) {
        char p = ahead.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          break;
        }
        continue;
      }
      if (ahead.in(LATER)) {
        return true;
      }
    }
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    boolean beforeTo = false;
    String afterWould = null;
    for (int k = 0; k < 15 && c.prev(); k++) {
      if (!c.isWord()) {
        char p = c.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          return false;
        }
        beforeTo = false;
        continue;
      }
      if (c.is("would") && afterWould != null && HEDGED_ESTIMATE.contains(afterWould)) {
        // "a lumen I would estimate at about 6 mm": a hedge on this procedure's size
        afterWould = null;
        continue;
      }
      if (c.in(ELSEWHEN) || (c.is("prior") && !beforeTo)) {
        return true;
      }
      beforeTo = c.is("to");
      afterWould = c.word();
    }
    return false;
  }

  /** A quantity matcher; its look-behinds see the text before its region (a number's left). */
  private Matcher q(int which) {
    Matcher m = quantity[which];
    if (m == null) {
      m = note.scratch.matcher(QUANTITY_PATTERNS[which], true);
      quantity[which] = m;
    }
    return m;
  }
}
