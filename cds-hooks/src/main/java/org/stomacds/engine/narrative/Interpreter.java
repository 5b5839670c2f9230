package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Turns the hits and numbers of a note into its reading, element by element: which are documented
 * (and by which words), which are said to be missing, and the values. The elements that need more
 * than a pass over the hits have readers of their own (extent, reach, complications, indication,
 * sedation, lumen); this class runs them in order and reads the rest.
 */
final class Interpreter {

  private final IndexedNote note;
  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final NumberFinder.Found numbers;
  private final List<Value> balloonSizes;
  private final List<Value> counts;
  private final List<Value> inflationSeconds;
  private final Mentions mentions;
  private final NoteReading.Builder out;

  private Interpreter(IndexedNote note, List<Hit> hits, NumberFinder.Found numbers) {
    this.note = note;
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.numbers = numbers;
    this.balloonSizes = numbers.balloonSizes();
    this.counts = numbers.counts();
    this.inflationSeconds = numbers.inflationSeconds();
    this.mentions = new Mentions(note);
    this.out = mentions.out;
  }

  /** Reads a note: phrases, numbers, then element by element. */
  static NoteReading read(Lexicon lexicon, String text) {
    return read(new IndexedNote(lexicon, text));
  }

  /** Reads a note and what it says was done, from one fold and one cut into sentences. */
  static NoteReader.Readings readWithService(Lexicon lexicon, String text) {
    IndexedNote note = new IndexedNote(lexicon, text);
    return new NoteReader.Readings(read(note), note.service());
  }

  private static NoteReading read(IndexedNote note) {
    List<Hit> hits = new PhraseFinder(note).find();
    NumberFinder.Found numbers = new NumberFinder(note).find();
    return new Interpreter(note, hits, numbers).interpret();
  }

  private NoteReading interpret() {
    plain();
    new FluoroscopyReader(note, mentions).read();
    EndPoint endPoint = new EndPoint(note);
    new ExtentReader(note, hits, mentions, endPoint).read();
    new ReachReader(note, mentions, endPoint).read();
    complications();
    sectionContent(Section.INDICATION, INDICATION);
    new IndicationReader(note, hits, numbers, mentions).read();
    sectionContent(Section.PLAN, POST_PROCEDURE_INSTRUCTIONS);
    new SedationReader(note, hits, numbers, mentions).read();
    distinct();
    int addendum = addendumStart();
    dilation(addendum);
    new LumenReader(note, hits, numbers, mentions).read(addendum);
    return out.build();
  }

  private void plain() {
    for (Hit h : hits) {
      switch (h.tag()) {
        case PLAIN, INSTR_EXPLICIT -> {
          if (h.tag() == Tag.INSTR_EXPLICIT && labelsPlan(h)) {
            // "Post-procedure instructions:" over "Follow-up: clinic 2 weeks": the heading names
            // the field; what it holds is read as the plan's content (coding decision 5)
            continue;
          }
          if (h.polarity() == Polarity.AFFIRMED && labelsNothing(h)) {
            // "Post-procedure instructions: see nursing sheet", "Aftercare: N/A": an empty field
            mentions.mention(h, true);
          } else if (h.polarity() == Polarity.AFFIRMED) {
            mentions.mention(h, false);
          } else if (h.polarity() != Polarity.HYPOTHETICAL) {
            mentions.mention(h, true);
          }
        }
        case NEG_ONLY -> {
          if (h.polarity().isNegative()) {
            mentions.mention(h, true);
          }
        }
        default -> {
          // handled per element below
        }
      }
    }
  }

  /** Whether hit {@code h} is the label or heading of a plan section, not what it holds. */
  private boolean labelsPlan(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return s.section() == Section.PLAN && (s.headingOnly() || h.end() <= s.contentStart());
  }

  /**
   * Whether hit {@code h} is only the label of a field that holds nothing: its content points
   * elsewhere ("see nursing discharge sheet") or is an empty mark ("N/A", "___").
   */
  private boolean labelsNothing(Hit h) {
    Sentence s = sentences.get(h.sentence());
    if (s.headingOnly() || h.end() > s.contentStart() || s.contentStart() >= s.end()) {
      return false;
    }
    Cues.Cue cue = Cues.content(f, s.contentStart(), s.end());
    return cue == Cues.Cue.UNRECORDED
        || IndicationReader.DEFERRED.matcher(f).region(s.contentStart(), s.end()).lookingAt();
  }

  private void complications() {
    complications = new ComplicationsReader(note, hits, mentions);
    complications.read();
    sectionContent(Section.COMPLICATIONS, COMPLICATIONS);
  }

  /** Read first, so that a complications field filled in after discharge is left to its visit. */
  private ComplicationsReader complications;

