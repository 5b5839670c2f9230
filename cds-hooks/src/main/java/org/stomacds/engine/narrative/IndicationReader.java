package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
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

  IndicationReader(IndexedNote note, NumberFinder.Found numbers, Mentions mentions) {
    this.f = note.f;
    this.sentences = note.sentences;
    this.numbers = numbers;
    this.mentions = mentions;
  }

  void read() {
    int begins = accountBegins();
    for (int i = 0; i < begins; i++) {
      Sentence s = sentences.get(i);
      if (!TOLD_HERE.contains(s.section())
          || s.headingOnly()
          || s.contentStart() >= s.end()
          || afterTheFact(s)) {
        continue;
      }
      Matcher reason = REASON.matcher(f).region(s.contentStart(), s.end());
      if (reason.find()
          && !DEFERRED.matcher(f).region(s.contentStart(), s.end()).lookingAt()
          && !DURING.matcher(f).region(s.contentStart(), s.end()).find()
          && !DENIED.matcher(f).region(s.contentStart(), reason.start()).find()) {
        mentions.mention(INDICATION, false, i, s.start(), s.end(), false);
      }
    }
  }

  /** Sections where an unlabelled reason may be told: not sedation, consent, plans or a title. */
  private static final Set<Section> TOLD_HERE = EnumSet.of(Section.OTHER, Section.INDICATION);

  /** A labelled line that reports after the fact: "Post-procedure diagnosis:", "Impression:". */
  private boolean afterTheFact(Sentence s) {
    String label = f.substring(s.start(), s.contentStart());
    return label.contains("post")
        || label.contains("impression")
        || label.contains("finding")
        || label.contains("diagnos") && !label.contains("pre");
  }

  /** A symptom of the procedure itself: "cramping during balloon inflation". */
  private static final Pattern DURING =
      Rx.compile(
          "\\b(?:during|intra-?procedur[a-z]*|post-?(?:procedure|dilation|op)|inflation|inflated"
              + "|dilated|dilation\\s+(?:was|to))\\b");

  /** "Denies pain", "no distension": the symptom is said to be missing. */
  private static final Pattern DENIED =
      Rx.compile("\\b(?:denies|denied|no|without|negative\\s+for|free\\s+of)\\b[^.;,]{0,30}$");

  /** The first sentence of the procedure's own account: the route, a balloon, a dilation. */
  private int accountBegins() {
    int first = sentences.size();
    for (ElementMention m : mentions.out.mentions) {
      if (m.element() == ROUTE_THROUGH_STOMA && !m.negated()) {
        int at = sentenceAt(m.start());
        // a title or the history names the route without the account having begun
        if (at < sentences.size() && TOLD_HERE.contains(sentences.get(at).section())) {
          first = Math.min(first, at);
        }
      }
    }
    for (Value v : numbers.balloonSizes()) {
      if (sentences.get(v.sentence()).section() != Section.TITLE) {
        first = Math.min(first, v.sentence());
      }
    }
    if (numbers.firstDilation() != Integer.MAX_VALUE) {
      first = Math.min(first, sentenceAt(numbers.firstDilation()));
    }
    return first;
  }

  private int sentenceAt(int offset) {
    for (int i = 0; i < sentences.size(); i++) {
      if (offset < sentences.get(i).end()) {
        return i;
      }
    }
    return sentences.size();
  }

  /** A stricture, or what one does to a patient with a stoma. */
  private static final Pattern REASON =
      Rx.compile(
          "\\b(?:obstruct[a-z]*|sbo|cramp[a-z]*|bloat[a-z]*|disten[st]ion|pain[a-z]*|vomit[a-z]*"
              + "|nausea|emesis|output|irrigat[a-z]*|strain[a-z]*|ribbon|pellets?|enemas?|washouts?"
              + "|intolerance|strictu?res?|stricure|stenos[ie]s|stenotic|narrow[a-z]*|retract[a-z]*"
              + "|prolapse|sx|symptom[a-z]*|pinhole|admits\\s+only|difficult[a-z]*)\\b");

  /** "See H&P", "per referral": the reason is elsewhere, not here. */
  static final Pattern DEFERRED =
      Rx.compile(
          "\\s*(?:(?:please\\s+)?see|per|as\\s+per|refer\\s+to|documented\\s+(?:in|on|elsewhere)"
              + "|in\\s+(?:the\\s+)?(?:h&p|h\\s*&\\s*p|referral|chart|ehr))\\b");
}
