package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.FLUOROSCOPY;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Fluoroscopy said not to have been used, where the words for it stand outside a negation's scope:
 * after a label ("FLUOROSCOPY: Available in room, not used.", "Fluoroscopy........ Not used",
 * "Fluoroscopy: Fluoroscopy was not utilized.", "Fluoroscopy used: No"), beside the equipment
 * ("C-arm available but fluoroscopy not needed and not used"), or on the line after a bare heading
 * ("Fluoroscopy" / "Not used"). Such a sentence negates fluoroscopy; the words in it do not
 * document its use.
 */
final class FluoroscopyReader {

  private final String f;
  private final List<Sentence> sentences;
  private final Mentions mentions;

  FluoroscopyReader(IndexedNote note, Mentions mentions) {
    this.f = note.f;
    this.sentences = note.sentences;
    this.mentions = mentions;
  }

  void read() {
    List<ElementMention> all = mentions.out.mentions;
    for (int k = 0; k < all.size(); k++) {
      ElementMention m = all.get(k);
      if (m.element() != FLUOROSCOPY || m.negated()) {
        continue;
      }
      int i = sentenceAt(m.start());
      if (i < 0) {
        continue;
      }
      int denial = denial(i);
      if (denial < 0 && emptyField(i)) {
        // "Fluoroscopy:" with the next field under it: the template's blank says nothing
        all.remove(k--);
        continue;
      }
      if (denial >= 0) {
        all.remove(k--);
        Sentence s = sentences.get(denial);
        mentions.mention(FLUOROSCOPY, true, denial, s.start(), s.end(), denial == i);
      }
    }
  }

  /**
   * The sentence that says fluoroscopy was not used: sentence {@code i} itself, or the one after it
   * when {@code i} is a bare heading ("Fluoroscopy"); -1 when neither says so.
   */
  private int denial(int i) {
    Sentence s = sentences.get(i);
    if (NOT_USED.finder(f).region(s.start(), s.end()).find()
        && !USED.finder(f).region(s.start(), s.end()).find()) {
      return i;
    }
    if (s.contentStart() > s.start()
        && LABEL_ANSWER_NO.matcher(f).region(s.contentStart(), s.end()).matches()) {
      // a yes/no field: "Fluoroscopy used: No", "Fluoro performed: N"
      return i;
    }
    if (BARE_HEADING.matcher(f).region(s.start(), s.end()).matches() && i + 1 < sentences.size()) {
      Sentence next = sentences.get(i + 1);
      if (NOTHING.matcher(f).region(next.start(), next.end()).matches()
          || NO_FLUOROSCOPY.matcher(f).region(next.start(), next.end()).lookingAt()) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * A field left blank: the label alone ("Fluoroscopy:", "Fluoroscopy time:", an empty table cell)
   * with the next line another field's or none.
   */
  private boolean emptyField(int i) {
    Sentence s = sentences.get(i);
    if (!EMPTY_FIELD.matcher(f).region(s.start(), s.end()).matches()) {
      return false;
    }
    if (i + 1 >= sentences.size()) {
      return true;
    }
    Sentence next = sentences.get(i + 1);
    return next.contentStart() > next.start() || next.headingOnly();
  }

  /** A label of fluoroscopy and nothing else. */
  private static final Pattern EMPTY_FIELD =
      Rx.compile("\\W*fluoro(?:scopy)?(?:\\s+(?:time|used|performed|dose|minutes|mins?))?\\W*");

  /** The line under a bare heading that denies it: "No fluoroscopy used." */
  private static final Pattern NO_FLUOROSCOPY = Rx.compile("\\W*no\\s+fluoro");

  private int sentenceAt(int offset) {
    for (int i = 0; i < sentences.size(); i++) {
      if (offset < sentences.get(i).end()) {
        return offset >= sentences.get(i).start() ? i : -1;
      }
    }
    return -1;
  }

  /** "not used", "not needed and not used", "was not utilized". */
  private static final AnchoredPattern NOT_USED =
      AnchoredPattern.compile(
          "\\bnot\\s+(?:been\\s+)?(?:used|utili[sz]ed|needed|required|performed|employed|necessary"
              + "|done)\\b");

  /** What says it was used after all: "used to confirm", "under fluoroscopy", "showed". */
  private static final AnchoredPattern USED =
      AnchoredPattern.compile(
          "\\b(?:confirm(?:ed|s)?|show(?:ed|s|n)|demonstrat[a-z]*|under\\s+fluoro[a-z]*|was\\s+used"
              + "|were\\s+used|guidance|seconds?|sec|minutes?|min|mgy|dose)\\b");

  /** A heading of one word on its line: "Fluoroscopy", "Fluoro:". */
  private static final Pattern BARE_HEADING = Rx.compile("\\W*fluoro(?:scopy)?\\W*");

  /** The answer of a yes/no field that says no: "No", "N", "None". */
  private static final Pattern LABEL_ANSWER_NO = Rx.compile("\\W*(?:no|n|none|nil)\\W*");

  /** A line that says nothing was done: "Not used", "None", "No". */
  private static final Pattern NOTHING =
      Rx.compile(
          "\\W*(?:not\\s+(?:used|utili[sz]ed|needed|required|performed|done)|none|no|nil)\\W*");
}
