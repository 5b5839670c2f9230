package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many inflations a note states when it does not say it in one number: counts given balloon by
 * balloon ("10 mm balloon x 1, then 12 mm balloon x 1") add up, and sizes listed after an inflation
 * ("inflated to 15, 16.5 and 18 mm", "inflated at 12 mm (1 min), 13.5 mm (1 min) and 15 mm") are
 * one inflation each.
 */
final class InflationCounts {

  private InflationCounts() {}

  /** Counts further apart than this many sentences are not one account of the dilation. */
  private static final int CHAIN_GAP = 2;

  /**
   * The sum of the counts stated for different balloons one after another, starting with {@code
   * first}; {@code first}'s own count when the next count is for the same balloon (a summary
   * repeating the description) or stands apart.
   */
  static int summed(
      String f, List<Sentence> sentences, List<Value> counts, List<Value> balloons, Value first) {
    int at = counts.indexOf(first);
    double sum = first.value();
    double key = balloonBefore(balloons, first);
    Value last = first;
    for (int k = at + 1; k < counts.size(); k++) {
      Value next = counts.get(k);
      if (next.start() < last.end()) {
        // "13.5 mm x 2 inflations": one count read twice, as "x 2" and as "2 inflations"
        continue;
      }
      double nextKey = balloonBefore(balloons, next);
      // "Str #1: 15mm x2. Str #2: 15-16.5-18 x1 ea.": a second stricture named between two
      // counts makes them two stricture's counts, whatever their balloons read as
      boolean another = anotherStrictureBetween(f, last, next);
      // a stricture named between them may take its own lines ("2. Stricture at 30 cm (sigmoid?
      // no - descending), lumen ... 15 mm balloon, 1 inflation.")
      if (next.sentence() - last.sentence() > (another ? CHAIN_GAP + 2 : CHAIN_GAP)
          || sentences.get(next.sentence()).section() != sentences.get(last.sentence()).section()
          || !another && (Double.isNaN(key) || Double.isNaN(nextKey) || nextKey == key)) {
        break;
      }
      sum += next.value();
      key = nextKey;
      last = next;
    }
    return (int) sum;
  }

  /**
   * A second stricture named between two counts: its counts add up even with the same balloon
   * ("Stricture A: 15 mm balloon x2. Stricture B: 15 mm balloon x1").
   */
  private static final AnchoredPattern ANOTHER_STRICTURE =
      AnchoredPattern.compile(
          "\\b(?:strictures?|stenos[ie]s|narrowings?|sites?|lesions?|stx|str)\\s*(?:#\\s*)?(?:[2-9]|b|ii|two)\\b"
              + "|\\b(?:second|other|next|another|2nd|distal|proximal)\\s+(?:strictures?|stenos[ie]s|stx"
              + "|narrowings?|sites?|lesions?|one)\\b|(?<![\\w#])#\\s*[2-9]\\b"
              // a numbered list of strictures: " 2. Stricture at 30 cm"
              + "|(?m)^\\s*[2-9][.)]\\s+(?:[a-z]+\\s+){0,2}?(?:strictures?|stenos[ie]s|narrowings?|sites?"
              + "|lesions?)\\b"
              // "(2) ILEUM at 20 cm: short stricture", a table's second row "2 | Site: 22 cm |
              // ...":
              // an item numbered on its line that goes on to name a stricture or its site
              + "|(?m)^\\s*(?:\\(\\s*[2-9]\\s*\\)|[2-9](?:[.)]|[ \\t]))[^\\n]{0,60}?\\b(?:strictures?|stenos[ie]s"
              + "|narrowings?|sites?|rings?|anastomos[ie]s)\\b");

  private static boolean anotherStrictureBetween(String f, Value last, Value next) {
    return last.end() < next.start()
        && ANOTHER_STRICTURE.finder(f).region(last.end(), next.start()).find();
  }

