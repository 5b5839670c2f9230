package org.stomacds.cds.bodies;

/**
 * How much structure a parsed request body may have, whatever its byte size: a small body can still
 * hold a million empty objects ({@code [{},{},...]}) or a thousand levels of nesting, and each
 * costs a parser, a validator or a database index far more than its bytes.
 *
 * @param maxDepth deepest nesting of objects and arrays (JSON) or elements (XML)
 * @param maxArrayLength most items in one JSON array, or children of one XML element
 * @param maxValues most values in the whole body: objects, arrays, scalars (JSON); elements and
 *     attributes (XML)
 */
public record BodyLimits(int maxDepth, int maxArrayLength, int maxValues) {

  /** The defaults: generous for any real resource, transaction or hook call. */
  public static final BodyLimits DEFAULT = new BodyLimits(100, 10_000, 500_000);

  public BodyLimits {
    if (maxDepth < 8 || maxArrayLength < 10 || maxValues < 100) {
      throw new IllegalArgumentException(
          "body limits too small: depth >= 8, array length >= 10, values >= 100");
    }
  }
}
