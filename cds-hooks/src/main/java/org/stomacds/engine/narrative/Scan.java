package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;
import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * One reading of one note: per-call state, never shared. First every sentence is scanned (phrase
 * hits with their polarity, then the numbers); then the hits and numbers are turned into mentions
 * and values, element by element.
 */
final class Scan {

  private static final int MAX_EVIDENCE = 240;

  private static final Pattern REASON =
      Rx.compile(
          "\\b(?:due\\s+to|because\\s+of|because|secondary\\s+to|owing\\s+to|on\\s+account\\s+of"
              + "|as\\s+a\\s+result\\s+of|limited\\s+by|given)\\s+([^.;,]{3,160}?)"
              + "(?=\\s+(?:after|before|when|while|at\\s+which|and\\s+the|so|therefore|but|once)\\b"
              + "|[.;,]|$)");
  private static final Pattern REASON_PHRASE =
      Rx.compile(
          "\\b(?:poor|inadequate|suboptimal|insufficient)\\s+(?:bowel\\s+)?prep(?:aration)?\\b"
              + "|\\b(?:patient\\s+)?(?:discomfort|intolerance|agitation)\\b|\\blooping\\b"
              + "|\\bloop\\s+formation\\b|\\bobstruct[a-z]*(?:\\s+[a-z]+){0,2}|\\bangulat[a-z]*\\b"
              + "|\\btortuos[a-z]*\\b|\\bhemodynamic\\s+instability\\b|\\bdesaturation\\b|\\bhypoxi[a-z]*\\b"
              + "|\\bhypotension\\b|\\bperforation\\b|\\bbleeding\\b"
              + "|\\b(?:unable\\s+to|could\\s+not)\\s+(?:be\\s+)?(?:advance|advanced|pass|passed|traverse"
              + "|traversed|negotiate)[^.;]{0,60}");
  private static final Pattern BEFORE_ANESTHESIA =
      Rx.compile(
          "\\b(?:before|prior\\s+to|pre-?)\\s*(?:the\\s+)?(?:any\\s+)?(?:administration\\s+of\\s+)?"
              + "(?:sedation|an(?:a)?esthesia|induction|insertion|scope\\s+insertion|intubation"
              + "|the\\s+scope\\s+(?:was|could\\s+be)\\s+(?:inserted|introduced|passed)|the\\s+start"
              + "|starting|beginning|administration)\\b|\\bin\\s+the\\s+(?:pre-?procedure|pre-?op"
              + "|holding)\\s+area\\b|\\bbefore\\s+entering\\b|\\bnot\\s+(?:yet\\s+)?sedated\\b");
  private static final Pattern AFTER_ANESTHESIA =
      Rx.compile(
          "\\b(?:after|following|once)\\s+(?:the\\s+)?(?:induction|sedation|an(?:a)?esthesia"
              + "|insertion|intubation|scope\\s+insertion|administration\\s+of|the\\s+scope\\s+was"
              + "\\s+(?:inserted|introduced|advanced|passed)|the\\s+stoma\\s+was\\s+intubated)\\b");
  private static final Pattern INSERTION_SHOWN =
      Rx.compile(
          "\\b(?:scope|colonoscope|endoscope|gastroscope)\\s+(?:was\\s+)?(?:then\\s+)?"
              + "(?:inserted|introduced|advanced|passed)\\b|\\bintubat(?:ed|ion)\\b|\\badvanced\\s+to\\b");
  private static final Pattern OTHER_CLOCK =
      Rx.compile(
          "\\b(?:procedure|withdrawal|fluoro[a-z]*|insertion|cecal|arrival|arrived|discharge"
              + "|recovery|scope)\\b");
  private static final Pattern BIOPSY = Rx.compile("biops");
  private static final Set<String> CLOCK_START =
      Set.of(
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
  private static final Set<String> CLOCK_STOP =
      Set.of(
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
  private static final Set<String> ELSEWHEN =
      Set.of(
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

  private static final Set<String> LATER =
      Set.of("planned", "scheduled", "recommended", "future", "anticipated", "intended");

  private static final Pattern[] QUANTITY_PATTERNS = {
    Quantities.SIZE,
    Quantities.DURATION,
    Quantities.DURATION_ARTICLE,
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
  private static final int DURATION_ARTICLE = 2;
  private static final int NUMBER = 3;
  private static final int COUNT_NOUN = 4;
  private static final int COUNT_TIMES = 5;
  private static final int COUNT_VERB = 6;
  private static final int COUNT_LABEL = 7;
  private static final int CLOCK = 8;
  private static final int MILITARY = 9;
  private static final int DILATION_ACT = 10;
  private static final int BALLOON_BARE = 11;
  private static final int BALLOON_BEFORE = 12;

  private final Lexicon lexicon;
  private final String text;
  private final String f;
  private final List<Sentence> sentences;
  private final long[] features;
  private final Ints occurrences = new Ints();
  private final int[] occurrencesFrom;
  private final boolean[] candidates;
  private final int[][] hypotheticalCues;
  private final int[][] conditionalCues;
  private final Matcher[] matchers;

  /** Matchers of the {@link Quantities} patterns, made on first use (most notes need few). */
  private final Matcher[] quantity = new Matcher[QUANTITY_PATTERNS.length];

  private final List<Hit> hits = new ArrayList<>();
  private final List<Value> balloonSizes = new ArrayList<>();
  private final List<Value> lumenSizes = new ArrayList<>();
  private final List<Value> counts = new ArrayList<>();
  private final List<Value> inflationSeconds = new ArrayList<>();
  private final List<Value> sedationMinutes = new ArrayList<>();
  private final List<Clock> clocks = new ArrayList<>();
  private int firstDilation = Integer.MAX_VALUE;

  private final NoteReading.Builder out = new NoteReading.Builder();
  private final Set<Long> seen = new HashSet<>();

  /** A phrase found in a sentence, with what its sentence says about it. */
  private record Hit(
      Trigger trigger, int sentence, int start, int end, Polarity polarity, String group) {
    Tag tag() {
      return trigger.tag();
    }

    DocumentationElement element() {
      return trigger.element();
    }
  }

  private record Raw(Trigger trigger, int start, int end, String group) {}

  /** A number found in a sentence; {@code flag} marks a lumen read from "dilated from X". */
  private record Value(double value, int sentence, int start, int end, boolean flag) {}

  private enum Role {
    START,
    STOP,
    ANY
  }

  private record Clock(int minuteOfDay, Role role, int sentence, int start, int end) {}

  Scan(Lexicon lexicon, String text) {
    this.lexicon = lexicon;
    this.text = text;
    this.f = NoteText.fold(text);
    this.sentences = Segmenter.split(text, f);
    int n = sentences.size();
    this.features = new long[n];
    this.occurrencesFrom = new int[n + 1];
    for (int i = 0; i < n; i++) {
      Sentence s = sentences.get(i);
      occurrencesFrom[i] = occurrences.size();
      lexicon.scanner.scan(f, s.start(), s.end(), occurrences);
      long found = 0;
      for (int k = occurrencesFrom[i]; k < occurrences.size(); k += 3) {
        found |= lexicon.featuresByAnchor[occurrences.get(k)];
      }
      features[i] = found;
    }
    occurrencesFrom[n] = occurrences.size();
    this.candidates = new boolean[lexicon.triggers.size()];
    this.hypotheticalCues = new int[n][];
    this.conditionalCues = new int[n][];
    this.matchers = new Matcher[lexicon.triggers.size()];
  }

  NoteReading read() {
    for (int i = 0; i < sentences.size(); i++) {
      phrases(i);
      numbers(i);
    }
    plain();
    extent();
    complications();
    sectionContent(Section.INDICATION, INDICATION);
    sectionContent(Section.PLAN, POST_PROCEDURE_INSTRUCTIONS);
    sedation();
    sedationTimes();
    dilation();
    lumen();
    distinct();
    return out.build();
  }

  // ---------------------------------------------------------------- phase 1: phrases

  private void phrases(int i) {
    Sentence s = sentences.get(i);
    List<Raw> raws = new ArrayList<>();
    List<Trigger> triggers = lexicon.triggers;
    Arrays.fill(candidates, false);
    for (int k : lexicon.unanchored) {
      candidates[k] = true;
    }
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      for (int t : lexicon.triggersByAnchor[occurrences.get(k)]) {
        candidates[t] = true;
      }
    }
    for (int k = 0; k < triggers.size(); k++) {
      Trigger t = triggers.get(k);
      if (!candidates[k] || !t.accepts(features[i], s.section())) {
        continue;
      }
      Matcher m = matcher(k);
      if (t.leading()) {
        tryAtAnchors(i, s, t, m, raws);
        continue;
      }
      m.region(s.start(), s.end());
      while (m.find()) {
        accept(s, t, m, raws);
      }
    }
    if (!raws.isEmpty()) {
      polarize(i, s, raws);
    }
  }

  /** Tries a leading trigger at the start of each word that holds one of its anchors. */
  private void tryAtAnchors(int i, Sentence s, Trigger t, Matcher m, List<Raw> raws) {
    int lastStart = -1;
    int lastEnd = -1;
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      int id = occurrences.get(k);
      if (!AnchorScanner.has(t.anyOf(), id) || !startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart || start < lastEnd) {
        continue;
      }
      lastStart = start;
      m.region(start, s.end());
      if (m.lookingAt()) {
        lastEnd = m.end();
        accept(s, t, m, raws);
      }
    }
  }

  /** Whether the occurrence at {@code k} may start a match: at its word's start, or allowed in. */
  private boolean startsItsWord(int k) {
    return occurrences.get(k + 1) == occurrences.get(k + 2)
        || !lexicon.anchorStartsWord[occurrences.get(k)];
  }

  private void accept(Sentence s, Trigger t, Matcher m, List<Raw> raws) {
    if (m.end() > m.start() && (t.guard() == null || t.guard().accept(f, s, m.start(), m.end()))) {
      raws.add(new Raw(t, m.start(), m.end(), m.groupCount() >= 1 ? m.group(1) : null));
    }
  }

  /** A quantity matcher; its look-behinds see the text before its region (a number's left). */
  private Matcher q(int which) {
    Matcher m = quantity[which];
    if (m == null) {
      m = QUANTITY_PATTERNS[which].matcher(f).useTransparentBounds(true);
      quantity[which] = m;
    }
    return m;
  }

  private Matcher matcher(int k) {
    Matcher m = matchers[k];
    if (m == null) {
      m = lexicon.triggers.get(k).pattern().matcher(f);
      // Let look-behinds see the words before a candidate start.
      m.useTransparentBounds(true);
      matchers[k] = m;
    }
    return m;
  }

  /**
   * Gives each phrase its polarity. Phrases of one element joined into a list ("no bleeding,
   * perforation or tear") share the cue before the first and the cue after the last.
   */
  private void polarize(int i, Sentence s, List<Raw> raws) {
    raws.sort(Comparator.comparing((Raw r) -> r.trigger().element()).thenComparingInt(Raw::start));
    int n = raws.size();
    Cues.Cue[] pre = new Cues.Cue[n];
    Cues.Cue[] post = new Cues.Cue[n];
    Cues.Cue[] own = new Cues.Cue[n];
    int[] head = new int[n];
    int[] tail = new int[n];
    for (int j = 0; j < n; j++) {
      Raw r = raws.get(j);
      pre[j] = Cues.before(f, s.start(), r.start());
      post[j] = Cues.after(f, r.end(), s.end());
      Cues.Cue inner =
          r.trigger().innerNegation() ? Cues.inside(f, r.start(), r.end()) : Cues.Cue.NONE;
      own[j] = inner.or(pre[j]).or(post[j]);
      Raw p = j > 0 ? raws.get(j - 1) : null;
      boolean linked =
          p != null
              && p.trigger().element() == r.trigger().element()
              && p.end() <= r.start()
              && Cues.joinsList(f, p.end(), r.start());
      head[j] = linked ? head[j - 1] : j;
    }
    for (int j = n - 1; j >= 0; j--) {
      tail[j] = j + 1 < n && head[j + 1] == head[j] ? tail[j + 1] : j;
    }
    for (int j = 0; j < n; j++) {
      Raw r = raws.get(j);
      Cues.Cue c = own[j];
      if (c == Cues.Cue.NONE && head[j] != j) {
        c = pre[head[j]];
      }
      if (c == Cues.Cue.NONE && tail[j] != j) {
        c = post[tail[j]];
      }
      Polarity polarity;
      if (c == Cues.Cue.UNRECORDED) {
        polarity = Polarity.UNRECORDED;
      } else if (c == Cues.Cue.ABSENT) {
        polarity =
            r.trigger().hypotheticalDrops() && conditional(i, s, r)
                ? Polarity.HYPOTHETICAL
                : Polarity.ABSENT;
      } else if (r.trigger().hypotheticalDrops() && hypothetical(i, s, r)) {
        polarity = Polarity.HYPOTHETICAL;
      } else {
        polarity = Polarity.AFFIRMED;
      }
      hits.add(new Hit(r.trigger(), i, r.start(), r.end(), polarity, r.group()));
    }
  }

  /** "If the cecum cannot be reached": a negation inside a condition is no report either. */
  private boolean conditional(int i, Sentence s, Raw r) {
    int[] cues = conditionalCues[i];
    if (cues == null) {
      cues = Cues.conditionalCues(f, s.start(), s.end());
      conditionalCues[i] = cues;
    }
    return cues.length > 0 && cues[0] < r.start();
  }

  private boolean hypothetical(int i, Sentence s, Raw r) {
    if (Cues.modalAfter(f, r.end(), s.end())) {
      return true;
    }
    int[] cues = hypotheticalCues[i];
    if (cues == null) {
      cues = Cues.hypotheticalCues(f, s.start(), s.end());
      hypotheticalCues[i] = cues;
    }
    return cues.length > 0 && cues[0] < r.start();
  }

  // ---------------------------------------------------------------- phase 1: numbers

  private void numbers(int i) {
    Sentence s = sentences.get(i);
    boolean thisProcedure = s.section().describesThisProcedure();
    if (thisProcedure && has(i, Feature.DILATE) && firstDilation == Integer.MAX_VALUE) {
      atAnchors(
          i,
          s,
          Lexicon.bit(Feature.DILATE),
          q(DILATION_ACT),
          m -> firstDilation = Math.min(firstDilation, m.start()));
    }
    if (!has(i, Feature.DIGIT, Feature.NUMBER_WORD)) {
      return;
    }
    boolean units = has(i, Feature.UNIT);
    boolean counting = thisProcedure && has(i, Feature.DILATE, Feature.BALLOON, Feature.COUNT_WORD);
    boolean clocks = sedationContext(i);
    long numberStarts = Lexicon.bit(Feature.DIGIT) | Lexicon.bit(Feature.NUMBER_WORD);
    int lastStart = -1;
    int sizeEnd = -1;
    int durationEnd = -1;
    List<Value> found = counting ? new ArrayList<>() : List.of();
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & numberStarts) == 0 || !startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart) {
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
      if (thisProcedure
          && start >= sizeEnd
          && has(i, Feature.BALLOON)
          && "ct,/-".indexOf(following) >= 0) {
        Matcher m = q(BALLOON_BEFORE).region(start, s.end());
        if (m.lookingAt()) {
          sizeEnd = m.end();
          bareBalloon(i, s, m);
        }
      }
      // A unit, or a list of sizes going on: ", 16.5", "-19", "/18", "to 15", "and 18", "or".
      if (units && start >= sizeEnd && ",/-mcato".indexOf(following) >= 0) {
        Matcher m = q(SIZE).region(start, s.end());
        if (m.lookingAt()) {
          sizeEnd = m.end();
          size(i, s, thisProcedure, m);
        }
      }
      if (start >= durationEnd && "smh".indexOf(nextWord) >= 0) {
        Matcher m = q(DURATION).region(start, s.end());
        if (m.lookingAt()) {
          durationEnd = m.end();
          duration(i, s, thisProcedure, m, m.group(1));
        }
      }
      if (counting && Character.isLetter(nextWord)) {
        Matcher m = q(COUNT_NOUN).region(start, s.end());
        if (m.lookingAt()) {
          count(i, s, m, m.group(1), m.group(2), found);
        }
      }
      if (clocks && Character.isDigit(f.charAt(start))) {
        if (next == ':') {
          Matcher m = q(CLOCK).region(start, s.end());
          if (m.lookingAt()) {
            clock(i, s, m);
          }
        } else if (after - start == 4) {
          Matcher m = q(MILITARY).region(start, s.end());
          if (m.lookingAt()) {
            military(i, s, m);
          }
        }
      }
    }
    if (thisProcedure && has(i, Feature.BALLOON)) {
      atAnchors(i, s, Lexicon.bit(Feature.BALLOON), q(BALLOON_BARE), m -> bareBalloon(i, s, m));
    }
    if (has(i, Feature.MINUTE)) {
      Matcher article = q(DURATION_ARTICLE).region(s.start(), s.end());
      while (article.find()) {
        String amount = article.group(1).startsWith("half") ? "0.5" : "1";
        duration(i, s, thisProcedure, article, amount);
      }
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
    return e;
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
   * Runs {@code m} at the start of each word of sentence {@code i} that holds an anchor of the
   * given features (numbers start at a digit or a number word), never inside an earlier match.
   */
  private void atAnchors(
      int i, Sentence s, long wanted, Matcher m, java.util.function.Consumer<Matcher> onMatch) {
    int lastStart = -1;
    int lastEnd = -1;
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & wanted) == 0 || !startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart || start < lastEnd) {
        continue;
      }
      lastStart = start;
      m.region(start, s.end());
      if (m.lookingAt()) {
        lastEnd = m.end();
        onMatch.accept(m);
      }
    }
  }

  /** Balloon sizes written without a unit, next to the balloon's name: millimetres. */
  private void bareBalloon(int i, Sentence s, Matcher m) {
    if (elsewhen(s, m.start())) {
      return;
    }
    List<Double> values = numbersIn(m.start(1), m.end(2));
    for (double mm : values) {
      if (mm >= 5 && mm <= 40) {
        balloonSizes.add(new Value(mm, i, m.start(), m.end(), false));
        firstDilation = Math.min(firstDilation, m.start());
      }
    }
  }

  private void size(int i, Sentence s, boolean thisProcedure, Matcher m) {
    if (!thisProcedure || elsewhen(s, m.start())) {
      return;
    }
    boolean cm = m.group(3).charAt(0) == 'c';
    List<Double> values = numbersIn(m.start(1), m.end(2));
    Quantities.SizeKind kind =
        Quantities.classifySize(f, s, m.start(), m.end(), values.size() == 1, cm);
    double factor = cm ? 10 : 1;
    switch (kind) {
      case BALLOON -> {
        for (double v : values) {
          double mm = v * factor;
          if (mm >= 5 && mm <= 40) {
            balloonSizes.add(new Value(mm, i, m.start(), m.end(), false));
            firstDilation = Math.min(firstDilation, m.start());
          }
        }
      }
      case LUMEN, LUMEN_FROM -> {
        double mm = values.get(0) * factor;
        if (mm >= 0.5 && mm <= 40) {
          lumenSizes.add(
              new Value(mm, i, m.start(), m.end(), kind == Quantities.SizeKind.LUMEN_FROM));
        }
      }
      default -> {
        // a distance, a length, a scope, a polyp: not ours
      }
    }
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
    double v = Quantities.parse(amount);
    if (Double.isNaN(v) || !thisProcedure || elsewhen(s, m.start())) {
      return;
    }
    String unit = m.group(2);
    boolean seconds = unit.charAt(0) == 's';
    double secs = unit.charAt(0) == 'h' ? v * 3600 : unit.charAt(0) == 'm' ? v * 60 : v;
    Quantities.DurationKind kind = Quantities.classifyDuration(f, s, m.start(), m.end());
    if (kind == Quantities.DurationKind.INFLATION && secs >= 3 && secs <= 600) {
      inflationSeconds.add(new Value(secs, i, m.start(), m.end(), false));
      firstDilation = Math.min(firstDilation, m.start());
    } else if (kind == Quantities.DurationKind.SEDATION && !seconds) {
      double minutes = secs / 60;
      if (minutes >= 1 && minutes <= 600) {
        sedationMinutes.add(new Value(minutes, i, m.start(), m.end(), false));
      }
    }
  }

  /** The counts that do not start with a number ("x3", "inflated twice", "Inflations: 2"). */
  private void counts(int i, Sentence s, List<Value> found) {
    atAnchors(
        i,
        s,
        Lexicon.bit(Feature.TIMES_X),
        q(COUNT_TIMES),
        m -> {
          if (!BIOPSY.matcher(f).region(s.start(), s.end()).find()) {
            count(i, s, m, m.group(1), null, found);
          }
        });
    atAnchors(
        i,
        s,
        Lexicon.bit(Feature.COUNT_VERB),
        q(COUNT_VERB),
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
        q(COUNT_LABEL),
        m -> count(i, s, m, m.group(1), null, found));
    found.sort(Comparator.comparingInt(Value::start));
    for (Value v : found) {
      counts.add(v);
      firstDilation = Math.min(firstDilation, v.start());
    }
  }

  private void count(int i, Sentence s, Matcher m, String number, String noun, List<Value> found) {
    double n = Quantities.parse(number.replaceAll("\\s+", " "));
    if (noun != null && !noun.endsWith("s") && n != 1) {
      return;
    }
    if (n >= 1 && n <= 20 && !elsewhen(s, m.start())) {
      found.add(new Value(n, i, m.start(), m.end(), false));
    }
  }

  /** A sentence where a clock time is a sedation time. */
  private boolean sedationContext(int i) {
    Sentence s = sentences.get(i);
    if (s.section().isSedation() || has(i, Feature.SEDATION)) {
      return s.section().describesThisProcedure();
    }
    boolean beside =
        (i > 0 && has(i - 1, Feature.SEDATION))
            || (i + 1 < sentences.size() && has(i + 1, Feature.SEDATION));
    return beside
        && has(i, Feature.CLOCK)
        && !OTHER_CLOCK.matcher(f).region(s.start(), s.end()).find();
  }

  private void clock(int i, Sentence s, Matcher m) {
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
    Role role = roleBefore(s, m.start());
    if (role != null) {
      clocks.add(new Clock(h * 60 + min, role, i, m.start(), m.end()));
    }
  }

  private void military(int i, Sentence s, Matcher m) {
    Role role = roleBefore(s, m.start());
    if (role == null || (role == Role.ANY && m.group(3) == null)) {
      return;
    }
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    clocks.add(new Clock(h * 60 + min, role, i, m.start(), m.end()));
  }

  /**
   * START or STOP from the words just before a time, ANY when none says; null when the time belongs
   * to something else ("procedure start 09:10", "withdrawal 09:30").
   */
  private Role roleBefore(Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    Role role = null;
    for (int k = 0; k < 4 && c.prev(); k++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '-' && k == 0 && role == null) {
          role = Role.STOP;
        }
        if (c.punct() == ',' || c.punct() == ';') {
          break;
        }
        continue;
      }
      if (role == null && CLOCK_START.contains(w)) {
        role = Role.START;
      } else if (role == null && CLOCK_STOP.contains(w)) {
        role = Role.STOP;
      } else if (w.equals("at") || w.equals("time") || w.equals("times") || c.isNumber()) {
        continue;
      } else if (w.startsWith("sedat") || w.startsWith("intraservice") || w.startsWith("an")) {
        break;
      } else if (OTHER_CLOCK.matcher(w).matches()) {
        return null;
      }
    }
    return role == null ? Role.ANY : role;
  }

  /** Whether the words around {@code at} in its clause put it in the past or future. */
  private boolean elsewhen(Sentence s, int at) {
    TokenCursor ahead = new TokenCursor(f, at, s.end(), at);
    for (int k = 0; k < 8 && ahead.next(); k++) {
      String w = ahead.word();
      if (w == null) {
        char p = ahead.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          break;
        }
        continue;
      }
      if (LATER.contains(w)) {
        return true;
      }
    }
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    String after = null;
    for (int k = 0; k < 15 && c.prev(); k++) {
      String w = c.word();
      if (w == null) {
        char p = c.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          return false;
        }
        after = null;
        continue;
      }
      if (ELSEWHEN.contains(w) || (w.equals("prior") && !"to".equals(after))) {
        return true;
      }
      after = w;
    }
    return false;
  }

  // ---------------------------------------------------------------- phase 2

  private void plain() {
    for (Hit h : hits) {
      switch (h.tag()) {
        case PLAIN, INSTR_EXPLICIT -> {
          if (h.polarity() == Polarity.AFFIRMED) {
            mention(h, false);
          } else if (h.polarity() != Polarity.HYPOTHETICAL) {
            mention(h, true);
          }
        }
        case NEG_ONLY -> {
          if (isNegative(h.polarity())) {
            mention(h, true);
          }
        }
        default -> {
          // handled per element below
        }
      }
    }
  }

  private void extent() {
    Hit strong = null;
    Hit complete = null;
    Hit weak = null;
    List<Hit> stops = new ArrayList<>();
    for (Hit h : hits) {
      if (h.element() != EXTENT_OF_EXAM) {
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.UNRECORDED) {
        mention(h, true);
        continue;
      }
      Tag kind = h.tag();
      if (kind == Tag.EXTENT_LABEL) {
        kind = extentLabel(h);
        if (kind == null) {
          continue;
        }
        if (kind == Tag.NEG_ONLY) {
          mention(h, true);
          continue;
        }
      }
      switch (kind) {
        case COMPLETE -> {
          if (p == Polarity.AFFIRMED) {
            complete = first(complete, h);
          } else if (p == Polarity.ABSENT) {
            strong = first(strong, h);
          }
        }
        case COMPLETE_LANDMARK -> {
          if (p == Polarity.AFFIRMED) {
            complete = first(complete, h);
          }
        }
        case INCOMPLETE_STRONG -> {
          if (p == Polarity.AFFIRMED) {
            strong = first(strong, h);
          }
        }
        case DISCONTINUED -> {
          if (p == Polarity.AFFIRMED) {
            strong = first(strong, h);
            stops.add(h);
          }
        }
        case INCOMPLETE_WEAK -> {
          if (p == Polarity.AFFIRMED) {
            weak = first(weak, h);
          }
        }
        default -> {
          continue;
        }
      }
      if (p == Polarity.AFFIRMED || p == Polarity.ABSENT) {
        mention(h, false);
      }
    }
    Hit decided = strong != null ? strong : complete != null ? complete : weak;
    if (decided != null) {
      out.extent = decided == complete ? ExamExtent.COMPLETE : ExamExtent.INCOMPLETE;
      out.preferred.put(EXTENT_OF_EXAM, mention(decided, false));
      if (out.extent == ExamExtent.INCOMPLETE) {
        out.incompleteReason = reason(decided);
      }
    }
    if (!stops.isEmpty()) {
      out.discontinued = true;
      out.discontinuedAt = discontinuedAt(stops);
    }
  }

  /** What "Extent: ..." names: complete, incomplete, not recorded (NEG_ONLY), or nothing. */
  private Tag extentLabel(Hit h) {
    Sentence s = sentences.get(h.sentence());
    int end = s.end();
    int semi = f.indexOf(';', h.end());
    if (semi >= 0 && semi < end) {
      end = semi;
    }
    end = Math.min(end, h.end() + 80);
    Cues.Cue cue = Cues.content(f, h.end(), end);
    if (cue != Cues.Cue.NONE) {
      return Tag.NEG_ONLY;
    }
    String content = f.substring(h.end(), end);
    if (content.contains("incomplete")) {
      return Tag.INCOMPLETE_STRONG;
    }
    if (content.contains("cecum")
        || content.contains("caecum")
        || content.contains("cecal")
        || content.contains("ileum")
        || content.contains("anastomosis")
        || content.contains("complete")
        || content.contains("ileocecal")
        || content.contains("appendiceal")) {
      return Tag.COMPLETE;
    }
    if (content.contains("flexure")
        || content.contains("colon")
        || content.contains("sigmoid")
        || content.contains("rectum")
        || content.contains(" cm")
        || content.contains("stoma")) {
      return Tag.INCOMPLETE_STRONG;
    }
    return null;
  }

  private String reason(Hit h) {
    for (int k = h.sentence(); k < Math.min(sentences.size(), h.sentence() + 2); k++) {
      Sentence s = sentences.get(k);
      Matcher m = REASON.matcher(f).region(s.start(), s.end());
      if (m.find()) {
        return trimmed(m.start(1), m.end(1));
      }
      m = REASON_PHRASE.matcher(f).region(s.start(), s.end());
      if (m.find()) {
        return trimmed(m.start(), m.end());
      }
    }
    return null;
  }

  private DiscontinuedAt discontinuedAt(List<Hit> stops) {
    for (Hit h : stops) {
      Sentence s = sentences.get(h.sentence());
      if (BEFORE_ANESTHESIA.matcher(f).region(s.start(), s.end()).find()) {
        return DiscontinuedAt.BEFORE_ANESTHESIA;
      }
      if (AFTER_ANESTHESIA.matcher(f).region(s.start(), s.end()).find()) {
        return DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION;
      }
    }
    // No word on when: the note shows it if the scope went in or sedation was given.
    boolean inserted =
        out.mentions.stream().anyMatch(m -> m.element() == ROUTE_THROUGH_STOMA && !m.negated());
    for (int i = 0; i < sentences.size() && !inserted; i++) {
      Sentence s = sentences.get(i);
      inserted =
          s.section().describesThisProcedure()
              && INSERTION_SHOWN.matcher(f).region(s.start(), s.end()).find();
    }
    if (inserted) {
      return DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION;
    }
    for (Hit h : hits) {
      if ((h.tag() == Tag.SED_MAC
              || h.tag() == Tag.SED_MODERATE
              || h.tag() == Tag.SED_DRUG_MAC
              || h.tag() == Tag.SED_DRUG_MODERATE)
          && h.polarity() == Polarity.AFFIRMED) {
        return DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION;
      }
    }
    return null;
  }

  private void complications() {
    for (Hit h : hits) {
      if (h.element() != COMPLICATIONS) {
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.HYPOTHETICAL) {
        continue;
      }
      if (p == Polarity.UNRECORDED) {
        mention(h, true);
        continue;
      }
      switch (h.tag()) {
        case COMP_EVENT -> {
          ElementMention m = mention(h, false);
          if (p == Polarity.AFFIRMED && !out.complicationsOccurred) {
            out.complicationsOccurred = true;
            out.preferred.put(COMPLICATIONS, m);
          }
        }
        case COMP_GENERIC, COMP_EBL -> {
          if (p == Polarity.ABSENT || hasContentAfter(h)) {
            mention(h, false);
          }
        }
        case COMP_NONE -> {
          if (p == Polarity.AFFIRMED) {
            mention(h, false);
          }
        }
        default -> {
          // no other tags for this element
        }
      }
    }
    sectionContent(Section.COMPLICATIONS, COMPLICATIONS);
  }

  private boolean hasContentAfter(Hit h) {
    Sentence s = sentences.get(h.sentence());
    for (int i = h.end(); i < s.end(); i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sentences under a heading (or after a label) of a section that is itself an element:
   * "Indication: stomal stenosis", "COMPLICATIONS:\nNone", "Plan: ...".
   */
  private void sectionContent(Section section, DocumentationElement element) {
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (s.section() != section || s.headingOnly()) {
        continue;
      }
      Cues.Cue cue = Cues.content(f, s.contentStart(), s.end());
      if (cue == Cues.Cue.UNRECORDED || (cue == Cues.Cue.ABSENT && !absenceDocuments(element))) {
        mention(element, true, i, s.start(), s.end(), true);
      } else if (hasText(s.contentStart(), s.end())) {
        mention(element, false, i, s.start(), s.end(), true);
      }
    }
  }

  private static boolean absenceDocuments(DocumentationElement element) {
    return element == COMPLICATIONS;
  }

  private boolean hasText(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void sedation() {
    Hit mac = null;
    Hit moderate = null;
    Hit none = null;
    Hit drugMac = null;
    Hit drugModerate = null;
    for (Hit h : hits) {
      if (h.element() != SEDATION_TYPE) {
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.UNRECORDED) {
        mention(h, true);
        continue;
      }
      switch (h.tag()) {
        case SED_MAC -> mac = p == Polarity.AFFIRMED ? first(mac, h) : mac;
        case SED_MODERATE -> moderate = p == Polarity.AFFIRMED ? first(moderate, h) : moderate;
        case SED_NONE -> none = p == Polarity.AFFIRMED ? first(none, h) : none;
        case SED_GENERIC -> none = p == Polarity.ABSENT ? first(none, h) : none;
        case SED_DRUG_MAC -> drugMac = p == Polarity.AFFIRMED ? first(drugMac, h) : drugMac;
        case SED_DRUG_MODERATE ->
            drugModerate = p == Polarity.AFFIRMED ? first(drugModerate, h) : drugModerate;
        default -> {
          continue;
        }
      }
      boolean generic = h.tag() == Tag.SED_GENERIC;
      if ((!generic && p == Polarity.AFFIRMED) || (generic && p == Polarity.ABSENT)) {
        mention(h, false);
      }
    }
    // "Sedation:\nNone", "Anesthesia: not documented".
    Sentence noneHeading = null;
    int noneIndex = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (s.headingOnly() || !s.section().isSedation()) {
        continue;
      }
      Cues.Cue cue = Cues.content(f, s.contentStart(), s.end());
      DocumentationElement element =
          s.section() == Section.SEDATION_TIME ? SEDATION_TIMES : SEDATION_TYPE;
      if (cue == Cues.Cue.UNRECORDED || (cue == Cues.Cue.ABSENT && element == SEDATION_TIMES)) {
        mention(element, true, i, s.start(), s.end(), true);
      } else if (cue == Cues.Cue.ABSENT && noneHeading == null) {
        noneHeading = s;
        noneIndex = i;
      }
    }
    Hit decided =
        mac != null
            ? mac
            : moderate != null
                ? moderate
                : none != null ? none : drugMac != null ? drugMac : drugModerate;
    if (decided != null) {
      out.sedationType =
          decided == mac || decided == drugMac
              ? SedationType.MAC_OR_ANESTHESIA
              : decided == none ? SedationType.NONE : SedationType.MODERATE;
      out.preferred.put(SEDATION_TYPE, mention(decided, false));
    } else if (noneHeading != null) {
      out.sedationType = SedationType.NONE;
      out.preferred.put(
          SEDATION_TYPE,
          mention(SEDATION_TYPE, false, noneIndex, noneHeading.start(), noneHeading.end(), true));
    }
  }

  private void sedationTimes() {
    if (!sedationMinutes.isEmpty()) {
      Value v = sedationMinutes.get(0);
      out.sedationMinutes = (int) Math.round(v.value());
      out.preferred.put(SEDATION_TIMES, mention(SEDATION_TIMES, false, v));
    }
    if (clocks.size() < 2) {
      return;
    }
    Clock start = null;
    for (Clock c : clocks) {
      if (c.role() == Role.START) {
        start = c;
        break;
      }
    }
    if (start == null) {
      start = clocks.get(0);
    }
    Clock stop = null;
    for (Clock c : clocks) {
      if (c.start() > start.start() && c.role() == Role.STOP) {
        stop = c;
        break;
      }
    }
    if (stop == null) {
      Clock last = clocks.get(clocks.size() - 1);
      stop = last.start() > start.start() && last.role() != Role.START ? last : null;
    }
    if (stop == null) {
      return;
    }
    int minutes = stop.minuteOfDay() - start.minuteOfDay();
    if (minutes < 0) {
      // "11:50 to 12:15" written without am/pm, or a case across midnight.
      minutes += (minutes > -12 * 60) ? 12 * 60 : 24 * 60;
    }
    if (minutes < 1 || minutes > 600) {
      return;
    }
    out.sedationStart = LocalTime.of(start.minuteOfDay() / 60, start.minuteOfDay() % 60);
    out.sedationStop = LocalTime.of(stop.minuteOfDay() / 60, stop.minuteOfDay() % 60);
    if (out.sedationMinutes == null) {
      out.sedationMinutes = minutes;
    }
    ElementMention m =
        mention(SEDATION_TIMES, false, start.sentence(), start.start(), start.end(), false);
    if (stop.sentence() != start.sentence()) {
      mention(SEDATION_TIMES, false, stop.sentence(), stop.start(), stop.end(), false);
    }
    out.preferred.putIfAbsent(SEDATION_TIMES, m);
  }

  private void dilation() {
    for (Value v : balloonSizes) {
      out.balloon.add(v.value());
      mention(BALLOON_DIAMETER, false, v);
    }
    if (!counts.isEmpty()) {
      out.inflationCount = (int) counts.get(0).value();
      counts.forEach(v -> mention(INFLATION_COUNT, false, v));
    }
    if (!inflationSeconds.isEmpty()) {
      out.inflationSeconds = (int) Math.round(inflationSeconds.get(0).value());
      inflationSeconds.forEach(v -> mention(INFLATION_DURATION, false, v));
    }
  }

  private void lumen() {
    for (Value v : lumenSizes) {
      boolean post = !v.flag() && isAfterDilation(v.sentence(), v.start());
      if (post) {
        if (out.postLumen == null) {
          out.postLumen = v.value();
        }
        mention(POST_DILATION_LUMEN, false, v);
      } else {
        if (out.preLumen == null) {
          out.preLumen = v.value();
        }
        mention(PRE_DILATION_LUMEN, false, v);
      }
    }
    for (Hit h : hits) {
      switch (h.tag()) {
        case LUMEN_PIN -> {
          if (h.polarity() != Polarity.UNRECORDED) {
            boolean post = temporal(h.sentence(), h.start()) > 0;
            mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_NEG -> {
          int when = temporal(h.sentence(), h.start());
          if (h.polarity() != Polarity.UNRECORDED && (when != 0 || aboutStricture(h))) {
            boolean post = when > 0 || (when == 0 && h.start() > firstDilation);
            mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_POS -> {
          if (h.polarity() != Polarity.AFFIRMED) {
            continue;
          }
          int when = temporal(h.sentence(), h.start());
          if (when < 0) {
            mention(PRE_DILATION_LUMEN, false, h);
          } else if (when > 0 || (aboutStricture(h) && h.start() > firstDilation)) {
            mention(POST_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_NEG_ONLY -> {
          if (isNegative(h.polarity())) {
            boolean post = f.startsWith("post", h.start());
            mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, true, h);
          }
        }
        default -> {
          // not a lumen phrase
        }
      }
    }
  }

  private boolean aboutStricture(Hit h) {
    return has(h.sentence(), Feature.STRICTURE, Feature.PINHOLE, Feature.LUMEN);
  }

  /** A lumen size is "after" when its sentence says so, or when the dilation came before it. */
  private boolean isAfterDilation(int sentence, int at) {
    int when = temporal(sentence, at);
    return when != 0 ? when > 0 : at > firstDilation;
  }

  /**
   * +1 when the nearest explicit time cue in the sentence says "after the dilation", -1 when it
   * says "before", 0 when there is none.
   */
  private int temporal(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    int from = Math.max(s.start(), at - 160);
    int to = Math.min(s.end(), at + 160);
    List<String> words = new ArrayList<>(32);
    int[] starts = new int[64];
    TokenCursor c = new TokenCursor(f, from, to, from);
    while (c.next() && words.size() < starts.length) {
      if (c.isWord()) {
        starts[words.size()] = c.start();
        words.add(c.word());
      }
    }
    int best = 0;
    int bestDistance = Integer.MAX_VALUE;
    for (int k = 0; k < words.size(); k++) {
      int dir = cueDirection(words, k);
      if (dir != 0) {
        int d = Math.abs(starts[k] - at);
        if (d < bestDistance) {
          bestDistance = d;
          best = dir;
        }
      }
    }
    return best;
  }

  private static int cueDirection(List<String> words, int k) {
    String w = words.get(k);
    switch (w) {
      case "before", "prior" -> {
        return dilationWithin(words, k) ? -1 : 0;
      }
      case "after", "following", "post", "status" -> {
        return dilationWithin(words, k) ? 1 : 0;
      }
      case "pre" -> {
        return k + 1 < words.size() && isDilationWord(words.get(k + 1)) ? -1 : 0;
      }
      case "pre-dilation",
          "predilation",
          "pre-dilatation",
          "predilatation",
          "initially",
          "initial",
          "originally",
          "baseline" -> {
        return -1;
      }
      case "post-dilation",
          "postdilation",
          "post-dilatation",
          "postdilatation",
          "afterwards",
          "afterward",
          "thereafter",
          "subsequently",
          "resulting",
          "final",
          "finally",
          "achieved",
          "improved",
          "increased",
          "widened",
          "enlarged",
          "opened" -> {
        return 1;
      }
      case "dilated" -> {
        if (k + 1 < words.size()) {
          String n = words.get(k + 1);
          if (n.startsWith("strictur")
              || n.equals("segment")
              || n.equals("area")
              || n.equals("site")
              || n.equals("lumen")
              || n.equals("region")
              || n.equals("portion")) {
            return 1;
          }
        }
        return 0;
      }
      default -> {
        return 0;
      }
    }
  }

  private static boolean dilationWithin(List<String> words, int k) {
    for (int j = k + 1; j < Math.min(words.size(), k + 4); j++) {
      if (isDilationWord(words.get(j))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDilationWord(String w) {
    return w.startsWith("dilat")
        || w.startsWith("inflat")
        || w.startsWith("balloon")
        || w.equals("treatment")
        || w.equals("therapy")
        || w.equals("intervention");
  }

  private void distinct() {
    int count = 0;
    for (Hit h : hits) {
      if (h.element() != DISTINCT_STRICTURE || h.polarity() == Polarity.HYPOTHETICAL) {
        continue;
      }
      Polarity p = h.polarity();
      switch (h.tag()) {
        case DIST_BASE -> {
          if (p == Polarity.AFFIRMED) {
            count = Math.max(count, 1);
          }
        }
        case DIST_SINGLE -> {
          count = Math.max(count, 1);
          mention(h, true);
        }
        case DIST_COUNT, DIST_ORDINAL -> {
          if (p != Polarity.AFFIRMED) {
            mention(h, true);
            continue;
          }
          double n = h.group() == null ? Double.NaN : Quantities.parse(h.group());
          if (n >= 2 && n <= 20) {
            count = Math.max(count, (int) n);
            mention(h, false);
          }
        }
        case DIST_LOCATIONS -> {
          if (p == Polarity.AFFIRMED) {
            count = Math.max(count, 2);
            mention(h, false);
          }
        }
        default -> {
          // not a stricture-count phrase
        }
      }
    }
    out.distinctStrictures = count;
  }

  // ---------------------------------------------------------------- mentions

  /** Whether the sentence holds an anchor of any of the features. */
  private boolean has(int sentence, Feature... wanted) {
    for (Feature feature : wanted) {
      if ((features[sentence] & Lexicon.bit(feature)) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNegative(Polarity p) {
    return p == Polarity.ABSENT || p == Polarity.UNRECORDED;
  }

  private static Hit first(Hit current, Hit candidate) {
    return current == null ? candidate : current;
  }

  private ElementMention mention(Hit h, boolean negated) {
    return mention(h.element(), negated, h.sentence(), h.start(), h.end(), false);
  }

  private ElementMention mention(DocumentationElement e, boolean negated, Hit h) {
    return mention(e, negated, h.sentence(), h.start(), h.end(), false);
  }

  private ElementMention mention(DocumentationElement e, boolean negated, Value v) {
    return mention(e, negated, v.sentence(), v.start(), v.end(), false);
  }

  private ElementMention mention(
      DocumentationElement e,
      boolean negated,
      int sentence,
      int start,
      int end,
      boolean withHeading) {
    Sentence s = sentences.get(sentence);
    int a = s.start();
    int b = s.end();
    if (withHeading && s.headingStart() >= 0 && b - s.headingStart() <= MAX_EVIDENCE) {
      a = s.headingStart();
    }
    if (b - a > MAX_EVIDENCE) {
      int center = (start + end) / 2;
      a = Math.max(s.start(), center - MAX_EVIDENCE / 2);
      b = Math.min(s.end(), a + MAX_EVIDENCE);
      a = Math.max(s.start(), b - MAX_EVIDENCE);
      while (a > s.start() && a < start && f.charAt(a - 1) != ' ' && f.charAt(a - 1) != '\n') {
        a++;
      }
      while (b < s.end() && b > end && f.charAt(b) != ' ' && f.charAt(b) != '\n') {
        b--;
      }
    }
    while (a < b && Character.isWhitespace(text.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    ElementMention m = new ElementMention(e, negated, text.substring(a, b), a, b);
    long key = ((long) e.ordinal() << 40) | ((negated ? 1L : 0L) << 39) | a;
    if (seen.add(key)) {
      out.mentions.add(m);
    }
    return m;
  }

  private String trimmed(int a, int b) {
    while (a < b && !Character.isLetterOrDigit(text.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(text.charAt(b - 1))) {
      b--;
    }
    return text.substring(a, b);
  }
}
