package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;
import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lumen after the dilation told as the exam going on past the dilated stricture, without a size
 * ("Dilated to 15 mm. Scope then advanced to the cecum"): the corpus brief's coding decision 13,
 * read from the extent's hits.
 */
final class PassageAfter {

  private PassageAfter() {}

  /**
   * "Dilated to 15 mm. Scope then advanced to the cecum", "... The colon was then examined to 40
   * cm": the exam told going on beyond the stricture after its dilation says the dilated segment
   * let the scope through, the lumen after the dilation without a size (the corpus brief's coding
   * decision 13). Only in the account of this procedure, not from a title or an "Extent:" label,
   * and only a reach that went somewhere: not a stop at the stricture.
   */
  static void read(IndexedNote note, List<Hit> hits, int firstDilation, Mentions mentions) {
    String f = note.f;
    List<Sentence> sentences = note.sentences;
    for (Hit h : hits) {
      if (h.element() == EXTENT_OF_EXAM
          && h.polarity() == Polarity.AFFIRMED
          && h.start() > firstDilation
          && sentences.get(h.sentence()).section().describesThisProcedure()
          && sentences.get(h.sentence()).section() != Section.TITLE
          && !onASummaryLine(f, h)
          && !anotherTime(f, sentences, h)
          && wentBeyond(f, h)) {
        mentions.mention(POST_DILATION_LUMEN, false, h);
        return;
      }
    }
  }

  /**
   * The scope going on, told in the account after the dilation, in its order: "Scope then passed
   * into the descending colon" (decision 13). Not from a title or a summary line, which give no
   * order, nor dated to another session; the scope's own moves, not "admit to the ward".
   */
  static boolean toldAfter(
      String f, List<Sentence> sentences, Hit h, int firstDilation, DilationTime time) {
    Sentence s = sentences.get(h.sentence());
    return h.start() > firstDilation
        && MOVED_ON.matcher(f).region(verbStart(f, h), h.end()).lookingAt()
        && time.direction(h.sentence(), h.start()) >= 0
        && s.section().describesThisProcedure()
        && s.section() != Section.TITLE
        && !onASummaryLine(f, h)
        && !Elsewhen.anotherTimeAhead(f, h.start(), s.end(), 12)
        && !Elsewhen.dated(f, s.start(), s.end());
  }

  /**
   * Where the passage's verb starts: after "able to" or "could" ("I was able to advance the
   * scope").
   */
  static int verbStart(String f, Hit h) {
    java.util.regex.Matcher m = ABLE_TO.matcher(f).region(h.start(), h.end());
    return m.lookingAt() ? m.end() : h.start();
  }

  private static final Pattern ABLE_TO =
      Rx.compile("(?:able\\s+to|could)\\s+(?:(?:then|now|easily)\\s+)?");

  private static final Pattern MOVED_ON =
      Rx.compile("(?:pass|travers|advanc|negotiat|cross|went|got|get|slid|slipped)");

  /** "(full colonoscopy done 3 months ago, normal)": another session's reach. */
  private static boolean anotherTime(String f, List<Sentence> sentences, Hit h) {
    Sentence s = sentences.get(h.sentence());
    int semi = f.indexOf(';', h.end());
    int end = semi >= 0 && semi < s.end() ? semi : s.end();
    return Elsewhen.anotherTimeAhead(f, h.start(), end, 12) || Elsewhen.dated(f, h.start(), end);
  }

  /**
   * "Impression: ... Cecum reached.", "Extent\tto the cecum", "- Limb examined to 25 cm": no order.
   */
  private static boolean onASummaryLine(String f, Hit h) {
    int line = f.lastIndexOf('\n', h.start() - 1) + 1;
    return SUMMARY_LINE.matcher(f).region(line, h.start()).lookingAt();
  }

  /**
   * "IMPRESSION: Stricture dilated to 18 mm; scope passes after dilation": a summary that tells no
   * order, so no passage after the dilation (decision 13); a list item or a field of the account is
   * not one.
   */
  static boolean inAnImpression(String f, Hit h) {
    int line = f.lastIndexOf('\n', h.start() - 1) + 1;
    return IMPRESSION_LINE.matcher(f).region(line, h.start()).lookingAt();
  }

  private static final Pattern IMPRESSION_LINE =
      Rx.compile(
          "\\s*(?:impressions?|summary|assessment|conclusions?|(?:post-?op(?:erative)?\\s+)?diagnos[ie]s)"
              + "\\s*:");

  private static final Pattern SUMMARY_LINE =
      Rx.compile(
          "\\s*(?:[-*\u2022]|\\d{1,2}[.)])\\s|\\s*(?:impressions?|summary|assessment|conclusions?"
              + "|(?:post-?op(?:erative)?\\s+)?diagnos[ie]s)\\s*:|\\s*(?:extent|depth|furthest|reached)\\b");

  private static boolean wentBeyond(String f, Hit h) {
    return switch (h.tag()) {
      case COMPLETE, COMPLETE_LANDMARK -> true;
      case INCOMPLETE_WEAK ->
          PLACE_BEYOND.finder(f).region(h.start(), h.end()).find()
              && !AT_THE_STRICTURE.finder(f).region(h.start(), h.end()).find();
      default -> false;
    };
  }

  /** A segment of the colon or a depth: where an exam short of its end point got to. */
  private static final AnchoredPattern PLACE_BEYOND =
      AnchoredPattern.compile(
          "\\b(?:flex(?:ure)?|transverse|descending|ascending|desc|asc|sigmoid|rectum|colon|ileum|[hs]f"
              + "|\\d{1,3}\\s*(?:cm|centimet[a-z]*))\\b");

  private static final AnchoredPattern AT_THE_STRICTURE =
      AnchoredPattern.compile(
          "\\b(?:strictur|stenos|stoma|ring\\b|fascia|narrowing|limited|only\\b|not\\b|stopped|ended"
              + "|terminat|halted)");
}