  /**
   * The balloon size stated last before the end of {@code count} in its sentence or the one before
   * it: a count said size by size ("16.5mm x2 then 18mm x2") is the last size's, so that a total
   * after it ("= 4 infl") is not added to it.
   */
  private static double balloonBefore(List<Value> balloons, Value count) {
    double size = Double.NaN;
    int at = -1;
    for (Value b : balloons) {
      // the nearest before it: sizes are not all listed in note order
      if (b.start() < count.end()
          && b.end() <= count.end()
          && b.sentence() >= count.sentence() - 1
          && b.start() > at) {
        size = b.value();
        at = b.start();
      }
    }
    return size;
  }

  /**
   * The count given by the balloon sizes listed after an inflation in one sentence, when there are
   * two or more of them; null when no sentence lists them so. Its span runs from the inflation word
   * to the last size.
   */
  static Value listed(String f, List<Sentence> sentences, List<Value> balloons) {
    Value stepped = CountShapes.steps(f, sentences, balloons);
    if (stepped != null
        && !DilatedInTurn.rangeOfTwo(f, sentences.get(stepped.sentence()), stepped.value())) {
      return stepped;
    }
    for (int i = 0; i < balloons.size(); i++) {
      Value b = balloons.get(i);
      Sentence s = sentences.get(b.sentence());
      if (s.section() == Section.TITLE) {
        continue;
      }
      int actStart = inflationBefore(f, s, b);
      // the sizes from this one on in its sentence ("inflated to 12, 13.5 and 15 mm"; "at 12 mm (1
      // min), 13.5 mm (1 min) and 15 mm"), not a balloon's name read again before them
      int n = 0;
      int end = b.end();
      for (Value v : balloons) {
        if (v.sentence() == b.sentence() && v.start() >= b.start()) {
          n++;
          end = Math.max(end, v.end());
        }
      }
      int chained = chained(f, balloons, i, THEN_LINK);
      if (actStart < 0 && chained >= 2) {
        // "Balloon 10 mm then 12 mm, 60 s each", "10 mm TTS balloon, then 12 mm balloon, 1 minute
        // each": one inflation each; without the "each" the count is not said
        Value last = balloons.get(i + chained - 1);
        Matcher name = BALLOON_NAME.matcher(f).region(last.end(), s.end());
        int each = eachAfter(f, s, name.lookingAt() ? name.end() : last.end());
        if (each >= 0) {
          return new Value(chained, b.sentence(), b.start(), each, false);
        }
        if (oneBalloonSteps(f, s, balloons, i, chained)
            || dilatedWith(f, s, b)
            || DilatedInTurn.held(f, b.end(), balloons.get(i + 1).start())) {
          // "a 6 mm balloon was inflated for 30 seconds, then an 8 mm balloon": a size held for
          // its own time before the next is an inflation
          // rule 17: "dilated with a 6 mm balloon then 8 mm", "DILATED WITH 12 MM BALLOON THEN
          // 15 MM BALLOON": the sizes dilated in turn, one inflation each
          // "TTS balloon 12 mm, then 13.5 mm, then 15 mm": one balloon taken up step by step,
          // each step an inflation ("12 mm balloon then 15 mm balloon" names balloons, not steps)
          return new Value(chained, b.sentence(), b.start(), last.end(), false);
        }
      }
      if (actStart < 0 && (progression(f, b) || chained(f, balloons, i, ARROW_LINK) >= 2)) {
        // "Balloon sizes: 10 mm -> 11 mm -> 12 mm", "12 -> 13.5 -> 15 mm": one inflation a step
        int steps = Math.max(chained(f, balloons, i, ARROW_LINK), sameSpan(balloons, b));
        if (eachAfter(f, s, b.end()) >= 0) {
          // "10 mm balloon, then 11, then 12 - one inflation each": every size so far
          steps = Math.max(steps, sizesUpTo(balloons, b));
        }
        if (DilatedInTurn.rangeOfTwo(f, s, steps)) {
          steps = 0;
        }
        if (steps >= 2) {
          Value last = balloons.get(i + chained(f, balloons, i, ARROW_LINK) - 1);
          return new Value(steps, b.sentence(), b.start(), Math.max(last.end(), b.end()), false);
        }
      }
      if (actStart < 0) {
        // "balloon 15, 16.5, 18 mm, 60 s each", "12 mm, 13.5 mm and 15 mm balloons, one
        // inflation each": the sizes up to here in the sentence, each an inflation
        end = eachAfter(f, s, b.end());
        actStart = end < 0 ? -1 : b.start();
        n = end < 0 ? 0 : sizesUpTo(balloons, b);
      }
      if (actStart >= 0 && n >= 2 && !(n == 2 && RANGE.matcher(f).region(b.start(), end).find())) {
        // "stepwise dilation 12 to 18 mm" gives the ends of a range, not its steps
        return new Value(n, b.sentence(), actStart, end, false);
      }
    }
    return DilatedInTurn.acrossSentences(f, sentences, balloons);
  }

