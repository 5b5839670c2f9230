package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Keeps the durations of this procedure that time an inflation (in seconds) or the sedation (in
 * minutes), as {@link DurationKind} sorts them: "60 seconds", "1 min", "45s", and the ones with no
 * number ("a minute", "half a minute"). Planned and earlier durations are left out.
 */
final class DurationFinder {

  private final IndexedNote note;
  private final String f;
  private final Elsewhen elsewhen;
  private final DilationSigns signs;
  final List<Value> inflationSeconds = new ArrayList<>();
  final List<Value> sedationMinutes = new ArrayList<>();

  DurationFinder(IndexedNote note, Elsewhen elsewhen, DilationSigns signs) {
    this.note = note;
    this.f = note.f;
    this.elsewhen = elsewhen;
    this.signs = signs;
  }

  /** A duration matched by {@link QuantityPatterns#DURATION}: its number and its unit. */
  void duration(int i, Sentence s, boolean thisProcedure, Matcher m, String amount) {
    duration(i, s, thisProcedure, m.start(), m.end(), m.group(2), NumberWords.parse(amount));
  }

  /** "a minute", "a full minute", "half a minute": durations with no number. */
  void articleMinutes(int i, Sentence s, boolean thisProcedure) {
    Ints occurrences = note.occurrences;
    for (int k = note.occurrencesFrom[i]; k < note.occurrencesFrom[i + 1]; k += 3) {
      if ((note.lexicon.featuresByAnchor[occurrences.get(k)] & Lexicon.bit(Feature.MINUTE)) == 0
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

  /**
   * The duration {@code v} (in {@code unit}: seconds, minutes or hours) written at {@code [start,
   * end)}, kept when it times this procedure's inflation or sedation.
   */
  void duration(
      int i, Sentence s, boolean thisProcedure, int start, int end, String unit, double v) {
    if (Double.isNaN(v) || !thisProcedure || elsewhen.at(i, s, start) || decade(s, start, end)) {
      return;
    }
    boolean seconds = unit.charAt(0) == 's';
    double secs = unit.charAt(0) == 'h' ? v * 3600 : unit.charAt(0) == 'm' ? v * 60 : v;
    DurationKind kind = DurationKind.of(f, s, start, end);
    if (kind == DurationKind.UNKNOWN && s.section().isSedation() && !seconds) {
      // "SEDATION: midazolam 2 mg, fentanyl 50 mcg.\n25 minutes.", "TIME: 34 MIN."
      kind = DurationKind.SEDATION;
    }
    if (kind == DurationKind.INFLATION && secs >= 3 && secs <= 600) {
      inflationSeconds.add(new Value(secs, i, start, end, false));
      signs.add(i, start);
    } else if (kind == DurationKind.SEDATION && !seconds) {
      double minutes = secs / 60;
      if (minutes >= 1 && minutes <= 600) {
        sedationMinutes.add(new Value(minutes, i, start, end, false));
      }
    }
  }

  /**
   * The hold a note means when it states more than one: what an addendum or late entry says (it
   * corrects the note above it), else the longest of the holds told one after another with the
   * first, sentence by sentence or row by row ("12 mm 30 s, 13.5 mm 30 s, 15 mm 60 s" is 60, as a
   * balloon's size is the largest reached); a balloon held to stop bleeding ("re-inflated for 3 min
   * as tamponade") times no dilation.
   */
  static Value longest(String f, List<Sentence> sentences, List<Value> holds, int addendum) {
    for (Value v : holds) {
      if (v.start() >= addendum) {
        return v;
      }
    }
    Value longest = holds.get(0);
    int last = longest.sentence();
    for (Value v : holds) {
      Sentence s = sentences.get(v.sentence());
      if (v.sentence() > last + 1) {
        break;
      }
      last = v.sentence();
      if (v.value() > longest.value() && !f.substring(s.start(), s.end()).contains("tampon")) {
        longest = v;
      }
    }
    return longest;
  }

  /**
   * "saturation fell into the low 80s", "bradycardic to 70s": a vital sign's decade, not seconds.
   */
  private boolean decade(Sentence s, int start, int end) {
    if (end - start != 3 || f.charAt(start + 1) != '0' || f.charAt(end - 1) != 's') {
      return false;
    }
    TokenCursor c = new TokenCursor(f, s.start(), start, start);
    return c.prev()
        && (c.in(DECADE_BEFORE) || c.is("to") && VITAL.finder(f).region(s.start(), start).find());
  }

  private static final WordSet DECADE_BEFORE =
      WordSet.of("the", "low", "high", "mid", "upper", "lower", "into");

  private static final AnchoredPattern VITAL =
      AnchoredPattern.compile(
          "\\b(?:sat[a-z]*|spo2|o2|heart|hr|pulse|brady[a-z]*|tachy[a-z]*|pressure|bp|sbp|map)\\b");
}
