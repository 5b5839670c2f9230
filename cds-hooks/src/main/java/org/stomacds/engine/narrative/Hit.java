package org.stomacds.engine.narrative;

import org.stomacds.engine.documentation.DocumentationElement;

/** A phrase found in a sentence, with what its sentence says about it. */
record Hit(Trigger trigger, int sentence, int start, int end, Polarity polarity, String group) {

  Tag tag() {
    return trigger.tag();
  }

  DocumentationElement element() {
    return trigger.element();
  }

  /** The earlier of two hits found in note order: the current one if there is one. */
  static Hit first(Hit current, Hit candidate) {
    return current == null ? candidate : current;
  }
}