  /**
   * Sentences under a heading (or after a label) of a section that is itself an element:
   * "Indication: stomal stenosis", "COMPLICATIONS:\nNone", "Plan: ...".
   */
  private void sectionContent(Section section, DocumentationElement element) {
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (s.section() != section
          || s.headingOnly()
          || (element == POST_PROCEDURE_INSTRUCTIONS && !PlanContent.mayInstruct(f, s))
          || (element == COMPLICATIONS
              && (bloodLossLabel(s)
                  || complications.afterDischarge(i)
                  || ComplicationLabels.onlyHowItWent(f, s)))) {
        continue;
      }
      Cues.Cue cue = Cues.content(f, s.contentStart(), s.end());
      boolean deferred =
          IndicationReader.DEFERRED.matcher(f).region(s.contentStart(), s.end()).lookingAt();
      if (deferred
          || cue == Cues.Cue.UNRECORDED
          || (cue == Cues.Cue.ABSENT && !absenceDocuments(element))) {
        mentions.mention(element, true, i, s.start(), s.end(), true);
      } else if (hasText(s.contentStart(), s.end())) {
        ElementMention m = mentions.mention(element, false, i, s.start(), s.end(), true);
        if (element == COMPLICATIONS
            && cue == Cues.Cue.NONE
            && !out.complicationsOccurred
            && COMPLICATIONS_LABEL.matcher(f).region(s.start(), s.contentStart()).find()
            && complications.labelNamesWhatHappened(i)) {
          // "Complications: transient hypoxia, resolved": what the label names happened
          out.complicationsOccurred = true;
          out.preferred.put(COMPLICATIONS, m);
        }
      }
    }
  }

  /** A label that names complications themselves (not blood loss). */
  private static final AnchoredPattern COMPLICATIONS_LABEL =
      AnchoredPattern.compile("\\b(?:complic|adverse|untoward|cx\\b|compl|comps?\\b)");

  /**
   * "EBL: minimal": a label of the complications section that names the blood loss, a field of its
   * own that does not say whether anything went wrong.
   */
  private boolean bloodLossLabel(Sentence s) {
    return s.contentStart() > s.start()
        && !COMPLICATIONS_LABEL.finder(f).region(s.start(), s.contentStart()).find();
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

  private void dilation(int addendum) {
    List<Value> sizes =
        BalloonCorrections.kept(
            f,
            sentences,
            hits,
            balloonSizes,
            addendum,
            !counts.isEmpty() || !inflationSeconds.isEmpty());
    List<Value> reached = InflationCounts.reached(f, sentences, sizes);
    for (Value v : sizes) {
      if (reached.contains(v)) {
        out.balloon.add(v.value());
      }
      mentions.mention(BALLOON_DIAMETER, false, v);
    }
    // "NO balloon dilation was performed" in an addendum takes back the count above it too
    boolean takenBack = !balloonSizes.isEmpty() && sizes.isEmpty();
    List<Value> counts =
        takenBack ? this.counts.stream().filter(c -> c.start() >= addendum).toList() : this.counts;
    List<Value> inflationSeconds =
        takenBack
            ? this.inflationSeconds.stream().filter(c -> c.start() >= addendum).toList()
            : this.inflationSeconds;
    if (!counts.isEmpty()) {
      // an ordinal ("a third inflation") says at least that many were done
      List<Value> numbered = counts.stream().filter(c -> !c.flag()).toList();
      int atLeast =
          counts.stream().filter(Value::flag).mapToInt(c -> (int) c.value()).max().orElse(0);
      int n = 0;
      if (!numbered.isEmpty()) {
        Value v = stated(numbered, addendum, true);
        n =
            v.start() >= addendum || isATotal(v)
                ? (int) v.value()
                : InflationCounts.summed(f, sentences, numbered, balloonSizes, v);
      }
      if (!numbered.isEmpty()) {
        // "2 inflations at each", "each with 2 inflations" after two strictures; "two
        // inflations at each stricture" says there were more than one
        Value v = stated(numbered, addendum, true);
        Sentence s = sentences.get(v.sentence());
        Matcher each = AT_EACH_STRICTURE.matcher(f).region(v.end(), s.end());
        boolean named = each.lookingAt() && (each.group(2) != null || each.group(3) != null);
        int strictures = named ? Math.max(2, out.distinctStrictures) : out.distinctStrictures;
        if (named && each.group(1) != null) {
          // "2 x 45 s at each of the 2 rings" (rule 10): the strictures told
          strictures = (int) NumberWords.parse(each.group(1));
        }
        if (strictures >= 2
            && (each.lookingAt()
                || EACH_WITH
                    .matcher(f)
                    .region(Math.max(s.start(), v.start() - 12), v.start())
                    .find())) {
          n *= strictures;
        }
      }
      out.inflationCount = Math.max(n, atLeast);
      counts.forEach(c -> mentions.mention(INFLATION_COUNT, false, c));
    } else {
      Value listed = InflationCounts.listed(f, sentences, balloonSizes);
      if (listed != null) {
        out.inflationCount = (int) listed.value();
        mentions.mention(INFLATION_COUNT, false, listed);
      }
    }
    if (!inflationSeconds.isEmpty()) {
      out.inflationSeconds =
          (int)
              Math.round(DurationFinder.longest(f, sentences, inflationSeconds, addendum).value());
      inflationSeconds.forEach(v -> mentions.mention(INFLATION_DURATION, false, v));
    }
  }

  /**
   * The value a note means when it states one more than once: what an addendum or late entry says
   * (it corrects the note above it), else a stated total ("3 inflations total" after "12 mm x 1,
   * then 15 mm x 2"), else the first statement.
   */
  private Value stated(List<Value> values, int addendum, boolean totals) {
    for (Value v : values) {
      if (totals && v.start() >= addendum && isATotal(v)) {
        // "(one additional inflation), giving three inflations total"
        return v;
      }
    }
    for (Value v : values) {
      if (v.start() >= addendum) {
        return v;
      }
    }
    if (totals) {
      for (Value v : values) {
        if (isATotal(v)) {
          return v;
        }
      }
    }
    return values.get(0);
  }

  /**
   * Whether a count is said to be the total: "total 5 inflations", "for a total of 3", "3
   * inflations in total", "(3 total)"; not a count whose clause ends before the word ("15mm x2, 45s
   * ea / total 5 inflations").
   */
  private boolean isATotal(Value v) {
    Sentence s = sentences.get(v.sentence());
    int from = Math.max(s.start(), v.start() - 24);
    int to = Math.min(s.end(), v.end() + 24);
    return TOTAL_BEFORE.finder(f).region(from, v.start()).find()
        || TOTAL_AFTER.matcher(f).region(v.end(), to).lookingAt()
        // "Inflations: 4 total (12 mm x1, 13.5 mm x1, 15 mm x2)": the label's count holds the word
        || TOTAL_WORD.finder(f).region(v.start(), v.end()).find();
  }

  private static final Pattern AT_EACH_STRICTURE =
      Rx.compile(
          "\\s*(?:(?:at|to|for|in|across)\\s+)?each\\b(?!\\s+(?:size|diameter|stage|step|balloon|level\\s+of))"
              + "(?:\\s+of\\s+(?:the\\s+)?(\\d|two|three|four)\\s+(strictures|sites|narrowings|lesions|rings"
              + "|stenoses|levels)\\b|\\s+(?:(stricture|site|narrowing|lesion|ring)|one))?");

  private static final AnchoredPattern EACH_WITH =
      AnchoredPattern.compile("\\beach\\s+(?:with|received|had)\\s+$");

  private static final AnchoredPattern TOTAL_BEFORE =
      AnchoredPattern.compile(
          "\\b(?:total|in\\s+all|overall|altogether)\\b(?:\\s+(?:of|was|were|is))?[\\s:=]*(?:[a-z]+\\s+){0,2}$");

  private static final AnchoredPattern TOTAL_WORD =
      AnchoredPattern.compile("\\b(?:total|altogether|overall)\\b");

  private static final Pattern TOTAL_AFTER =
      Rx.compile(
          "[\\s(]*(?:[a-z]+\\s+){0,2}?(?:in\\s+all|(?:in\\s+)?total|overall|altogether|all\\s+told)\\b");

  /** Where an addendum or late entry begins, or the note's length when there is none. */
  private int addendumStart() {
    AnchoredPattern.Finder m = ADDENDUM.finder(f);
    return m.find() ? m.start() : f.length();
  }

  private static final AnchoredPattern ADDENDUM =
      AnchoredPattern.compile(
          "(?m)^[\\s*#-]{0,8}(?:(?:attending|staff|supervising|physician|surgeon)(?:'s)?\\s+)?(?:attestation"
              + "\\s*(?:/|and|&|\\+)\\s*)?(?:addendum|late\\s+entry|amendment|correction\\s+to\\s+(?:the\\s+)?"
              + "note)\\b"
              // "Attending attestation: I was present ... Correction: ... inflated twice, not once"
              + "|(?m)^[\\s*#-]{0,8}(?:(?:attending|staff|supervising|physician|surgeon)(?:'s)?\\s+)?"
              + "attestation\\b(?=[^\\n]{0,240}?\\bcorrect(?:ion|ed|ing)?\\b)");

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
          mentions.mention(h, true);
        }
        case DIST_COUNT, DIST_ORDINAL -> {
          if (p != Polarity.AFFIRMED) {
            mentions.mention(h, true);
            continue;
          }
          double n = h.group() == null ? Double.NaN : NumberWords.parse(h.group());
          if (n >= 2 && n <= 20) {
            count = Math.max(count, (int) n);
            mentions.mention(h, false);
          }
        }
        case DIST_LOCATIONS -> {
          if (p == Polarity.AFFIRMED) {
            count = Math.max(count, 2);
            mentions.mention(h, false);
          }
        }
        default -> {
          // not a stricture-count phrase
        }
      }
    }
    out.distinctStrictures = count;
  }
}
