package org.stomacds.engine.narrative;

/**
 * What a duration times (an inflation, sedation, fluoroscopy, something else), read from the words
 * right after it, then from the nearest telling word before it.
 */
enum DurationKind {
  INFLATION,
  SEDATION,
  FLUOROSCOPY,
  OTHER,
  UNKNOWN;

  /** What the duration at {@code [numStart, unitEnd)} times. */
  static DurationKind of(String f, Sentence s, int numStart, int unitEnd) {
    TokenCursor c = new TokenCursor(f, unitEnd, s.end(), unitEnd);
    for (int i = 0; i < 3 && c.next(); i++) {
      String w = c.word();
      if (w == null) {
        break;
      }
      if (w.equals("each")
          || w.equals("ea")
          || w.equals("apiece")
          || w.equals("per")
          || w.startsWith("inflation")
          || w.startsWith("dilation")
          || w.startsWith("dilatation")) {
        return DurationKind.INFLATION;
      }
      if (w.startsWith("sedat") || w.startsWith("intraservice") || w.startsWith("intra-service")) {
        return DurationKind.SEDATION;
      }
      if (w.startsWith("fluoro") || w.startsWith("screening") || w.equals("exposure")) {
        // "(0.8 min screening, waist effaced at 15 mm)": the fluoroscopy's time
        return DurationKind.FLUOROSCOPY;
      }
      if (!w.equals("of") && !w.equals("moderate") && !w.equals("conscious") && !w.equals("iv")) {
        break;
      }
    }
    c = new TokenCursor(f, s.start(), numStart, numStart);
    int words = 0;
    boolean total = false;
    while (c.prev() && words < 14) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == ';') {
          break;
        }
        continue;
      }
      if (c.isNumber()) {
        continue;
      }
      words++;
      if (words == 1
          && (w.equals("mm")
              || w.startsWith("millimet")
              || w.equals("atm")
              || w.startsWith("atmosphere")
              || w.equals("psi"))) {
        // "- 12 mm - 60 s", "13.5 mm, 30 s": a balloon size with its own hold; "12 mm @ 3 atm,
        // 45 s", "3 atm (44 psi) - 60 s": an inflation log's pressure, then its hold
        return DurationKind.INFLATION;
      }
      if (words == 1
          && w.equals("duration")
          && SHORT.matcher(f).region(numStart, unitEnd).matches()) {
        // "Duration: 30 sec", "Duration .......... 1 minute": a field as short as an inflation's
        // hold (a sedation or a procedure takes longer)
        return DurationKind.INFLATION;
      }
      if (w.equals("time") && fluoroscopyTimed(f, s, c)) {
        // "Fluoroscopy: used - balloon position and waist confirmed, time 0.8 min"
        return DurationKind.FLUOROSCOPY;
      }
      if (w.equals("total")) {
        // "Sedation: conscious sedation, total 24 minutes": a total of what is named before it
        total = true;
        continue;
      }
      DurationKind k = durationCue(w);
      if (k != null) {
        return total && k != SEDATION ? OTHER : k;
      }
    }
    return DurationKind.UNKNOWN;
  }

  /**
   * Whether the "time" under the cursor is the fluoroscopy's: fluoroscopy is named earlier in the
   * sentence, and the word right before "time" names nothing else ("inflation time 60 s",
   * "anesthesia time 41 minutes").
   */
  private static boolean fluoroscopyTimed(String f, Sentence s, TokenCursor time) {
    TokenCursor back = time.copy();
    if (back.prev() && back.word() != null && durationCue(back.word()) != null) {
      return false;
    }
    return f.substring(s.start(), time.start()).contains("fluoro");
  }

  /** "x3", "x 3": the inflation count in terse notes, which a duration often follows. */
  private static boolean isTimesCount(String w) {
    if (w.isEmpty() || w.charAt(0) != 'x') {
      return false;
    }
    for (int i = 1; i < w.length(); i++) {
      if (w.charAt(i) < '0' || w.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A time in seconds, or of one to three minutes. */
  private static final java.util.regex.Pattern SHORT =
      Rx.compile(
          "\\d{1,3}\\s*-?\\s*(?:s|secs?|seconds?)\\.?|(?:[1-3](?:\\.\\d)?|one|two|three|a|one\\s+and\\s+a\\s+half)"
              + "\\s*-?\\s*(?:mins?|minutes?)\\.?");

  private static DurationKind durationCue(String w) {
    if (w.startsWith("sedat")
        || w.equals("sed")
        || w.equals("sedn")
        || w.equals("intraservice")
        || w.equals("intra-service")
        || w.startsWith("anesthe")
        || w.startsWith("anaesthe")
        || w.equals("mac")) {
      return DurationKind.SEDATION;
    }
    if (w.startsWith("fluoro") || w.equals("screening")) {
      return DurationKind.FLUOROSCOPY;
    }
    if (w.equals("held")
        || w.equals("hold")
        || w.equals("holding")
        || w.equals("holds")
        || w.startsWith("maintain")
        || w.equals("kept")
        || w.startsWith("inflat")
        || w.startsWith("dilat")
        || w.startsWith("balloon")
        || w.equals("each")
        || w.equals("ea")
        || isTimesCount(w)
        || w.equals("tts")
        || w.equals("cre")
        || w.equals("twice")
        || w.equals("thrice")) {
      return DurationKind.INFLATION;
    }
    if (w.equals("procedure")
        || w.equals("procedural")
        || w.equals("withdrawal")
        || w.equals("insertion")
        || w.startsWith("observ")
        || w.equals("recovery")
        || w.startsWith("monitor")
        || w.startsWith("wait")
        || w.equals("cecal")
        || w.equals("scope")
        || w.equals("ago")
        || w.equals("every")
        || w.equals("exam")) {
      return DurationKind.OTHER;
    }
    return null;
  }
}
