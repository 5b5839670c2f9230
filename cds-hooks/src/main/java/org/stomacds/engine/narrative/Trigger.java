package org.stomacds.engine.narrative;

import java.util.Set;
import java.util.regex.Pattern;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * One phrasing of one element: a precompiled pattern over folded text, the sentences it may run on,
 * and how the words around a match bear on it.
 *
 * @param anyOf the sentence must carry at least one of these features (0: no requirement)
 * @param allOf the sentence must carry all of these features
 * @param innerNegation whether a negation word inside the match negates it ("cecum was not
 *     reached"); off for phrasings whose negation is their meaning ("could not be passed")
 * @param hypotheticalDrops whether a match talked about hypothetically (risks, plans, "checked
 *     for") is dropped
 * @param skipIn sections where the phrasing does not describe this procedure
 * @param guard an extra check a pattern cannot express cheaply, or null
 */
record Trigger(
    DocumentationElement element,
    Tag tag,
    Pattern pattern,
    long anyOf,
    long allOf,
    boolean innerNegation,
    boolean hypotheticalDrops,
    Set<Section> skipIn,
    Guard guard) {

  /** A check on a match in its sentence. */
  @FunctionalInterface
  interface Guard {
    boolean accept(String folded, Sentence sentence, int start, int end);
  }

  boolean runsOn(long mask, Section section) {
    return (anyOf == 0 || (mask & anyOf) != 0)
        && (mask & allOf) == allOf
        && !skipIn.contains(section);
  }
}
