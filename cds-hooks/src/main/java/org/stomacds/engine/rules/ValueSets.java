package org.stomacds.engine.rules;

/**
 * Where the rule pack finds the value sets it names (the terminology, in production). Asked only
 * while loading: the codes are copied into {@link CodeSet}s so evaluation never asks again.
 */
@FunctionalInterface
public interface ValueSets {

  /** The codes of the value set with this canonical url, or null when there is no such set. */
  CodeSet find(String url);
}
