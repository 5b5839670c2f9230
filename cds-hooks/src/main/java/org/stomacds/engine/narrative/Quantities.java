package org.stomacds.engine.narrative;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The numbers a note states and what each one measures. A size ("15 mm") is a balloon, a lumen or
 * something else (a distance, a length, a scope, a polyp) according to the words right after it,
 * then the nearest telling word before it: "the stricture measured 8 mm and was dilated to 15 mm"
 * gives a lumen of 8 and a balloon of 15. The same idea sorts durations (inflation, sedation,
 * fluoroscopy, other).
 */
final class Quantities {

  /** A number in digits (up to 3, optional decimals) or in words (zero to ninety-nine). */
  static final String NUM =
      "(?:\\d{1,3}(?:\\.\\d{1,2})?(?!\\d)"
          + "|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\\b)?\\b"
          + "|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          + "|zero|one|two|three|four|five|six|seven|eight|nine)\\b)";

  static final Pattern NUMBER = Rx.compile(NUM);

  /**
   * A size or list of sizes with one unit: "15 mm", "18-19-20 mm", "15, 16.5 and 18 mm", "12 ->
   * 13.5 -> 15 mm".
   */
  static final Pattern SIZE =
      Rx.compile(
          "(?<![\\w.])("
              + NUM
              + ")((?:\\s*(?:,\\s*and|,\\s*or|,|-+>|\u2192|-|/|to|and\\s+then|and|or|then)\\s*"
              + NUM
              + "){0,6})\\s*-?\\s*(mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?)\\b");

  private static final String LIST_TAIL =
      "((?:\\s*(?:,\\s*and|,\\s*or|,|-|/|to|and|or)\\s*" + NUM + "){0,6})";

  /** What a bare number after "balloon" must not be followed by to be its size. */
  private static final String NOT_ANOTHER_UNIT =
      "(?!\\s*-?\\s*(?:mm|cm|millim|centim|sec|s\\b|min|x\\b|times|%|mcg|mg|fr\\b|french|cc|ml"
          + "|inflations?|dilations?|hours?|hrs?|atm|psi|cm|inflat|dilat|passes))";

  /** Sizes written without a unit after the balloon: "CRE balloon 15-16.5-18", "Balloon: 15". */
  static final Pattern BALLOON_BARE =
      Rx.compile(
          "\\b(?:cre|tts|balloon)\\b(?:\\s+(?:balloon|dilator|size|sizes|diameter))?\\s*"
              + "(?::|=|-|\\(|of)?\\s*("
              + NUM
              + ")"
              + LIST_TAIL
              + NOT_ANOTHER_UNIT);

  /** Sizes written without a unit before the balloon: "18-19-20 CRE", "15 TTS balloon". */
  static final Pattern BALLOON_BEFORE =
      Rx.compile("(?<![\\w.])(" + NUM + ")" + LIST_TAIL + "\\s*(?:cre|tts)\\b");

  /** A duration: "60 seconds", "1 min", "45s", "one minute", "30-second". */
  static final Pattern DURATION =
      Rx.compile(
          "(?<![\\w.])(" + NUM + ")\\s*-?\\s*(seconds?|secs?|s|minutes?|mins?|hours?|hrs?)\\b");

  private static final String COUNT_NUM =
      "(\\d{1,2}(?!\\d|\\.\\d)|one|two|three|four|five|six|seven|eight|nine|ten|a\\s+single|single)";

  /** "three inflations", "3 sequential dilations", "a single inflation". */
  static final Pattern COUNT_NOUN =
      Rx.compile(
          "(?<![\\w.])"
              + COUNT_NUM
              // "a single forty five second inflation", "3 30-second inflations"
              + "(?:\\s+(?:\\d{1,3}|[a-z]+(?:[- ][a-z]+)?)[- ]?(?:seconds?|secs?|minutes?|mins?))?"
              + "\\s+(?:(?!(?:prior|previous|earlier|past|mm|cm|millimet[a-z]*|centimet[a-z]*"
              + "|sec[a-z]*|s|min[a-z]*|hours?|hrs?)\\b)[a-z0-9.'-]+\\s+){0,2}?(?:balloon\\s+)?"
              + "(inflations?|infls?|dilations?|dilatations?|passes|cycles)\\b");

  /** "inflated x3", "60 sec x 3" (not "2 x 3 cm"). */
  static final Pattern COUNT_TIMES =
      Rx.compile(
          "(?<![a-z\\d])(?:(?<!\\d\\s)(?<!\\d\\s\\s)x\\s?|x(?=\\d))(\\d{1,2})(?!\\d|\\.\\d)"
              + "(?!\\s*(?:mm|cm|millim|-?\\s*(?:sec|min|s\\b|hours?|hrs?)))");

  /**
   * "dilated three times", "inflated twice", "dilation was performed twice", "dilated once", "60 s
   * per inflation (2 total)".
   */
  static final Pattern COUNT_VERB =
      Rx.compile(
          "\\b(?:inflated|dilated|dilatated)\\b(?:,?\\s+[a-z0-9.'-]+){0,6}?,?\\s+"
              + "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:(?:separate"
              + "|consecutive|sequential|total|more|additional|different)\\s+)?times\\b"
              + "|\\b(?:inflated|dilated|dilatated|inflation|dilation|dilatation|repeated|performed)\\b"
              + "(?:,?\\s+[a-z0-9.'-]+){0,6}?,?\\s+(twice|thrice)\\b"
              + "|\\b(twice|thrice)\\s+(?:inflated|dilated)\\b"
              + "|\\b(?:inflated|dilated)\\s+(once)\\b(?!\\s+(?:the|more|again|it|we|he|she|they))"
              + "|\\b(?:inflated|dilated)\\s+(\\d{1,2})\\s?x\\b"
              + "|\\b(?:inflations?|dilations?)\\b[^.;()]{0,30}\\(\\s*(\\d{1,2})\\s+total\\s*\\)"
              // "13.5 mm balloon three times", "a 12 millimeter balloon, two times"
              + "|\\bballoon\\b(?:,?\\s+[a-z0-9.'-]+){0,6}?,?\\s+(\\d{1,2}|one|two|three|four|five|six)"
              + "\\s+times\\b"
              // "to twelve millimeters times two"
              + "|\\btimes\\s+(two|three|four|five|six|[2-9])\\b(?!\\s*(?:daily|a\\s+day|per|weekly))"
              // "serial dilations, three total", "inflated in 3 steps"
              + "|\\b(?:inflations|dilations|dilatations)\\b[,:]?\\s+(\\d{1,2}|two|three|four|five|six)"
              + "\\s+(?:in\\s+)?total\\b"
              + "|\\b(?:inflated|dilated)\\s+in\\s+(\\d{1,2}|two|three|four|five|six)\\s+(?:steps|stages)\\b");

  /** "Inflations: 3", "number of inflations = 2". */
  static final Pattern COUNT_LABEL =
      Rx.compile(
          "(?:\\b(?:number\\s+of\\s+(?:balloon\\s+)?(?:inflations|dilations)|no\\.?\\s+of\\s+inflations"
              + "|#\\s*(?:of\\s+)?inflations|inflations?|dilations?|inflation\\s+count)\\s*"
              + "(?::|=|-|was|were|x)|\\b(?:inflations|dilations))\\s*(\\d{1,2})(?!\\d|\\.\\d)"
              + "(?!\\s*[-/]\\s*\\d)"
              + "(?!\\s*(?:mm|cm|millim|sec|s\\b|min|hours?|hrs?))");

  /** A clock time with a colon: "09:12", "9:12 am". */
  static final Pattern CLOCK =
      Rx.compile(
          "(?<![\\d:])([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?(?!\\d)\\s*(a\\.?m\\.?|p\\.?m\\.?)?");

  /** A four-digit time ("0912"); only taken as a time next to a time word. */
  static final Pattern MILITARY =
      Rx.compile(
          "(?<![\\d:.])([01]\\d|2[0-3])([0-5]\\d)(?![\\d:]|\\.\\d)(\\s*(?:h|hrs|hours)\\b)?");

  /**
   * Where the procedure's own dilation happens, to tell a later lumen from an earlier one. Tried at
   * the start of words holding "dilat" or "inflat" only.
   */
  static final Pattern DILATION_ACT =
      Rx.compile(
          "(?<=\\b(?:was|were|then|we|i|gently|serially|sequentially|successfully|subsequently)"
              + "\\s{1,3})(?:dilated|inflated|dilatated)\\b"
              + "|\\b(?:dilated|inflated)\\s+(?:with|using|to|up|sequentially|serially)\\b"
              + "|\\b(?:dilation|dilatation)\\s+(?:was|were)\\s+(?:then\\s+)?performed\\b");

  enum SizeKind {
    BALLOON,
    LUMEN,
    /** "dilated from 8 mm to 15 mm": the starting lumen. */
    LUMEN_FROM,
    OTHER,
    UNKNOWN
  }

  enum DurationKind {
    INFLATION,
    SEDATION,
    FLUOROSCOPY,
    OTHER,
    UNKNOWN
  }

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("single", 1),
          Map.entry("a single", 1),
          Map.entry("once", 1),
          Map.entry("twice", 2),
          Map.entry("thrice", 3),
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("multiple", 2),
          Map.entry("several", 2),
          Map.entry("numerous", 2),
          Map.entry("second", 2),
          Map.entry("2nd", 2),
          Map.entry("third", 3),
          Map.entry("3rd", 3),
          Map.entry("fourth", 4),
          Map.entry("4th", 4),
          Map.entry("another", 2),
          Map.entry("additional", 2),
          Map.entry("separate", 2),
          Map.entry("distinct", 2),
          Map.entry("other", 2));

  private static final Set<String> SCOPES =
      Set.of(
          "scope",
          "colonoscope",
          "gastroscope",
          "endoscope",
          "enteroscope",
          "pediatric",
          "paediatric",
          "adult",
          "ultrathin",
          "ultra-thin",
          "slim",
          "wire",
          "guidewire",
          "catheter",
          "stent",
          "forceps",
          "snare",
          "probe",
          "clip");

  private static final Set<String> LESIONS =
      Set.of(
          "polyp",
          "polyps",
          "lesion",
          "lesions",
          "mass",
          "ulcer",
          "ulcers",
          "nodule",
          "adenoma",
          "diverticulum",
          "hernia",
          "tumor",
          "tumour");

  private static final Set<String> DISTANCE_AFTER =
      Set.of(
          "long",
          "length",
          "lengths",
          "from",
          "fr",
          "frm",
          "prox",
          "dist",
          "proximal",
          "distal",
          "above",
          "below",
          "beyond",
          "into",
          "past",
          "deep",
          "inside",
          "x",
          "by",
          "segment",
          "wide",
          "width");

  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "and", "or", "but", "was", "were", "is", "are", "which", "that", "then", "the", "a", "an",
          "to", "with", "at", "on", "after", "before", "when", "while", "so", "for");

  private static final Set<String> UNIT_WORDS =
      Set.of(
          "mm",
          "cm",
          "millimeter",
          "millimeters",
          "millimetre",
          "millimetres",
          "centimeter",
          "centimeters",
          "centimetre",
          "centimetres");

  private Quantities() {}

  /** A number as written: "16.5", "fifteen", "forty-five", "twice". NaN when not one. */
  static double parse(String token) {
    String t = token.trim();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    Integer whole = WORDS.get(t);
    if (whole == null && Character.isDigit(t.charAt(0))) {
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    if (whole != null) {
      return whole;
    }
    int sep = Math.max(t.indexOf('-'), t.indexOf(' '));
    if (sep > 0) {
      Integer tens = WORDS.get(t.substring(0, sep));
      Integer unit = WORDS.get(t.substring(sep + 1).trim());
      if (tens != null && unit != null) {
        return tens + unit;
      }
    }
    return Double.NaN;
  }

  /** What the size at {@code [numStart, unitEnd)} measures. */
  static SizeKind classifySize(
      String f, Sentence s, int numStart, int unitEnd, boolean single, boolean cm) {
    int label = cm ? 0 : labelledBeforeOrAfter(f, s, numStart, unitEnd);
    if (label == 2) {
      // "lumen ~7mm TTS balloon 15mm": the lumen named right before its size
      return SizeKind.LUMEN;
    }
    SizeKind after = sizeWordsAfter(f, s, unitEnd, cm);
    if (label == 1 && after != SizeKind.BALLOON) {
      // "post ~11mm scope then passes", "post dil ~13mm", "~14mm post"; not "post 15 mm balloon"
      return SizeKind.LUMEN;
    }
    if (after != null) {
      return after;
    }
    TokenCursor c = new TokenCursor(f, s.start(), numStart, numStart);
    // The word right before: "at 20 cm" is a distance, "2 x 3 cm" a dimension, "Pre ~7 mm" and
    // "post-dil: 15 mm" the lumen before and after dilation.
    while (c.prev()) {
      String w = c.word();
      if (w == null) {
        char p = c.punct();
        if (p == '~' || p == ':' || p == '=') {
          continue;
        }
        break;
      }
      if (dilationSide(w) != 0) {
        return SizeKind.LUMEN;
      }
      if (w.equals("approximately")
          || w.equals("approx")
          || w.equals("about")
          || w.equals("around")
          || w.equals("roughly")
          || w.equals("an")
          || w.equals("a")) {
        continue;
      }
      if (w.equals("at")) {
        // "estimated at 7 mm", "measured at 9 mm": a size judged, not a place.
        TokenCursor back = c.copy();
        if (!cm
            && back.prev()
            && back.word() != null
            && (JUDGED.contains(back.word())
                || back.startsWith("inflat")
                || back.startsWith("dilat"))) {
          break;
        }
        return SizeKind.OTHER;
      }
      if (w.equals("x") || w.equals("by")) {
        if (c.prev() && c.isNumber()) {
          return SizeKind.OTHER;
        }
      }
      if (w.equals("from") && single && isChangeBefore(f, s, c.start())) {
        return SizeKind.LUMEN_FROM;
      }
      break;
    }
    if (ADMITTED_BEFORE.matcher(f).region(s.start(), numStart).find()) {
      // "the stoma admitted the gastroscope, approx 11 mm": the opening's size
      return SizeKind.LUMEN;
    }
    SizeKind nearest = nearestSizeCue(f, s, numStart);
    if (nearest == SizeKind.UNKNOWN
        && !cm
        && TIMED_BEFORE.matcher(f).region(s.start(), numStart).find()) {
      // "Afterwards ~20 mm", "initially about 6 mm": a size dated against the dilation
      return SizeKind.LUMEN;
    }
    return nearest;
  }

  /**
   * A size labelled as the lumen before or after the dilation by a bare "pre" or "post" (or "post
   * dil", "after:") right before it, or by a bare "pre" or "post" right after it ("~14mm post"): 1;
   * named "lumen" right before it: 2 (that outweighs a balloon named after it); else 0.
   */
  private static int labelledBeforeOrAfter(String f, Sentence s, int numStart, int unitEnd) {
    TokenCursor c = new TokenCursor(f, s.start(), numStart, numStart);
    String w = null;
    while (c.prev()) {
      w = c.word();
      if (w != null) {
        break;
      }
      char p = c.punct();
      if (p != '~' && p != ':' && p != '=') {
        break;
      }
    }
    if (w != null) {
      if (w.equals("lumen") && !dilatedToBefore(f, s, c.start())) {
        return 2;
      }
      if (w.equals("pre")
          || w.equals("post")
          || w.equals("after") && BARE_AFTER.matcher(f).region(c.start(), numStart).matches()) {
        return 1;
      }
      if ((w.equals("dil") || w.startsWith("dilat") || w.equals("balloon"))
          && c.prev()
          && ("pre".equals(c.word()) || "post".equals(c.word()))) {
        return 1;
      }
    }
    TokenCursor a = new TokenCursor(f, unitEnd, s.end(), unitEnd);
    if (a.next() && a.isWord() && ("post".equals(a.word()) || "pre".equals(a.word()))) {
      // "~14mm post", not "15 mm post-dilation" (a compound word is not the bare label)
      return !a.next() || a.word() == null || !a.word().startsWith("dilat") ? 1 : 0;
    }
    return 0;
  }

  /** "After: ~15mm", "after ~15 mm": the bare label, a colon or tilde between it and the size. */
  private static final Pattern BARE_AFTER = Rx.compile("after\s*[:~]\s*~?\s*");

  private static final Pattern ADMITTED_BEFORE =
      Rx.compile(
          "\\b(?:admit(?:s|ted)?|accept(?:s|ed)?|allow(?:s|ed)|took|takes|pass(?:es|ed)?\\s+(?:easily"
              + "|freely|readily|with\\s+ease|without\\s+(?:difficulty|resistance)))\\b[^.;:]{0,60},\\s*"
              + "(?:approx\\.?|approximately|about|around|~|est\\.?|estimated)?\\s*$");

  private static final Pattern TIMED_BEFORE =
      Rx.compile(
          "\\b(?:afterwards?|after\\s+dilat[a-z]*|post(?:-?dil[a-z]*)?|following\\s+dilat[a-z]*"
              + "|subsequently|initially|before\\s+dilat[a-z]*|pre(?:-?dil[a-z]*)?)\\b[\\s:,~]*"
              + "(?:approx\\.?|approximately|about|around|~)?\\s*$");

  /**
   * -1 for a word that labels what follows as before the dilation ("pre", "pre-dil",
   * "pre-dilation", "predilatation", "pre-balloon"), +1 for after ("post", "post-dil",
   * "postdilation"), 0 for any other word (a verb such as "predilated" included: it names a
   * dilation, not a time).
   */
  static int dilationSide(String w) {
    return dilationSide(w, 0, w.length());
  }

  /** {@link #dilationSide(String)} of the word {@code text[from, to)}. */
  static int dilationSide(String text, int from, int to) {
    int side;
    int rest;
    if (text.startsWith("pre", from) && to - from >= 3) {
      side = -1;
      rest = from + 3;
    } else if (text.startsWith("post", from) && to - from >= 4) {
      side = 1;
      rest = from + 4;
    } else {
      return 0;
    }
    if (rest < to && text.charAt(rest) == '-') {
      rest++;
    }
    if (rest == to) {
      return side;
    }
    if (to - rest >= 2 && text.charAt(to - 2) == 'e' && text.charAt(to - 1) == 'd') {
      return 0;
    }
    return startsAt(text, rest, to, "dil")
            || startsAt(text, rest, to, "inflat")
            || startsAt(text, rest, to, "balloon")
        ? side
        : 0;
  }

  private static boolean startsAt(String text, int at, int to, String prefix) {
    return to - at >= prefix.length() && text.startsWith(prefix, at);
  }

  /** Verbs after which "at" gives a size's estimate rather than a place. */
  private static final Set<String> JUDGED =
      Set.of(
          "estimated",
          "measured",
          "measuring",
          "sized",
          "gauged",
          "judged",
          "assessed",
          "calibrated",
          "estimate",
          "measures",
          "appeared",
          "appears");

  private static SizeKind sizeWordsAfter(String f, Sentence s, int at, boolean cm) {
    TokenCursor c = new TokenCursor(f, at, s.end(), at);
    for (int i = 0; i < 3 && c.next(); i++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '-') {
          i--;
          continue;
        }
        return null;
      }
      if (CLAUSE_WORDS.contains(w)) {
        // "8 mm and the scope could not pass": what follows is another clause.
        return null;
      }
      if (w.startsWith("balloon")
          || w.equals("cre")
          || w.equals("tts")
          || w.startsWith("dilator")
          || w.equals("dilating")) {
        return SizeKind.BALLOON;
      }
      if (w.equals("in")) {
        if (c.next() && c.word() != null) {
          String n = c.word();
          if (n.equals("length") || n.equals("from") || n.equals("size")) {
            return SizeKind.OTHER;
          }
          if (n.equals("diameter") || n.equals("width") || n.equals("caliber")) {
            return cm ? null : SizeKind.LUMEN;
          }
        }
        // "stenosis at the fascia, 3 cm in": how deep it lies, not how wide.
        return cm ? SizeKind.OTHER : null;
      }
      if (w.equals("x")) {
        if (countFollows(c)) {
          // "dilated to 18 mm x 3": the number of inflations; the words before say what 18 is.
          return null;
        }
        // "20 mm x 5.5 cm balloon": a balloon's diameter by its length.
        return balloonAhead(c) ? SizeKind.BALLOON : SizeKind.OTHER;
      }
      if (DISTANCE_AFTER.contains(w) || LESIONS.contains(w) || SCOPES.contains(w)) {
        return SizeKind.OTHER;
      }
      if (w.startsWith("strictur")
          || w.startsWith("stenos")
          || w.startsWith("narrowing")
          || w.equals("web")
          || w.equals("lumen")
          || w.equals("opening")
          || w.equals("ring")
          || w.equals("aperture")) {
        return cm ? SizeKind.OTHER : SizeKind.LUMEN;
      }
    }
    return null;
  }

  /**
   * Whether the "x" just read starts a count ("15 mm x 3, 30 s each") rather than a second
   * dimension ("2 x 3 cm", "20 mm x 5.5 cm"): a whole number with no length unit after it. Reads a
   * copy, so the caller's cursor stays on the "x".
   */
  private static boolean countFollows(TokenCursor c) {
    TokenCursor ahead = c.copy();
    if (!ahead.next() || !ahead.isNumber() || ahead.startsDecimal()) {
      return false;
    }
    return !ahead.next() || !ahead.isWord() || !UNIT_WORDS.contains(ahead.word());
  }

  private static boolean balloonAhead(TokenCursor c) {
    for (int i = 0; i < 6 && c.next(); i++) {
      if (c.startsWith("balloon") || c.is("cre") || c.is("tts")) {
        return true;
      }
      if (c.isWord() && !c.isNumber() && !UNIT_WORDS.contains(c.word())) {
        return false;
      }
    }
    return false;
  }

  /** "dilated from 8 mm", "increased from 6 mm": a change verb shortly before "from". */
  private static boolean isChangeBefore(String f, Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    for (int i = 0; i < 3 && c.prev(); i++) {
      String w = c.word();
      if (w != null
          && (w.startsWith("dilat")
              || w.equals("increased")
              || w.equals("improved")
              || w.equals("widened")
              || w.equals("enlarged")
              || w.equals("went")
              || w.equals("opened"))) {
        return true;
      }
    }
    return false;
  }

  private static SizeKind nearestSizeCue(String f, Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    int words = 0;
    String after = null; // the word after the current one (the last one read, going back)
    while (c.prev() && words < 14) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == ';') {
          break;
        }
        continue;
      }
      if (c.isNumber() || UNIT_WORDS.contains(w)) {
        continue;
      }
      words++;
      if (w.equals("lumen") || w.equals("luminal")) {
        return dilatedToBefore(f, s, c.start()) ? SizeKind.BALLOON : SizeKind.LUMEN;
      }
      SizeKind k = sizeCue(w);
      if (k == SizeKind.BALLOON && namesATime(c, after)) {
        // "the stricture before dilation was 10 mm": the dilation dates the size, it is not
        // the balloon's ("after dilation to 15 mm" still is).
        return SizeKind.LUMEN;
      }
      if (k != null) {
        return k;
      }
      after = w;
    }
    return SizeKind.UNKNOWN;
  }

  private static final Set<String> TIME_WORDS =
      Set.of("before", "after", "following", "prior", "pre", "post", "until");

  private static final Set<String> SIZE_FOLLOWS =
      Set.of("to", "with", "using", "up", "of", "at", "by");

  /**
   * Whether the dilation word under the cursor only says when ("before dilation", "prior to balloon
   * dilation", "post dilation"), with no size of its own after it ("dilation to 15 mm").
   */
  private static boolean namesATime(TokenCursor c, String after) {
    if (!(c.startsWith("dilat") || c.startsWith("inflat") || c.startsWith("balloon"))
        || (after != null && SIZE_FOLLOWS.contains(after))) {
      return false;
    }
    TokenCursor back = c.copy();
    for (int i = 0; i < 3 && back.prev(); i++) {
      String w = back.word();
      if (w == null) {
        return false;
      }
      if (TIME_WORDS.contains(w)) {
        return true;
      }
      if (!w.equals("the") && !w.equals("to") && !w.equals("balloon") && !w.equals("our")) {
        return false;
      }
    }
    return false;
  }

  private static SizeKind sizeCue(String w) {
    if (w.endsWith("ed") && (w.startsWith("predilat") || w.startsWith("pre-dilat"))) {
      // "predilated to 10 mm": a dilation, so the balloon's size.
      return SizeKind.BALLOON;
    }
    if (w.length() > 4 && dilationSide(w) != 0) {
      // "pre-dilation diameter 5 mm"; a bare "pre" or "post" labels only the size right after it.
      return SizeKind.LUMEN;
    }
    if (w.startsWith("balloon")
        || w.startsWith("dilat")
        || w.startsWith("inflat")
        || w.equals("cre")
        || w.equals("tts")
        || w.equals("sequentially")
        || w.equals("serially")
        || w.equals("sequential")
        || w.equals("serial")
        || w.equals("expanded")
        || w.equals("expansion")
        || w.equals("sizes")
        || w.equals("sized")) {
      return SizeKind.BALLOON;
    }
    if (w.startsWith("measur")
        || w.equals("estimated")
        || w.equals("estimate")
        || w.startsWith("narrow")
        || w.startsWith("strictur")
        || w.startsWith("stenos")
        || w.equals("stenotic")
        || w.equals("ring")
        || w.equals("web")
        || w.equals("caliber")
        || w.equals("calibre")
        || w.equals("opening")
        || w.equals("aperture")
        || w.equals("orifice")
        || w.equals("tight")
        || w.equals("pinhole")
        || w.equals("patent")
        || w.equals("widened")
        || w.equals("improved")
        || w.equals("increased")
        || w.equals("enlarged")
        || w.equals("opened")) {
      return SizeKind.LUMEN;
    }
    if (w.equals("length")
        || w.equals("long")
        || w.equals("distance")
        || w.equals("fr")
        || w.equals("french")
        || SCOPES.contains(w)
        || LESIONS.contains(w)) {
      return SizeKind.OTHER;
    }
    return null;
  }

  /** "dilated to a lumen of 15 mm" names the balloon's diameter. */
  private static boolean dilatedToBefore(String f, Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    boolean to = false;
    for (int i = 0; i < 4 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      if (w.equals("a") || w.equals("an") || w.equals("the") || w.equals("up")) {
        continue;
      }
      if (!to) {
        if (!w.equals("to")) {
          return false;
        }
        to = true;
      } else {
        return w.startsWith("dilat") || w.startsWith("inflat");
      }
    }
    return false;
  }

  /** What the duration at {@code [numStart, unitEnd)} times. */
  static DurationKind classifyDuration(String f, Sentence s, int numStart, int unitEnd) {
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
      if (w.startsWith("fluoro")) {
        return DurationKind.FLUOROSCOPY;
      }
      if (!w.equals("of") && !w.equals("moderate") && !w.equals("conscious") && !w.equals("iv")) {
        break;
      }
    }
    c = new TokenCursor(f, s.start(), numStart, numStart);
    int words = 0;
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
      DurationKind k = durationCue(w);
      if (k != null) {
        return k;
      }
    }
    return DurationKind.UNKNOWN;
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

  private static DurationKind durationCue(String w) {
    if (w.startsWith("sedat")
        || w.equals("intraservice")
        || w.equals("intra-service")
        || w.startsWith("anesthe")
        || w.startsWith("anaesthe")
        || w.equals("mac")) {
      return DurationKind.SEDATION;
    }
    if (w.startsWith("fluoro")) {
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
        || w.equals("total")
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
