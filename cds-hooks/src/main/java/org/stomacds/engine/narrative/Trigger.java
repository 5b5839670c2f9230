package org.stomacds.engine.narrative;

import java.util.regex.Pattern;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * One phrasing of one element: a precompiled pattern over folded text, the sentences it may run on,
 * and how the words around a match bear on it.
 *
 * @param anyOf anchors (a bit set over anchor ids) of which the sentence must hold at least one
 *     (null: no requirement)
 * @param allOf features (a bit per {@link Feature}) the sentence must all hold
 * @param innerNegation whether a negation word inside the match negates it ("cecum was not
 *     reached"); off for phrasings whose negation is their meaning ("could not be passed")
 * @param hypotheticalDrops whether a match talked about hypothetically (risks, plans, "checked
 *     for") is dropped
 * @param skipIn sections where the phrasing does not describe this procedure (a bit per {@link
 *     Section} ordinal)
 * @param guard an extra check a pattern cannot express cheaply, or null
 * @param leading whether every match starts at the start of a word holding one of the {@code anyOf}
 *     anchors; such a trigger is tried only there, instead of at every position
 * @param source where the phrasing is written: {@code <table>.yaml#<row id>}
 */
record Trigger(
    DocumentationElement element,
    Tag tag,
    Pattern pattern,
    long[] anyOf,
    long allOf,
    boolean innerNegation,
    boolean hypotheticalDrops,
    int skipIn,
    Guard guard,
    boolean leading,
    String source) {

  /** A check on a match in its sentence. */
  @FunctionalInterface
  interface Guard {
    boolean accept(String folded, Sentence sentence, int start, int end);
  }

  /** Whether a sentence with these features, in this section, is one to try. */
  boolean accepts(long features, Section section) {
    return (features & allOf) == allOf && (skipIn & (1 << section.ordinal())) == 0;
  }
}