  /**
   * How many sizes from {@code balloons[i]} on, in its sentence, follow one another joined by
   * {@code link}: "then" ("10 mm then 12 mm", "10 mm TTS balloon, then a 12 mm balloon") or an
   * arrow ("10 mm -> 11 mm"); 1 when none do.
   */
  private static int chained(String f, List<Value> balloons, int i, Pattern link) {
    int n = 1;
    for (int j = i + 1; j < balloons.size(); j++) {
      Value prev = balloons.get(j - 1);
      Value next = balloons.get(j);
      if (next.sentence() != prev.sentence()
          || next.start() < prev.end()
          || !link.matcher(f).region(prev.end(), next.start()).matches()) {
        break;
      }
      n++;
    }
    return n;
  }

  /**
   * Whether the sizes chained by "then" from {@code balloons[i]} are steps of one balloon named
   * before the first: the first is a size of its own (not a list's), and no link names a balloon.
   */
  private static boolean oneBalloonSteps(
      String f, Sentence s, List<Value> balloons, int i, int chained) {
    Value first = balloons.get(i);
    if (sameSpan(balloons, first) != 1
        || !NAMED_BEFORE.finder(f).region(s.start(), first.start()).find()) {
      return false;
    }
    for (int j = i + 1; j < i + chained; j++) {
      if (f.substring(balloons.get(j - 1).end(), balloons.get(j).start()).contains("balloon")) {
        return false;
      }
    }
    return !f.substring(balloons.get(i + chained - 1).end(), s.end()).startsWith(" balloon");
  }

  /** Whether the dilation itself names the first size: "dilated with a 12 mm balloon then ...". */
  private static boolean dilatedWith(String f, Sentence s, Value first) {
    return DILATED_WITH
        .finder(f)
        .region(Math.max(s.start(), first.start() - 40), first.start())
        .find();
  }

  private static final AnchoredPattern DILATED_WITH =
      AnchoredPattern.compile(
          "\\b(?:dilated|dilatated|inflated|dilation|dilatation)\\s+(?:(?:sequentially|serially|first"
              + "|successively)\\s+)?(?:with|using)\\s+(?:an?\\s+|the\\s+)?(?:(?:tts|cre)\\s+)?"
              + "(?:balloons?\\s+)?$");

  private static final AnchoredPattern NAMED_BEFORE =
      AnchoredPattern.compile("\\b(?:balloon|cre|tts)\\b");

  /** Whether a list of sizes is written as steps: "12 -> 13.5 -> 15", "12 then 15". */
  private static boolean progression(String f, Value b) {
    String written = f.substring(b.start(), b.end());
    return written.contains(">") || written.contains("\u2192") || written.contains("then");
  }

  /** How many different sizes its sentence states up to the end of {@code b}. */
  private static int sizesUpTo(List<Value> balloons, Value b) {
    java.util.Set<Double> sizes = new java.util.HashSet<>();
    for (Value v : balloons) {
      if (v.sentence() == b.sentence() && v.end() <= b.end()) {
        sizes.add(v.value());
      }
    }
    return sizes.size();
  }

