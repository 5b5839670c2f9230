package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;

import java.util.List;

/**
 * How far the scope went, said in the plain ways the extent phrasings do not name: "adv ~30cm into
 * ileum", "Ileum examined to 40 cm", "About fifty centimeters of ileum were examined", "scope
 * exited through the anus", "Exam limited to the stricture", "Scope not advanced beyond the
 * lesion". Read only when the phrasings found no extent. A point or length reached is the exam the
 * note meant unless its sentence says the exam fell short; a stop at the stricture or the stoma is
 * an incomplete exam.
 */
final class ReachReader {

  private final String f;
  private final List<Sentence> sentences;
  private final Mentions mentions;
  private final NoteReading.Builder out;
  private final EndPoint endPoint;

  ReachReader(IndexedNote note, Mentions mentions, EndPoint endPoint) {
    this.endPoint = endPoint;
    this.f = note.f;
    this.sentences = note.sentences;
    this.mentions = mentions;
    this.out = mentions.out;
  }

  void read() {
    if (out.extent != null || labelled()) {
      return;
    }
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (!s.section().describesThisProcedure() || s.section() == Section.TITLE) {
        continue;
      }
      AnchoredPattern.Finder stop =
          STOPPED_AT_THE_LESION.finder(f).region(s.contentStart(), s.end());
      if (stop.find() && !anotherTimeBefore(s, stop.end())) {
        decide(ExamExtent.INCOMPLETE, i, stop.start(), stop.end());
        return;
      }
      AnchoredPattern.Finder barred = BARRED.finder(f).region(s.contentStart(), s.end());
      if (barred.find() && endPoint.nothingDilated()) {
        // "pinpoint, would not admit the scope; dilation deferred": the exam ended there
        decide(ExamExtent.INCOMPLETE, i, barred.start(), barred.end());
        return;
      }
      AnchoredPattern.Finder reach = REACH.finder(f).region(s.contentStart(), s.end());
      if (reach.find() && !anotherTimeBefore(s, reach.end())) {
        boolean shortOfAim =
            LIMIT
                .matcher(f)
                .region(clauseStart(s, reach.start()), clauseEnd(s, reach.end()))
                .find();
        // a bare depth or a segment short of the cecum is the extent of a colonoscopy, not its end
        boolean complete = !shortOfAim && endPoint.completes(i, reach.start(), reach.end());
        decide(
            complete ? ExamExtent.COMPLETE : ExamExtent.INCOMPLETE, i, reach.start(), reach.end());
        return;
      }
    }
  }

  /**
   * The extent as a label's, a table row's or a heading's content: "Extent 20 cm beyond the
   * stricture" (a table row, its first cell the label), "EXTENT OF EXAM" over "Cecum, normal".
   */
  private boolean labelled() {
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (s.headingOnly() || !s.section().describesThisProcedure()) {
        continue;
      }
      boolean label =
          s.contentStart() > s.start()
              && ExtentContent.LABEL.matcher(f).region(s.start(), s.contentStart()).matches();
      boolean heading = !label && s.headingStart() >= 0 && headingNamesTheExtent(s);
      Tag kind;
      if (label || heading) {
        kind = ExtentContent.classify(f, label ? s.contentStart() : s.start(), s.end());
      } else if (s.contentStart() > s.start()) {
        kind = ExtentContent.byLabel(f, s.start(), s.contentStart(), s.end());
      } else {
        continue;
      }
      if (kind == Tag.COMPLETE || kind == Tag.INCOMPLETE_STRONG) {
        boolean complete = kind == Tag.COMPLETE && endPoint.completes(i, s.start(), s.end());
        out.extent = complete ? ExamExtent.COMPLETE : ExamExtent.INCOMPLETE;
        out.preferred.put(
            EXTENT_OF_EXAM, mentions.mention(EXTENT_OF_EXAM, false, i, s.start(), s.end(), true));
        return true;
      }
    }
    return false;
  }

  private boolean headingNamesTheExtent(Sentence s) {
    int end = f.indexOf('\n', s.headingStart());
    if (end < 0 || end > s.start()) {
      end = s.start();
    }
    return ExtentContent.LABEL.matcher(f).region(s.headingStart(), end).matches();
  }

  /**
   * The clause of a reach, within its sentence: "moderate oozing which stopped spontaneously; scope
   * passed easily to the ileum" is two accounts, and only the reach's own says whether it fell
   * short.
   */
  private int clauseStart(Sentence s, int at) {
    int semi = f.lastIndexOf(';', at);
    return semi >= s.start() ? semi + 1 : s.start();
  }

  private int clauseEnd(Sentence s, int at) {
    int semi = f.indexOf(';', at);
    return semi >= 0 && semi < s.end() ? semi : s.end();
  }

  /** "Prior colonoscopy reached the cecum": another time, said before the reach. */
  private boolean anotherTimeBefore(Sentence s, int end) {
    return Elsewhen.anotherTimeBehind(f, s.start(), end, ANOTHER_TIME_WINDOW)
        || Elsewhen.plannedOrPast(f, s.start(), end)
        || Elsewhen.dated(f, s.start(), end);
  }

  private void decide(ExamExtent extent, int sentence, int start, int end) {
    out.extent = extent;
    out.preferred.put(
        EXTENT_OF_EXAM, mentions.mention(EXTENT_OF_EXAM, false, sentence, start, end, false));
  }

  /** The estimate words of features.yaml: "approx.", "about", "roughly". */
  private static final String ESTIMATE = Features.INSTANCE.group(Feature.ESTIMATE);

  private static final String MOVED =
      "(?:advanced|adv|advance|passed|examined|exam'd|examd|inspected|intubated|evaluated"
          + "|visuali[sz]ed|seen|reached|went|continued|traversed|exited|explored|surveyed|viewed)";

  private static final String LENGTH =
      "(?:" + ESTIMATE + "\\s+|~\\s*)?\\d{1,3}\\s*(?:cm|centimet(?:er|re)s?)\\b";

  private static final String WORD_LENGTH =
      "(?:"
          + ESTIMATE
          + "\\s+)?(?:ten|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty"
          + "|seventy|eighty)\\s+centimet(?:er|re)s\\b";

  private static final String LANDMARK =
      "(?:ca?ecum|(?:neo-?)?terminal\\s+ileum|neo-?ti|\\bti|(?:proximal\\s+|distal\\s+)?ileum|ileoca?ecal\\s+valve"
          + "|appendiceal\\s+orifice|(?:splenic|hepatic)\\s+flex(?:ure)?|(?:transverse|ascending"
          + "|descending|sigmoid|proximal|distal)\\s+colon|rectum|rectal\\s+stump|anus|anal\\s+canal"
          + "|anal\\s+transition\\s+zone|dentate\\s+line|anastomosis|pouch|afferent\\s+limb|neo-?rectum"
          + "|sigmoid\\s+and\\s+rectum|(?:proximal\\s+)?right\\s+colon"
          + "|efferent\\s+limb)\\b";

  /** An end point of the exam, reached: terse notes draw the way there with an arrow. */
  private static final String END_POINT =
      "(?:ca?ecum|(?:neo-?)?terminal\\s+ileum|(?:neo-?|n)?ti|ileum|anastomosis|rectal\\s+stump"
          + "|rectum|neo-?rectum|anus|anal\\s+canal)\\b";

  /** Verbs of moving the scope: only these reach a length ("a stricture seen 2 cm distal"). */
  private static final String ADVANCED =
      "(?:advanced|adv|advance|passed|examined|exam'd|examd|inspected|intubated|reached|went"
          + "|continued|traversed|explored|stopped|halted|looked|taken|pushed|inserted)";

  private static final String ON_THE_WAY =
      "\\b(?:[\\s,]+(?:the|to|up|into|in|through|thru|as|far|a|further|of|only|scope|colonoscope"
          + "|it|we|i|proximally|distally|beyond|past|and|at|@|out|down|then|easily|freely|readily"
          + "|smoothly|all|way|on|normal|healthy|stricture|stenosis|narrowing|ring))*[\\s,]+";

  /** A length or landmark reached, said with a verb of moving or looking. */
  private static final AnchoredPattern REACH =
      AnchoredPattern.compile(
          "\\b"
              + ADVANCED
              + ON_THE_WAY
              + "(?:"
              + LENGTH
              + "|"
              + WORD_LENGTH
              + ")"
              + "|\\b"
              + MOVED
              + ON_THE_WAY
              + LANDMARK
              + "|\\b(?:"
              + LENGTH
              + "|"
              + WORD_LENGTH
              + ")\\s+of\\s+(?:the\\s+)?(?:neo-?terminal\\s+)?(?:ileum|colon|bowel|small\\s+bowel|limb)"
              + "\\s+(?:was\\s+|were\\s+)?"
              + MOVED
              + "\\b"
              + "|\\b(?:ileum|colon|limb|neo-?ti|ti)\\s+(?:was\\s+)?(?:"
              + MOVED
              + "\\s+)?(?:to|for)\\s+"
              + LENGTH
              + "|(?:\u2192|->|=>)\\s*(?:the\\s+)?"
              + END_POINT);

  /** A stop before the stricture: limited to it, not advanced or passed beyond it. */
  private static final String STOPPED_BEFORE_IT =
      "\\b(?:exam(?:ination)?|study|evaluation|colonoscopy|endoscopy)\\s+(?:was\\s+)?limited\\s+"
          + "to\\s+(?:the\\s+)?(?:stricture|stenosis|lesion|narrowing|stoma|stomal)"
          + "|\\b(?:scope|colonoscope|endoscope|it)\\s+(?:was\\s+|could\\s+)?not\\s+(?:be\\s+)?"
          + "(?:advanced|passed)\\s+(?:beyond|past|through|across)\\s+(?:the\\s+)?"
          + "(?:stricture|stenosis|lesion|narrowing)"
          + "|\\b(?:scope|colonoscope|endoscope)\\s+(?:was\\s+)?not\\s+(?:advanced|passed|inserted)"
          + "\\s*(?:[.;]|$|further\\b)"
          + "|\\b(?:could\\s+not|couldn't|unable\\s+to|did\\s+not)\\s+(?:really\\s+)?(?:pass|advance"
          + "|get)\\s+(?:the\\s+)?(?:scope\\s+)?(?:beyond|past|through|across)\\s+(?:the\\s+)?"
          + "(?:stricture|stenosis|lesion|narrowing)";

  /** The exam went no further than the stricture, lesion or stoma, or stopped at a length. */
  private static final AnchoredPattern STOPPED_AT_THE_LESION =
      AnchoredPattern.compile(
          "\\b(?:exam(?:ination)?|study|evaluation|colonoscopy|endoscopy|ileoscopy)\\s+(?:was\\s+)?"
              + "(?:limited|stopped|aborted|terminated|halted)\\s+(?:to|at|@)\\s*(?:the\\s+)?"
              + "(?:~\\s*)?(?:\\d{1,3}\\s*cm|stoma|stomal|stricture|stenosis|lesion)"
              + "|\\b(?:aborted|stopped|halted|terminated)\\s*(?:@|at)\\s*(?:~\\s*)?\\d{1,3}\\s*cm"
              + "|\\bincomplete\\s+(?:colonoscopy|ileoscopy|endoscopy|exam(?:ination)?)\\s+to\\s+"
              + "(?:~\\s*)?\\d{1,3}\\s*cm"
              + "|\\bonly\\s+(?:to|up\\s+to)\\s+(?:"
              + ESTIMATE
              + "\\s+|~\\s*)?(?:\\d{1,3}\\s*cm"
              + "|(?:ten|fifteen|twenty|thirty|forty)\\s+centimet(?:er|re)s)"
              + "|\\b(?:colon|ileum)\\s+(?:examined\\s+)?(?:to|up\\s+to)\\s+(?:the\\s+)?"
              + "(?:splenic|hepatic)\\s+flex(?:ure)?\\s+only\\b"
              + "|"
              + STOPPED_BEFORE_IT);

  /** The stricture kept the scope out: an exam stopped there when nothing was dilated. */
  private static final AnchoredPattern BARRED =
      AnchoredPattern.compile(
          "\\b(?:would\\s+not|wouldn't|did\\s+not|didn't|could\\s+not|couldn't|does\\s+not|unable\\s+to"
              + "|failed\\s+to)\\s+(?:admit|accept|allow|take)\\s+(?:the\\s+|even\\s+the\\s+|a\\s+)?(?:[a-z-]+\\s+)?"
              + "(?:scope|colonoscope|endoscope|gastroscope|instrument)\\b"
              + "|\\b(?:scope|colonoscope|endoscope|gastroscope)\\s+(?:would|could|did)\\s+not\\s+(?:pass"
              + "|advance|traverse|go\\s+through|enter)\\b"
              + "|\\b(?:stricture|stenosis|narrowing|ring|stoma|lumen)\\s+(?:that\\s+|which\\s+)?(?:was\\s+|is\\s+)?(?:could|would|can)"
              + "\\s*(?:not|n't)\\s+be\\s+(?:traversed|passed|crossed|negotiated|intubated|entered)\\b"
              + "|\\b(?:impassable|impassible|untraversable|not\\s+(?:traversable|passable|negotiable))\\b");

  /** The words before a reach, in its sentence, that may date it: "Prior colonoscopy reached". */
  private static final int ANOTHER_TIME_WINDOW = 15;

  private static final AnchoredPattern LIMIT =
      AnchoredPattern.compile(
          "\\b(?:only|limited|unable|could\\s+not|couldn't|cannot|can't|not\\s+able|stopped"
              + "|incomplete|short\\s+of|due\\s+to|because|secondary\\s+to|abort[a-z]*|terminat[a-z]*"
              + "|poor|inadequate|looping|discomfort|no\\s+further)\\b");
}
