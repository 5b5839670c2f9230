package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * A lumen's size dated by its own label before the general time cues are asked: "Lumen before
 * approximately 9 mm", "diameter after: ~14 mm" (the label's word says which side of the dilation,
 * whatever the words between it and the number), "about 5 mm to start", "6 mm at the outset"
 * (before the dilation), and a side right after the size: "8 mm before and 14 mm after".
 */
final class LumenSide {

  private LumenSide() {}

  /**
   * -1 (before the dilation) or +1 (after) when the size at {@code at} carries such a label, else
   * what {@code time} reads from the sentence's time cues.
   */
  static int direction(String f, Sentence s, int sentence, int at, DilationTime time) {
    AnchoredPattern.Finder label = LABEL_BEFORE.finder(f).region(s.start(), at);
    if (label.find()) {
      return label.group(1) != null ? -1 : 1;
    }
    if (s.contentStart() > s.start() && s.contentStart() <= at) {
      // a field or a table row labelled so: "Lumen before | admitted the scope (~13 mm)"
      java.util.regex.Matcher field = FIELD.matcher(f).region(s.start(), s.contentStart());
      if (field.lookingAt()) {
        return field.group(1) != null ? -1 : 1;
      }
    }
    if (AT_THE_START.matcher(f).region(at, s.end()).lookingAt()) {
      return -1;
    }
    java.util.regex.Matcher side = SIDE_AFTER.matcher(f).region(at, s.end());
    if (side.lookingAt()) {
      // "diameter 8 mm before and 14 mm after dilation": each size its own side
      return side.group(1) != null ? -1 : 1;
    }
    return time.direction(sentence, at);
  }

  /** The lumen's label right before its number, only estimate words between them. */
  private static final AnchoredPattern LABEL_BEFORE =
      AnchoredPattern.compile(
          "\\b(?:lumen|luminal\\s+diameter|diameter|opening|calibre|caliber|aperture)\\s+(?:(before|pre)"
              + "|after|post)\\s*[:=-]?\\s*(?:"
              + Features.INSTANCE.group(Feature.ESTIMATE)
              + "\\s*|~\\s*|est(?:imated)?\\.?\\s*)?$");

  /** A label naming the lumen and its side: "Lumen before", "Diameter (post-dilation)". */
  private static final Pattern FIELD =
      Rx.compile(
          "\\s*(?:lumen|luminal\\s+diameter|diameter|opening|calibre|caliber)\\s*\\(?\\s*(?:(before|pre)"
              + "|after|post)\\b");

  /** The size's figure or range, where the value starts. */
  private static final String NUMBER =
      "~?\\s*(?:\\d{1,2}(?:\\.\\d)?(?:\\s*-\\s*\\d{1,2}(?:\\.\\d)?)?)?";

  /** Right after the size: "8 mm before and 14 mm after dilation", "14 mm post". */
  private static final Pattern SIDE_AFTER =
      Rx.compile(
          NUMBER
              + "\\s*(?:mm|millimet(?:er|re)s?)\\s+(?:(before|pre(?:-?dil[a-z]*)?)|after|post(?:-?dil[a-z]*)?)"
              + "(?:\\s+(?:and|,|dilat[a-z]*|dil|the\\s+dilat[a-z]*)|\\s*[,;.)]|\\s*$)");

  /** After the size: "to start", "at the outset", "at first", "to begin with". */
  private static final Pattern AT_THE_START =
      Rx.compile(
          NUMBER
              + "\\s*(?:mm|millimet(?:er|re)s?)?\\s*,?\\s*(?:to\\s+(?:start|begin\\s+with)|at\\s+(?:the\\s+)?"
              + "(?:start|outset|beginning)|at\\s+first|initially)\\b");
}