  /** How many values share {@code b}'s span: the sizes of one written list. */
  private static int sameSpan(List<Value> balloons, Value b) {
    int n = 0;
    for (Value v : balloons) {
      n += v.start() == b.start() && v.end() == b.end() ? 1 : 0;
    }
    return n;
  }

  /** Two sizes joined as a range's ends: "12 to 18 mm", "from 12 up to 18 mm". */
  private static final Pattern RANGE =
      Rx.compile("\\d\\s*(?:mm\\s*)?(?:up\\s+)?(?:to|through|thru)\\s+\\d");

  private static final Pattern ARROW_LINK = Rx.compile("\\s*" + StepResult.ARROW + "\\s*");

  /**
   * What stands between two sizes a "then" joins: the unit and balloon's name, "then", an article.
   */
  private static final Pattern BALLOON_NAME =
      Rx.compile("\\s*(?:mm\\b|millimet(?:er|re)s?\\b)?\\s*(?:(?:tts|cre)\\s+)?balloons?\\b");

  private static final Pattern THEN_LINK =
      Rx.compile(
          "\\s*(?:mm\\b|millimet(?:er|re)s?\\b)?\\s*(?:(?:tts|cre)\\s+)?(?:balloons?\\b)?\\s*"
              // "A 10 MM BALLOON WAS INFLATED, THEN 11 MM, THEN 12 MM, EACH FOR 1 MINUTE"
              + "(?:(?:was|were)\\s+(?:first\\s+)?(?:inflated|used|dilated)\\b\\s*)?"
              // "a 6 mm balloon was inflated for 30 seconds, then an 8 mm balloon"
              + "(?:for\\s+"
              + QuantityPatterns.NUM
              + "\\s*-?\\s*(?:s|secs?|seconds?|mins?|minutes?)\\b\\s*)?"
              + "(?:first\\s*)?,?\\s*(?:and\\s+)?(?:then|followed\\s+by|finally|lastly)\\s+(?:(?:an?|the)\\s+)?"
              + "(?:(?:tts|cre)\\s+)?(?:balloon\\s+)?(?:(?:to|at)\\s+)?");

  /**
   * The balloon sizes the dilation reached. A staged balloon's name lists the sizes it can take
   * ("15-16.5-18 mm CRE balloon"); when the note also states sizes reached ("inflated to 16.5 mm",
   * "-> 18"), those are the sizes, and the name's others were not used. A note that only names the
   * balloon keeps its sizes.
   */
  static List<Value> reached(String f, List<Sentence> sentences, List<Value> balloons) {
    List<Value> stated = new java.util.ArrayList<>();
    List<Value> named = new java.util.ArrayList<>();
    for (int i = 0; i < balloons.size(); ) {
      int j = i;
      while (j < balloons.size()
          && balloons.get(j).start() == balloons.get(i).start()
          && balloons.get(j).end() == balloons.get(i).end()) {
        j++;
      }
      List<Value> span = balloons.subList(i, j);
      String written = f.substring(span.get(0).start(), span.get(0).end());
      boolean progression =
          written.contains(">") || written.contains("\u2192") || written.contains("then");
      boolean aName =
          span.size() >= 2 && !progression && !afterAnInflation(f, sentences, span.get(0));
      (aName ? named : stated).addAll(span);
      i = j;
    }
    // "Balloon 12 -> 13.5 -> 15 mm" is read whole and as "Balloon 12": a size inside a list's
    // span is that list's, not a statement of its own.
    stated.removeIf(v -> within(v, named) || within(v, stated));
    // "Inflation to 15 mm was not attempted": a size the balloon was not taken to
    stated.removeIf(
        v -> NOT_TAKEN.matcher(f).region(v.end(), Math.min(f.length(), v.end() + 48)).lookingAt());
    return BalloonCorrections.spokenBack(
        f, stated.isEmpty() || named.isEmpty() ? balloons : stated);
  }

