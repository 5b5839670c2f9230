package org.stomacds.engine.narrative;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text after an extent label names ("Extent: whole colon", a table row "Extent | 20 cm
 * beyond the stricture", a heading "EXTENT OF EXAM" over "Cecum"): a complete exam, an incomplete
 * one, the extent said not recorded, or nothing an extent reads.
 */
final class ExtentContent {

  private ExtentContent() {}

  /** A template's leader dots, which stand for the colon: "Extent of exam ........ cecum". */
  private static final String LEADER = "(?:\\.{3,}\\s*)?";

  /**
   * A label, table cell or heading that names the extent itself, as the whole label: "Extent",
   * "Extent of exam", "Depth of insertion", "Furthest point reached".
   */
  static final Pattern LABEL =
      Rx.compile(
          "\\s*(?:extent(?:\\s+of\\s+(?:the\\s+)?(?:exam(?:ination)?|procedure|colonoscopy|study"
              + "|intubation|insertion|endoscopy|ileoscopy))?(?:\\s+reached)?|(?:exam(?:ination)?"
              + "|procedure|colonoscopy)\\s+extent|depth\\s+of\\s+(?:insertion|exam(?:ination)?)"
              + "|insertion\\s+depth|(?:furthest|farthest)\\s+(?:point|extent|level|segment)"
              + "(?:\\s+reached)?|level\\s+reached|(?:landmark|point)s?\\s+reached|depth"
              + "|extent/landmarks?|landmarks?|(?:exam(?:ined|ination)?|advanced|scope|reached)\\s+to"
              + "|(?:scope\\s+)?insertion(?:\\s+(?:depth|to))?|(?:length|distance|segment|extent)\\s+(?:of\\s+"
              + "(?:the\\s+)?(?:bowel|colon|ileum|small\\s+bowel)\\s+)?(?:examined|inspected|intubated|seen|evaluated"
              + "|visuali[sz]ed|reached))\\s*(?:\\([^)]{0,20}\\))?\\s*"
              + LEADER
              + "[:=-]?\\s*");

  /**
   * What the extent names that is the whole exam although it is not the cecum: the whole colon, the
   * far end of a defunctioned segment, or a length of bowel.
   */
  private static final AnchoredPattern WHOLE_OR_END =
      AnchoredPattern.compile(
          "\\b(?:whole|entire|total|full)\\b|\\b(?:rectum|rectal\\s+stump|anal\\s+canal|dentate"
              + "|anus)\\b|\\b\\d{1,3}\\s*(?:cm|centimet(?:er|re)s?)\\b");

  private static final AnchoredPattern END_POINT =
      AnchoredPattern.compile(
          "ca?ecum|ca?ecal|ileum|anastomo|complete|ileoca?ecal|appendiceal|\\b(?:neo-?)?ti\\b"
              + "|\\bnti\\b|\\b(?:ao|icv)\\b");

  private static final AnchoredPattern SHORT_OF_IT =
      AnchoredPattern.compile(
          "flex|colon|sigmoid|rectum|\\scm\\b|stoma|stricture|stenosis|lesion|narrowing"
              + "|\\b(?:[hs]f|tcv|transverse|desc|asc)\\b");

  private static final AnchoredPattern KEPT_SHORT =
      AnchoredPattern.compile("\\b(?:only|limited)\\b");

  /**
   * The stricture, the stoma or the fascia named as the point the exam reached: "TO THE STRICTURE
   * AT 18 CM", "stoma and stricture (not traversed)". A length after it places the lesion; it is
   * not a length of bowel examined ("20 cm beyond the stricture" names the length first).
   */
  private static final AnchoredPattern AT_THE_LESION =
      AnchoredPattern.compile(
          "[\\s,:-]*(?:(?:up\\s+)?to\\s+|at\\s+|until\\s+)?(?:the\\s+)?(?:level\\s+of\\s+(?:the\\s+)?)?"
              + "(?:stricture|stenosis|stenotic\\s+segment|lesion|narrowing|stoma|stomal|fascia)\\b");

  /** The scope went on past the lesion named first: "stricture, traversed to 40 cm". */
  private static final AnchoredPattern BEYOND_IT =
      AnchoredPattern.compile(
          "(?<!not\\s)(?<!never\\s)\\b(?:beyond|past|travers[a-z]*|crossed|passed|through|thru|above"
              + "|proximal\\s+to)\\b");

  /** A label asking whether the exam was complete: "Exam: incomplete", "Colonoscopy: complete". */
  private static final Pattern STATUS_LABEL =
      Rx.compile(
          "\\s*(?:exam(?:ination)?|colonoscopy|ileoscopy|endoscopy|completion|completeness"
              + "|(?:exam|colonoscopy)\\s+(?:status|completeness|completion)|complete\\s+(?:exam(?:ination)?"
              + "|colonoscopy|procedure)|(?:exam(?:ination)?|colonoscopy|procedure)\\s+complete(?:d)?"
              + "|(?:completion|completeness)\\s+of\\s+(?:the\\s+)?(?:exam(?:ination)?|colonoscopy|procedure))"
              + "\\s*\\??\\s*"
              + LEADER
              + "[:=-]?\\s*");

  /** A yes or no that is the whole answer, not "no polyps": what may follow it. */
  private static final String ANSWER_ENDS = "(?=\\s*(?:[.,;:(/-]|\\n|$))";

  private static final Pattern STATUS =
      Rx.compile(
          "(?:(in)complete|(partial|aborted|limited)|complete)\\b|(?:(no|n)|yes|y)" + ANSWER_ENDS);

  /** A landmark label answered no: "Caecal intubation: No", "TI: not reached". */
  private static final Pattern NOT_REACHED =
      Rx.compile(
          "(?:no|n)" + ANSWER_ENDS + "|not\\s+(?:reached|intubated|entered|seen|achieved)\\b");

  /**
   * A landmark as the label, its being reached as the content: "Cecum: reached", "TI: intubated".
   */
  private static final Pattern LANDMARK_LABEL =
      Rx.compile(
          "\\s*(?:ca?ecum|ca?ecal\\s+(?:intubation|pole|landmarks?)|(?:neo-?)?terminal\\s+ileum|(?:neo-?|n)?ti"
              + "|ileoca?ecal\\s+valve|icv"
              + "|appendiceal\\s+orifice|ileocolic\\s+anastomosis|anastomosis)(?:\\s+(?:reached|intubated"
              + "|seen|visuali[sz]ed|identified))?\\s*\\??\\s*"
              + LEADER
              + "[:=-]?\\s*");

  private static final Pattern LANDMARK_REACHED =
      Rx.compile(
          "(?:reached|intubated|entered|seen|identified|visuali[sz]ed|photographed|photo-?documented"
              + "|examined|yes|y)\\b");

  /**
   * What a label that is not an extent label says of the extent, from its content's first words:
   * "Exam: incomplete (hepatic flexure)", "Cecum: reached"; null when it says nothing of it.
   */
  static Tag byLabel(String f, int labelStart, int contentStart, int end) {
    String content = CheckBoxes.ticked(f, contentStart, end).stripLeading();
    if (STATUS_LABEL.matcher(f).region(labelStart, contentStart).matches()) {
      Matcher m = STATUS.matcher(content);
      if (m.lookingAt()) {
        return m.group(1) != null || m.group(2) != null || m.group(3) != null
            ? Tag.INCOMPLETE_STRONG
            : Tag.COMPLETE;
      }
      return null;
    }
    if (LANDMARK_LABEL.matcher(f).region(labelStart, contentStart).matches()) {
      if (LANDMARK_REACHED.matcher(content).lookingAt()) {
        return Tag.COMPLETE;
      }
      if (NOT_REACHED.matcher(content).lookingAt()) {
        // "Caecal intubation: No - limited to the descending colon", "Cecum reached: [ ] yes [x]
        // no"
        return Tag.INCOMPLETE_STRONG;
      }
    }
    return null;
  }

  /**
   * What {@code f[from, to)}, the text after an extent label, says: {@link Tag#COMPLETE}, {@link
   * Tag#INCOMPLETE_STRONG}, {@link Tag#NEG_ONLY} (not recorded), or null (nothing of the extent).
   */
  static Tag classify(String f, int from, int to) {
    Cues.Cue cue = Cues.content(f, from, to);
    if (cue != Cues.Cue.NONE) {
      return Tag.NEG_ONLY;
    }
    // A check-box list names what is ticked: "[x] Caecum [ ] Incomplete" is the caecum.
    String content = CheckBoxes.ticked(f, from, to);
    if (content.contains("incomplete")
        || content.contains("aborted")
        || content.contains("not reached")
        || content.contains("not advanced")
        || content.contains("not passed")) {
      return Tag.INCOMPLETE_STRONG;
    }
    if (END_POINT.finder(content).find()) {
      // "Extent: cecum", "Extent: neo-terminal ileum only" (an ileostomy's whole exam)
      return Tag.COMPLETE;
    }
    if (AT_THE_LESION.matcher(content).lookingAt() && !BEYOND_IT.finder(content).find()) {
      return Tag.INCOMPLETE_STRONG;
    }
    if (KEPT_SHORT.finder(content).find()) {
      // "Extent: 4 cm only", "Stoma only, 1-2 cm", "limited to the stricture"
      return Tag.INCOMPLETE_STRONG;
    }
    if (WHOLE_OR_END.finder(content).find()) {
      return Tag.COMPLETE;
    }
    if (SHORT_OF_IT.finder(content).find()) {
      return Tag.INCOMPLETE_STRONG;
    }
    return null;
  }
}
