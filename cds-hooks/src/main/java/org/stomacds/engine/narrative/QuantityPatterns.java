package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * The patterns of the numbers a note states: sizes (with a unit, or bare beside a balloon),
 * durations, inflation counts, clock times and the procedure's own dilation. {@link NumberFinder}
 * tries each only where its anchor starts a word; what a match measures is decided elsewhere
 * ({@link SizeClassifier}, {@link DurationKind}).
 */
final class QuantityPatterns {

  /** A number in digits (up to 3, optional decimals) or in words (zero to ninety-nine). */
  static final String NUM =
      "(?:\\d{1,3}(?:\\.\\d{1,2})?(?!\\d)"
          + "|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\\b)?\\b"
          + "|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          + "|zero|one|two|three|four|five|six|seven|eight|nine)\\b)"
          // "sixteen and a half millimeters", "sixteen point five"
          + "(?:\\s+and\\s+a\\s+half\\b"
          + "|\\s+point\\s+(?:zero|one|two|three|four|five|six|seven|eight|nine)\\b)?)";

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
              + "){0,6})\\s*-?\\s*(mm|millimet(?:er|re)s?|mils?|cm|centimet(?:er|re)s?)\\b");

  private static final String LIST_TAIL =
      "((?:\\s*(?:,\\s*and|,\\s*or|,\\s*then|,|-|/|to|and|or|then)\\s*" + NUM + "){0,6})";

  /**
   * A list's tail after the balloon's name, where a dictated list may go without separators:
   * "controlled radial expansion balloon 15 16.5 18" ({@link SizeFinder} keeps such a list only
   * while it steps up as a balloon's sizes do).
   */
  private static final String BARE_LIST_TAIL =
      "((?:\\s*(?:,\\s*and|,\\s*or|,\\s*then|,|-+>|\u2192|-|/|to|and|or|then)\\s*"
          + NUM
          + "|\\s+"
          + NUM
          + "){0,6})";

  /** What a bare number after "balloon" must not be followed by to be its size. */
  private static final String NOT_ANOTHER_UNIT =
      "(?!\\s*-?\\s*(?:mm|cm|millim|centim|sec|s\\b|min|x\\s*\\d+(?:\\.\\d+)?\\s*(?:mm|cm)|times|%|mcg|mg|fr\\b|french|cc|ml"
          + "|inflations?|dilations?|hours?|hrs?|atm|psi|cm|inflat|dilat|passes))"
          // nor cut short from a list that ends in a unit ("balloon 15 to 18 mm"): the unit's
          + "(?!(?:\\s*(?:,|-|/|to|and|or)\\s*"
          + NUM
          + "){1,6}\\s*-?\\s*(?:mm|cm|millim|centim))(?!\\.\\d)";

  /**
   * Sizes written without a unit after the balloon: "CRE balloon 15-16.5-18", "Balloon: 15", "Bal
   * 18 x2".
   */
  static final Pattern BALLOON_BARE =
      Rx.compile(
          "\\b(?:cre|tts|balloon|bal|bln)\\b(?:\\s+(?:balloon|dilator|size|sizes|diameter))?\\s*"
              // "10 mm balloon, then 11, then 12": the balloon's next sizes
              + "(?::|=|-|\\(|of|to|,?\\s*then(?:\\s+(?:to|at))?)?\\s*("
              + NUM
              + ")"
              + BARE_LIST_TAIL
              + NOT_ANOTHER_UNIT);

  /**
   * Sizes written without a unit before the balloon: "18-19-20 CRE", "15 TTS balloon", "12-13.5-15
   * balloon" (before the bare word only a staged balloon's list, not "12 balloon dilations").
   */
  static final Pattern BALLOON_BEFORE =
      // not a clock time before it: "10:15 TTS balloon 10 mm positioned"
      Rx.compile(
          "(?<![\\w.:])("
              + NUM
              + ")(?:"
              + LIST_TAIL
              + "\\s*(?:cre|tts)|((?:\\s*[-/]\\s*"
              + NUM
              + "){1,6})\\s*balloon)\\b");

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
              // "two (2) inflations": a template's figure after the word
              + "(?:\\s*\\(\\s*\\d{1,2}\\s*\\))?"
              // "a single forty five second inflation", "3 30-second inflations"
              + "(?:\\s*x)?(?:\\s+(?:\\d{1,3}|[a-z]+(?:[- ][a-z]+)?)[- ]?(?:seconds?|secs?|minutes?|mins?))?"
              // a word between the number and the noun is no number and no "x" ("18 x 2
              // inflations" is two)
              + "\\s+(?:(?!(?:prior|previous|earlier|past|mm|cm|millimet[a-z]*|centimet[a-z]*"
              + "|sec[a-z]*|s|min[a-z]*|hours?|hrs?|x|\\d+)\\b)[a-z0-9.'-]+\\s+){0,2}?"
              + "(?:balloon\\s+)?"
              + "(inflations?|infls?|dilations?|dilatations?|passes|cycles)\\b");

  /** "inflated x3", "60 sec x 3" (not "2 x 3 cm"). */
  static final Pattern COUNT_TIMES =
      Rx.compile(
          "(?<![a-z\\d])(?:(?<!\\d\\s)(?<!\\d\\s\\s)x\\s?|x(?=\\d))(\\d{1,2})(?!\\d|\\.\\d)"
              + "(?!\\s*(?:mm|cm|millim|-?\\s*(?:sec|min|s\\b|hours?|hrs?|h\\b|days?|d\\b|weeks?"
              + "|wks?|months?|mos?\\b|years?|yrs?)))");

  /**
   * "dilated three times", "inflated twice", "dilation was performed twice", "dilated once", "60 s
   * per inflation (2 total)".
   */
  static final Pattern COUNT_VERB =
      Rx.compile(
          // "we make inflate two time": a speaker's or a speech recogniser's grammar
          "\\b(?:inflated|dilated|dilatated|inflate|dilate)\\b(?:,?\\s+[a-z0-9.'-]+){0,6}?,?\\s+"
              + "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:(?:separate"
              + "|consecutive|sequential|total|more|additional|different)\\s+)?times?\\b"
              // "dilated with a 15 mm balloon (used at 15 mm only) twice", "inflated up to 12 mm,
              // and
              // I did it twice"
              + "|\\b(?:inflated|dilated|dilatated|inflation|dilation|dilatation|repeated|performed)\\b"
              + "(?:,?\\s+[a-z0-9.'-]+){0,9}?(?:\\s*\\([^()]{1,60}\\))?,?\\s+(twice|thrice)\\b"
              // "he was dilated here twice before": earlier sessions
              + "(?!\\s+(?:before|previously|prior|already|in\\s+the\\s+past)\\b)"
              // "Hegar dilations at home twice daily": how often, not how many
              + "(?!\\s+(?:daily|a\\s+(?:day|week)|weekly|per\\s+(?:day|week)|each\\s+(?:day|week)))"
              + "|\\b(twice|thrice)\\s+(?:inflated|dilated)\\b"
              // "10 mm balloon, twice."
              + "|\\bballoon\\s*[,:-]?\\s*(twice|thrice)\\b(?!\\s+(?:at|@|to|each|per)\\b)"
              // "... inflated it across the ring to 12 millimeters and I did it twice"
              + "|(?<=\\b(?:did|done|repeated)\\s{1,2}(?:it|this|that)\\s{1,2})(twice|thrice)\\b"
              // "she was dilated once before": another session's
              // "a 12-13.5-15 mm CRE balloon was inflated to 15 mm once, held 90 seconds"
              + "|\\b(?:inflated|dilated)\\s+(?:up\\s+)?to\\s+\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm\\s+)?(once|twice)\\b"
              + "(?!\\s+(?:more|again|before|previously|prior|already|in\\s+the\\s+past))"
              + "|\\b(?:inflated|dilated)\\s+(once)\\b(?!\\s+(?:the|more|again|it|we|he|she|they|before"
              + "|previously|prior|already|in\\s+the\\s+past))"
              + "|\\b(?:inflated|dilated)\\s+(\\d{1,2})\\s?x\\b"
              // "dilated on three occasions with a 15 mm balloon" (not "has been dilated on three
              // occasions": earlier sessions)
              + "|(?<!been\\s)\\b(?:inflated|dilated)\\b(?:,?\\s+[a-z0-9.'-]+){0,6}?,?\\s+on\\s+"
              + "(two|three|four|five|six|\\d)\\s+(?:separate\\s+|consecutive\\s+)?occasions\\b"
              + "(?!\\s+(?:before|previously|prior|already|in\\s+the\\s+past|over)\\b)"
              // "Inflations 15mm 30s, 16.5 30s, 18 60s (3 total)", "inflated x1 at each size (3
              // total)"
              + "|\\b(?:inflations?|dilations?|inflated|dilated)\\b(?:[^.;()]|\\.(?=\\d)){0,48}\\(\\s*(\\d{1,2})\\s+total\\s*\\)"
              // "13.5 mm balloon three times", "a 12 millimeter balloon, two times"
              + "|\\bballoon\\b(?:,?\\s+[a-z0-9.'-]+){0,6}?,?\\s+(\\d{1,2}|one|two|three|four|five|six)"
              + "\\s+times\\b"
              // "to twelve millimeters times two"
              + "|\\btimes\\s+(two|three|four|five|six|[2-9])\\b(?!\\s*(?:daily|a\\s+day|per|weekly))"
              // "serial dilations, three total", "inflated in 3 steps"
              + "|\\b(?:inflations|dilations|dilatations)\\b[,:]?\\s+(\\d{1,2}|two|three|four|five|six)"
              + "\\s+(?:in\\s+)?total\\b"
              + "|\\b(?:inflated|dilated)\\s+in\\s+(\\d{1,2}|two|three|four|five|six)\\s+(?:steps|stages)\\b"
              // "inflated to 15 mm and held one minute; this was done three times" (last: read
              // only where the sentence speaks of the dilation)
              + "|\\b(?:done|performed)\\s+(\\d{1,2}|two|three|four|five|six)\\s+(?:separate\\s+"
              + "|consecutive\\s+)?times\\b");

  /** "Inflations: 3", "number of inflations = 2". */
  static final Pattern COUNT_LABEL =
      Rx.compile(
          "(?:\\b(?:number\\s+of\\s+(?:balloon\\s+)?(?:inflations|dilations|dilatations)|no\\.?\\s+of\\s+inflations"
              + "|#\\s*(?:of\\s+)?inflations|inflations?|dilations?|dilatations?|inflation\\s+count"
              // "inflation cycles: 3"
              + "|(?:inflation|dilation)\\s+cycles)\\s*"
              // "Inflations ........... 2": a template's leader dots
              // "Inflations (n=3)"
              + "(?::|=|-|was|were|x|\\.{2,}|\\(\\s*n\\s*=)|\\b(?:inflations|dilations))\\s*"
              // "Inflations: 3", "Inflations: three sequential", "Total inflations three (2 + 1)"
              + "(\\d{1,2}(?!\\d|\\.\\d)|(?:one|two|three|four|five|six|seven|eight|nine|ten)\\b)"
              + "(?!\\s*[-/]\\s*\\d)"
              + "(?!\\s*-?\\s*(?:mm|cm|millim|sec|s\\b|min|hours?|hrs?|days?|weeks?|wks?|months?"
              + "|mos?\\b|years?|yrs?|y\\s*/\\s*o\\b|y\\.?o\\b|kg\\b))"
              // "Balloon dilation x 2 sites", "dilation x2 strictures": the strictures counted
              + "(?!\\s*(?:sites?|strictures?|stenos[ie]s|narrowings?|levels?|areas?|lesions?"
              + "|segments?|locations?)\\b)");

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
              // "Dilation performed as above"; not "No dilation was performed": a denied dilation
              // is no sign of one
              + "|(?<!\\bno\\s|\\bno\\sballoon\\s)\\b(?:dilation|dilatation)\\s+(?:(?:was|were)\\s+"
              + "(?:then\\s+)?)?performed\\b");

  private QuantityPatterns() {}

  // The words around a count that CountFinder reads.

  /**
   * "12, 13.5 and 15 mm balloons, one inflation each", "CRE 10-11-12 x1 ea": the sizes count them
   * (not "each stricture", "each site": the strictures do).
   */
  static final Pattern ONE_EACH =
      Rx.compile(
          "\\s*,?\\s*(?:(@|at)\\s*)?(?:each|apiece|ea\\.?)(?![a-z])(?!\\s+(?:strictures?|sites?|stenos[ie]s|narrowings?"
              + "|lesions?|levels?|areas?|segments?|one)\\b)");

  static final Pattern PER_SIZE =
      Rx.compile(
          "\\s+(?:(?:was|were)\\s+)?(?:(?:performed|done|given|made)\\s+)?(?:(?:of|for|held(?:\\s+for)?)\\s+"
              // "two inflations were performed at each of the three diameters", "2 inflations of
              // 30 seconds with each balloon"
              + "\\d{1,3}\\s*(?:s|secs?|seconds?|mins?|minutes?)\\s+)?(?:at\\s+|with\\s+)?(?:each|every|per)\\s+"
              + "(?:of\\s+(?:the\\s+)?(?:(\\d|two|three|four|five)\\s+)?)?"
              + "(?:sizes?|diameters?|stages?|steps?|balloons?)\\b"
              // "one inflation at each of 15, 16.5 and 18 mm": the sizes listed after it
              + "|\\s+(?:at|with)\\s+each\\s+of\\s+(?:the\\s+)?(?=\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm\\s*)?(?:,|and|-|/))");

  /** "3x", "2 x @ 15" (not "2 x 3 cm", nor "x2"'s own digit): a count written before its "x". */
  static final Pattern N_TIMES =
      Rx.compile(
          "(?<![\\w.])(\\d{1,2})\\s?x(?![a-z\\d])(?!\\s*\\d)(?!\\s*(?:daily|a\\s+day|per|weekly))"
              + "(\\s*(?:@|at)\\s*\\d)?");

  static final Pattern HOLD_UNIT = Rx.compile("s|secs?|seconds?|mins?|minutes?");

  static final AnchoredPattern HELD =
      AnchoredPattern.compile("\\b(?:held|hold|holding|inflated|inflation)\\b");

  static final Pattern OTHER_THINGS =
      Rx.compile(
          "\\s*(?:sites?|strictures?|stx|stenos[ie]s|locations?|levels?|areas?|lesions?|segments?|sessions?"
              + "|sittings?|visits?|procedures?|occasions?|prior)\\b");

  static final Pattern OTHER_NOUNS =
      Rx.compile(
          "strictures?|stenos[ie]s|narrowings?|sites?|lesions?|areas?|levels?|bx|biops[a-z]*"
              + "|polyps?|specimens?|ulcers?|segments?");
}
