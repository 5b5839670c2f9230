package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The indication told before the procedure without a label: "Patient has a loop colostomy with
 * ischemic stenosis at skin and fascia. Complains of painful, infrequent output. The scope was
 * passed...", a terse note's second line "stricture at fascia -> obstructive sx". A sentence that
 * stands before the procedure's own account begins (the route, the first balloon or dilation) and
 * names a stricture or what it does to the patient documents the indication. Labelled sections
 * ("Indication:") are read by the interpreter.
 */
final class IndicationReader {

  private final String f;
  private final List<Sentence> sentences;
  private final NumberFinder.Found numbers;
  private final Mentions mentions;

  private final List<Hit> hits;

  IndicationReader(
      IndexedNote note, List<Hit> hits, NumberFinder.Found numbers, Mentions mentions) {
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.numbers = numbers;
    this.mentions = mentions;
  }

  void read() {
    int begins = accountBegins();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      // A history section tells what brought the patient wherever it stands in the note; other
      // unlabelled text only before the procedure's account begins.
      boolean told =
          s.section() == Section.HISTORY
              || historyLabel(s)
              || (i < begins && TOLD_HERE.contains(s.section()))
              || (i < begins && problemLine(s));
      if (!told || s.headingOnly() || s.contentStart() >= s.end() || afterTheFact(s)) {
        continue;
      }
      if (!DEFERRED.matcher(f).region(s.contentStart(), s.end()).lookingAt()
          && !duringThisProcedure(s)
          && reasonNow(s)) {
        mentions.mention(INDICATION, false, i, s.start(), s.end(), false);
      }
    }
  }

  /**
   * A terse note's first line that names no procedure, taken for its title: "end colost, stx at
   * stoma", "s/p LAR c diverting loop ileo, anastomotic stx on CE". It tells the problem.
   */
  private boolean problemLine(Sentence s) {
    return s.section() == Section.TITLE
        && s.contentStart() == s.start()
        && !namesProcedure(s)
        && !narrated(s);
  }

  /** Sections where an unlabelled reason may be told: not sedation, consent, plans or a title. */
  private static final Set<Section> TOLD_HERE = EnumSet.of(Section.OTHER, Section.INDICATION);

  /**
   * A line of its own labelled as history ("Hx: s/p Hartmann's, stomal stenosis"), whose label does
   * not make a section of the lines after it.
   */
  private boolean historyLabel(Sentence s) {
    return s.contentStart() > s.start()
        && HISTORY_LABEL.matcher(f).region(s.start(), s.contentStart()).lookingAt();
  }

  private static final Pattern HISTORY_LABEL = Rx.compile("\\W*(?:hx|h/o)\\W*$");

  /** A labelled line that reports after the fact: "Post-procedure diagnosis:", "Impression:". */
  private boolean afterTheFact(Sentence s) {
    String label = f.substring(s.start(), s.contentStart());
    return label.contains("post")
        || label.contains("impression")
        || label.contains("finding")
        || label.contains("diagnos") && !label.contains("pre");
  }

  /** A symptom of the procedure itself: "cramping during balloon inflation". */
  private static final AnchoredPattern DURING =
      AnchoredPattern.compile(
          "\\b(?:during|intra-?procedur[a-z]*|post-?(?:procedure|dilation|op)|inflation|inflated"
              // not the bowel an image shows dilated: "CT shows dilated loops to the stoma"
              + "|dilated(?!\\s+(?:(?:small|large|proximal|upstream|fluid-filled)\\s+)?(?:loops?|bowel"
              + "|colon|ileum|intestine|segments?))|dilation\\s+(?:was|to))\\b");

  /**
   * Whether the sentence names a reason that is not denied ("denies pain") and not dated to an
   * earlier time in its clause ("prior colostomy stricture dilated in 2019").
   */
  private boolean reasonNow(Sentence s) {
    AnchoredPattern.Finder reason = REASON.finder(f).region(s.contentStart(), s.end());
    while (reason.find()) {
      int from = clauseStart(s, reason.start());
      AnchoredPattern.Finder now = NOW.finder(f).region(from, reason.start());
      while (now.find()) {
        // "hx of rectal ca s/p APR 2022 now c/o obstruction": the history ends where "now" starts
        from = now.end();
      }
      if (!DENIED.finder(f).region(s.contentStart(), reason.start()).find()
          && !PAST.matcher(f).region(from, clauseEnd(s, reason.end())).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Words that date what a clause tells to an earlier time ("prior to takedown" looks ahead: the
   * reason now, before a later operation).
   */
  private static final AnchoredPattern PAST =
      AnchoredPattern.compile(
          "\\b(?:prior(?!\\s+to\\b)|previous|previously|ago|s/p|h/o|in\\s+(?:19|20)\\d\\d)\\b");

  /** Words that bring a history told before them to the present: "... s/p APR, now c/o ...". */
  private static final AnchoredPattern NOW =
      AnchoredPattern.compile(
          "\\b(?:now|currently|presently|c/o|complain(?:s|ing)\\s+of|presents\\s+with|presenting\\s+with)\\b");

  /**
   * Whether the sentence speaks of this procedure's own events ("cramping during balloon
   * inflation"); a dilation dated to another session in its clause ("prior dilation to 15 mm 2
   * months ago", "dilated twice before") is history, not this procedure.
   */
  private boolean duringThisProcedure(Sentence s) {
    AnchoredPattern.Finder during = DURING.finder(f).region(s.contentStart(), s.end());
    while (during.find()) {
      int from = clauseStart(s, during.start());
      int to = clauseEnd(s, during.end());
      if (!ANOTHER_SESSION.finder(f).region(from, to).find()) {
        return true;
      }
    }
    return false;
  }

  private int clauseStart(Sentence s, int at) {
    int i = at;
    while (i > s.contentStart() && ",;(".indexOf(f.charAt(i - 1)) < 0) {
      i--;
    }
    return i;
  }

  private int clauseEnd(Sentence s, int at) {
    int i = at;
    while (i < s.end() && ",;)".indexOf(f.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /**
   * Words that date a dilation to another session than this one: "dilated 12mm 8/2025 (other
   * unit)", "dilated elsewhere in March 2025".
   */
  private static final AnchoredPattern ANOTHER_SESSION =
      AnchoredPattern.compile(
          "\\b(?:prior|previous|previously|before|last|ago|earlier|history|hx|s/p|h/o"
              + "|recent|recently|prev|in\\s+(?:19|20)\\d\\d|\\d{1,2}/(?:19|20)\\d\\d|elsewhere"
              + "|(?:other|another|outside|referring)\\s+(?:unit|hospital|centre|center|trust|facility))\\b");

  /** "Denies pain", "no distension": the symptom is said to be missing. */
  private static final AnchoredPattern DENIED =
      AnchoredPattern.compile(
          "\\b(?:denies|denied|no|without|negative\\s+for|free\\s+of)\\b[^.;,)]{0,30}$");

  /** The first sentence of the procedure's own account: the route, a balloon, a dilation. */
  private int accountBegins() {
    int first = sentences.size();
    for (Hit h : hits) {
      // "end ileo, UC / GA 1040-1102 / stx @ skin level": after the history, the sedation told
      // on a line of its own opens the account (a terse note's findings follow it)
      if (h.element() == SEDATION_TYPE
          && h.sentence() > 0
          && h.polarity() == Polarity.AFFIRMED
          && TOLD_HERE.contains(sentences.get(h.sentence()).section())
          && sedationLine(sentences.get(h.sentence()))) {
        first = Math.min(first, h.sentence());
        break;
      }
    }
    for (ElementMention m : mentions.out.mentions) {
      if (m.element() == ROUTE_THROUGH_STOMA && !m.negated()) {
        int at = sentenceAt(m.start());
        if (at >= sentences.size()) {
          continue;
        }
        Sentence s = sentences.get(at);
        boolean narrated = narrated(s);
        // "Dictation, colonoscopy via end colostomy with balloon dilation.", "comes for
        // colonoscopy via the stoma": the procedure named, not yet told; a title or the history
        // names the route without the account having begun, unless it tells the passage
        // ("Procedure: the colonoscope was advanced through the stoma")
        boolean told =
            TOLD_HERE.contains(s.section())
                ? narrated || !namesProcedure(s)
                : s.section() == Section.TITLE
                    && PASSAGE.finder(f).region(s.start(), s.end()).find();
        if (told) {
          first = Math.min(first, at);
        }
      }
    }
    // "stoma stenosis, dilated 12mm 8/2025 (other unit)": a balloon or a dilation of another
    // session is the history the reason is told with, not the start of this procedure's account
    for (int i = 0; i < first; i++) {
      // "The scope was passed. Stricture at 5 cm.": the passage told without the stoma's name
      Sentence s = sentences.get(i);
      if (TOLD_HERE.contains(s.section())
          && SCOPE_PASSED.finder(f).region(s.start(), s.end()).find()
          && !ANOTHER_SESSION.finder(f).region(s.start(), s.end()).find()) {
        first = i;
      }
    }
    for (Value v : numbers.balloonSizes()) {
      if (sentences.get(v.sentence()).section() != Section.TITLE
          && !anotherSession(v.sentence(), v.start())
          && !denied(v.sentence(), v.start())) {
        first = Math.min(first, v.sentence());
      }
    }
    int dilation = numbers.firstDilation();
    if (dilation != Integer.MAX_VALUE) {
      int at = sentenceAt(dilation);
      // not the title's "stoma scope + dil", nor an image's "without upstream dilatation"
      if (at >= sentences.size()
          || !anotherSession(at, dilation)
              && sentences.get(at).section() != Section.TITLE
              && !denied(at, dilation)) {
        first = Math.min(first, at);
      }
    }
    return first;
  }

  /** A short line that tells the sedation and nothing of the reason: "GA 1040-1102", "mod sed". */
  private boolean sedationLine(Sentence s) {
    return s.end() - s.start() <= 40
        && f.lastIndexOf('\n', s.start() - 1) == s.start() - 1
        && !REASON.finder(f).region(s.start(), s.end()).find();
  }

  /** Whether the clause before {@code at} in sentence {@code i} denies it: "without dilatation". */
  private boolean denied(int i, int at) {
    return DENIED.finder(f).region(clauseStart(sentences.get(i), at), at).find();
  }

  /** Whether the clause around {@code at} in sentence {@code i} dates it to another session. */
  private boolean anotherSession(int i, int at) {
    Sentence s = sentences.get(i);
    return ANOTHER_SESSION.finder(f).region(clauseStart(s, at), clauseEnd(s, at)).find();
  }

  /** Whether a sentence tells the scope's passage rather than naming the procedure. */
  private boolean narrated(Sentence s) {
    return NARRATED.finder(f).region(s.start(), s.end()).find();
  }

  /** The scope and its passage: "the colonoscope was inserted", "scope passed". */
  private static final AnchoredPattern SCOPE_PASSED =
      AnchoredPattern.compile(
          "\\b(?:scope|colonoscope|gastroscope|endoscope|ileoscope)\\s+(?:was\\s+|is\\s+)?(?:then\\s+)?"
              + "(?:passed|inserted|introduced|advanced|entered)\\b");

  /** An instrument or a verb of passing it: the account of the procedure has begun. */
  private static final AnchoredPattern NARRATED =
      AnchoredPattern.compile(
          "\\b(?:scope|scoped|colonoscope|gastroscope|endoscope|enteroscope|ileoscope|pcf|cf|gif"
              + "|instrument|inserted|introduced|intubated|advanced|passed|entered|went|put|placed"
              + "|insertion|traversed)\\b");

  /**
   * A verb of the scope's passage: a title that tells it has begun the account ("Procedure: the
   * colonoscope was advanced through the stoma", "Scope via stoma - dilatation"); one that names
   * the instrument only ("stoma scope + dil") has not.
   */
  private static final AnchoredPattern PASSAGE =
      AnchoredPattern.compile(
          "\\b(?:inserted|introduced|intubated|advanced|passed|entered|went|put|placed|insertion"
              + "|traversed|(?:scope|colonoscope|gastroscope|endoscope|ileoscope|pcf|gif)\\s+(?:via|through"
              + "|thru|into|per))\\b");

  private boolean namesProcedure(Sentence s) {
    return PROCEDURE_NAMED.finder(f).region(s.start(), s.end()).find();
  }

  /**
   * The procedure or a study named as a whole: "colonoscopy via the stoma with dilation"; or the
   * stoma named with its limb, as a heading over the account ("loop ileo, distal limb").
   */
  private static final AnchoredPattern PROCEDURE_NAMED =
      AnchoredPattern.compile(
          "\\b(?:colonoscopy|endoscopy|ileoscopy|sigmoidoscopy|pouchoscopy|procedure|dilation"
              + "|dilatation|evaluation|study|enema|exam(?:ination)?|limb)\\b");

  private int sentenceAt(int offset) {
    for (int i = 0; i < sentences.size(); i++) {
      if (offset < sentences.get(i).end()) {
        return i;
      }
    }
    return sentences.size();
  }

  /** A stricture, or what one does to a patient with a stoma. */
  private static final AnchoredPattern REASON =
      AnchoredPattern.compile(
          "\\b(?:obstruct[a-z]*|sbo|cramp[a-z]*|bloat[a-z]*|disten[st]ion|pain[a-z]*|vomit[a-z]*"
              + "|nausea|emesis|output|irrigat[a-z]*|strain[a-z]*|ribbon|pellets?|enemas?|washouts?"
              + "|intolerance|obstipat[a-z]*|constipat[a-z]*|strictu?res?|stricure|stx|stenos[ie]s|stenotic|narrow[a-z]*|retract[a-z]*"
              + "|prolapse|sx|symptom[a-z]*|pinhole|admits\\s+only|difficult[a-z]*|tight)\\b");

  /** "See H&P", "per referral": the reason is elsewhere, not here. */
  static final Pattern DEFERRED =
      Rx.compile(
          "\\s*(?:(?:please\\s+)?see|per|as\\s+per|refer\\s+to|documented\\s+(?:in|on|elsewhere)"
              + "|in\\s+(?:the\\s+)?(?:h&p|h\\s*&\\s*p|referral|chart|ehr))\\b");
}
