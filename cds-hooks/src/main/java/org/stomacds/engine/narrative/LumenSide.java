package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * A lumen's size dated by its own label before the general time cues are asked: "Lumen before
 * approximately 9 mm", "diameter after: ~14 mm" (the label's word says which side of the dilation,
 * whatever the words between it and the number), and "about 5 mm to start", "6 mm at the outset"
 * (before the dilation).
 */
final class LumenSide {

  private LumenSide() {}

  /**
   * -1 (before the dilation) or +1 (after) when the size at {@code at} carries such a label, else
   * what {@code time} reads from the sentence's time cues.
   */
  static int direction(String f, Sentence s, int sentence, int at, DilationTime time) {
    java.util.regex.Matcher label = LABEL_BEFORE.matcher(f).region(s.start(), at);
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
    return time.direction(sentence, at);
  }

  /** The lumen's label right before its number, only estimate words between them. */
  private static final Pattern LABEL_BEFORE =
      Rx.compile(
          "\\b(?:lumen|luminal\\s+diameter|diameter|opening|calibre|caliber|aperture)\\s+(?:(before|pre)"
              + "|after|post)\\s*[:=-]?\\s*(?:"
              + Features.INSTANCE.group(Feature.ESTIMATE)
              + "\\s*|~\\s*|est(?:imated)?\\.?\\s*)?$");

  /** A label naming the lumen and its side: "Lumen before", "Diameter (post-dilation)". */
  private static final Pattern FIELD =
      Rx.compile(
          "\\s*(?:lumen|luminal\\s+diameter|diameter|opening|calibre|caliber)\\s*\\(?\\s*(?:(before|pre)"
              + "|after|post)\\b");

  /** After the size: "to start", "at the outset", "at first", "to begin with". */
  private static final Pattern AT_THE_START =
      Rx.compile(
          "\\s*(?:mm|millimet(?:er|re)s?)?\\s*,?\\s*(?:to\\s+(?:start|begin\\s+with)|at\\s+(?:the\\s+)?"
              + "(?:start|outset|beginning)|at\\s+first|initially)\\b");
}