  private static final Pattern NOT_TAKEN =
      Rx.compile(
          "\\s*(?:mm\\b|millimet(?:er|re)s?\\b)?\\s*(?:(?:tts|cre)\\s+)?(?:balloon\\s+)?(?:inflation\\s+)?"
              + "(?:(?:was|were|is)\\s+)?(?:not|never)\\s+(?:attempted|used|needed|required|inflated|performed"
              + "|done|reached|tried)\\b");

  /** Whether a single size's span lies inside a longer span of the list (not its own). */
  private static boolean within(Value v, List<Value> others) {
    for (Value o : others) {
      if (o != v
          && o.start() <= v.start()
          && o.end() >= v.end()
          && (o.end() - o.start()) > (v.end() - v.start())) {
        return true;
      }
    }
    return false;
  }

  private static boolean afterAnInflation(String f, List<Sentence> sentences, Value b) {
    Sentence s = sentences.get(b.sentence());
    return inflationBefore(f, s, b) >= 0 || eachAfter(f, s, b.end()) >= 0;
  }

  /**
   * Where a per-inflation word right after a list of sizes ends ("15, 16.5, 18 mm, 60 s each",
   * "..., 1 minute per stage"), or -1: the sizes were inflations, one each.
   */
  private static int eachAfter(String f, Sentence s, int listEnd) {
    Matcher each = EACH.matcher(f).region(listEnd, Math.min(s.end(), listEnd + 40));
    return each.lookingAt() ? each.end() : -1;
  }

  /** Where the inflation right before size {@code b} starts ("inflated to 15, ..."), or -1. */
  private static int inflationBefore(String f, Sentence s, Value b) {
    AnchoredPattern.Finder act =
        ACT.finder(f).region(Math.max(s.start(), b.start() - 48), b.start());
    int start = -1;
    while (act.find()) {
      if (f.substring(act.end(), b.start()).isBlank()) {
        start = act.start();
      }
    }
    return start;
  }

  /**
   * An inflation right before the sizes: "inflated sequentially to", "inflations at", "balloon
   * inflated 15, 16.5 and 18 mm".
   */
  private static final AnchoredPattern ACT =
      AnchoredPattern.compile(
          "\\b(?:inflated|inflations?|dilated|dilations?|dilatations?)\\s+(?:(?:was|were)\\s+)?"
              // "I inflated it to 12, 13.5 and 15"
              + "(?:it\\s+)?"
              + "(?:performed\\s+)?(?:(?:sequentially"
              + "|serially|successively|progressively|in\\s+turn|stepwise)\\s+)?(?:(?:up\\s+)?"
              + "(?:to|at)\\b)?");

  /** A duration said of each size right after the list: ", 60 s each", "(1 min per stage)". */
  private static final Pattern EACH =
      Rx.compile(
          "\\s*(?:mm\\b|millimet(?:er|re)s?\\b)?"
              // "12-13.5-15 mm CRE balloon, one inflation at each size", "12, 13.5 and 15 mm
              // across the ring, 60 seconds each"
              + "(?:\\s*(?:(?:tts|cre)\\s+)?balloons?\\b)?(?:\\s*\\b(?:across|through|at|in)\\s+(?:the\\s+)?"
              + "[a-z]+)?"
              + "[\\s,;:(-]*(?:(?:x\\s*)?\\d{1,3}\\s*(?:s|secs?|seconds?|mins?|minutes?)\\.?\\s*)?"
              // "15-16.5-18 x1 ea": so many at each size
              + "(?:x\\s*\\d\\s*)?"
              + "(?:(?:one\\s+(?:inflation|dilation)\\s+)?(?:at\\s+)?each|ea\\b|apiece|per\\s+(?:stage"
              + "|inflation|size|step|balloon))\\b");
}
